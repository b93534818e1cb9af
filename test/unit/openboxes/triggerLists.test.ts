/**
 * The OpenBoxes Trigger's purchase-order and stock-movement events, polled against a fake list
 * whose rows are shaped as openboxes-api.md gives them (§2.4 OrderSummary, §2.3 list items): no
 * lastUpdated anywhere, so events come from comparing whole reads of the list.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { OpenBoxesTrigger } from '../../../nodes/OpenBoxes/OpenBoxesTrigger.node';
import { mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';

const credentials = { openBoxesApi: { baseUrl: 'http://ob.test/openboxes', username: 'u', password: 'p', location: 'L1', sessionCookie: 'JSESSIONID=A' } };

interface FakeList {
	rows: IDataObject[];
	/** false: the server ignores `status` and sends every order, as an older or different server might. */
	honoursStatusFilter?: boolean;
	/** Runs before each page is answered, to change the list while it is being paged. */
	beforePage?: (offset: number) => void;
}

/** One request as the fake server saw it: path and every query parameter (repeated ones as arrays). */
interface SeenRequest {
	path: string;
	query: Record<string, string | string[]>;
}

function queryOf(call: RecordedCall): Record<string, string | string[]> {
	const url = new URL(String(call.options.url));
	const query: Record<string, string | string[]> = {};
	for (const key of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(key);
		query[key] = values.length > 1 ? values : values[0];
	}
	for (const [key, value] of Object.entries((call.options.qs ?? {}) as IDataObject)) query[key] = String(value);
	return query;
}

function pollContext(options: { list: FakeList; parameters: IDataObject; staticData: IDataObject; mode?: 'manual' | 'trigger' }) {
	const requests: SeenRequest[] = [];
	const respond = (call: RecordedCall) => {
		const query = queryOf(call);
		requests.push({ path: new URL(String(call.options.url)).pathname.replace('/openboxes/api', ''), query });
		const offset = Number(query.offset ?? 0);
		const max = Number(query.max ?? Infinity);
		options.list.beforePage?.(offset);
		const statuses = query.status === undefined ? [] : ([] as string[]).concat(query.status);
		const rows = options.list.rows.filter((row) => options.list.honoursStatusFilter === false || !statuses.length || statuses.includes(String(row.status)));
		return { data: structuredClone(rows.slice(offset, offset + max)), totalCount: rows.length };
	};
	const mock = mockExecuteFunctions({ parameters: {}, credentials, respond });
	const context = mock.context as unknown as Record<string, unknown>;
	delete context.getInputData;
	Object.assign(context, {
		getMode: () => options.mode ?? 'trigger',
		getNodeParameter: (name: string, fallback?: unknown) => options.parameters[name] ?? fallback,
		getWorkflowStaticData: () => options.staticData,
	});
	return { context: mock.context as unknown as IPollFunctions, requests };
}

/** A poller for one event: each call is one poll, returning the items the workflow would get. */
function poller(list: FakeList, parameters: IDataObject, staticData: IDataObject = {}) {
	const trigger = new OpenBoxesTrigger();
	const { context, requests } = pollContext({ list, parameters, staticData });
	const poll = async () => ((await trigger.poll.call(context)) ?? [[]])[0].map((item) => item.json);
	return { poll, requests, staticData };
}

/** A row of the purchase-order list (OrderSummary), exactly the keys §2.4 lists. */
function orderRow(n: number, status: string): IDataObject {
	return {
		status,
		id: `ff8081810000000000000000000${String(n).padStart(5, '0')}`,
		orderNumber: `PO-${n}`,
		name: `Order ${n}`,
		paymentTerm: null,
		origin: 'Supplier X (SUPX)',
		destination: 'Main Warehouse (MW)',
		dateOrdered: status === 'PENDING' ? null : '2024-03-01T05:00:00Z',
		orderedBy: 'Jane Doe',
		createdBy: 'Jane Doe',
		orderItemsCount: 3,
		orderedOrderItemsCount: 3,
		shippedItemsCount: 0,
		receivedItemsCount: 0,
		invoicedItemsCount: 0,
		total: '150.00 USD',
		totalNormalized: '150.00 USD',
		shipmentsCount: 0,
	};
}

