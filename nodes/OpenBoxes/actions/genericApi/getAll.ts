import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { fieldError, limitParameter } from '../../../shared/parameters';
import { openBoxesList } from '../../transport';
import { trimmed } from '../../../shared/values';
import { resourceNameField, resourcePath } from './fields';

const show = { resource: ['genericApi'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	resourceNameField(show),
	...returnAllOrLimit(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
				description: 'Sort direction, used with Sort By',
			},
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'string',
				default: '',
				placeholder: 'e.g. dateCreated',
				description: 'Field of the record to sort by',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const path = resourcePath(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	const sort = trimmed(options.sort);
	if (sort) {
		if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(sort)) {
			throw fieldError(this, `Sort By "${sort}" is not a field name`, 'Sort By', itemIndex);
		}
		query.sort = sort;
		query.order = options.order === 'desc' ? 'desc' : 'asc';
	}
	// The generic list has no total count: pages of 100 are fetched until a short page.
	return await openBoxesList.call(this, path, { query, limit: limitParameter(this, itemIndex), itemIndex });
}
