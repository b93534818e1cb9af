import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { MBX_FILTERS_HINT } from '../../filters';
import { mbxList } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['item'], operation: ['getAll'] };

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
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Exact item name as it is stored at MBX',
			},
			{
				displayName: 'Serialized',
				name: 'serialized',
				type: 'boolean',
				default: false,
				description: 'Whether to return only items tracked by serial number (on) or only items without serial numbers (off)',
			},
			{
				displayName: 'Stocked',
				name: 'stocked',
				type: 'boolean',
				default: false,
				description: 'Whether to return only items MBX keeps in stock (on) or only items it does not stock (off)',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const q: IDataObject = {};
	if (typeof filters.name === 'string' && filters.name.trim() !== '') q.name = filters.name.trim();
	if (typeof filters.stocked === 'boolean') q.stocked = filters.stocked;
	if (typeof filters.serialized === 'boolean') q.serialized = filters.serialized;
	return await mbxList.call(this, MBX_PATHS.items, {
		filters: q,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