/** An outbound list item (OutboundStockMovementListItem.toJson): dateCreated as MM/dd/yyyy, no lastUpdated. */
function outboundRow(id: string, requisitionStatus: string, shipmentStatus: string | null): IDataObject {
	const statusCode = requisitionStatus === 'ISSUED' ? 'DISPATCHED' : requisitionStatus;
	return {
		id,
		name: `BHQ.MW.23Jun2018.${id}`,
		description: null,
		statusCode,
		displayStatus: { name: shipmentStatus && shipmentStatus !== 'PENDING' ? shipmentStatus : 'PENDING', label: 'x', variant: 'primary' },
		statusVariant: 'primary',
		status: requisitionStatus,
		currentStatus: shipmentStatus,
		identifier: id.toUpperCase(),
		stockMovementType: 'OUTBOUND',
		origin: { id: 'L1', name: 'Boston' },
		destination: { id: 'L2', name: 'Miami' },
		dateRequested: '06/23/2018',
		dateCreated: '06/23/2018',
		requestedBy: { id: 'U1' },
		lineItemCount: 1,
		isPending: shipmentStatus === 'PENDING',
	};
}

/** An inbound list item (InboundStockMovementListItem.toJson): ISO dates, isReceived, no lastUpdated. */
function inboundRow(id: string, statusCode: string, received: boolean): IDataObject {
	return {
		id,
		name: `MW.BHQ.${id}`,
		description: null,
		shipmentType: null,
		statusCode,
		displayStatus: { name: received ? 'RECEIVED' : statusCode === 'ISSUED' ? 'SHIPPED' : 'PENDING', label: 'x', variant: 'primary' },
		identifier: id.toUpperCase(),
		origin: { id: 'S1', name: 'Supplier', isDepot: false },
		destination: { id: 'L1' },
		order: { id: null },
		stocklist: null,
		dateCreated: '2018-06-23T10:00:00Z',
		dateRequested: '2018-06-23T10:00:00Z',
		expectedDeliveryDate: null,
		requestedBy: { id: 'U1' },
		lineItemCount: 2,
		isReturn: false,
		isReceived: received,
		isPartiallyReceived: false,
		isPending: statusCode === 'PENDING',
		currentEvent: null,
	};
}

const ids = (items: IDataObject[]) => items.map((item) => item.id);

