import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'invoice',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get an invoice',
				description: 'Get one invoice with its order, billing date and total',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many invoices',
				description: 'List your invoices, for example to reconcile billing',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
