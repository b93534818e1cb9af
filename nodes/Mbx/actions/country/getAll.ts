import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { MBX_FILTERS_HINT } from '../../filters';
import { mbxList } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['country'], operation: ['getAll'] };

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
				displayName: 'ISO Code',
				name: 'iso_code',
				type: 'string',
				default: '',
				placeholder: 'CA',
				description: 'Two-letter ISO 3166 code, e.g. CA for Canada',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Exact country name as MBX spells it',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const cleaned = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '' && v !== undefined));
	if (typeof cleaned.iso_code === 'string') cleaned.iso_code = cleaned.iso_code.trim().toUpperCase();
	return await mbxList.call(this, MBX_PATHS.countries, {
		filters: cleaned,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
