import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { isObject } from '../../../shared/values';
import { purchaseOrderIdField } from './fields';

const show = { resource: ['purchaseOrder'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'OpenBoxes deletes only Pending purchase orders. Roll Back a placed order first.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	purchaseOrderIdField(show, 'The OpenBoxes ID of the purchase order to delete'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'purchaseOrderId', 'Purchase Order', itemIndex);
	// OpenBoxes answers 204 with no body.
	const response = await openBoxesRequest.call(this, 'DELETE', OPENBOXES_PATHS.purchaseOrder(id), { itemIndex });
	return { ...(isObject(response) ? response : {}), deleted: true, id };
}
