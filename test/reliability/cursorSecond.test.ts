/**
 * Records created and changed in the very second of a poll, after that poll read (issue 14).
 * OpenBoxes stamps records to the second, so a product created in a poll's second after its read
 * shares the cursor's time; the trigger once took it for an edit (lost to Product Created).
 *
 * The MBX and OpenBoxes sandboxes run over real HTTP and every trigger event that detects new or
 * changed records polls them with its real poll code (n8n-core's HTTP, static data kept between
 * polls, one workflow per event). The sandboxes' record clock is set, not slept on: each "second"
 * below is one stopped clock time, a minute after the one before (the poll interval). In each
 * second a few changes land before the polls read, then hundreds after, still in that second.
 *
 * Before each round of polls the test takes the sandboxes' state; what each poll must emit is
 * derived from that state against the previous one (new IDs, changed rows, status moves), and
 * every poll must emit exactly that: each record once, under the right event, none missing.
 * Purchase orders and stock movements are compared by status, so some change twice in a second;
 * products and MBX orders are not changed again in a second they were read in: their time would not
 * move, so no poller can see that (test/sandbox/ASSUMPTIONS.md, O22).
 */
import type { IDataObject } from 'n8n-workflow';

import { MbxHmacApi } from '../../credentials/MbxHmacApi.credentials';
import { OpenBoxesApi } from '../../credentials/OpenBoxesApi.credentials';
import { MbxTrigger } from '../../nodes/Mbx/MbxTrigger.node';
import { OpenBoxesTrigger } from '../../nodes/OpenBoxes/OpenBoxesTrigger.node';
import { livePoller } from '../helpers/livePoll';
import { MBX_DOCS_RECIPIENT } from '../fixtures/mbxDocsRecipient';
import { MBX_DEMO } from '../sandbox/mbx/server';
import { mbxClient } from '../sandbox/mbx/testClient';
import { OPENBOXES_DEMO, PRODUCT_CATEGORIES } from '../sandbox/openboxes/server';
import { openBoxesClient } from '../sandbox/openboxes/testClient';
import { startSandboxes, type Sandboxes } from '../sandbox/start';
import type { Json } from '../helpers/json';

jest.setTimeout(300_000);

const BHQ = OPENBOXES_DEMO.locationId;
const WAREHOUSE = OPENBOXES_DEMO.warehouseId;
const PEDIATRIC = 'ff80818190a1c3b10190a1c4e2a50011';
const ORDERS = '/v2/customer_order_submissions';
/** The first second of the run: later than every seeded time in both sandboxes. */
const START = Date.UTC(2030, 0, 1, 12, 0, 0);
const POLL_INTERVAL = 60_000;

let sandboxes: Sandboxes;

beforeAll(async () => {
	sandboxes = await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 });
});

afterAll(async () => {
	await sandboxes?.stop();
});

// ---- the sandboxes' state, and what a poll must emit from one state to the next ----

interface MovementState {
	inbound: boolean;
	outbound: boolean;
	phase: 'open' | 'shipped' | 'received';
}

interface World {
	/** Product ID → the product as stored (every change shows in it). */
	products: Map<string, string>;
	/** Purchase-order ID → its status as the list shows it. */
	purchaseOrders: Map<string, string>;
	movements: Map<string, MovementState>;
	/** MBX order ID → status and the order as stored. */
	orders: Map<string, { status: string; json: string }>;
}

const nameOf = (value: unknown) => String(value && typeof value === 'object' ? (value as { name?: unknown }).name : value).toUpperCase();

