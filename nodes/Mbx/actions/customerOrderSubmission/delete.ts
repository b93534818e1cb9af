import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
import { mbxRequest } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['customerOrderSubmission'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		displayName: 'MBX deletes an order only while it is Pending. Once it is released or shipped, MBX refuses.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	mbxRecordLocator({
		name: 'orderId',
		displayName: 'Order',
		searchMethod: 'searchOrders',
		show,
		description: 'The order to delete. Search the list by purchase order, or give its MBX ID.',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'orderId', 'Order ID', itemIndex);
	const response = await mbxRequest.call(this, 'DELETE', MBX_PATHS.order(id), { itemIndex });
	const returned = response && typeof response === 'object' && !Array.isArray(response) ? (response as IDataObject) : {};
	return { ...returned, deleted: true, id };
}