describe('purchase order events', () => {
	it('created: the first poll only records; a new order fires once; nothing changed fires nothing', async () => {
		const list: FakeList = { rows: [orderRow(1, 'PENDING'), orderRow(2, 'PLACED')] };
		const { poll, requests } = poller(list, { event: 'purchaseOrder.created' });
		expect(await poll()).toEqual([]);
		expect(await poll()).toEqual([]);
		list.rows.push(orderRow(3, 'PENDING'));
		const created = await poll();
		expect(created).toEqual([{ event: 'purchaseOrder.created', previousStatus: null, ...orderRow(3, 'PENDING') }]);
		expect(await poll()).toEqual([]);
		// Every order, no sort asked for and no status filter: the whole list each time.
		expect(requests.every((r) => r.path === '/purchaseOrders' && r.query.sort === undefined && r.query.status === undefined)).toBe(true);
	});

	it('created: an order that leaves the list and comes back is not new again', async () => {
		const list: FakeList = { rows: [orderRow(1, 'PENDING'), orderRow(2, 'PENDING')] };
		const { poll } = poller(list, { event: 'purchaseOrder.created' });
		await poll();
		list.rows = [orderRow(1, 'PENDING')];
		expect(await poll()).toEqual([]);
		list.rows = [orderRow(1, 'PENDING'), orderRow(2, 'PENDING')];
		expect(await poll()).toEqual([]);
	});

	it('placed: an order moving to PLACED fires once with its previous status, and not again next poll', async () => {
		const list: FakeList = { rows: [orderRow(1, 'PENDING'), orderRow(2, 'APPROVED'), orderRow(3, 'PLACED'), orderRow(4, 'RECEIVED')] };
		const { poll, requests } = poller(list, { event: 'purchaseOrder.placed' });
		expect(await poll()).toEqual([]);
		list.rows[1] = orderRow(2, 'PLACED');
		const placed = await poll();
		expect(placed).toEqual([{ event: 'purchaseOrder.placed', previousStatus: 'APPROVED', ...orderRow(2, 'PLACED') }]);
		expect(await poll()).toEqual([]);
		// A new order already placed also counts, with no previous status.
		list.rows.push(orderRow(5, 'PLACED'));
		expect((await poll()).map((item) => [item.id, item.previousStatus])).toEqual([[orderRow(5, 'PLACED').id, null]]);
		// OpenBoxes is asked for the statuses on the way to PLACED (repeatable status), closed orders stay out.
		expect(requests[0].query.status).toEqual(['PENDING', 'APPROVED', 'PLACED']);
		expect(requests[0].query).toMatchObject({ max: '100', offset: '0' });
	});

	it('placed: the same answers when the server ignores the status filter and sends every order', async () => {
		const list: FakeList = { honoursStatusFilter: false, rows: [orderRow(1, 'PENDING'), orderRow(2, 'APPROVED'), orderRow(3, 'PLACED'), orderRow(4, 'RECEIVED')] };
		const { poll } = poller(list, { event: 'purchaseOrder.placed' });
		expect(await poll()).toEqual([]);
		list.rows[1] = orderRow(2, 'PLACED');
		list.rows[3] = orderRow(4, 'INVOICED');
		expect(ids(await poll())).toEqual([orderRow(2, 'PLACED').id]);
		expect(await poll()).toEqual([]);
	});

	it('placed: an order that leaves PLACED and is placed again (rolled back) fires again', async () => {
		const list: FakeList = { rows: [orderRow(1, 'PLACED')] };
		const { poll } = poller(list, { event: 'purchaseOrder.placed' });
		await poll();
		list.rows = [orderRow(1, 'PENDING')];
		expect(await poll()).toEqual([]);
		list.rows = [orderRow(1, 'PLACED')];
		expect((await poll()).map((item) => item.previousStatus)).toEqual(['PENDING']);
	});

	it('received: reads the statuses on the way to RECEIVED and fires once per order received', async () => {
		const list: FakeList = { rows: [orderRow(1, 'PLACED'), orderRow(2, 'PARTIALLY_RECEIVED'), orderRow(3, 'RECEIVED')] };
		const { poll, requests } = poller(list, { event: 'purchaseOrder.received' });
		expect(await poll()).toEqual([]);
		list.rows[1] = orderRow(2, 'RECEIVED');
		expect((await poll()).map((item) => [item.id, item.event, item.previousStatus])).toEqual([[orderRow(2, 'RECEIVED').id, 'purchaseOrder.received', 'PARTIALLY_RECEIVED']]);
		expect(await poll()).toEqual([]);
		expect(requests[0].query.status).toEqual(['PLACED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED']);
	});

	it('reads every page of a long list with max/offset, whatever its order', async () => {
		const list: FakeList = { rows: Array.from({ length: 250 }, (_, n) => orderRow(n, 'PENDING')) };
		const { poll, requests } = poller(list, { event: 'purchaseOrder.created' });
		await poll();
		expect(requests.map((r) => r.query.offset)).toEqual(['0', '100', '200']);
		// The newest order lands in the middle of the list (no sort): still found, once.
		list.rows.splice(120, 0, orderRow(999, 'PENDING'));
		list.rows.reverse();
		expect(ids(await poll())).toEqual([orderRow(999, 'PENDING').id]);
		expect(await poll()).toEqual([]);
	});

	it('a read the list shifted under (a row skipped between pages) forgets nothing, so nothing fires twice', async () => {
		const rows = Array.from({ length: 150 }, (_, n) => orderRow(n, 'PLACED'));
		const list: FakeList = { rows: [...rows] };
		const { poll } = poller(list, { event: 'purchaseOrder.placed' });
		await poll();
		// Order 0 is deleted while the second page is asked for: order 100 moves onto page one, unread.
		list.beforePage = (offset) => {
			if (offset === 100) list.rows = rows.slice(1);
		};
		expect(await poll()).toEqual([]);
		list.beforePage = undefined;
		expect(await poll()).toEqual([]);
	});

	it('manual test: the first order that is the event now, else a sample; the memory is untouched', async () => {
		const list: FakeList = { rows: [orderRow(1, 'PENDING'), orderRow(2, 'PLACED')] };
		const staticData: IDataObject = {};
		const trigger = new OpenBoxesTrigger();
		const manual = pollContext({ list, parameters: { event: 'purchaseOrder.placed' }, staticData, mode: 'manual' }).context;
		expect((await trigger.poll.call(manual))?.[0].map((item) => item.json)).toEqual([{ event: 'purchaseOrder.placed', previousStatus: null, ...orderRow(2, 'PLACED') }]);
		list.rows = [orderRow(1, 'PENDING')];
		expect((await trigger.poll.call(manual))?.[0].map((item) => item.json.id)).toEqual([orderRow(1, 'PENDING').id]);
		list.rows = [];
		expect(await trigger.poll.call(manual)).toBeNull();
		expect(staticData).toEqual({});
	});

	it('switching the event starts a fresh memory; leftovers of the timestamp version are dropped', async () => {
		const list: FakeList = { rows: [orderRow(1, 'PLACED')] };
		const staticData: IDataObject = { event: 'purchaseOrder.placed', cursor: '2024-01-01T00:00:00Z', atCursor: ['x'], statuses: { x: 'PLACED' } };
		const placed = poller(list, { event: 'purchaseOrder.placed' }, staticData);
		// The first poll after the upgrade only records.
		expect(await placed.poll()).toEqual([]);
		expect(staticData).toEqual({ event: 'purchaseOrder.placed', seen: { [String(orderRow(1, 'PLACED').id)]: 'PLACED' } });
		const created = poller(list, { event: 'purchaseOrder.created' }, staticData);
		expect(await created.poll()).toEqual([]);
		expect(staticData).toEqual({ event: 'purchaseOrder.created', seen: { [String(orderRow(1, 'PLACED').id)]: '' } });
	});
});

