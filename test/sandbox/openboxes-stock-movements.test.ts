/**
 * OpenBoxes stock movements over real HTTP (reference openboxes-api.md §2.3, §6.2): the strict
 * list (direction required, MM/dd/yyyy filters, the outbound `"totalCount":[]` quirk), create,
 * line items, the status transitions with their stock side effects and empty 200 bodies,
 * shipment fields, rollback, delete rules and receipt into the receiving bin.
 */
import { OPENBOXES_BINS, OPENBOXES_DEMO, OpenBoxesSandbox } from './openboxes/server';
import {
	ASSISTANT_LOGIN,
	BROWSER_LOGIN,
	SECOND_DATE,
	nowFloorSeconds,
	openBoxesClient,
	parseUsDay,
	type Reply,
} from './openboxes/testClient';
import type { Json } from '../helpers/json';

const sandbox = new OpenBoxesSandbox();
const { call, login, expectForbidden } = openBoxesClient(sandbox);
const BHQ = OPENBOXES_DEMO.locationId;
const WAREHOUSE = OPENBOXES_DEMO.warehouseId;
const PEDIATRIC = 'ff80818190a1c3b10190a1c4e2a50011';
const DIRECTION_ERROR = { errorMessages: ['Direction parameter is required. Origin and destination cannot be the same.'] };

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

beforeEach(() => {
	sandbox.reset();
});

type Movement = Record<string, Json>;

const movements = () => sandbox.stockMovements() as Movement[];
const movement = (id: string) => movements().find((m) => m.id === id)!;

/** What the outbound list shows by default (no source type filter, no approval at the depots). */
function outboundVisible(m: Movement): boolean {
	const status = m.associations.requisition?.status as string | undefined;
	if (!status) return false;
	if (m.isElectronicType && status === 'CREATED') return false;
	return !['PENDING_APPROVAL', 'REJECTED', 'APPROVED'].includes(status);
}

