import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'item',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get an item',
				description: 'Get one of your items with its stocking and serial settings',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many items',
				description: 'List the items you own at MBX, optionally filtered',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
