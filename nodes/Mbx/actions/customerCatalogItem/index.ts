import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'customerCatalogItem',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get a customer catalog item',
				description: 'Get the price and your SKU for one catalog entry by its MBX ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many customer catalog items',
				description: 'List your catalog entries with their prices and SKUs',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
