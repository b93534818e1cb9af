import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as getLineItems from './getLineItems';
import * as updateItems from './updateItems';
import * as updateShipment from './updateShipment';
import * as updateStatus from './updateStatus';

export const operations: ResourceOperations = {
	create,
	delete: del,
	get,
	getAll,
	getLineItems,
	updateItems,
	updateShipment,
	updateStatus,
};

export const description: INodeProperties[] = [
	operationSelector(
		'stockMovement',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a stock movement',
				description: 'Start moving stock from one location to another',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a stock movement',
				description: 'Delete a stock movement that has not been shipped',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a stock movement',
				description: 'Get one stock movement with its lines and status',
			},
			{
				name: 'Get Line Items',
				value: 'getLineItems',
				action: 'Get the lines of a stock movement',
				description: 'List the products and quantities of one stock movement',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many stock movements',
				description: 'List incoming or outgoing stock movements, optionally filtered',
			},
			{
				name: 'Update Items',
				value: 'updateItems',
				action: 'Update the lines of a stock movement',
				description: 'Add lines to a stock movement, or change its existing lines',
			},
			{
				name: 'Update Shipment',
				value: 'updateShipment',
				action: 'Update the shipment of a stock movement',
				description: 'Set the ship date, tracking number, driver and expected delivery',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a stock movement',
				description: 'Move a stock movement to its next step (requested, picking, picked, checking, dispatched) or back',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