/** Products with free stock outside the receiving bin at Boston Headquarters and no inventory level. */
function pickableProducts(count: number, atLeast: number): string[] {
	const levelled = new Set(sandbox.inventoryLevels().map((l) => l.product.id));
	const free = new Map<string, number>();
	for (const r of sandbox.productAvailability()) {
		if (r.binLocation?.id === OPENBOXES_BINS.bhqReceiving || levelled.has(r.product.id)) continue;
		free.set(r.product.id, (free.get(r.product.id) ?? 0) + r.quantityAvailableToPromise);
	}
	return [...free].filter(([, q]) => q >= atLeast).map(([id]) => id).slice(0, count);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const stockAt = (productId: string, location: string = BHQ) => sandbox.productAvailability(productId, location);

async function create(cookie: string, overrides: Record<string, unknown> = {}): Promise<Movement> {
	const res = await call('/stockMovements', {
		cookie,
		body: {
			origin: { id: BHQ },
			destination: { id: PEDIATRIC },
			requestedBy: { id: OPENBOXES_DEMO.userId },
			dateRequested: '06/20/2025',
			description: 'Ward top-up',
			...overrides,
		},
	});
	expect(res.status).toBe(201);
	return res.json.data as Movement;
}

async function setStatus(cookie: string, id: string, body: Record<string, unknown>): Promise<Reply> {
	return await call(`/stockMovements/${id}/status`, { cookie, body });
}

describe('the list', () => {
	test('direction is required and origin must differ from destination: 400 with errorMessages', async () => {
		const cookie = await login();
		for (const query of ['', `?origin=${BHQ}`, '?direction=OUTBOUND', `?direction=INBOUND&origin=${BHQ}&destination=${BHQ}`, '?direction=OUTBOUND&origin=unknown']) {
			const res = await call(`/stockMovements${query}`, { cookie });
			expect(res.status).toBe(400);
			expect(res.json).toEqual(DIRECTION_ERROR);
		}
		const bad = await call('/stockMovements?direction=SIDEWAYS&origin=1', { cookie });
		expect(bad.status).toBe(500);
		expect(bad.json).toEqual({ errorCode: 500, cause: 'java.lang.IllegalArgumentException', errorMessage: 'No enum constant org.pih.warehouse.api.StockMovementDirection.SIDEWAYS' });
		const internal = await call('/stockMovements?direction=INTERNAL&origin=1', { cookie });
		expect(internal.status).toBe(500);
		expect(internal.json.errorMessage).toBe('Missing stock movement direction parameter');
	});

	test('OUTBOUND from a depot: its requisitions minus unsubmitted and approval states, in status order', async () => {
		const cookie = await login();
		const res = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}`, { cookie });
		expect(res.status).toBe(200);
		const expected = movements().filter((m) => m.origin.id === BHQ && outboundVisible(m));
		expect(expected.length).toBeGreaterThan(25);
		expect(res.json.totalCount).toBe(expected.length);
		expect(res.json.data.map((m: Movement) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
		const rows = res.json.data as Movement[];
		// Exactly OutboundStockMovementListItem.toJson's keys: no lastUpdated.
		expect(Object.keys(rows[0])).toEqual([
			'id', 'name', 'description', 'statusCode', 'displayStatus', 'statusVariant', 'status', 'currentStatus', 'identifier',
			'stockMovementType', 'origin', 'destination', 'hasManageInventory', 'stocklist', 'order', 'replenishmentType',
			'dateRequested', 'dateCreated', 'requestedBy', 'lineItemCount', 'requestType', 'sourceType', 'isPending', 'isReturn',
			'isElectronicType', 'isApprovalRequired', 'shipmentType', 'approvers',
		]);
		expect(rows[0].dateCreated).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
		// statusSortOrder ascending (CREATED before VERIFYING before ISSUED), then newest first.
		const order = ['CREATED', 'EDITING', 'VERIFYING', 'PICKING', 'PICKED', 'CHECKING', 'ISSUED'];
		const ranks = rows.map((m) => order.indexOf(m.status));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(rows.every((m) => m.stockMovementType === 'OUTBOUND')).toBe(true);
	});

	test('INBOUND to a depot: requisitions and supplier shipments, rejected ones hidden, newest first, ISO dates', async () => {
		const cookie = await login();
		const res = await call(`/stockMovements?direction=INBOUND&destination=${BHQ}`, { cookie });
		const expected = movements().filter((m) => m.destination.id === BHQ && m.associations.requisition?.status !== 'REJECTED');
		expect(res.json.totalCount).toBe(expected.length);
		const rows = res.json.data as Movement[];
		expect(rows.some((m) => m.order.id !== null)).toBe(true);
		expect(movements().some((m) => m.destination.id === BHQ && m.associations.requisition?.status === 'REJECTED')).toBe(true);
		expect(rows[0].dateCreated).toMatch(SECOND_DATE);
		const created = rows.map((m) => m.dateCreated as string);
		expect(created).toEqual([...created].sort().reverse());
		// Exactly InboundStockMovementListItem.toJson's keys: no lastUpdated.
		expect(Object.keys(rows[0])).toEqual([
			'id', 'name', 'description', 'shipmentType', 'statusCode', 'displayStatus', 'identifier', 'origin', 'destination', 'order',
			'stocklist', 'dateCreated', 'dateRequested', 'expectedDeliveryDate', 'requestedBy', 'lineItemCount', 'isReturn', 'isReceived',
			'isPartiallyReceived', 'isPending', 'currentEvent',
		]);
	});

	test('max/offset page through a stable order; totalCount stays the total', async () => {
		const cookie = await login();
		const all = (await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}`, { cookie })).json;
		const pages: string[] = [];
		for (let offset = 0; offset < all.totalCount; offset += 7) {
			const page = (await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&max=7&offset=${offset}`, { cookie })).json;
			expect(page.totalCount).toBe(all.totalCount);
			pages.push(...page.data.map((m: Movement) => m.id));
		}
		expect(pages).toEqual(all.data.map((m: Movement) => m.id));
	});

	test('filters: q, receiptStatusCode, requisitionStatusCode (outbound only), sort and order', async () => {
		const cookie = await login();
		const target = movements().find((m) => m.origin.id === BHQ && outboundVisible(m))!;
		const byQ = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&q=${target.identifier.toLowerCase()}`, { cookie });
		expect(byQ.json.data.map((m: Movement) => m.id)).toContain(target.id);
		expect(byQ.json.data.every((m: Movement) => `${m.identifier} ${m.name} ${m.description ?? ''}`.toLowerCase().includes(target.identifier.toLowerCase()))).toBe(true);

		const shipped = await call(`/stockMovements?direction=INBOUND&destination=${BHQ}&receiptStatusCode=SHIPPED&receiptStatusCode=PARTIALLY_RECEIVED`, { cookie });
		expect(shipped.json.totalCount).toBe(movements().filter((m) => m.destination.id === BHQ && ['SHIPPED', 'PARTIALLY_RECEIVED'].includes(m.currentStatus)).length);
		expect(shipped.json.totalCount).toBeGreaterThan(0);

		const picking = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&requisitionStatusCode=PICKING`, { cookie });
		expect(picking.json.data.every((m: Movement) => m.status === 'PICKING')).toBe(true);
		expect(picking.json.totalCount).toBe(movements().filter((m) => m.origin.id === BHQ && m.associations.requisition?.status === 'PICKING').length);
		// Inbound ignores the requisition status filter.
		const inbound = await call(`/stockMovements?direction=INBOUND&destination=${BHQ}&requisitionStatusCode=PICKING`, { cookie });
		expect(inbound.json.totalCount).toBe((await call(`/stockMovements?direction=INBOUND&destination=${BHQ}`, { cookie })).json.totalCount);

		const bad = await call(`/stockMovements?direction=INBOUND&destination=${BHQ}&receiptStatusCode=LOST`, { cookie });
		expect(bad.status).toBe(500);
		expect(bad.json.errorMessage).toBe('No enum constant org.pih.warehouse.shipping.ShipmentStatusCode.LOST');

		const sorted = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&sort=identifier&order=asc`, { cookie });
		const identifiers = sorted.json.data.map((m: Movement) => m.identifier);
		expect(identifiers).toEqual([...identifiers].sort());
		const desc = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&sort=identifier`, { cookie });
		expect(desc.json.data.map((m: Movement) => m.identifier)).toEqual([...identifiers].reverse());
		const unknown = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&sort=nope`, { cookie });
		expect(unknown.status).toBe(500);
		expect(unknown.json.cause).toBe('org.hibernate.QueryException');
	});

	test('createdAfter/createdBefore take MM/dd/yyyy only; anything else is a ParseException 500', async () => {
		const cookie = await login();
		const all = movements().filter((m) => m.destination.id === BHQ && m.associations.requisition?.status !== 'REJECTED');
		const from = '01/01/2025';
		const to = '03/01/2025';
		const res = await call(`/stockMovements?direction=INBOUND&destination=${BHQ}&createdAfter=${from}&createdBefore=${to}`, { cookie });
		expect(res.status).toBe(200);
		// `ge` the first midnight, `le` the second: nothing created later on 03/01 is included.
		const expected = all.filter((m) => parseUsDay(m.dateCreated) >= parseUsDay(from) && parseUsDay(m.dateCreated) < parseUsDay(to));
		expect(res.json.totalCount).toBe(expected.length);
		expect(res.json.totalCount).toBeGreaterThan(0);
		expect(res.json.totalCount).toBeLessThan(all.length);

		for (const value of ['2025-01-01', '01-01-2025', 'yesterday', '1/1/25']) {
			const bad = await call(`/stockMovements?direction=INBOUND&destination=${BHQ}&createdAfter=${encodeURIComponent(value)}`, { cookie });
			expect(bad.status).toBe(500);
			expect(bad.json).toEqual({ errorCode: 500, cause: 'java.text.ParseException', errorMessage: `Unparseable date: "${value}"` });
		}
		const badBefore = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&createdBefore=2025-03-01T00:00:00Z`, { cookie });
		expect(badBefore.status).toBe(500);
	});

	test('no matches: outbound says "totalCount":[], inbound says 0', async () => {
		const cookie = await login();
		const outbound = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&q=no-such-thing`, { cookie });
		expect(outbound.status).toBe(200);
		expect(outbound.text).toBe('{"data":[],"totalCount":[]}');
		const inbound = await call(`/stockMovements?direction=INBOUND&destination=${BHQ}&q=no-such-thing`, { cookie });
		expect(inbound.json).toEqual({ data: [], totalCount: 0 });
	});
});

