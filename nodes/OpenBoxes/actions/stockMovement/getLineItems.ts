import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter, requiredIdParameter } from '../../../shared/parameters';
import { openBoxesList } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { stockMovementIdField } from './fields';

const show = { resource: ['stockMovement'], operation: ['getLineItems'] };

export const description: INodeProperties[] = [
	stockMovementIdField(show, 'The OpenBoxes ID of the stock movement whose lines to list'),
	...returnAllOrLimit(show),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requiredIdParameter(this, 'stockMovementId', 'Stock Movement', itemIndex);
	// Pages with max/offset; OpenBoxes gives no total here, so a short page ends the list.
	return await openBoxesList.call(this, OPENBOXES_PATHS.stockMovementItems(id), {
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
