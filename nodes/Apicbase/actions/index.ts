import type { INodeProperties } from 'n8n-workflow';

import { resourceRegistry } from '../../shared/router';
import * as assortmentFile from './supplierAssortmentFile';
import * as customerPackage from './supplierCustomerPackage';
import * as delivery from './delivery';
import * as orderWebhook from './orderWebhook';
import * as outlet from './outlet';
import * as purchaseOrder from './purchaseOrder';
import * as stockItem from './stockItem';
import * as supplierCustomer from './supplierCustomer';
import * as supplierPurchaseOrder from './supplierPurchaseOrder';

/** Resources for a restaurant or kitchen using Apicbase: they sign in with OAuth2 or a UI token. */
export const CUSTOMER_RESOURCES = ['delivery', 'outlet', 'purchaseOrder', 'stockItem'];

/**
 * Resources for a supplier receiving orders: always the Apicbase Supplier API credential.
 * Order Webhook needs none: it only answers the call that started the run.
 */
export const SUPPLIER_RESOURCES = ['supplierAssortmentFile', 'supplierCustomer', 'supplierCustomerPackage', 'supplierPurchaseOrder'];

/** Every Apicbase resource, sorted as the Resource dropdown shows them: the supplier ones last, together. */
const registry = resourceRegistry(
	[
		{ name: 'Delivery', value: 'delivery', module: delivery },
		{ name: 'Outlet', value: 'outlet', module: outlet },
		{ name: 'Purchase Order', value: 'purchaseOrder', module: purchaseOrder },
		{ name: 'Stock Item', value: 'stockItem', module: stockItem },
		{ name: 'Supplier: Assortment File', value: 'supplierAssortmentFile', module: assortmentFile },
		{ name: 'Supplier: Customer', value: 'supplierCustomer', module: supplierCustomer },
		{ name: 'Supplier: Customer Package', value: 'supplierCustomerPackage', module: customerPackage },
		{ name: 'Supplier: Order Webhook', value: 'orderWebhook', module: orderWebhook },
		{ name: 'Supplier: Purchase Order', value: 'supplierPurchaseOrder', module: supplierPurchaseOrder },
	],
	'supplierPurchaseOrder',
);

export const resourceOperations = registry.operations;

/** The customer-side sign-in choice, then the resources and their fields. */
export const resourceProperties: INodeProperties[] = [
	registry.properties[0],
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'OAuth2', value: 'oAuth2' },
			{ name: 'Access Token (Generated in Apicbase)', value: 'accessToken' },
		],
		default: 'oAuth2',
		description: 'How to sign in to your Apicbase library',
		displayOptions: { show: { resource: CUSTOMER_RESOURCES } },
	},
	...registry.properties.slice(1),
];