function world(): World {
	const { openBoxes, mbx } = sandboxes;
	const movements = new Map<string, MovementState>();
	for (const sm of openBoxes.stockMovements()) {
		const shipment = String(sm.currentStatus ?? '');
		const rejected = (sm.associations as { requisition?: { status?: string } | null }).requisition?.status === 'REJECTED';
		movements.set(String(sm.id), {
			inbound: (sm.destination as { id: string }).id === BHQ && !rejected,
			outbound: (sm.origin as { id: string }).id === BHQ,
			phase: shipment === 'RECEIVED' ? 'received' : ['SHIPPED', 'PARTIALLY_RECEIVED'].includes(shipment) ? 'shipped' : 'open',
		});
	}
	return {
		products: new Map(openBoxes.products().map((p) => [p.id, JSON.stringify(p)])),
		purchaseOrders: new Map(openBoxes.purchaseOrders().map((o) => [String(o.id), nameOf(o.status)])),
		movements,
		orders: new Map(mbx.orders().map((o) => [String(o.id), { status: o.status, json: JSON.stringify(o) }])),
	};
}

/** One emitted item, as compared: record ID, event, previous status. */
type Emitted = [string, string, string | null];

interface Watcher {
	label: string;
	poll: () => Promise<IDataObject[]>;
	/** What a poll must emit, from the state read by the previous poll to the state read now. */
	expected: (before: World, now: World) => Emitted[];
}

const sorted = (list: Emitted[]) => [...list].sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1));

function newIds<T>(before: Map<string, T>, now: Map<string, T>, keep: (value: T) => boolean = () => true): string[] {
	return [...now].filter(([id, value]) => !before.has(id) && keep(value)).map(([id]) => id);
}

/** Records that are in `watched` now and were not before; previous status as the trigger read it. */
function entered<T>(
	before: Map<string, T>,
	now: Map<string, T>,
	event: string,
	state: (value: T | undefined) => { watched: boolean; listed: boolean; status: string | null },
): Emitted[] {
	const out: Emitted[] = [];
	for (const [id, value] of now) {
		const current = state(value);
		const previous = state(before.get(id));
		if (current.watched && !previous.watched) out.push([id, event, previous.listed ? previous.status : null]);
	}
	return out;
}

// ---- the pollers: one workflow per event ----

function openBoxesWatcher(event: string, direction?: 'INBOUND' | 'OUTBOUND') {
	return livePoller(new OpenBoxesTrigger(), {
		parameters: { authentication: 'session', event, ...(direction ? { direction } : {}) },
		credentials: {
			openBoxesApi: {
				baseUrl: `${sandboxes.openBoxes.url}/openboxes/`,
				username: OPENBOXES_DEMO.username,
				password: OPENBOXES_DEMO.password,
				location: BHQ,
				sessionCookie: '',
			},
		},
		credentialTypes: { openBoxesApi: new OpenBoxesApi() },
	}).poll;
}

