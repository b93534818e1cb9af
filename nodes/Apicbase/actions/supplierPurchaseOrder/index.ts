import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAll from './getAll';

export const operations: ResourceOperations = { getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'supplierPurchaseOrder',
		[
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many supplier purchase orders',
				description: 'List purchase orders your Apicbase customers sent you',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
