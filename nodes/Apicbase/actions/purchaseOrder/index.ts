import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'purchaseOrder',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get a purchase order',
				description: 'Get one of your purchase orders by its API ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many purchase orders',
				description: 'List your purchase orders, with filters',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
