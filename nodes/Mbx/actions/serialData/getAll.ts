import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { MBX_FILTERS_HINT } from '../../filters';
import { mbxList } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['serialData'], operation: ['getAll'] };

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
				displayName: 'Manufacturer Serial',
				name: 'manufacturer_serial',
				type: 'string',
				default: '',
				placeholder: 'e.g. 124567',
				description: 'Only return data recorded for the system with this serial number',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const q: IDataObject = {};
	if (typeof filters.manufacturer_serial === 'string' && filters.manufacturer_serial.trim() !== '') {
		q.manufacturer_serial = filters.manufacturer_serial.trim();
	}
	return await mbxList.call(this, MBX_PATHS.serialData, {
		filters: q,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
