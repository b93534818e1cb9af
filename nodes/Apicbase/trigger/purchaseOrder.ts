import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { isObject } from '../../shared/values';

export type OrderOutput = 'order' | 'lines';

/** The order fields repeated on every line item. */
export const LINE_HEADER_FIELDS = [
	'order_id',
	'order_number',
	'ordered_on',
	'expected_delivery_date',
	'supplier_customer_number',
	'order_remarks',
] as const;

/** The package fields flattened onto each line item. */
export const LINE_PACKAGE_FIELDS = [
	'supplier_article_number',
	'theoretical_price_per_package',
	'stock_item_name',
	'quantity_ordered',
	'total_theoretical_price',
] as const;

function present(value: unknown): boolean {
	return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));
}

/** An Apicbase purchase order as the webhook and the supplier API send it: id, order_number, packages. */
export function isPurchaseOrder(value: unknown): value is IDataObject {
	return isObject(value) && present(value.id) && present(value.order_number) && Array.isArray(value.packages);
}

/** One item per order line: the order's header fields plus the package fields, flattened. */
export function orderLines(order: IDataObject): IDataObject[] {
	const header: IDataObject = {
		order_id: order.id ?? null,
		order_number: order.order_number ?? null,
		ordered_on: order.ordered_on ?? null,
		expected_delivery_date: order.expected_delivery_date ?? null,
		supplier_customer_number: order.supplier_customer_number ?? null,
		order_remarks: order.order_remarks ?? null,
	};
	const packages = Array.isArray(order.packages) ? order.packages : [];
	// An order without packages still yields one item, so it is never dropped silently.
	if (packages.length === 0) {
		return [{ ...header, ...Object.fromEntries(LINE_PACKAGE_FIELDS.map((field) => [field, null])) }];
	}
	return packages.map((entry) => {
		const line = isObject(entry) ? entry : {};
		const supplierPackage = isObject(line.supplier_package) ? line.supplier_package : {};
		const stockItem = isObject(line.stock_item) ? line.stock_item : {};
		return {
			...header,
			supplier_article_number: supplierPackage.supplier_article_number ?? null,
			theoretical_price_per_package: supplierPackage.theoretical_price_per_package ?? null,
			stock_item_name: stockItem.name ?? null,
			quantity_ordered: line.quantity_ordered ?? null,
			total_theoretical_price: line.total_theoretical_price ?? null,
		};
	});
}

/** Turns orders into output items: the order as sent, or one item per ordered package. */
export function orderItems(orders: IDataObject[], output: OrderOutput, extra: IDataObject = {}): INodeExecutionData[] {
	const rows = output === 'lines' ? orders.flatMap(orderLines) : orders.map((order) => ({ ...order }));
	return rows.map((row) => ({ json: { ...row, ...extra } }));
}

/** The Output choice both Apicbase triggers offer. */
export const outputProperty: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{
			name: 'One Item per Order',
			value: 'order',
			description: 'The purchase order as Apicbase sends it, with its packages as a list',
		},
		{
			name: 'One Item per Ordered Package',
			value: 'lines',
			description:
				'Each package with the order’s number, dates, customer number and remarks, ready for a spreadsheet or an order-entry system',
		},
	],
	default: 'order',
};
