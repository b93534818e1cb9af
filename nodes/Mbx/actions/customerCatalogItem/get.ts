import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
import { mbxGet } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['customerCatalogItem'], operation: ['get'] };

export const description: INodeProperties[] = [
	mbxRecordLocator({
		name: 'customerCatalogItemId',
		displayName: 'Customer Catalog Item',
		searchMethod: 'searchCustomerCatalogItems',
		show,
		description:
			'The catalog entry to get: pick it from the list (type an MBX item ID, or your SKU exactly, to narrow it) or enter the MBX ID of the entry, the "id" of Customer Catalog Item > Get Many (not the item ID or your SKU)',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'customerCatalogItemId', 'Customer Catalog Item', itemIndex);
	return await mbxGet.call(this, MBX_PATHS.customerCatalogItem(id), itemIndex);
}
