import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as closeDeliveries from './closeDeliveries';
import * as createDraft from './createDraft';
import * as submit from './submit';

export const operations: ResourceOperations = { createDraft, submit, closeDeliveries };

export const description: INodeProperties[] = [
	operationSelector(
		'delivery',
		[
			{
				name: 'Close Deliveries',
				value: 'closeDeliveries',
				action: 'Close deliveries of a purchase order',
				description: 'Stop a purchase order from accepting further deliveries',
			},
			{
				name: 'Create Draft',
				value: 'createDraft',
				action: 'Create a delivery draft',
				description: 'Record what arrived for a purchase order, as a draft to submit later',
			},
			{
				name: 'Submit',
				value: 'submit',
				action: 'Submit a delivery draft',
				description: 'Book a delivery draft: stock and package prices are updated',
			},
		],
		'createDraft',
	),
	...operationProperties(operations),
];
