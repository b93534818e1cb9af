import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { purchaseOrderLocator } from '../../pickers';
import { apicbaseRequest } from '../../transport';
import { customerCredentialType } from '../../authentication';

const show = { resource: ['purchaseOrder'], operation: ['get'] };

export const description: INodeProperties[] = [
	purchaseOrderLocator(show, {
		searchMethod: 'searchPurchaseOrders',
		description: 'The purchase order to get: pick it from the list or enter its API ID',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'purchaseOrderId', 'Purchase Order', itemIndex);
	return (await apicbaseRequest.call(this, customerCredentialType(this), 'GET', APICBASE_PATHS.purchaseOrder(id), {
		itemIndex,
	})) as IDataObject;
}
