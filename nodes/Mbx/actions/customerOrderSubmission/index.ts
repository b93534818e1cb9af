import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const operations: ResourceOperations = { create, delete: del, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector(
		'customerOrderSubmission',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a customer order submission',
				description: 'Submit a new order for MBX to ship',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a customer order submission',
				description: 'Delete an order while it is still Pending',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a customer order submission',
				description: 'Get one order with its status, and its invoices and tracking numbers once shipped',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many customer order submissions',
				description: 'List orders, optionally by status, purchase order or customer order',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a customer order submission',
				description: 'Change an order while it is still Pending',
			},
		],
		'create',
	),
	...operationProperties(operations),
];
