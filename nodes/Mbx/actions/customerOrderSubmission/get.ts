import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
import { mbxGet } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['customerOrderSubmission'], operation: ['get'] };

export const description: INodeProperties[] = [
	mbxRecordLocator({
		name: 'orderId',
		displayName: 'Order',
		searchMethod: 'searchOrders',
		show,
		description: 'The order to get. Search the list by purchase order, or give its MBX ID.',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'orderId', 'Order ID', itemIndex);
	return await mbxGet.call(this, MBX_PATHS.order(id), itemIndex);
}
