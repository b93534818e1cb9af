import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAll from './getAll';

export const operations: ResourceOperations = { getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'supplierCustomer',
		[
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many customers',
				description: 'List the Apicbase customers linked to you, with their customer numbers',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