describe('create and read', () => {
	test('create answers 201 {"data":StockMovement} in status CREATED, with a generated name', async () => {
		const cookie = await login();
		const started = nowFloorSeconds();
		const sm = await create(cookie);
		expect(sm).toMatchObject({
			statusCode: 'CREATED',
			origin: { id: BHQ, name: 'Boston Headquarters', isDepot: true },
			destination: { id: PEDIATRIC },
			dateRequested: '06/20/2025',
			description: 'Ward top-up',
			name: 'BHQ.PED.20Jun2025.Ward top-up',
			lineItems: [],
			lineItemCount: 0,
			shipped: false,
			currentStatus: null,
			requestType: { enumType: 'org.pih.warehouse.requisition.RequisitionType', name: 'STOCK' },
			requestedBy: { id: OPENBOXES_DEMO.userId, username: 'admin' },
		});
		expect(sm.identifier).toMatch(/^\d{3}[A-Z]{3}$/);
		expect(Date.parse(sm.lastUpdated)).toBeGreaterThanOrEqual(started);
		const read = await call(`/stockMovements/${sm.id}`, { cookie });
		expect(read.json).toEqual({ data: sm, totalCount: 0 });
		expect((await call(`/stockMovements/${sm.id}/status`, { cookie })).json).toEqual({ data: 'CREATED' });
		// An ISO date is accepted too.
		expect((await create(cookie, { dateRequested: '2025-06-21T10:00:00Z' })).dateRequested).toBe('06/21/2025');
	});

	test('create validation: every required field is named; no session location is an NPE', async () => {
		const cookie = await login();
		const res = await call('/stockMovements', { cookie, body: { origin: { id: 'nope' }, dateRequested: 'someday' } });
		expect(res.status).toBe(400);
		expect(res.json.errorMessages).toEqual([
			'Property [origin] of class [class org.pih.warehouse.api.StockMovement] cannot be null',
			'Property [destination] of class [class org.pih.warehouse.api.StockMovement] cannot be null',
			'Property [requestedBy] of class [class org.pih.warehouse.api.StockMovement] cannot be null',
			'Property [dateRequested] of class [class org.pih.warehouse.api.StockMovement] cannot be null',
		]);
		const noLocation = await login({ username: 'admin', password: 'password' });
		const npe = await call('/stockMovements', { cookie: noLocation, body: { origin: { id: BHQ } } });
		expect(npe.status).toBe(500);
		expect(npe.json.cause).toBe('java.lang.NullPointerException');
		await expectForbidden(await call('/stockMovements', { cookie: await login(BROWSER_LOGIN), body: {} }));
	});

	test('an unknown id is a 404; POST/PUT on a movement does not exist', async () => {
		const cookie = await login();
		const res = await call('/stockMovements/nope', { cookie });
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
		const sm = movements()[0];
		expect((await call(`/stockMovements/${sm.id}`, { cookie, method: 'PUT', body: { description: 'x' } })).status).toBe(404);
	});

	test('updateItems adds, changes and deletes lines; stockMovementItems pages them without a count', async () => {
		const cookie = await login();
		const sm = await create(cookie);
		const [a, b, c] = pickableProducts(3, 30);
		const added = await call(`/stockMovements/${sm.id}/updateItems`, {
			cookie,
			body: { lineItems: [{ product: { id: a }, quantityRequested: 10 }, { product: { id: b }, quantityRequested: 20 }, { 'product.id': c, quantityRequested: 0 }] },
		});
		expect(added.status).toBe(200);
		const lines = added.json.data.lineItems as Movement[];
		expect(lines.map((l) => [l.product.id, l.quantityRequested])).toEqual([[a, 10], [b, 20], [c, 0]]);
		expect(lines[0].quantityAvailable).toBe(sum(stockAt(a).map((r) => r.quantityAvailableToPromise)));
		expect(lines[0].quantityOnHand).toBe(sandbox.quantityOnHand(a));

		const changed = await call(`/stockMovements/${sm.id}/updateItems`, {
			cookie,
			body: { lineItems: [{ id: lines[0].id, quantityRequested: 15 }, { id: lines[1].id, delete: true }], removeEmptyItems: true },
		});
		expect(changed.json.data.lineItems.map((l: Movement) => [l.product.id, l.quantityRequested])).toEqual([[a, 15]]);
		expect(Date.parse(changed.json.data.lastUpdated)).toBeGreaterThanOrEqual(Date.parse(sm.lastUpdated));

		const invalid = await call(`/stockMovements/${sm.id}/updateItems`, { cookie, body: { lineItems: [{ product: { id: 'nope' }, quantityRequested: 1 }, { product: { id: a }, quantityRequested: -1 }] } });
		expect(invalid.status).toBe(400);
		expect(invalid.json.errorMessages).toEqual([
			'Property [product] of class [class org.pih.warehouse.requisition.RequisitionItem] cannot be null',
			'Property [quantity] of class [class org.pih.warehouse.requisition.RequisitionItem] with value [-1] is less than minimum value [0]',
		]);
		const unknownLine = await call(`/stockMovements/${sm.id}/updateItems`, { cookie, body: { lineItems: [{ id: 'nope', quantityRequested: 1 }] } });
		expect(unknownLine.status).toBe(500);
		expect(movement(sm.id).lineItems).toHaveLength(1);

		const seeded = movements().find((m) => m.lineItemCount >= 3)!;
		const items = await call(`/stockMovements/${seeded.id}/stockMovementItems?max=2&offset=1`, { cookie });
		expect(Object.keys(items.json)).toEqual(['data']);
		expect(items.json.data.map((l: Movement) => l.id)).toEqual(seeded.lineItems.slice(1, 3).map((l: Movement) => l.id));
	});
});