function watchers(): Watcher[] {
	const poStatus = (readStatuses: string[], watched: string) => (status: string | undefined) => ({
		watched: status === watched,
		listed: status !== undefined && readStatuses.includes(status),
		status: status ?? null,
	});
	const phase = (direction: 'inbound' | 'outbound', watched: Array<MovementState['phase']>) => (sm: MovementState | undefined) => ({
		watched: !!sm && sm[direction] && watched.includes(sm.phase),
		listed: !!sm && sm[direction],
		status: sm?.phase ?? null,
	});
	const mbx = livePoller(new MbxTrigger(), {
		parameters: { authentication: 'hmac', events: ['created', 'statusChanged', 'updated'], statuses: [] },
		credentials: {
			mbxHmacApi: { environment: 'custom', customBaseUrl: sandboxes.mbx.url, publicToken: MBX_DEMO.publicToken, secretToken: MBX_DEMO.secretToken },
		},
		credentialTypes: { mbxHmacApi: new MbxHmacApi() },
	}).poll;
	return [
		{
			label: 'OpenBoxes product.created',
			poll: openBoxesWatcher('product.created'),
			expected: (before, now) => newIds(before.products, now.products).map((id) => [id, 'product.created', null]),
		},
		{
			label: 'OpenBoxes product.updated',
			poll: openBoxesWatcher('product.updated'),
			expected: (before, now) =>
				[...now.products].filter(([id, json]) => before.products.has(id) && before.products.get(id) !== json).map(([id]) => [id, 'product.updated', null]),
		},
		{
			label: 'OpenBoxes purchaseOrder.created',
			poll: openBoxesWatcher('purchaseOrder.created'),
			expected: (before, now) => newIds(before.purchaseOrders, now.purchaseOrders).map((id) => [id, 'purchaseOrder.created', null]),
		},
		{
			label: 'OpenBoxes purchaseOrder.placed',
			poll: openBoxesWatcher('purchaseOrder.placed'),
			expected: (before, now) =>
				entered(before.purchaseOrders, now.purchaseOrders, 'purchaseOrder.placed', poStatus(['PENDING', 'APPROVED', 'PLACED'], 'PLACED')),
		},
		{
			label: 'OpenBoxes purchaseOrder.received',
			poll: openBoxesWatcher('purchaseOrder.received'),
			expected: (before, now) =>
				entered(
					before.purchaseOrders,
					now.purchaseOrders,
					'purchaseOrder.received',
					poStatus(['PLACED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED'], 'RECEIVED'),
				),
		},
		{
			label: 'OpenBoxes stockMovement.created (inbound)',
			poll: openBoxesWatcher('stockMovement.created', 'INBOUND'),
			expected: (before, now) => newIds(before.movements, now.movements, (sm) => sm.inbound).map((id) => [id, 'stockMovement.created', null]),
		},
		{
			label: 'OpenBoxes stockMovement.created (outbound)',
			poll: openBoxesWatcher('stockMovement.created', 'OUTBOUND'),
			expected: (before, now) => newIds(before.movements, now.movements, (sm) => sm.outbound).map((id) => [id, 'stockMovement.created', null]),
		},
		{
			label: 'OpenBoxes stockMovement.shipped (outbound)',
			poll: openBoxesWatcher('stockMovement.shipped', 'OUTBOUND'),
			expected: (before, now) => entered(before.movements, now.movements, 'stockMovement.shipped', phase('outbound', ['shipped', 'received'])),
		},
		{
			label: 'OpenBoxes stockMovement.received (inbound)',
			poll: openBoxesWatcher('stockMovement.received', 'INBOUND'),
			expected: (before, now) => entered(before.movements, now.movements, 'stockMovement.received', phase('inbound', ['received'])),
		},
		{
			label: 'MBX orders (New Order, Status Change, Other Change)',
			poll: mbx,
			expected: (before, now) => {
				const out: Emitted[] = [];
				for (const [id, order] of now.orders) {
					const was = before.orders.get(id);
					if (!was) out.push([id, 'created', null]);
					else if (was.status !== order.status) out.push([id, 'statusChanged', was.status]);
					else if (was.json !== order.json) out.push([id, 'updated', was.status]);
				}
				return out;
			},
		},
	];
}

// ---- changes, made as users would: through each vendor's API (a few through sandbox helpers) ----

