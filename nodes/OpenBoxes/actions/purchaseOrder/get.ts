import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataObject } from '../../helpers';
import { purchaseOrderIdField } from './fields';

const show = { resource: ['purchaseOrder'], operation: ['get'] };

export const description: INodeProperties[] = [
	purchaseOrderIdField(show, 'The OpenBoxes ID of the purchase order (a long code), not its order number'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'purchaseOrderId', 'Purchase Order', itemIndex);
	return dataObject(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.purchaseOrder(id), { itemIndex }));
}
