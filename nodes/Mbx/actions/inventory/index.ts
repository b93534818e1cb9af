import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'inventory',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get an inventory record',
				description: 'Get the stock of one item at one location: on hand, allocated and on order',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many inventory records',
				description: 'List the stock MBX holds for you, by item and location',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
