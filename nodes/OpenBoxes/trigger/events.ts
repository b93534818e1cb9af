import type { IDataObject } from 'n8n-workflow';

import type { FeedChange } from '../../shared/changeFeed';

/** Events named as OpenBoxes' webhook roadmap names them, so a future webhook can replace polling. */
export type OpenBoxesEvent =
	| 'product.created'
	| 'product.updated'
	| 'purchaseOrder.created'
	| 'purchaseOrder.placed'
	| 'purchaseOrder.received'
	| 'stockMovement.created'
	| 'stockMovement.shipped'
	| 'stockMovement.received'
	| 'inventory.belowReorderPoint';

export const EVENT_OPTIONS: Array<{ name: string; value: OpenBoxesEvent; description: string }> = [
	{ name: 'Inventory Below Reorder Point', value: 'inventory.belowReorderPoint', description: 'Once per product, again only after it recovered and dropped again' },
	{ name: 'Product Created', value: 'product.created', description: 'A product was added to the catalog' },
	{ name: 'Product Updated', value: 'product.updated', description: 'A product was changed' },
	{ name: 'Purchase Order Created', value: 'purchaseOrder.created', description: 'A purchase order was started' },
	{ name: 'Purchase Order Placed', value: 'purchaseOrder.placed', description: 'A purchase order was placed with the supplier' },
	{ name: 'Purchase Order Received', value: 'purchaseOrder.received', description: 'A purchase order was fully received' },
	{ name: 'Stock Movement Created', value: 'stockMovement.created', description: 'A shipment or request was created' },
	{ name: 'Stock Movement Received', value: 'stockMovement.received', description: 'A shipment was received' },
	{ name: 'Stock Movement Shipped', value: 'stockMovement.shipped', description: 'A shipment was sent' },
];

/**
 * A stock movement's phase, from the fields OpenBoxes fills on list items of either kind. Inbound
 * items of some versions have no statusCode, so the displayed status (the shipment's status once
 * it left) counts too.
 */
export function stockMovementPhase(movement: IDataObject): 'received' | 'shipped' | 'open' {
	const code = String(movement.statusCode ?? '').toUpperCase();
	const current = String(movement.currentStatus ?? '').toUpperCase();
	const shown = String((movement.displayStatus as IDataObject | null | undefined)?.name ?? '').toUpperCase();
	if (movement.isReceived === true || [current, code, shown].includes('RECEIVED')) return 'received';
	if (
		movement.isShipped === true ||
		movement.shipped === true ||
		movement.isPartiallyReceived === true ||
		['SHIPPED', 'PARTIALLY_RECEIVED'].includes(current) ||
		['SHIPPED', 'PARTIALLY_RECEIVED'].includes(shown) ||
		['DISPATCHED', 'ISSUED'].includes(code)
	) {
		return 'shipped';
	}
	return 'open';
}

/** The status a purchase order is in, whether OpenBoxes sent a plain string or an enum object. */
export function purchaseOrderStatus(order: IDataObject): string {
	const status = order.status as unknown;
	if (status && typeof status === 'object') return String((status as { name?: unknown }).name ?? '').toUpperCase();
	return String(status ?? '').toUpperCase();
}

/** Events read from the product list, whose rows carry `lastUpdated` (a change feed). */
export type ProductEvent = 'product.created' | 'product.updated';

/** Whether a change of the product list is the product event the user asked for. */
export function matchesProductChange(event: ProductEvent, change: FeedChange<IDataObject>): boolean {
	return event === 'product.created' ? change.event === 'created' : change.event !== 'created';
}

/** Events read from purchase-order and stock-movement lists, whose rows carry no change time. */
export type ListEvent = Exclude<OpenBoxesEvent, ProductEvent | 'inventory.belowReorderPoint'>;

export function isListEvent(event: OpenBoxesEvent): event is ListEvent {
	return event.startsWith('purchaseOrder.') || event.startsWith('stockMovement.');
}

/** The status a list row is remembered by: none for created events, else the order status or the movement's phase. */
export function watchedStatus(event: ListEvent, row: IDataObject): string {
	if (event.endsWith('.created')) return '';
	return event.startsWith('purchaseOrder.') ? purchaseOrderStatus(row) : stockMovementPhase(row);
}

/** Whether a row in this status is the event; every row is, for created events. */
export function isEventStatus(event: ListEvent, status: string): boolean {
	switch (event) {
		case 'purchaseOrder.placed':
			return status === 'PLACED';
		case 'purchaseOrder.received':
			return status === 'RECEIVED';
		case 'stockMovement.shipped':
			// Received implies shipped: a movement shipped and received between two polls still counts once.
			return status === 'shipped' || status === 'received';
		case 'stockMovement.received':
			return status === 'received';
		default:
			return true;
	}
}

/**
 * The derived statuses asked of OpenBoxes (repeatable `status`) for purchase-order status events:
 * the watched one and those before it, so that a newly placed or received order can say what it
 * was before, while closed orders stay out of each read.
 */
export const PURCHASE_ORDER_STATUSES_TO_READ: Partial<Record<ListEvent, string[]>> = {
	'purchaseOrder.placed': ['PENDING', 'APPROVED', 'PLACED'],
	'purchaseOrder.received': ['PLACED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED'],
};
