import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAll from './getAll';
import * as markFetched from './markFetched';
import * as markViewed from './markViewed';
import * as respond from './respond';

export const operations: ResourceOperations = { getAll, markFetched, markViewed, respond };

export const description: INodeProperties[] = [
	operationSelector(
		'supplierPurchaseOrder',
		[
			{
				name: 'Accept or Refuse',
				value: 'respond',
				action: 'Accept or refuse the order that started this workflow',
				description: 'Answer the Apicbase Supplier Trigger: accept the order, or refuse it with a reason (Apicbase shows the customer that it failed)',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many purchase orders',
				description: 'List purchase orders your Apicbase customers sent you',
			},
			{
				name: 'Mark as Fetched',
				value: 'markFetched',
				action: 'Mark purchase orders as fetched',
				description: 'Flag orders as picked up by your system, for your own filtering (cannot be undone)',
			},
			{
				name: 'Mark as Viewed',
				value: 'markViewed',
				action: 'Mark purchase orders as viewed',
				description: 'Tell the customer you acknowledged the orders and will deliver on the requested date (cannot be undone)',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
