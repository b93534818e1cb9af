import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseRequest } from '../../transport';
import { customerCredentialType } from '../../authentication';
import { purchaseOrderLocator } from '../../pickers';
import { isObject } from '../../../shared/values';

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
	purchaseOrderLocator(show, {
		searchMethod: 'searchOpenPurchaseOrders',
		description: 'The purchase order to close for deliveries: pick it from the orders still accepting deliveries, or enter its API ID',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'purchaseOrderId', 'Purchase Order', itemIndex);
	const response = await apicbaseRequest.call(
		this,
		customerCredentialType(this),
		'POST',
		APICBASE_PATHS.purchaseOrderCloseDeliveries(id),
		{ itemIndex },
	);
	return isObject(response) ? response : { id, delivery_closed: true };
}
