import type { IDataObject } from 'n8n-workflow';

import { diffOrders, MAX_SEEN, orderFeedQuery, orderTime, OVERLAP_MS, type OrderFeedState } from '../../../nodes/Apicbase/trigger/orderFeed';
import { isPurchaseOrder, orderItems } from '../../../nodes/Apicbase/trigger/purchaseOrder';

const at = (iso: string) => Date.parse(iso);
const order = (id: string, orderedOn: string): IDataObject => ({ id, order_number: `PO-${id}`, ordered_on: orderedOn, packages: [] });

describe('orderTime', () => {
	it('reads Apicbase times as UTC, with or without a zone', () => {
		expect(orderTime('2026-11-24T10:31:00')).toBe(Date.UTC(2026, 10, 24, 10, 31));
		expect(orderTime('2026-11-24T10:31:00Z')).toBe(Date.UTC(2026, 10, 24, 10, 31));
		expect(orderTime('2026-11-24T11:31:00+01:00')).toBe(Date.UTC(2026, 10, 24, 10, 31));
		expect(orderTime('2026-11-24T10:31:00.123456Z')).toBe(Date.UTC(2026, 10, 24, 10, 31, 0, 123));
		expect(orderTime('2026-11-24')).toBe(Date.UTC(2026, 10, 24));
		expect(orderTime('')).toBeNaN();
		expect(orderTime(null)).toBeNaN();
		expect(orderTime('yesterday')).toBeNaN();
	});
});

describe('orderFeedQuery', () => {
	it('asks for Ordered orders, after the cursor minus the overlap once there is one', () => {
		expect(orderFeedQuery({})).toEqual({ status: 'ORDERED' });
		expect(orderFeedQuery({ started: true, cursor: '2026-11-24T10:20:00.000Z' })).toEqual({
			status: 'ORDERED',
			ordered_on__gt: new Date(at('2026-11-24T10:20:00.000Z') - OVERLAP_MS).toISOString(),
		});
	});
});

describe('diffOrders', () => {
	it('records the present on the first call and remembers only orders inside the overlap window', () => {
		const { fresh, state } = diffOrders({}, [order('old', '2026-11-24T09:00:00Z'), order('new', '2026-11-24T10:20:00Z'), order('near', '2026-11-24T10:15:00Z')]);
		expect(fresh).toEqual([]);
		expect(state).toEqual({
			started: true,
			cursor: '2026-11-24T10:20:00.000Z',
			seen: { new: '2026-11-24T10:20:00.000Z', near: '2026-11-24T10:15:00.000Z' },
		});
	});

	it('ignores orders older than the window even if the server ignored the date filter', () => {
		const start: OrderFeedState = { started: true, cursor: '2026-11-24T10:20:00.000Z', seen: { a: '2026-11-24T10:20:00.000Z' } };
		const { fresh } = diffOrders(start, [order('ancient', '2026-01-01T00:00:00Z'), order('a', '2026-11-24T10:20:00Z'), order('b', '2026-11-24T10:21:00Z')]);
		expect(fresh.map((o) => o.id)).toEqual(['b']);
	});

	it('reports an order listed twice (pages shifting while listing) once', () => {
		const { state } = diffOrders({}, []);
		const { fresh } = diffOrders(state, [order('x', '2026-11-24T10:00:00Z'), order('x', '2026-11-24T10:00:00Z')]);
		expect(fresh.map((o) => o.id)).toEqual(['x']);
	});

	it('keeps its memory bounded', () => {
		const many = Array.from({ length: MAX_SEEN + 50 }, (_, i) => order(String(i), new Date(at('2026-11-24T10:00:00Z') + i).toISOString()));
		const { state } = diffOrders({}, many);
		expect(Object.keys(state.seen ?? {})).toHaveLength(MAX_SEEN);
		expect(state.seen?.[String(MAX_SEEN + 49)]).toBeDefined();
	});
});

describe('purchase order helpers', () => {
	it('recognises a purchase order by id, order_number and packages', () => {
		expect(isPurchaseOrder({ id: 'x', order_number: 'PO-1', packages: [] })).toBe(true);
		expect(isPurchaseOrder({ id: 7, order_number: 'PO-1', packages: [] })).toBe(true);
		expect(isPurchaseOrder({ id: 'x', order_number: 'PO-1' })).toBe(false);
		expect(isPurchaseOrder({ id: 'x', order_number: '', packages: [] })).toBe(false);
		expect(isPurchaseOrder([{ id: 'x', order_number: 'PO-1', packages: [] }])).toBe(false);
		expect(isPurchaseOrder(null)).toBe(false);
	});

	it('keeps an order without packages as one line item', () => {
		const [item] = orderItems([order('e', '2026-11-24T10:00:00Z')], 'lines');
		expect(item.json).toMatchObject({ order_id: 'e', order_number: 'PO-e', supplier_article_number: null, quantity_ordered: null });
	});
});
