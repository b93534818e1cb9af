/**
 * Fields the purchase order operations share, and the order body Create and Update send. The
 * hosted OpenBoxes documentation lists POST/PUT for `/api/purchaseOrders`; the open-source server
 * has no such action and answers 404, which `explainMissingOrderApi` turns into a plain message.
 */
import {
	NodeApiError,
	type IDataObject,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { toOpenBoxesDate } from '../../dates';
import { withOpenBoxesUrlMode } from '../../recordUrl';
import { ID_PLACEHOLDER, locationPicker, userField } from '../../pickers';
import { collectionEntries } from '../../helpers';
import { fieldError, nonNegativeNumber, positiveInteger } from '../../../shared/parameters';
import { trimmed } from '../../../shared/values';

export const ORDER_API_NOTICE =
	'Needs hosted OpenBoxes (openboxes.cloud): the open-source edition has no API for this and answers 404. There, use the OpenBoxes web app.';

/** The web app pages of a purchase order, each ending in its ID: `…/openboxes/order/show/<id>` and the edit pages. */
export const PURCHASE_ORDER_PAGES = ['order/show', 'purchaseOrder/edit', 'purchaseOrder/addItems'];

/** The Purchase Order picker (parameter `purchaseOrderId`): From List, By ID or By URL. */
export function purchaseOrderIdField(show: IDisplayOptions['show'], description: string): INodeProperties {
	const locator = recordLocator({
		name: 'purchaseOrderId',
		displayName: 'Purchase Order',
		searchMethod: 'searchPurchaseOrders',
		show,
		description,
		idPlaceholder: ID_PLACEHOLDER,
	});
	return {
		...withOpenBoxesUrlMode(locator, { pages: PURCHASE_ORDER_PAGES, example: 'order/show', record: 'a purchase order' }),
		hint: 'Search the list by order number or description. The ID is the long code that ends the order’s address in OpenBoxes (…/order/show/…), also the "id" of Get Many; it is not the order number such as PO-1234.',
	};
}

export const supplierField: INodeProperties = {
	displayName: 'Supplier Name or ID',
	name: 'supplier',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSuppliers' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The supplier location the goods are ordered from',
};

export const orderedByField: INodeProperties = userField('orderedBy', 'Ordered By', 'The person placing the order');

export const dateOrderedField: INodeProperties = {
	displayName: 'Date Ordered',
	name: 'dateOrdered',
	type: 'dateTime',
	default: '',
	description: 'When the order was placed',
};

export const orderNumberField: INodeProperties = {
	displayName: 'Order Number',
	name: 'orderNumber',
	type: 'string',
	default: '',
	placeholder: 'e.g. PO-1234',
	description: 'Your purchase order number. Left out, OpenBoxes numbers the order itself.',
};

export const orderNameField: INodeProperties = {
	displayName: 'Description',
	name: 'name',
	type: 'string',
	default: '',
	description: 'A short description of the order',
};

export function destinationPicker(show: IDisplayOptions['show']): INodeProperties {
	return locationPicker({
		name: 'destination',
		displayName: 'Destination',
		show,
		description: 'Where the goods are delivered. Leave empty to use the location set in the credential.',
	});
}

export function orderLinesField(): INodeProperties {
	return {
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		description: 'The products to order, one line per product',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Product ID',
						name: 'productId',
						type: 'string',
						default: '',
						required: true,
						placeholder: ID_PLACEHOLDER,
						description: 'The OpenBoxes ID of the product (a long code), e.g. from a Product "Get Many" step',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
						required: true,
						description: 'How many units to order',
					},
					{
						// Text, not a number field: a number field always holds a value (0 when untouched), and
						// OpenBoxes keeps a line without a price (OrderItem.unitPrice is nullable).
						displayName: 'Unit Price',
						name: 'unitPrice',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2.50',
						description: 'Price of one unit, in the order’s currency',
						hint: 'Leave empty to order the line without a price',
					},
				],
			},
		],
	};
}

/**
 * The Lines field as order items; refuses an empty list, a missing product and quantity < 1. A
 * line's Unit Price is sent only when given.
 */
export function readOrderItems(context: IExecuteFunctions, raw: unknown, itemIndex: number): IDataObject[] {
	const lines = collectionEntries(raw, 'line');
	if (lines.length === 0) {
		throw fieldError(context, 'Lines is empty; add at least one line', 'Lines', itemIndex, 'Add a line with a product and a quantity under "Lines".');
	}
	return lines.map((line, index) => {
		const at = `line ${index + 1}`;
		const productId = trimmed(line.productId);
		if (productId === '') {
			throw fieldError(context, `Product ID is required (${at})`, 'Product ID', itemIndex, `Fill in "Product ID" on ${at} of "Lines".`);
		}
		const item: IDataObject = {
			product: { id: productId },
			quantity: positiveInteger(context, line.quantity, `Quantity (${at})`, itemIndex),
		};
		if (trimmed(line.unitPrice) !== '') item.unitPrice = nonNegativeNumber(context, line.unitPrice, `Unit Price (${at})`, itemIndex);
		return item;
	});
}

/** Date Ordered as OpenBoxes writes dates (`MM/dd/yyyy`); undefined when empty. */
export function dateOrdered(context: IExecuteFunctions, raw: unknown, itemIndex: number): string | undefined {
	return toOpenBoxesDate(context, raw, 'Date Ordered', itemIndex);
}

/**
 * Sends a create/update and, when the server answers 404, says in plain words why: most likely it
 * has no purchase order write API at all (the open-source server), or the order does not exist.
 */
export async function explainMissingOrderApi<T>(
	context: IExecuteFunctions,
	send: () => Promise<T>,
	options: { action: 'create' | 'update'; itemIndex: number },
): Promise<T> {
	try {
		return await send();
	} catch (error) {
		// openBoxesRequest only throws NodeApiError; re-wrapping one hands back the same error.
		if (!(error instanceof NodeApiError) || error.httpCode !== '404') throw new NodeApiError(context.getNode(), error as JsonObject);
		const message =
			options.action === 'create'
				? 'This OpenBoxes server has no API for creating purchase orders (it answered 404 Not Found)'
				: 'OpenBoxes answered 404 Not Found: this server has no API for changing purchase orders, or there is no purchase order with this ID';
		throw new NodeApiError(
			context.getNode(),
			{ errorCode: 404, errorMessage: error.message },
			{
				httpCode: '404',
				message,
				description:
					'Hosted OpenBoxes (openboxes.cloud) documents creating and changing purchase orders through its API; the open-source OpenBoxes server lets the API only list, read, delete and roll back purchase orders. Create or change the order in the OpenBoxes web app, or ask your OpenBoxes host whether the purchase order API is enabled.',
				itemIndex: options.itemIndex,
			},
		);
	}
}
