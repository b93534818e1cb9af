import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'product',
		[
			{ name: 'Get', value: 'get', action: 'Get a product', description: 'Get one product by its ID' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many products',
				description: 'List products from the catalog, optionally filtered',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
