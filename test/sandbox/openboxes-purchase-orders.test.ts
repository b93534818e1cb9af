/**
 * OpenBoxes purchase orders over real HTTP (reference openboxes-api.md §2.4): the OrderSummary list
 * with its filters (strict MM/dd/yyyy dates), the read with its plain-text 404, delete of pending
 * orders only, rollback (ROLE_PURCHASE_APPROVER), the hosted create/update and the generic order.
 */
import { OPENBOXES_DEMO, OpenBoxesSandbox } from './openboxes/server';
import { ASSISTANT_LOGIN, BROWSER_LOGIN, MANAGER_LOGIN, SECOND_DATE, openBoxesClient, parseUsDay } from './openboxes/testClient';
import type { Json } from '../helpers/json';

const sandbox = new OpenBoxesSandbox();
const { call, login, expectForbidden } = openBoxesClient(sandbox);
const SUPPLIER = OPENBOXES_DEMO.supplierId;

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

beforeEach(() => {
	sandbox.reset();
});

type Row = Record<string, Json>;
const orders = () => sandbox.purchaseOrders() as Row[];
const byStatus = (status: string) => orders().filter((o) => o.status === status);

async function list(cookie: string, query = ''): Promise<{ data: Row[]; totalCount: number; totalPrice: number }> {
	const res = await call(`/purchaseOrders${query}`, { cookie });
	expect(res.status).toBe(200);
	return res.json;
}

/** The order changed last: rows do not show lastUpdated, but the list sorts by it (an Order property). */
async function changedLast(cookie: string): Promise<string> {
	return (await list(cookie, '?sort=lastUpdated&order=desc&max=1')).data[0].id as string;
}

function newOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const [p1, p2] = sandbox.products().filter((p) => p.active);
	return {
		name: 'Gloves for Q3',
		origin: { id: SUPPLIER },
		destination: { id: OPENBOXES_DEMO.locationId },
		orderedBy: { id: OPENBOXES_DEMO.userId },
		dateOrdered: '07/01/2025',
		orderItems: [
			{ product: { id: p1.id }, quantity: 100, unitPrice: 2.5 },
			{ product: { id: p2.id }, quantity: 10, unitPrice: 12 },
		],
		...overrides,
	};
}