describe('status transitions', () => {
	test('the outbound flow: REQUESTED, PICKING (allocates), PICKED, CHECKING, updateShipment, DISPATCHED (stock leaves)', async () => {
		const cookie = await login();
		const sm = await create(cookie);
		const [a, b] = pickableProducts(2, 40);
		await call(`/stockMovements/${sm.id}/updateItems`, { cookie, body: { lineItems: [{ product: { id: a }, quantityRequested: 25 }, { product: { id: b }, quantityRequested: 30 }] } });
		const qohBefore = [sandbox.quantityOnHand(a)!, sandbox.quantityOnHand(b)!];
		const atp = (id: string) => sum(stockAt(id).map((r) => r.quantityAvailableToPromise));
		const atpBefore = [atp(a), atp(b)];
		let stamp = movement(sm.id).lastUpdated as string;
		const bumped = () => {
			const next = movement(sm.id).lastUpdated as string;
			expect(next).toMatch(SECOND_DATE);
			expect(next >= stamp).toBe(true);
			stamp = next;
		};

		const requested = await setStatus(cookie, sm.id, { status: 'REQUESTED' });
		expect(requested.status).toBe(200);
		expect(requested.text).toBe('');
		expect((await call(`/stockMovements/${sm.id}/status`, { cookie })).json).toEqual({ data: 'VERIFYING' });
		expect(movement(sm.id).statusCode).toBe('REQUESTED');
		bumped();

		expect((await setStatus(cookie, sm.id, { status: 'PICKING', createPicklist: 'true' })).text).toBe('');
		const picking = movement(sm.id);
		expect(picking.statusCode).toBe('PICKING');
		expect(picking.lineItems.map((l: Movement) => l.quantityPicked)).toEqual([25, 30]);
		expect([atp(a), atp(b)]).toEqual([atpBefore[0] - 25, atpBefore[1] - 30]);
		expect([sandbox.quantityOnHand(a), sandbox.quantityOnHand(b)]).toEqual(qohBefore);
		expect(sum(stockAt(a).map((r) => r.quantityAllocated))).toBeGreaterThanOrEqual(25);
		bumped();

		expect((await setStatus(cookie, sm.id, { status: 'PICKED' })).status).toBe(200);
		expect(movement(sm.id)).toMatchObject({ statusCode: 'PICKED', currentStatus: 'PENDING', isPending: true });
		// A step back is ignored (and still answers 200).
		expect((await setStatus(cookie, sm.id, { status: 'REQUESTED' })).status).toBe(200);
		expect(movement(sm.id).statusCode).toBe('PICKED');
		expect((await setStatus(cookie, sm.id, { status: 'CHECKING' })).status).toBe(200);
		expect(movement(sm.id).statusCode).toBe('PACKED');
		expect((await call(`/stockMovements/${sm.id}/status`, { cookie })).json.data).toBe('CHECKING');

		const shipment = await call(`/stockMovements/${sm.id}/updateShipment`, {
			cookie,
			body: { shipmentType: { id: '3' }, trackingNumber: 'TRK-42', driverName: 'Sam', dateShipped: '06/21/2025 09:30 -0400', expectedDeliveryDate: '2025-06-22' },
		});
		expect(shipment.status).toBe(200);
		expect(shipment.text).toBe('');
		expect(movement(sm.id)).toMatchObject({
			trackingNumber: 'TRK-42',
			driverName: 'Sam',
			shipmentType: { id: '3', name: 'Land' },
			dateShipped: '06/21/2025 13:30 Z',
			expectedDeliveryDate: '06/22/2025 00:00 Z',
		});

		const dispatched = await setStatus(cookie, sm.id, { status: 'DISPATCHED' });
		expect(dispatched.status).toBe(200);
		expect(dispatched.text).toBe('');
		expect(movement(sm.id)).toMatchObject({ statusCode: 'DISPATCHED', currentStatus: 'SHIPPED', shipped: true, isShipped: true, isPending: false });
		expect((await call(`/stockMovements/${sm.id}/status`, { cookie })).json.data).toBe('ISSUED');
		expect([sandbox.quantityOnHand(a), sandbox.quantityOnHand(b)]).toEqual([qohBefore[0] - 25, qohBefore[1] - 30]);
		// Shipped picks no longer allocate: ATP is back to on hand minus the other holds and picks.
		expect([atp(a), atp(b)]).toEqual([atpBefore[0] - 25, atpBefore[1] - 30]);
		bumped();
		const listed = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&receiptStatusCode=SHIPPED&q=${sm.identifier}`, { cookie });
		expect(listed.json.data.map((m: Movement) => [m.id, m.statusCode, m.currentStatus])).toEqual([[sm.id, 'DISPATCHED', 'SHIPPED']]);
		// lastUpdated is a property of the list item: it sorts, though the row does not show it.
		const newest = await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}&sort=lastUpdated&order=desc&max=1`, { cookie });
		expect(newest.json.data[0].id).toBe(sm.id);
		expect(newest.json.data[0]).not.toHaveProperty('lastUpdated');
	});

	test('DISPATCHED without a picklist picks first-expiry-first, skipping the receiving bin', async () => {
		const cookie = await login();
		const sm = await create(cookie);
		const [a] = pickableProducts(1, 20);
		await call(`/stockMovements/${sm.id}/updateItems`, { cookie, body: { lineItems: [{ product: { id: a }, quantityRequested: 20 }] } });
		const rows = stockAt(a);
		expect((await setStatus(cookie, sm.id, { status: 'DISPATCHED' })).status).toBe(200);
		const after = stockAt(a);
		const receiving = (list: typeof rows) => sum(list.filter((r) => r.binLocation?.id === OPENBOXES_BINS.bhqReceiving).map((r) => r.quantityOnHand));
		expect(receiving(after)).toBe(receiving(rows));
		expect(sum(after.map((r) => r.quantityOnHand))).toBe(sum(rows.map((r) => r.quantityOnHand)) - 20);
	});

	test('invalid statuses are 500s: unsupported codes, unknown names, approval outside approval', async () => {
		const cookie = await login();
		const sm = await create(cookie);
		const canceled = await setStatus(cookie, sm.id, { status: 'CANCELED' });
		expect(canceled.status).toBe(500);
		expect(canceled.json).toEqual({ errorCode: 500, cause: 'java.lang.IllegalArgumentException', errorMessage: 'Cannot update status with invalid status CANCELED' });
		const unknown = await setStatus(cookie, sm.id, { status: 'ISSUED' });
		expect(unknown.status).toBe(500);
		expect(unknown.json.errorMessage).toBe('No enum constant org.pih.warehouse.inventory.StockMovementStatusCode.ISSUED');
		const approve = await setStatus(cookie, sm.id, { status: 'APPROVED' });
		expect(approve.status).toBe(500);
		expect(approve.json.errorMessage).toBe('Cannot update to status APPROVED because request is not pending approval');
		expect(movement(sm.id).statusCode).toBe('CREATED');

		// CHECKED builds the shipment, then fails: there is no such requisition status.
		const checked = await setStatus(cookie, sm.id, { status: 'CHECKED' });
		expect(checked.status).toBe(500);
		expect(checked.json.errorMessage).toBe('No enum constant org.pih.warehouse.requisition.RequisitionStatus.CHECKED');
		expect(movement(sm.id).currentStatus).toBe('PENDING');
	});

	test('approval: REJECTED needs a comment', async () => {
		const cookie = await login();
		const pending = movements().find((m) => m.associations.requisition?.status === 'PENDING_APPROVAL')!;
		const noComment = await setStatus(cookie, pending.id, { status: 'REJECTED' });
		expect(noComment.status).toBe(500);
		expect(noComment.json.errorMessage).toBe('Comment is required before rejecting a request');
		expect((await setStatus(cookie, pending.id, { status: 'REJECTED', comment: 'Not needed' })).status).toBe(200);
		expect((await call(`/stockMovements/${pending.id}/status`, { cookie })).json.data).toBe('REJECTED');
	});

	test('supplier shipments take only ISSUED, which ships them and their purchase order items', async () => {
		const cookie = await login();
		const shipment = movements().find((m) => m.order.id && m.currentStatus === 'PENDING')!;
		const wrong = await setStatus(cookie, shipment.id, { status: 'DISPATCHED' });
		expect(wrong.status).toBe(500);
		expect(wrong.json).toEqual({ errorCode: 500, cause: 'java.lang.UnsupportedOperationException', errorMessage: 'Updating inbound status not yet supported' });
		expect((await call(`/stockMovements/${shipment.id}/status`, { cookie })).json).toEqual({ data: null });
		expect((await setStatus(cookie, shipment.id, { status: 'ISSUED' })).status).toBe(200);
		expect(movement(shipment.id)).toMatchObject({ currentStatus: 'SHIPPED', statusCode: 'ISSUED' });
		const order = sandbox.purchaseOrders().find((o) => o.id === shipment.order.id)!;
		expect(order.status).toBe('SHIPPED');
	});

	test('rollback of a shipped movement (DELETE /status) returns the stock and redirects to the read', async () => {
		const cookie = await login();
		const sm = await create(cookie, { destination: { id: WAREHOUSE } });
		const [a] = pickableProducts(1, 10);
		await call(`/stockMovements/${sm.id}/updateItems`, { cookie, body: { lineItems: [{ product: { id: a }, quantityRequested: 10 }] } });
		const qoh = sandbox.quantityOnHand(a)!;
		await setStatus(cookie, sm.id, { status: 'DISPATCHED' });
		expect(sandbox.quantityOnHand(a)).toBe(qoh - 10);
		const res = await call(`/stockMovements/${sm.id}/status`, { cookie, method: 'DELETE' });
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe(`${sandbox.url}/openboxes/api/stockMovements/${sm.id}`);
		expect(sandbox.quantityOnHand(a)).toBe(qoh);
		expect(movement(sm.id)).toMatchObject({ currentStatus: 'PENDING', statusCode: 'PACKED', shipped: false });
		// Rolling back something that never left changes nothing.
		const fresh = await create(cookie);
		await call(`/stockMovements/${fresh.id}/status`, { cookie, method: 'DELETE' });
		expect(movement(fresh.id).statusCode).toBe('CREATED');
	});
});

