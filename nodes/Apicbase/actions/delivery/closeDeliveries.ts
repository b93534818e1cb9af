import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredStringParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseRequest, customerCredentialType } from '../../transport';

const show = { resource: ['delivery'], operation: ['closeDeliveries'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Closing is final: the order accepts no more deliveries, even if not everything arrived',
		name: 'closeDeliveriesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Purchase Order ID',
		name: 'purchaseOrderId',
		type: 'string',
		required: true,
		default: '',
		description: 'The API ID of the purchase order to close for deliveries',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredStringParameter(this, 'purchaseOrderId', 'Purchase Order ID', itemIndex);
	const response = await apicbaseRequest.call(
		this,
		customerCredentialType(this),
		'POST',
		APICBASE_PATHS.purchaseOrderCloseDeliveries(id),
		{ itemIndex },
	);
	return response && typeof response === 'object' && !Array.isArray(response)
		? (response as IDataObject)
		: { id, delivery_closed: true };
}
