import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { stockMovementIdField } from './fields';
import { dataObject } from '../../helpers';

const show = { resource: ['stockMovement'], operation: ['get'] };

export const description: INodeProperties[] = [
	stockMovementIdField(show, 'The OpenBoxes ID of the stock movement (a long code), not its short identifier'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'stockMovementId', 'Stock Movement', itemIndex);
	return dataObject(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.stockMovement(id), { itemIndex }));
}
