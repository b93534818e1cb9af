import type { IDataObject } from 'n8n-workflow';

import { CATCH_UP_OVERLAP_MS, diffOrders, MAX_SEEN, orderFeedQuery, orderTime, OVERLAP_MS, type OrderFeedState } from '../../../nodes/Apicbase/trigger/orderFeed';
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
	it('asks for Ordered orders oldest first, after the cursor minus the overlap once there is one', () => {
		expect(orderFeedQuery({})).toEqual({ status: 'ORDERED', ordering: 'ordered_on' });
		expect(orderFeedQuery({ started: true, cursor: '2026-11-24T10:20:00.000Z' })).toEqual({
			status: 'ORDERED',
			ordering: 'ordered_on',
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

describe('diffOrders over polls cut short by their time limit', () => {
	/** Apicbase's list: ORDERED orders after `ordered_on__gt`, oldest first when asked (or newest first, a server ignoring `ordering`), 10 a page. */
	interface Row {
		id: string;
		ordered_on: string;
		delivered?: boolean;
	}
	const PAGE = 10;
	const PAGES_PER_POLL = 3;
	const listPage = (rows: Row[], honoursOrdering: boolean, query: IDataObject, page: number) => {
		const since = typeof query.ordered_on__gt === 'string' ? at(query.ordered_on__gt) : -Infinity;
		const listed = rows.filter((row) => !row.delivered && at(row.ordered_on) > since);
		const sorted = honoursOrdering ? [...listed].sort((a, b) => at(a.ordered_on) - at(b.ordered_on) || a.id.localeCompare(b.id)) : [...listed].reverse();
		return { items: sorted.slice((page - 1) * PAGE, page * PAGE), more: page * PAGE < sorted.length };
	};
	/** One poll: up to PAGES_PER_POLL pages from where the state says, then diffOrders. */
	const poll = (rows: Row[], honoursOrdering: boolean, state: OrderFeedState) => {
		const query = state.pass?.next.query ?? orderFeedQuery(state);
		let page = Number(state.pass?.next.query?.page ?? 1);
		const items: IDataObject[] = [];
		for (let read = 0; read < PAGES_PER_POLL; read++, page++) {
			const result = listPage(rows, honoursOrdering, query, page);
			items.push(...(result.items as unknown as IDataObject[]));
			if (!result.more) return diffOrders(state, items);
		}
		return diffOrders(state, items, { url: 'list', query: { ...query, page } });
	};
	const time = (step: number) => new Date(at('2026-11-20T08:00:00Z') + step * 5 * 60_000).toISOString();

	it.each([
		['oldest first, as asked', true],
		['newest first (a server that ignores ordering)', false],
	])('reports each new order once while a backlog is read over many polls: %s', (_, honoursOrdering) => {
		let minute = 0;
		const rows: Row[] = Array.from({ length: 45 }, (_, i) => ({ id: `old-${i}`, ordered_on: time(minute++) }));
		let state: OrderFeedState = {};
		const reported: string[] = [];
		let polls = 0;
		const pollOnce = () => {
			const result = poll(rows, honoursOrdering, state);
			reported.push(...result.fresh.map((order) => String(order.id)));
			state = JSON.parse(JSON.stringify(result.state)) as OrderFeedState;
			polls++;
		};
		// The first read notes the 45 orders there, over several polls, and reports none.
		do pollOnce();
		while (state.started !== true);
		expect(polls).toBeGreaterThan(1);
		expect(reported).toEqual([]);

		// A backlog (the trigger was off), then orders arriving while it is read; some read already
		// are delivered meanwhile (they leave the ORDERED list), shifting every page after them.
		const fresh: string[] = [];
		for (let i = 0; i < 70; i++) fresh.push(rows[rows.push({ id: `new-${i}`, ordered_on: time(minute++) }) - 1].id);
		for (let round = 0; round < 12; round++) {
			for (let i = 0; i < 4; i++) fresh.push(rows[rows.push({ id: `new-${70 + round * 4 + i}`, ordered_on: time(minute++) }) - 1].id);
			// Delivered once reported: an order delivered before any poll saw it is never news.
			const delivered = rows.find((row) => row.id === reported[round * 2]);
			if (honoursOrdering && delivered) delivered.delivered = true;
			pollOnce();
		}
		for (let quiet = 0; quiet < 10; quiet++) pollOnce();

		expect(reported).toHaveLength(new Set(reported).size);
		expect(new Set(reported)).toEqual(new Set(fresh));
		expect(state.pass).toBeUndefined();
		expect(state.catchingUp).toBeUndefined();
	});

	it('looks back one second, not the whole overlap, while it catches up on a list sent oldest first', () => {
		const orders = [order('a', '2026-11-24T10:00:00Z'), order('b', '2026-11-24T10:05:00Z')];
		const { state } = diffOrders({ started: true, cursor: '2026-11-24T09:00:00.000Z' }, orders, { url: 'list', query: { page: 2 } });
		expect(state).toMatchObject({ started: true, cursor: '2026-11-24T10:05:00.000Z', catchingUp: true });
		expect(state.pass).toBeUndefined();
		expect(orderFeedQuery(state).ordered_on__gt).toBe(new Date(at('2026-11-24T10:05:00Z') - CATCH_UP_OVERLAP_MS).toISOString());
	});

	it('keeps its cursor and reads on from the next page when the list is not oldest first', () => {
		const orders = [order('b', '2026-11-24T10:05:00Z'), order('a', '2026-11-24T10:00:00Z')];
		const start: OrderFeedState = { started: true, cursor: '2026-11-24T09:00:00.000Z', seen: {} };
		const { fresh, state } = diffOrders(start, orders, { url: 'list', query: { page: 2 } });
		expect(fresh.map((o) => o.id)).toEqual(['a', 'b']);
		expect(state).toMatchObject({ cursor: '2026-11-24T09:00:00.000Z', pass: { next: { url: 'list', query: { page: 2 } }, newest: '2026-11-24T10:05:00.000Z' } });
		// The read's end moves the cursor to the newest order of the whole read.
		const end = diffOrders(state, [order('c', '2026-11-24T09:30:00Z')]);
		expect(end.fresh.map((o) => o.id)).toEqual(['c']);
		expect(end.state).toMatchObject({ cursor: '2026-11-24T10:05:00.000Z' });
		expect(end.state.pass).toBeUndefined();
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
