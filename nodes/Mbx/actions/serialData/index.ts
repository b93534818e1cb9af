import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as create from './create';
import * as getAll from './getAll';

export const operations: ResourceOperations = { create, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'serialData',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create serial data',
				description: 'Record a value for a system, e.g. a MAC address found while testing it',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many serial data records',
				description: 'List the values recorded for your systems',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