describe('stock movement events', () => {
	it('outbound shipped: DISPATCHED / SHIPPED rows as the outbound list gives them fire once', async () => {
		const list: FakeList = { rows: [outboundRow('a', 'PICKING', 'PENDING'), outboundRow('b', 'ISSUED', 'SHIPPED'), outboundRow('c', 'CHECKING', 'PENDING')] };
		const { poll, requests } = poller(list, { event: 'stockMovement.shipped', direction: 'OUTBOUND' });
		expect(await poll()).toEqual([]);
		list.rows[0] = outboundRow('a', 'ISSUED', 'SHIPPED');
		expect(await poll()).toEqual([{ event: 'stockMovement.shipped', previousStatus: 'open', ...outboundRow('a', 'ISSUED', 'SHIPPED') }]);
		expect(await poll()).toEqual([]);
		// Received at the other end: already reported as shipped, not again.
		list.rows[0] = outboundRow('a', 'ISSUED', 'RECEIVED');
		expect(await poll()).toEqual([]);
		// Shipped and received between two polls: still shipped, once.
		list.rows[2] = outboundRow('c', 'ISSUED', 'RECEIVED');
		expect((await poll()).map((item) => [item.id, item.previousStatus])).toEqual([['c', 'open']]);
		expect(requests[0]).toEqual({ path: '/stockMovements', query: { direction: 'OUTBOUND', origin: 'L1', max: '100', offset: '0' } });
	});

	it('inbound received: a row turning isReceived fires once; inbound shipped reads statusCode ISSUED', async () => {
		const list: FakeList = { rows: [inboundRow('p', 'PENDING', false), inboundRow('q', 'ISSUED', false)] };
		const received = poller(list, { event: 'stockMovement.received', direction: 'INBOUND' });
		const shipped = poller(list, { event: 'stockMovement.shipped', direction: 'INBOUND' });
		expect(await received.poll()).toEqual([]);
		expect(await shipped.poll()).toEqual([]);
		list.rows = [inboundRow('p', 'ISSUED', false), inboundRow('q', 'ISSUED', true)];
		expect(await received.poll()).toEqual([{ event: 'stockMovement.received', previousStatus: 'shipped', ...inboundRow('q', 'ISSUED', true) }]);
		expect((await shipped.poll()).map((item) => [item.id, item.previousStatus])).toEqual([['p', 'open']]);
		expect(await received.poll()).toEqual([]);
		expect(await shipped.poll()).toEqual([]);
		expect(received.requests[0].query).toEqual({ direction: 'INBOUND', destination: 'L1', max: '100', offset: '0' });
	});

	it('created: a new movement fires once; nothing changed fires nothing', async () => {
		const list: FakeList = { rows: [inboundRow('p', 'PENDING', false)] };
		const { poll } = poller(list, { event: 'stockMovement.created', direction: 'INBOUND' });
		expect(await poll()).toEqual([]);
		list.rows.unshift(inboundRow('n', 'PENDING', false));
		expect(await poll()).toEqual([{ event: 'stockMovement.created', previousStatus: null, ...inboundRow('n', 'PENDING', false) }]);
		expect(await poll()).toEqual([]);
	});

	it('switching the direction starts a fresh memory: the other list is only recorded', async () => {
		const list: FakeList = { rows: [inboundRow('p', 'PENDING', false)] };
		const staticData: IDataObject = {};
		expect(await poller(list, { event: 'stockMovement.created', direction: 'INBOUND' }, staticData).poll()).toEqual([]);
		list.rows = [outboundRow('o', 'PICKING', 'PENDING')];
		expect(await poller(list, { event: 'stockMovement.created', direction: 'OUTBOUND' }, staticData).poll()).toEqual([]);
		expect(staticData).toEqual({ event: 'stockMovement.created', direction: 'OUTBOUND', seen: { o: '' } });
	});

	it('an event this version does not know stops the poll with its name, and reads no list', async () => {
		const list: FakeList = { rows: [orderRow(1, 'PLACED')] };
		const { poll, requests } = poller(list, { event: 'purchaseOrder.cancelled' });
		await expect(poll()).rejects.toThrow('Event "purchaseOrder.cancelled" is not one this version of the node knows');
		expect(requests).toEqual([]);
	});
});
