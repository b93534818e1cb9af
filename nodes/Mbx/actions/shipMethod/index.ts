import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'shipMethod',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get a ship method',
				description: 'Get one shipping method with its carrier',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many ship methods',
				description: 'List the shipping methods you can choose for an order',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
