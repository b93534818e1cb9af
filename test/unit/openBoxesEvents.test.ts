import type { IDataObject } from 'n8n-workflow';

import type { FeedChange } from '../../nodes/shared/changeFeed';
import { isEventStatus, matchesProductChange, purchaseOrderStatus, stockMovementPhase, watchedStatus } from '../../nodes/OpenBoxes/trigger/events';

describe('OpenBoxes trigger events', () => {
	it('reads statuses from plain strings and enum objects', () => {
		expect(purchaseOrderStatus({ status: 'PLACED' })).toBe('PLACED');
		expect(purchaseOrderStatus({ status: { enumType: 'org.pih.warehouse.order.OrderStatus', name: 'received' } })).toBe('RECEIVED');
		expect(stockMovementPhase({ statusCode: 'DISPATCHED' })).toBe('shipped');
		expect(stockMovementPhase({ statusCode: 'ISSUED', isReceived: true })).toBe('received');
		expect(stockMovementPhase({ statusCode: 'PICKING' })).toBe('open');
	});

	it('reads a phase from list items without statusCode: the displayed status and isPartiallyReceived', () => {
		expect(stockMovementPhase({ displayStatus: { name: 'SHIPPED' }, isReceived: false })).toBe('shipped');
		expect(stockMovementPhase({ displayStatus: { name: 'RECEIVED' } })).toBe('received');
		expect(stockMovementPhase({ isPartiallyReceived: true })).toBe('shipped');
		expect(stockMovementPhase({ currentStatus: 'PARTIALLY_RECEIVED', statusCode: 'DISPATCHED' })).toBe('shipped');
		expect(stockMovementPhase({ displayStatus: { name: 'PENDING' }, isPending: true })).toBe('open');
	});

	it('list events: the status each row is remembered by, and which statuses are the event', () => {
		expect(watchedStatus('purchaseOrder.created', { status: 'PLACED' })).toBe('');
		expect(watchedStatus('purchaseOrder.placed', { status: { name: 'placed' } })).toBe('PLACED');
		expect(watchedStatus('stockMovement.shipped', { statusCode: 'DISPATCHED' })).toBe('shipped');
		expect(isEventStatus('purchaseOrder.created', '')).toBe(true);
		expect(isEventStatus('purchaseOrder.placed', 'PLACED')).toBe(true);
		expect(isEventStatus('purchaseOrder.placed', 'PARTIALLY_SHIPPED')).toBe(false);
		expect(isEventStatus('purchaseOrder.received', 'RECEIVED')).toBe(true);
		// Received implies shipped; shipped does not imply received.
		expect(isEventStatus('stockMovement.shipped', 'received')).toBe(true);
		expect(isEventStatus('stockMovement.received', 'shipped')).toBe(false);
	});

	it('product events: created is a new record, updated any other change', () => {
		const change = (event: FeedChange<object>['event']) => ({ event, previousStatus: null, record: { id: '1', updatedAt: '', record: {} } }) as FeedChange<IDataObject>;
		expect(matchesProductChange('product.created', change('created'))).toBe(true);
		expect(matchesProductChange('product.created', change('updated'))).toBe(false);
		expect(matchesProductChange('product.updated', change('updated'))).toBe(true);
		expect(matchesProductChange('product.updated', change('created'))).toBe(false);
	});
});
