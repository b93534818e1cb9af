import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter, positiveInteger } from '../../../shared/parameters';
import { MBX_FILTERS_HINT } from '../../filters';
import { mbxList } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['inventory'], operation: ['getAll'] };

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
				displayName: 'Inventory Location ID',
				name: 'inventory_location_id',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Only return stock held at this MBX location',
			},
			{
				displayName: 'Item ID',
				name: 'item_id',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Only return stock of this MBX item',
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
	if (filters.inventory_location_id !== undefined && filters.inventory_location_id !== '') {
		q.inventory_location_id = positiveInteger(this, filters.inventory_location_id, 'Inventory Location ID', itemIndex);
	}
	return await mbxList.call(this, MBX_PATHS.inventories, {
		filters: q,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
