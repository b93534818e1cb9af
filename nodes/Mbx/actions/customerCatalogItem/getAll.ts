import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter, positiveInteger } from '../../../shared/parameters';
import { MBX_FILTERS_HINT } from '../../filters';
import { mbxList } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['customerCatalogItem'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		hint: MBX_FILTERS_HINT,
		displayOptions: { show },
		options: [
			{
				displayName: 'Customer SKU',
				name: 'customer_sku',
				type: 'string',
				default: '',
				description: 'Your own SKU for the item, exactly as it is stored at MBX',
			},
			{
				displayName: 'Item ID',
				name: 'item_id',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Only return catalog entries for this MBX item',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const q: IDataObject = {};
	if (filters.item_id !== undefined && filters.item_id !== '') {
		q.item_id = positiveInteger(this, filters.item_id, 'Item ID', itemIndex);
	}
	if (typeof filters.customer_sku === 'string' && filters.customer_sku.trim() !== '') {
		q.customer_sku = filters.customer_sku.trim();
	}
	return await mbxList.call(this, MBX_PATHS.customerCatalogItems, {
		filters: q,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
