import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as search from './search';
import * as update from './update';

export const operations: ResourceOperations = { create, delete: del, get, getAll, search, update };

export const description: INodeProperties[] = [
	{
		displayName:
			'For OpenBoxes records the other resources do not cover. Creating, changing and deleting need the Manager role.',
		name: 'genericApiNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['genericApi'] } },
	},
	operationSelector(
		'genericApi',
		[
			{ name: 'Create', value: 'create', action: 'Create records of any type', description: 'Create one record, or several from a list' },
			{ name: 'Delete', value: 'delete', action: 'Delete a record of any type', description: 'Delete one record by its ID' },
			{ name: 'Get', value: 'get', action: 'Get a record of any type', description: 'Get one record by its ID' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many records of any type', description: 'List records of one kind' },
			{
				name: 'Search',
				value: 'search',
				action: 'Search records of any type',
				description: 'Find records whose fields match conditions',
			},
			{ name: 'Update', value: 'update', action: 'Update a record of any type', description: 'Change fields of one record' },
		],
		'getAll',
	),
	...operationProperties(operations),
];