function vendorApis() {
	const { openBoxes, mbx } = sandboxes;
	const ob = openBoxesClient(openBoxes);
	const mbxApi = mbxClient(() => mbx.url, MBX_DEMO);
	let cookie = '';
	let count = 0;
	/** The stock movements this test created. */
	const movements = new Set<string>();
	/**
	 * Products and MBX orders changed in the current second: a second change there would not move
	 * their time, so it is left out (see above). Purchase orders and stock movements are compared
	 * by status, not time, so they may change twice in one second.
	 */
	const touched = new Set<string>();
	const TIMED = new Set(['product', 'order']);

	const openBoxesCall = async (path: string, body: unknown, method?: string): Promise<Json> => {
		cookie ||= await ob.login();
		const reply = await ob.call(path, { cookie, body, method });
		if (reply.status >= 300) throw new Error(`OpenBoxes ${method ?? 'POST'} ${path}: ${reply.status} ${reply.text}`);
		return reply.json;
	};
	const mbxCall = async (method: string, path: string, body?: unknown): Promise<Json> => {
		const reply = await mbxApi(method, path, body);
		if (reply.status >= 300) throw new Error(`MBX ${method} ${path}: ${reply.status} ${reply.text}`);
		return reply.json;
	};
	const mark = (kind: string, id: string) => {
		if (TIMED.has(kind)) touched.add(`${kind}:${id}`);
		return id;
	};
	/** `n` records of a kind not changed yet in this second, in a stable order. */
	const untouched = (kind: string, ids: string[], n: number) => {
		const picked = ids.filter((id) => !touched.has(`${kind}:${id}`)).slice(0, n);
		if (picked.length < n) throw new Error(`only ${picked.length} ${kind} records left to change, ${n} wanted`);
		return picked;
	};
	const times = async (n: number, run: () => Promise<unknown>) => {
		for (let i = 0; i < n; i++) await run();
	};
	const plainItem = mbx.items().find((i) => !i.serialized)!;
	/** This test's movements in a phase, oldest first. */
	const ours = (direction: 'in' | 'out', phase: MovementState['phase']) =>
		[...world().movements]
			.filter(([id, sm]) => movements.has(id) && sm.phase === phase && (direction === 'in' ? sm.inbound : sm.outbound))
			.map(([id]) => id);

	return {
		/** A new second: the record clocks stop at it (the control API n8n-side tests use), nothing changed in it yet. */
		async at(ms: number) {
			for (const url of [openBoxes.url, mbx.url]) {
				const reply = await fetch(`${url}/__sandbox/clock`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ at: new Date(ms).toISOString() }),
				});
				expect(await reply.json()).toEqual({ at: new Date(ms).toISOString() });
			}
			touched.clear();
		},
		async createProducts(n: number) {
			await times(n, async () => {
				const json = await openBoxesCall('/products', {
					name: `Cursor-second product ${++count}`,
					category: { id: PRODUCT_CATEGORIES[0].id },
					productType: { id: 'DEFAULT' },
				});
				mark('product', String(json.product.id));
			});
		},
		async editProducts(n: number, newest = false) {
			const all = openBoxes.products().sort((a, b) => (newest ? b.dateCreated.localeCompare(a.dateCreated) : a.dateCreated.localeCompare(b.dateCreated)));
			for (const id of untouched('product', all.map((p) => p.id), n)) {
				await openBoxesCall(`/products/${id}`, { description: `edited ${++count}` }, 'PUT');
				mark('product', id);
			}
		},
		async createPurchaseOrders(n: number) {
			const product = openBoxes.products().find((p) => p.active)!;
			await times(n, async () => {
				const json = await openBoxesCall('/purchaseOrders', {
					name: `Cursor-second order ${++count}`,
					origin: { id: OPENBOXES_DEMO.supplierId },
					destination: { id: BHQ },
					orderedBy: { id: OPENBOXES_DEMO.userId },
					dateOrdered: '01/01/2030',
					orderItems: [{ product: { id: product.id }, quantity: 10, unitPrice: 2 }],
				});
				mark('purchaseOrder', String(json.data.id));
			});
		},
		/** Moves `n` orders now in `from` to `to`, as a buyer does in the OpenBoxes UI. */
		movePurchaseOrders(n: number, from: string, to: 'PLACED' | 'RECEIVED') {
			const candidates = openBoxes.purchaseOrders().filter((o) => nameOf(o.status) === from && String(o.name).startsWith('Cursor-second'));
			for (const id of untouched('purchaseOrder', candidates.map((o) => String(o.id)), n)) {
				openBoxes.setPurchaseOrderStatus(id, to);
				mark('purchaseOrder', id);
			}
		},
		async createMovements(n: number, direction: 'in' | 'out') {
			await times(n, async () => {
				const json = await openBoxesCall('/stockMovements', {
					origin: { id: direction === 'in' ? WAREHOUSE : BHQ },
					destination: { id: direction === 'in' ? BHQ : PEDIATRIC },
					requestedBy: { id: OPENBOXES_DEMO.userId },
					dateRequested: '01/01/2030',
					description: `Cursor-second movement ${++count}`,
				});
				movements.add(mark('movement', String(json.data.id)));
			});
		},
		async dispatchMovements(n: number, direction: 'in' | 'out') {
			for (const id of untouched('movement', ours(direction, 'open'), n)) {
				await openBoxesCall(`/stockMovements/${id}/status`, { status: 'DISPATCHED' });
				mark('movement', id);
			}
		},
		receiveMovements(n: number) {
			for (const id of untouched('movement', ours('in', 'shipped'), n)) {
				openBoxes.receiveStockMovement(id);
				mark('movement', id);
			}
		},
		async createOrders(n: number, thenAdvance = false) {
			await times(n, async () => {
				const json = await mbxCall('POST', ORDERS, {
					organization_id: MBX_DEMO.organizationId,
					purchase_order: `PO-CURSOR-${++count}`,
					customer_order: `CO-CURSOR-${count}`,
					ship_method_id: 12,
					recipient: MBX_DOCS_RECIPIENT,
					lines: [{ product_code: plainItem.name, quantity: 1, customs_declared_value: 10 }],
				});
				const id = Number(json.id);
				if (thenAdvance) await mbx.advanceOrder(id);
				mark('order', String(id));
			});
		},
		async advanceOrders(n: number) {
			const open = mbx.orders().filter((o) => o.status !== 'shipped');
			for (const id of untouched('order', open.map((o) => String(o.id)), n)) {
				await mbx.advanceOrder(Number(id));
				mark('order', id);
			}
		},
		async editOrders(n: number) {
			const pending = mbx.orders().filter((o) => o.status === 'pending');
			for (const id of untouched('order', pending.map((o) => String(o.id)), n)) {
				await mbxCall('PUT', `${ORDERS}/${id}`, { notes: `edited ${++count}` });
				mark('order', id);
			}
		},
	};
}

