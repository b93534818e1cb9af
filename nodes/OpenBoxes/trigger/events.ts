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

/** A stock movement's phase, from the fields OpenBoxes fills on list items of either kind. */
export function stockMovementPhase(movement: IDataObject): 'received' | 'shipped' | 'open' {
	const code = String(movement.statusCode ?? '').toUpperCase();
	const current = String(movement.currentStatus ?? '').toUpperCase();
	if (movement.isReceived === true || current === 'RECEIVED' || code === 'RECEIVED') return 'received';
	if (movement.isShipped === true || movement.shipped === true || current === 'SHIPPED' || ['DISPATCHED', 'ISSUED'].includes(code)) {
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

function entered(change: FeedChange<IDataObject>, status: string): boolean {
	return change.record.status === status && change.previousStatus !== status;
}

/** Whether a change of the watched list is the event the user asked for. */
export function matchesEvent(event: OpenBoxesEvent, change: FeedChange<IDataObject>): boolean {
	switch (event) {
		case 'product.created':
		case 'purchaseOrder.created':
		case 'stockMovement.created':
			return change.event === 'created';
		case 'product.updated':
			return change.event !== 'created';
		case 'purchaseOrder.placed':
			return entered(change, 'PLACED');
		case 'purchaseOrder.received':
			return entered(change, 'RECEIVED');
		case 'stockMovement.shipped':
			return entered(change, 'shipped');
		case 'stockMovement.received':
			return entered(change, 'received');
		default:
			return false;
	}
}
