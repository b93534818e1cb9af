import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredStringParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseRequest, customerCredentialType } from '../../transport';

const show = { resource: ['purchaseOrder'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Purchase Order ID',
		name: 'purchaseOrderId',
		type: 'string',
		required: true,
		default: '',
		description: 'The API ID of the purchase order (not the order number shown in Apicbase)',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredStringParameter(this, 'purchaseOrderId', 'Purchase Order ID', itemIndex);
	return (await apicbaseRequest.call(this, customerCredentialType(this), 'GET', APICBASE_PATHS.purchaseOrder(id), {
		itemIndex,
	})) as IDataObject;
}