describe('records created and changed in the second of a poll, after its read', () => {
	it('are each emitted exactly once, under the right event, on the next poll of every trigger event', async () => {
		const all = watchers();
		const vendor = vendorApis();
		const emittedSoFar = new Map<string, Emitted[]>(all.map((w) => [w.label, []]));
		let before: World | undefined;
		const postReadTotals = new Map<string, number>();

		/** Every watcher polls once; each must emit what the sandboxes' state says, nothing else. */
		const pollAll = async () => {
			const now = world();
			for (const watcher of all) {
				const items = await watcher.poll();
				const got = items.map((item): Emitted => [String(item.id), String(item.event), (item.previousStatus as string | null) ?? null]);
				const want = before ? watcher.expected(before, now) : [];
				expect({ watcher: watcher.label, emitted: sorted(got) }).toEqual({ watcher: watcher.label, emitted: sorted(want) });
				emittedSoFar.get(watcher.label)!.push(...got);
			}
			before = now;
		};
		/** The records a round's post-read changes must produce at the next poll, per watcher. */
		const countPostRead = (start: World) => {
			const now = world();
			for (const watcher of all) postReadTotals.set(watcher.label, (postReadTotals.get(watcher.label) ?? 0) + watcher.expected(start, now).length);
		};

		// Second 0: a few changes, then every workflow's first poll (which only takes note), then hundreds.
		await vendor.at(START);
		await vendor.createProducts(2);
		await vendor.editProducts(2);
		await vendor.createPurchaseOrders(2);
		await vendor.createMovements(1, 'in');
		await vendor.createMovements(1, 'out');
		await vendor.createOrders(2);
		await pollAll();
		const first = before;
		let start = world();
		await vendor.createProducts(150);
		await vendor.editProducts(100);
		await vendor.createPurchaseOrders(150);
		await vendor.createMovements(150, 'in');
		await vendor.createMovements(150, 'out');
		await vendor.createOrders(100);
		await vendor.advanceOrders(50);
		await vendor.editOrders(30);
		countPostRead(start);

		// Second 1: a few before the read, then hundreds after it.
		await vendor.at(START + POLL_INTERVAL);
		await vendor.createProducts(3);
		await vendor.editProducts(3);
		await vendor.createPurchaseOrders(2);
		vendor.movePurchaseOrders(2, 'PENDING', 'PLACED');
		await vendor.createMovements(2, 'in');
		await vendor.createMovements(2, 'out');
		await vendor.dispatchMovements(2, 'in');
		await vendor.dispatchMovements(2, 'out');
		await vendor.createOrders(2);
		await vendor.advanceOrders(2);
		await pollAll();
		start = world();
		await vendor.createProducts(200);
		// Products created in second 0 after its read, and older ones.
		await vendor.editProducts(100, true);
		await vendor.editProducts(50);
		await vendor.createPurchaseOrders(100);
		vendor.movePurchaseOrders(120, 'PENDING', 'PLACED');
		vendor.movePurchaseOrders(2, 'PLACED', 'RECEIVED');
		await vendor.createMovements(100, 'in');
		await vendor.createMovements(100, 'out');
		await vendor.dispatchMovements(120, 'in');
		await vendor.dispatchMovements(120, 'out');
		vendor.receiveMovements(2);
		await vendor.createOrders(120);
		// Placed and released within the same second: one New Order.
		await vendor.createOrders(20, true);
		await vendor.advanceOrders(100);
		await vendor.editOrders(50);
		countPostRead(start);

		// Second 2: nothing before the read (the product cursor stays in second 1), hundreds after.
		await vendor.at(START + 2 * POLL_INTERVAL);
		await pollAll();
		start = world();
		await vendor.createProducts(100);
		await vendor.editProducts(50, true);
		await vendor.createPurchaseOrders(30);
		vendor.movePurchaseOrders(100, 'PLACED', 'RECEIVED');
		vendor.receiveMovements(100);
		await vendor.dispatchMovements(40, 'out');
		await vendor.createOrders(40);
		await vendor.advanceOrders(60);
		countPostRead(start);

		// Second 3 reads all that; later polls find nothing new.
		await vendor.at(START + 3 * POLL_INTERVAL);
		await pollAll();
		await vendor.at(START + 4 * POLL_INTERVAL);
		await pollAll();
		await pollAll();

		// Each event saw at least a hundred records changed after a read, in that read's second.
		for (const watcher of all) expect({ watcher: watcher.label, atLeast100: (postReadTotals.get(watcher.label) ?? 0) >= 100 }).toEqual({ watcher: watcher.label, atLeast100: true });
		// Over the whole run no record was new twice (changes may rightly come again in a later second).
		for (const [label, emitted] of emittedSoFar) {
			const keys = emitted.filter(([, event]) => event.endsWith('created')).map(([id, event]) => `${id}|${event}`);
			expect({ watcher: label, repeated: keys.filter((key, i) => keys.indexOf(key) !== i) }).toEqual({ watcher: label, repeated: [] });
		}
		// And the created events are exactly the records that exist now and did not at the first poll.
		const last = world();
		const createdIds = (label: string) =>
			emittedSoFar
				.get(label)!
				.filter(([, event]) => event.endsWith('created'))
				.map(([id]) => id)
				.sort();
		const made = <T>(pick: (w: World) => Map<string, T>, keep?: (value: T) => boolean) => newIds(pick(first!), pick(last), keep).sort();
		expect(createdIds('OpenBoxes product.created')).toEqual(made((w) => w.products));
		expect(createdIds('OpenBoxes product.created')).toHaveLength(150 + 3 + 200 + 100);
		expect(createdIds('OpenBoxes purchaseOrder.created')).toEqual(made((w) => w.purchaseOrders));
		expect(createdIds('OpenBoxes purchaseOrder.created')).toHaveLength(150 + 2 + 100 + 30);
		expect(createdIds('OpenBoxes stockMovement.created (inbound)')).toEqual(made((w) => w.movements, (sm) => sm.inbound));
		expect(createdIds('OpenBoxes stockMovement.created (outbound)')).toEqual(made((w) => w.movements, (sm) => sm.outbound));
		expect(createdIds('OpenBoxes stockMovement.created (outbound)')).toHaveLength(150 + 2 + 100);
		expect(createdIds('MBX orders (New Order, Status Change, Other Change)')).toEqual(made((w) => w.orders));
		expect(createdIds('MBX orders (New Order, Status Change, Other Change)')).toHaveLength(100 + 2 + 120 + 20 + 40);
	});
});
