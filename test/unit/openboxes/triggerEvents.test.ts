import type { IDataObject } from 'n8n-workflow';

import { diffFeedInPasses, type FeedChange, type FeedRecord } from '../../../nodes/shared/changeFeed';
import { diffSnapshot } from '../../../nodes/OpenBoxes/trigger/listSnapshot';
import { isEventStatus, matchesProductChange, purchaseOrderStatus, stockMovementPhase, watchedStatus } from '../../../nodes/OpenBoxes/trigger/events';

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

	it('product events in the cursor\'s second: a product created after the poll read is Product Created, never Product Updated', () => {
		// Product rows as readProductFeed maps them: Grails dates, to the second.
		const product = (id: string, dateCreated: string, lastUpdated: string): FeedRecord<IDataObject> => ({
			id,
			updatedAt: lastUpdated,
			createdAt: dateCreated,
			record: { id, dateCreated, lastUpdated },
		});
		const second = '2026-12-01T12:00:05Z';
		// The poll in second 12:00:05 read p1, created in that second.
		const { state } = diffFeedInPasses({ cursor: '2026-12-01T12:00:04.000Z', atCursor: [] }, [product('p1', second, second)], undefined);
		// Later in that second: p2 created, p0 (an older product) edited; p1 unchanged.
		const { changes } = diffFeedInPasses(state, [product('p2', second, second), product('p0', '2026-11-01T08:00:00Z', second), product('p1', second, second)], undefined);
		const ids = (event: 'product.created' | 'product.updated') =>
			changes.filter((change) => matchesProductChange(event, change)).map((change) => [change.record.id, change.previousStatus]);
		expect(ids('product.created')).toEqual([['p2', null]]);
		expect(ids('product.updated')).toEqual([['p0', null]]);
	});

	it('created list events go by ID, never by the day-only dateCreated: an older movement changed on its creation day is not new', () => {
		// Outbound stock-movement rows carry dateCreated as MM/dd/yyyy, without a time.
		const read = (rows: IDataObject[]) => rows.map((row) => ({ id: String(row.id), status: watchedStatus('stockMovement.created', row), record: row }));
		const options = { matches: (status: string) => isEventStatus('stockMovement.created', status) };
		const day = '12/01/2026';
		const first = diffSnapshot(undefined, read([{ id: 'older', dateCreated: day, statusCode: 'CREATED' }]), options);
		expect(first.entered).toEqual([]);
		// The same day, after that read: the older movement moves on, and a new one is created.
		const now = read([
			{ id: 'older', dateCreated: day, statusCode: 'PICKING' },
			{ id: 'new', dateCreated: day, statusCode: 'CREATED' },
		]);
		const second = diffSnapshot(first.memory, now, options);
		expect(second.entered.map((entry) => [entry.row.id, entry.previousStatus])).toEqual([['new', null]]);
		expect(diffSnapshot(second.memory, now, options).entered).toEqual([]);
	});
});
