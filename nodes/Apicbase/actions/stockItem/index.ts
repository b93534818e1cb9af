import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAll from './getAll';
import * as getStock from './getStock';

export const operations: ResourceOperations = { getAll, getStock };

export const description: INodeProperties[] = [
	operationSelector(
		'stockItem',
		[
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many stock items',
				description: 'List the stock items of an outlet',
			},
			{
				name: 'Get Stock',
				value: 'getStock',
				action: 'Get the stock of a stock item',
				description: 'Get the quantity and value in stock of one item at an outlet',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