describe('receipt and delete', () => {
	test('receiveStockMovement puts the shipped stock into the destination receiving bin, ready for put-away', async () => {
		const cookie = await login();
		const sm = await create(cookie, { destination: { id: WAREHOUSE } });
		const [a] = pickableProducts(1, 12);
		await call(`/stockMovements/${sm.id}/updateItems`, { cookie, body: { lineItems: [{ product: { id: a }, quantityRequested: 12 }] } });
		expect(() => sandbox.receiveStockMovement(sm.id)).toThrow('not shipped');
		await setStatus(cookie, sm.id, { status: 'DISPATCHED' });
		const before = sandbox.quantityOnHand(a, WAREHOUSE) ?? 0;
		sandbox.receiveStockMovement(sm.id);
		expect(movement(sm.id)).toMatchObject({ currentStatus: 'RECEIVED', isReceived: true, received: true });
		expect(sandbox.quantityOnHand(a, WAREHOUSE)).toBe(before + 12);
		const inReceiving = stockAt(a, WAREHOUSE).filter((r) => r.binLocation?.id === OPENBOXES_BINS.mwReceiving);
		expect(sum(inReceiving.map((r) => r.quantityOnHand))).toBeGreaterThanOrEqual(12);
		const candidates = await call(`/putaways?location.id=${WAREHOUSE}`, { cookie });
		expect(candidates.json.data.some((c: Movement) => c['product.id'] === a)).toBe(true);
		expect(() => sandbox.receiveStockMovement(sm.id)).toThrow();
	});

	test('delete: pending ones go (204), shipped ones stay (400), unknown is a 404 with errorMessage', async () => {
		const cookie = await login();
		const sm = await create(cookie);
		const res = await call(`/stockMovements/${sm.id}`, { cookie, method: 'DELETE' });
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect((await call(`/stockMovements/${sm.id}`, { cookie })).status).toBe(404);

		const shipped = movements().find((m) => m.origin.id === BHQ && m.currentStatus === 'SHIPPED' && !m.order.id)!;
		const refused = await call(`/stockMovements/${shipped.id}`, { cookie, method: 'DELETE' });
		expect(refused.status).toBe(400);
		expect(refused.json).toEqual({ errorMessage: 'You cannot delete a shipment with status SHIPPED' });
		const received = movements().find((m) => m.origin.id === BHQ && m.currentStatus === 'RECEIVED')!;
		expect((await call(`/stockMovements/${received.id}`, { cookie, method: 'DELETE' })).json).toEqual({ errorMessage: 'You cannot delete a shipment with status RECEIVED' });

		const unknown = await call('/stockMovements/nope', { cookie, method: 'DELETE' });
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ errorMessage: 'Stockmovement with id nope does not exist' });
	});

	test('delete needs the session at origin or destination, and at least ROLE_ASSISTANT', async () => {
		const admin = await login();
		const sm = await create(admin, { origin: { id: WAREHOUSE }, destination: { id: PEDIATRIC } });
		const res = await call(`/stockMovements/${sm.id}`, { cookie: admin, method: 'DELETE' });
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ errorMessage: 'You are not able to delete stock movement from your location.' });

		const mine = await create(admin);
		await expectForbidden(await call(`/stockMovements/${mine.id}`, { cookie: await login(BROWSER_LOGIN), method: 'DELETE' }));
		// An assistant may delete (explicit rule) although they may not create.
		const assistant = await login(ASSISTANT_LOGIN);
		await expectForbidden(await call('/stockMovements', { cookie: assistant, body: {} }));
		expect((await call(`/stockMovements/${mine.id}`, { cookie: assistant, method: 'DELETE' })).status).toBe(204);
	});
});
