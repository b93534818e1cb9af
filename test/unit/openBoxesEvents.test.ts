import type { IDataObject } from 'n8n-workflow';

import type { FeedChange } from '../../nodes/shared/changeFeed';
import { matchesEvent, purchaseOrderStatus, stockMovementPhase } from '../../nodes/OpenBoxes/trigger/events';

const change = (event: FeedChange<object>['event'], status: string | undefined, previousStatus: string | null) =>
	({ event, previousStatus, record: { id: '1', updatedAt: '', status, record: {} } }) as FeedChange<IDataObject>;

describe('OpenBoxes trigger events', () => {
	it('reads statuses from plain strings and enum objects', () => {
		expect(purchaseOrderStatus({ status: 'PLACED' })).toBe('PLACED');
		expect(purchaseOrderStatus({ status: { enumType: 'org.pih.warehouse.order.OrderStatus', name: 'received' } })).toBe('RECEIVED');
		expect(stockMovementPhase({ statusCode: 'DISPATCHED' })).toBe('shipped');
		expect(stockMovementPhase({ statusCode: 'ISSUED', isReceived: true })).toBe('received');
		expect(stockMovementPhase({ statusCode: 'PICKING' })).toBe('open');
	});

	it('fires status events only when the status is entered', () => {
		expect(matchesEvent('purchaseOrder.placed', change('statusChanged', 'PLACED', 'APPROVED'))).toBe(true);
		expect(matchesEvent('purchaseOrder.placed', change('updated', 'PLACED', 'PLACED'))).toBe(false);
		expect(matchesEvent('purchaseOrder.placed', change('updated', 'PLACED', null))).toBe(true);
		expect(matchesEvent('stockMovement.received', change('statusChanged', 'received', 'shipped'))).toBe(true);
		expect(matchesEvent('product.updated', change('created', undefined, null))).toBe(false);
		expect(matchesEvent('product.created', change('created', undefined, null))).toBe(true);
	});
});
