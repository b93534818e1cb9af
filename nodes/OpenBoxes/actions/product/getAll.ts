import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { openBoxesList } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';

const show = { resource: ['product'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Include Inactive',
				name: 'includeInactive',
				type: 'boolean',
				default: false,
				description: 'Whether to include products that are no longer active',
			},
			{
				displayName: 'Search',
				name: 'q',
				type: 'string',
				default: '',
				description: 'Matches name, product code, description, brand, manufacturer or vendor',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'options',
				options: [
					{ name: 'Date Created', value: 'dateCreated' },
					{ name: 'Last Updated', value: 'lastUpdated' },
					{ name: 'Name', value: 'name' },
					{ name: 'Product Code', value: 'productCode' },
				],
				default: 'name',
			},
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const query: IDataObject = { ...sort };
	if (typeof filters.q === 'string' && filters.q.trim()) query.q = filters.q.trim();
	if (filters.includeInactive === true) query.includeInactive = true;
	return await openBoxesList.call(this, OPENBOXES_PATHS.products, { query, limit: limitParameter(this, itemIndex), itemIndex });
}
