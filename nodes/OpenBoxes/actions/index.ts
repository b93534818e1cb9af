import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../shared/router';
import * as genericApi from './genericApi';
import * as inventory from './inventory';
import * as location from './location';
import * as product from './product';
import * as purchaseOrder from './purchaseOrder';
import * as putAway from './putAway';
import * as stockMovement from './stockMovement';
import * as user from './user';

interface ResourceModule {
	operations: ResourceOperations;
	description: INodeProperties[];
}

/** Every OpenBoxes resource the node offers, in the order the Resource dropdown shows them. */
const RESOURCES: Array<{ name: string; value: string; module: ResourceModule }> = [
	{ name: 'Generic API', value: 'genericApi', module: genericApi },
	{ name: 'Inventory', value: 'inventory', module: inventory },
	{ name: 'Location', value: 'location', module: location },
	{ name: 'Product', value: 'product', module: product },
	{ name: 'Purchase Order', value: 'purchaseOrder', module: purchaseOrder },
	{ name: 'Put-Away', value: 'putAway', module: putAway },
	{ name: 'Stock Movement', value: 'stockMovement', module: stockMovement },
	{ name: 'User', value: 'user', module: user },
];

export const resourceOperations: Record<string, ResourceOperations> = Object.fromEntries(
	RESOURCES.map(({ value, module }) => [value, module.operations]),
);

export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map(({ name, value }) => ({ name, value })),
		default: 'product',
	},
	...RESOURCES.flatMap(({ module }) => module.description),
];
