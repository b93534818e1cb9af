/**
 * The OpenBoxes Trigger's events, one record each: what the builder picks, the list it is read
 * from, and how a change of that list is recognised as the event. The node's Event options, its
 * Direction field, the list a poll reads and the matching all come from this table, so a new event
 * is one new record here.
 */
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

interface EventBase {
	value: OpenBoxesEvent;
	name: string;
	description: string;
}

/** Read from the reorder report: products at or below their reorder point. */
interface ReorderEvent extends EventBase {
	feed: 'reorder';
}

/** Read from the product list, whose rows carry `lastUpdated` (a change feed). */
export interface ProductEvent extends EventBase {
	feed: 'products';
	matches: (change: FeedChange<IDataObject>) => boolean;
}

/**
 * Read from a list whose rows carry no change time. A created event has no `status`: every row
 * it has not seen is the event. A status event remembers each row's status, and a row whose status
 * newly matches is the event.
 */
export interface ListEvent extends EventBase {
	feed: 'purchaseOrders' | 'stockMovements';
	status?: {
		of: (row: IDataObject) => string;
		matches: (status: string) => boolean;
		/**
		 * The derived statuses asked of OpenBoxes (repeatable `status`) for purchase-order events:
		 * the watched one and those before it, so that a newly placed or received order can say what
		 * it was before, while closed orders stay out of each read.
		 */
		toRead?: string[];
	};
}

export type OpenBoxesEventSpec = ReorderEvent | ProductEvent | ListEvent;

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

export const OPENBOXES_EVENTS: readonly OpenBoxesEventSpec[] = [
	{
		value: 'inventory.belowReorderPoint',
		name: 'Inventory Below Reorder Point',
		description: 'Once per product, again only after it recovered and dropped again',
		feed: 'reorder',
	},
	{
		value: 'product.created',
		name: 'Product Created',
		description: 'A product was added to the catalog',
		feed: 'products',
		matches: (change) => change.event === 'created',
	},
	{
		value: 'product.updated',
		name: 'Product Updated',
		description: 'A product was changed',
		feed: 'products',
		matches: (change) => change.event !== 'created',
	},
	{
		value: 'purchaseOrder.created',
		name: 'Purchase Order Created',
		description: 'A purchase order was started',
		feed: 'purchaseOrders',
	},
	{
		value: 'purchaseOrder.placed',
		name: 'Purchase Order Placed',
		description: 'A purchase order was placed with the supplier',
		feed: 'purchaseOrders',
		status: {
			of: purchaseOrderStatus,
			matches: (status) => status === 'PLACED',
			toRead: ['PENDING', 'APPROVED', 'PLACED'],
		},
	},
	{
		value: 'purchaseOrder.received',
		name: 'Purchase Order Received',
		description: 'A purchase order was fully received',
		feed: 'purchaseOrders',
		status: {
			of: purchaseOrderStatus,
			matches: (status) => status === 'RECEIVED',
			toRead: ['PLACED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED'],
		},
	},
	{
		value: 'stockMovement.created',
		name: 'Stock Movement Created',
		description: 'A shipment or request was created',
		feed: 'stockMovements',
	},
	{
		value: 'stockMovement.received',
		name: 'Stock Movement Received',
		description: 'A shipment was received',
		feed: 'stockMovements',
		status: {
			of: stockMovementPhase,
			matches: (status) => status === 'received',
		},
	},
	{
		value: 'stockMovement.shipped',
		name: 'Stock Movement Shipped',
		description: 'A shipment was sent',
		feed: 'stockMovements',
		status: {
			of: stockMovementPhase,
			// Received implies shipped: a movement shipped and received between two polls still counts once.
			matches: (status) => status === 'shipped' || status === 'received',
		},
	},
];

/** The node's Event options. */
export const EVENT_OPTIONS = OPENBOXES_EVENTS.map(({ name, value, description }) => ({ name, value, description }));

/** The events read from one list (the Direction field shows for the stock-movement ones). */
export function eventsOfFeed(feed: OpenBoxesEventSpec['feed']): OpenBoxesEvent[] {
	return OPENBOXES_EVENTS.filter((event) => event.feed === feed).map((event) => event.value);
}

/** The record of an event, or undefined for a value this version does not know. */
export function findOpenBoxesEvent(value: string): OpenBoxesEventSpec | undefined {
	return OPENBOXES_EVENTS.find((event) => event.value === value);
}

function listEvent(eventOrValue: ListEvent | OpenBoxesEvent): ListEvent {
	if (typeof eventOrValue !== 'string') return eventOrValue;
	const value = eventOrValue;
	const event = findOpenBoxesEvent(value);
	if (!event || (event.feed !== 'purchaseOrders' && event.feed !== 'stockMovements')) throw new Error(`"${value}" is not a list event`);
	return event;
}

/** The status a list row is remembered by: none for created events, else the order status or the movement's phase. */
export function watchedStatus(event: ListEvent | OpenBoxesEvent, row: IDataObject): string {
	return listEvent(event).status?.of(row) ?? '';
}

/** Whether a row in this status is the event; every row is, for created events. */
export function isEventStatus(event: ListEvent | OpenBoxesEvent, status: string): boolean {
	return listEvent(event).status?.matches(status) ?? true;
}

/** Whether a change of the product list is the product event the user asked for. */
export function matchesProductChange(value: OpenBoxesEvent, change: FeedChange<IDataObject>): boolean {
	const event = findOpenBoxesEvent(value);
	if (event?.feed !== 'products') throw new Error(`"${value}" is not a product event`);
	return event.matches(change);
}
