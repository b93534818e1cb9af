import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAll from './getAll';

export const operations: ResourceOperations = { getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'supplierCustomerPackage',
		[
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many customer packages',
				description: 'List the packages (your articles) a customer can order from you',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
