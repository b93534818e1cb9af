import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAll from './getAll';
import * as markFetched from './markFetched';
import * as markViewed from './markViewed';

export const operations: ResourceOperations = { getAll, markFetched, markViewed };

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
			{
				name: 'Mark as Fetched',
				value: 'markFetched',
				action: 'Mark supplier purchase orders as fetched',
				description: 'Flag orders as picked up by your system, for your own filtering (cannot be undone)',
			},
			{
				name: 'Mark as Viewed',
				value: 'markViewed',
				action: 'Mark supplier purchase orders as viewed',
				description: 'Tell the customer you acknowledged the orders and will deliver on the requested date (cannot be undone)',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
