import { resourceRegistry } from '../../shared/router';
import * as genericApi from './genericApi';
import * as inventory from './inventory';
import * as location from './location';
import * as product from './product';
import * as purchaseOrder from './purchaseOrder';
import * as putAway from './putAway';
import * as stockMovement from './stockMovement';
import * as user from './user';

/** Every OpenBoxes resource the node offers, in the order the Resource dropdown shows them. */
const registry = resourceRegistry(
	[
		{ name: 'Inventory', value: 'inventory', module: inventory },
		{ name: 'Location', value: 'location', module: location },
		{ name: 'Product', value: 'product', module: product },
		{ name: 'Purchase Order', value: 'purchaseOrder', module: purchaseOrder },
		{ name: 'Put-Away', value: 'putAway', module: putAway },
		{ name: 'Record (Generic API)', value: 'genericApi', module: genericApi },
		{ name: 'Stock Movement', value: 'stockMovement', module: stockMovement },
		{ name: 'User', value: 'user', module: user },
	],
	'product',
);

export const resourceOperations = registry.operations;

export const subtitle = registry.subtitle;

export const resourceProperties = registry.properties;
