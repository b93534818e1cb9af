import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as create from './create';
import * as getAll from './getAll';

export const operations: ResourceOperations = { create, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'user',
		[
			{ name: 'Create', value: 'create', action: 'Create a user', description: 'Add a person who can log in to OpenBoxes' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				description: 'List users, optionally by name, activity or role',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
