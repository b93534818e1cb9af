import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { linesField, readLineItems, stockMovementIdField } from './fields';
import { dataObject } from '../../helpers';

const show = { resource: ['stockMovement'], operation: ['updateItems'] };

export const description: INodeProperties[] = [
	stockMovementIdField(show, 'The OpenBoxes ID of the stock movement to change'),
	linesField(show, true),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'stockMovementId', 'Stock Movement', itemIndex);
	const lineItems = readLineItems(this, itemIndex, { required: true });
	const response = await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.stockMovementUpdateItems(id), {
		body: { lineItems },
		itemIndex,
	});
	return dataObject(response);
}
