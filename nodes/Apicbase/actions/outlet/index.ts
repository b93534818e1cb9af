import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAll from './getAll';

export const operations: ResourceOperations = { getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'outlet',
		[
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many outlets',
				description: 'List your outlets (locations); their IDs are needed for stock and order filters',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
