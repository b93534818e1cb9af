import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as rollback from './rollback';
import * as update from './update';

export const operations: ResourceOperations = { create, delete: del, get, getAll, rollback, update };

export const description: INodeProperties[] = [
	operationSelector(
		'purchaseOrder',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a purchase order',
				description: 'Order products from a supplier (hosted OpenBoxes API)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a purchase order',
				description: 'Delete a purchase order while it is still Pending',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a purchase order',
				description: 'Get one purchase order with its lines',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many purchase orders',
				description: 'List purchase orders, optionally by status, supplier, destination or date',
			},
			{
				name: 'Roll Back',
				value: 'rollback',
				action: 'Roll back a purchase order',
				description: 'Move a purchase order back one status',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a purchase order',
				description: 'Change a purchase order (hosted OpenBoxes API)',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
