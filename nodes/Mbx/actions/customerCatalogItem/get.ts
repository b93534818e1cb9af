import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { positiveIntegerParameter } from '../../../shared/parameters';
import { mbxRequest } from '../../transport';

const show = { resource: ['customerCatalogItem'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Customer Catalog Item ID',
		name: 'customerCatalogItemId',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		required: true,
		description: 'MBX ID of the catalog entry (not the item ID or your SKU). Use Get Many to look IDs up.',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = positiveIntegerParameter(this, 'customerCatalogItemId', 'Customer Catalog Item ID', itemIndex);
	return (await mbxRequest.call(this, 'GET', `/v2/customer_catalog_items/${id}`, { itemIndex })) as IDataObject;
}