describe('the list', () => {
	test('without max every order comes back with totalCount, totalPrice and the OrderSummary keys', async () => {
		const cookie = await login();
		const all = await list(cookie);
		expect(all.totalCount).toBe(80);
		expect(all.data).toHaveLength(80);
		const row = all.data[0];
		expect(Object.keys(row)).toEqual([
			'status', 'id', 'orderNumber', 'name', 'paymentTerm', 'origin', 'destination', 'dateOrdered', 'orderedBy', 'createdBy',
			'orderItemsCount', 'orderedOrderItemsCount', 'shippedItemsCount', 'receivedItemsCount', 'invoicedItemsCount',
			'total', 'totalNormalized', 'shipmentsCount',
		]);
		expect(row.origin).toMatch(/ \([A-Z]+\)$/);
		expect(row.total).toMatch(/^\d+\.\d{2} USD$/);
		expect(row.dateOrdered).toMatch(SECOND_DATE);
		const totals = all.data.reduce((s, o) => s + Number.parseFloat(o.total), 0);
		expect(all.totalPrice).toBeCloseTo(totals, 2);
		// Statuses across the whole lifecycle, suppliers as origins.
		expect(new Set(all.data.map((o) => o.status))).toEqual(
			new Set(['PENDING', 'APPROVED', 'PLACED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'PARTIALLY_INVOICED', 'INVOICED', 'COMPLETED', 'CANCELED', 'REJECTED']),
		);
		const suppliers = sandbox.locations().filter((l) => l.locationType.locationTypeCode === 'SUPPLIER');
		expect(all.data.every((o) => suppliers.some((s) => o.origin.startsWith(`${s.name} (`)))).toBe(true);
	});

	test('max/offset page; totalPrice is the page’s; a non-numeric max is ignored', async () => {
		const cookie = await login();
		const all = await list(cookie);
		const page = await list(cookie, '?max=10&offset=20');
		expect(page.totalCount).toBe(80);
		expect(page.data.map((o) => o.id)).toEqual(all.data.slice(20, 30).map((o) => o.id));
		expect(page.totalPrice).toBeCloseTo(page.data.reduce((s, o) => s + Number.parseFloat(o.total), 0), 2);
		expect((await list(cookie, '?max=ten')).data).toHaveLength(80);
	});

	test('status is repeatable and matches the derived status; an unknown status matches nothing', async () => {
		const cookie = await login();
		const pendingOrApproved = await list(cookie, '?status=PENDING&status=APPROVED');
		expect(pendingOrApproved.totalCount).toBe(byStatus('PENDING').length + byStatus('APPROVED').length);
		expect(pendingOrApproved.data.every((o) => ['PENDING', 'APPROVED'].includes(o.status))).toBe(true);
		expect((await list(cookie, '?status=SHIPPED')).totalCount).toBe(byStatus('SHIPPED').length);
		expect(await list(cookie, '?status=LOST')).toEqual({ data: [], totalPrice: 0, totalCount: 0 });
	});

	test('searchTerm, origin and destination', async () => {
		const cookie = await login();
		const target = orders()[17];
		const bySearch = await list(cookie, `?searchTerm=${target.orderNumber.slice(3).toLowerCase()}`);
		expect(bySearch.data.map((o) => o.id)).toEqual([target.id]);
		const byName = await list(cookie, '?searchTerm=VACCINE');
		expect(byName.totalCount).toBe(orders().filter((o) => o.name.toLowerCase().includes('vaccine')).length);
		const fromSupplier = await list(cookie, `?origin=${SUPPLIER}`);
		expect(fromSupplier.totalCount).toBe(20);
		expect(fromSupplier.data.every((o) => o.origin === 'Medline Industries (MEDL)')).toBe(true);
		const toWarehouse = await list(cookie, `?destination=${OPENBOXES_DEMO.warehouseId}&origin=${SUPPLIER}`);
		expect(toWarehouse.data.every((o) => o.destination === 'Main Warehouse (PIH)' && o.origin.startsWith('Medline'))).toBe(true);
		expect(toWarehouse.totalCount).toBeLessThan(fromSupplier.totalCount);
	});

	test('statusStartDate/statusEndDate bound dateOrdered, MM/dd/yyyy only', async () => {
		const cookie = await login();
		const res = await list(cookie, '?statusStartDate=10/01/2024&statusEndDate=12/31/2024');
		const expected = orders().filter((o) => Date.parse(o.dateOrdered) >= parseUsDay('10/01/2024') && Date.parse(o.dateOrdered) <= parseUsDay('12/31/2024'));
		expect(res.totalCount).toBe(expected.length);
		expect(res.totalCount).toBeGreaterThan(5);
		for (const value of ['2024-10-01', '10/01/24', 'Oct 1 2024']) {
			const bad = await call(`/purchaseOrders?statusStartDate=${encodeURIComponent(value)}`, { cookie });
			expect(bad.status).toBe(500);
			expect(bad.json).toEqual({ errorCode: 500, cause: 'java.text.ParseException', errorMessage: `Unparseable date: "${value}"` });
		}
		expect((await call('/purchaseOrders?statusEndDate=2024-12-31', { cookie })).status).toBe(500);
	});

	test('sort and order (asc by default); status sorts by the derived status text; unknown sort is a 500', async () => {
		const cookie = await login();
		const numbers = (await list(cookie, '?sort=orderNumber&order=desc')).data.map((o) => o.orderNumber);
		expect(numbers).toEqual([...numbers].sort().reverse());
		const statuses = (await list(cookie, '?sort=status')).data.map((o) => o.status);
		expect(statuses).toEqual([...statuses].sort());
		const origins = (await list(cookie, '?sort=origin')).data.map((o) => o.origin.toLowerCase());
		expect(origins).toEqual([...origins].sort());
		const bad = await call('/purchaseOrders?sort=color', { cookie });
		expect(bad.status).toBe(500);
		expect(bad.json.cause).toBe('org.hibernate.QueryException');
		// lastUpdated is an Order property: it sorts, though the row does not show it.
		const touched = byStatus('PENDING')[0];
		sandbox.setPurchaseOrderStatus(touched.id, 'APPROVED');
		expect(await changedLast(cookie)).toBe(touched.id);
	});
});

describe('read, delete and rollback', () => {
	test('read: {"data":Order} with the raw status enum; an unknown id is a plain-text 404', async () => {
		const cookie = await login();
		const placed = byStatus('PLACED')[0];
		const res = await call(`/purchaseOrders/${placed.id}`, { cookie });
		expect(res.status).toBe(200);
		expect(Object.keys(res.json.data)).toEqual(['id', 'orderNumber', 'name', 'status', 'origin', 'destination', 'paymentMethodType', 'orderItems']);
		expect(res.json.data.status).toEqual({ enumType: 'org.pih.warehouse.order.OrderStatus', name: 'PLACED' });
		expect(res.json.data.origin.locationType.locationTypeCode).toBe('SUPPLIER');
		expect(res.json.data.orderItems[0]).toEqual({ id: expect.any(String), product: expect.objectContaining({ id: expect.any(String), productCode: expect.any(String) }), quantity: expect.any(Number), shipmentItems: expect.any(Array) });
		expect(res.json.data.orderItems).toHaveLength(placed.orderItemsCount);

		const unknown = await call('/purchaseOrders/nope', { cookie });
		expect(unknown.status).toBe(404);
		expect(unknown.headers.get('content-type')).toContain('text/plain');
		expect(unknown.text).toBe('Order not found with id nope');
	});

	test('delete: only PENDING orders without a prepayment invoice', async () => {
		const cookie = await login();
		const prepaid = byStatus('PENDING').find((o) => o.paymentTerm?.code === 'PREPAY')!;
		const pending = byStatus('PENDING').find((o) => o.paymentTerm?.code !== 'PREPAY')!;
		const res = await call(`/purchaseOrders/${pending.id}`, { cookie, method: 'DELETE' });
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect((await call(`/purchaseOrders/${pending.id}`, { cookie })).status).toBe(404);
		expect((await list(cookie)).totalCount).toBe(79);

		const refusedPrepaid = await call(`/purchaseOrders/${prepaid.id}`, { cookie, method: 'DELETE' });
		expect(refusedPrepaid.status).toBe(400);
		expect(refusedPrepaid.json).toEqual({ errorMessages: ['Cannot delete a purchase order that has been prepaid'] });
		for (const status of ['APPROVED', 'PLACED', 'RECEIVED']) {
			const refused = await call(`/purchaseOrders/${byStatus(status)[0].id}`, { cookie, method: 'DELETE' });
			expect(refused.status).toBe(400);
			expect(refused.json).toEqual({ errorMessages: ['Cannot delete a placed order. Must roll back in order to delete'] });
		}
		const unknown = await call('/purchaseOrders/nope', { cookie, method: 'DELETE' });
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ errorMessage: 'Order not found with id nope' });
		expect((await list(cookie)).totalCount).toBe(79);
	});

	test('delete needs ROLE_ASSISTANT: the browser is forbidden, the assistant is not', async () => {
		const pending = byStatus('PENDING').find((o) => o.paymentTerm?.code !== 'PREPAY')!;
		await expectForbidden(await call(`/purchaseOrders/${pending.id}`, { cookie: await login(BROWSER_LOGIN), method: 'DELETE' }));
		expect((await call(`/purchaseOrders/${pending.id}`, { cookie: await login(ASSISTANT_LOGIN), method: 'DELETE' })).status).toBe(204);
	});

	test('rollback: a placed order without shipments goes back to PENDING and can then be deleted', async () => {
		const cookie = await login();
		const placed = byStatus('PLACED').find((o) => o.shipmentsCount === 0)!;
		const res = await call(`/purchaseOrders/${placed.id}/rollback`, { cookie, method: 'POST' });
		expect(res.status).toBe(200);
		expect(res.text).toBe('');
		const after = orders().find((o) => o.id === placed.id)!;
		expect(after.status).toBe('PENDING');
		expect(await changedLast(cookie)).toBe(placed.id);
		expect((await call(`/purchaseOrders/${placed.id}`, { cookie, method: 'DELETE' })).status).toBe(204);

		const approved = byStatus('APPROVED')[0];
		expect((await call(`/purchaseOrders/${approved.id}/rollback`, { cookie, method: 'POST' })).status).toBe(200);
		expect(orders().find((o) => o.id === approved.id)!.status).toBe('APPROVED');

		const shipped = byStatus('SHIPPED')[0];
		const refused = await call(`/purchaseOrders/${shipped.id}/rollback`, { cookie, method: 'POST' });
		expect(refused.status).toBe(500);
		expect(refused.json).toEqual({ errorCode: 500, cause: 'java.lang.IllegalArgumentException', errorMessage: 'Cannot rollback order with associated shipments' });
		expect((await call('/purchaseOrders/nope/rollback', { cookie, method: 'POST' })).json).toEqual({ errorMessage: 'Order not found with id nope' });
	});

	test('rollback needs ROLE_PURCHASE_APPROVER, which a plain manager lacks', async () => {
		const placed = byStatus('PLACED')[0];
		await expectForbidden(await call(`/purchaseOrders/${placed.id}/rollback`, { cookie: await login(MANAGER_LOGIN), method: 'POST' }));
		expect(orders().find((o) => o.id === placed.id)!.status).toBe('PLACED');
	});
});

