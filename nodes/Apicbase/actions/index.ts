import { resourceRegistry } from '../../shared/router';
import * as assortmentFile from './supplierAssortmentFile';
import * as customerPackage from './supplierCustomerPackage';
import * as delivery from './delivery';
import * as outlet from './outlet';
import * as purchaseOrder from './purchaseOrder';
import * as stockItem from './stockItem';
import * as supplierCustomer from './supplierCustomer';
import * as supplierPurchaseOrder from './supplierPurchaseOrder';

/**
 * The two audiences of Apicbase get a node each, so that neither sees the other's resources:
 * a kitchen (restaurant, food-service team) working in its own library, and a supplier receiving
 * that kitchen's purchase orders.
 */

/** The Apicbase node: a kitchen's library, signed in with OAuth2 or a token from the Apicbase UI. */
export const kitchen = resourceRegistry(
	[
		{ name: 'Delivery', value: 'delivery', module: delivery },
		{ name: 'Outlet', value: 'outlet', module: outlet },
		{ name: 'Purchase Order', value: 'purchaseOrder', module: purchaseOrder },
		{ name: 'Stock Item', value: 'stockItem', module: stockItem },
	],
	'purchaseOrder',
);

/** The Apicbase Supplier node: always the Apicbase Supplier API credential. */
export const supplier = resourceRegistry(
	[
		{ name: 'Assortment File', value: 'supplierAssortmentFile', module: assortmentFile },
		{ name: 'Customer', value: 'supplierCustomer', module: supplierCustomer },
		{ name: 'Customer Package', value: 'supplierCustomerPackage', module: customerPackage },
		{ name: 'Purchase Order', value: 'supplierPurchaseOrder', module: supplierPurchaseOrder },
	],
	'supplierPurchaseOrder',
);
