import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as respond from './respond';

export const operations: ResourceOperations = { respond };

export const description: INodeProperties[] = [
	operationSelector(
		'orderWebhook',
		[
			{
				name: 'Respond',
				value: 'respond',
				action: 'Accept or refuse an order from the Apicbase Trigger',
				description: 'Answer the Apicbase call that started this run: accept the order, or refuse it with a reason',
			},
		],
		'respond',
	),
	...operationProperties(operations),
];