describe('writes', () => {
	test('hosted create: 201 {"data":Order}, PENDING, listed with its totals', async () => {
		const cookie = await login();
		const res = await call('/purchaseOrders', { cookie, body: newOrder() });
		expect(res.status).toBe(201);
		const order = res.json.data;
		expect(order.status).toEqual({ enumType: 'org.pih.warehouse.order.OrderStatus', name: 'PENDING' });
		expect(order.orderNumber).toMatch(/^PO-\d+$/);
		expect(order.orderItems.map((i: Row) => i.quantity)).toEqual([100, 10]);
		const row = (await list(cookie, `?searchTerm=${order.orderNumber}`)).data[0];
		expect(row).toMatchObject({ id: order.id, status: 'PENDING', total: '370.00 USD', orderItemsCount: 2, origin: 'Medline Industries (MEDL)', dateOrdered: '2025-07-01T00:00:00Z' });
		expect((await call(`/purchaseOrders/${order.id}`, { cookie })).json.data).toEqual(order);
	});

	test('hosted create validation: supplier origin, items, quantities, unique order number', async () => {
		const cookie = await login();
		const res = await call('/purchaseOrders', {
			cookie,
			body: newOrder({ origin: { id: OPENBOXES_DEMO.warehouseId }, orderedBy: null, orderItems: [{ product: { id: 'nope' }, quantity: 0, unitPrice: -1 }] }),
		});
		expect(res.status).toBe(400);
		expect(res.json.errorMessages).toEqual([
			'Property [origin] of class [class org.pih.warehouse.order.Order] with value [Main Warehouse] does not pass custom validation',
			'Property [orderedBy] of class [class org.pih.warehouse.order.Order] cannot be null',
			'Property [product] of class [class org.pih.warehouse.order.OrderItem] cannot be null',
			'Property [quantity] of class [class org.pih.warehouse.order.OrderItem] with value [0] is less than minimum value [1]',
			'Property [unitPrice] of class [class org.pih.warehouse.order.OrderItem] with value [-1] is less than minimum value [0]',
		]);
		const duplicate = await call('/purchaseOrders', { cookie, body: newOrder({ orderNumber: orders()[0].orderNumber }) });
		expect(duplicate.status).toBe(400);
		expect(duplicate.json.errorMessages[0]).toMatch(/orderNumber.*must be unique/);
		expect(orders()).toHaveLength(80);
	});

	test('hosted update (PUT) replaces fields and items of a pending order only', async () => {
		const cookie = await login();
		const created = (await call('/purchaseOrders', { cookie, body: newOrder() })).json.data;
		const product = sandbox.products().filter((p) => p.active)[5];
		const res = await call(`/purchaseOrders/${created.id}`, { cookie, method: 'PUT', body: { name: 'Renamed', orderItems: [{ product: { id: product.id }, quantity: 3, unitPrice: 1 }] } });
		expect(res.status).toBe(200);
		expect(res.json.data.name).toBe('Renamed');
		expect(res.json.data.orderItems.map((i: Row) => [i.product.id, i.quantity])).toEqual([[product.id, 3]]);
		expect((await list(cookie, `?searchTerm=${created.orderNumber}`)).data[0].total).toBe('3.00 USD');
		const placed = byStatus('PLACED')[0];
		const refused = await call(`/purchaseOrders/${placed.id}`, { cookie, method: 'PUT', body: { name: 'x' } });
		expect(refused.status).toBe(400);
		expect((await call('/purchaseOrders/nope', { cookie, method: 'PUT', body: { name: 'x' } })).status).toBe(404);
	});

	test('purchaseOrderWrites=false: create and update are the open-source 404', async () => {
		sandbox.configure({ purchaseOrderWrites: false });
		const cookie = await login();
		const res = await call('/purchaseOrders', { cookie, body: newOrder() });
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
		expect((await call(`/purchaseOrders/${orders()[0].id}`, { cookie, method: 'PUT', body: { name: 'x' } })).status).toBe(404);
		expect(orders()).toHaveLength(80);
	});

	test('POST /api/generic/order creates an order the list shows', async () => {
		const cookie = await login();
		const res = await call('/generic/order', { cookie, body: { origin: { id: SUPPLIER }, destination: { id: OPENBOXES_DEMO.locationId }, name: 'Generic order' } });
		expect(res.status).toBe(201);
		expect(res.json.data.status.name).toBe('PENDING');
		const listed = await list(cookie, '?searchTerm=generic order');
		expect(listed.data.map((o) => o.id)).toEqual([res.json.data.id]);
		const item = await call('/generic/orderItem', { cookie, body: { order: { id: res.json.data.id }, product: { id: sandbox.products()[0].id }, quantity: 4, unitPrice: 2 } });
		expect(item.status).toBe(201);
		expect((await list(cookie, '?searchTerm=generic order')).data[0]).toMatchObject({ orderItemsCount: 1, total: '8.00 USD' });
		expect((await call('/generic/order', { cookie, body: { name: 'No places' } })).status).toBe(400);
		await expectForbidden(await call('/purchaseOrders', { cookie: await login(BROWSER_LOGIN), body: newOrder() }));
	});

	test('setPurchaseOrderStatus walks the lifecycle; the list follows and lastUpdated moves', async () => {
		const cookie = await login();
		const order = byStatus('PENDING')[0];
		for (const status of ['APPROVED', 'PLACED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'INVOICED'] as const) {
			sandbox.setPurchaseOrderStatus(order.id, status);
			const row = (await list(cookie, `?searchTerm=${order.orderNumber}`)).data[0];
			expect(row.status).toBe(status);
			expect(await changedLast(cookie)).toBe(order.id);
		}
		const read = await call(`/purchaseOrders/${order.id}`, { cookie });
		expect(read.json.data.status.name).toBe('RECEIVED');
		expect(() => sandbox.setPurchaseOrderStatus('nope', 'PLACED')).toThrow('unknown purchase order');
	});
});
