import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const operations: ResourceOperations = { create, delete: del, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector(
		'location',
		[
			{ name: 'Create', value: 'create', action: 'Create a location', description: 'Add a warehouse, depot, supplier or other location' },
			{ name: 'Delete', value: 'delete', action: 'Delete a location', description: 'Remove a location that was never used' },
			{ name: 'Get', value: 'get', action: 'Get a location', description: 'Get one location by its ID' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many locations',
				description: 'List active locations, optionally by name, type or activity',
			},
			{ name: 'Update', value: 'update', action: 'Update a location', description: 'Change fields of a location' },
		],
		'getAll',
	),
	...operationProperties(operations),
];
