/**
 * A poll that cannot read the whole list in its time (issue 14, item 3). n8n 2.41's scheduler
 * abandons a poll that runs past its timeout (45 s by default) and keeps none of its work; the next
 * poll would start over and fail the same way, for ever. Each sandbox is slowed down here until
 * reading its list takes longer than the poll's budget (what `getPollBudgetMs()` says), and each
 * polling trigger's real poll code runs against it over real HTTP: each poll reads what fits, stops
 * in time, and the next goes on from there. Records are created, edited and moved on between and
 * during the polls, on pages already read and pages still to come: each change must be reported
 * exactly once, under the right event.
 */
import type { IDataObject } from 'n8n-workflow';

import { ApicbaseSupplierApi } from '../../credentials/ApicbaseSupplierApi.credentials';
import { MbxHmacApi } from '../../credentials/MbxHmacApi.credentials';
import { OpenBoxesApi } from '../../credentials/OpenBoxesApi.credentials';
import { ApicbaseSupplierPollingTrigger } from '../../nodes/Apicbase/ApicbaseSupplierPollingTrigger.node';
import { MbxTrigger } from '../../nodes/Mbx/MbxTrigger.node';
import { MBX_PAGE_SIZE } from '../../nodes/Mbx/transport';
import { OpenBoxesTrigger } from '../../nodes/OpenBoxes/OpenBoxesTrigger.node';
import { Sink } from '../e2e/support/sink';
import { MBX_DOCS_RECIPIENT } from '../fixtures/mbxDocsRecipient';
import type { Json } from '../helpers/json';
import { livePoller } from '../helpers/livePoll';
import { APICBASE_DEMO } from '../sandbox/apicbase/server';
import { MBX_DEMO } from '../sandbox/mbx/server';
import { mbxClient } from '../sandbox/mbx/testClient';
import { OPENBOXES_DEMO, PRODUCT_CATEGORIES } from '../sandbox/openboxes/server';
import { openBoxesClient } from '../sandbox/openboxes/testClient';
import { startSandboxes, type Sandboxes } from '../sandbox/start';

jest.setTimeout(300_000);

const ORDERS = '/v2/customer_order_submissions';
/** Each list page takes this long to come back. */
const PAGE_DELAY_MS = 300;
/** The poll's budget: two pages fit, the whole list (five pages) does not. */
const POLL_BUDGET_MS = 1200;

let sandboxes: Sandboxes;

beforeAll(async () => {
	sandboxes = await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 });
});

afterAll(async () => {
	await sandboxes?.stop();
});

it('reads a list too long for one poll over several, stopping in time, and reports every change once', async () => {
	const { mbx } = sandboxes;
	const api = mbxClient(() => mbx.url, MBX_DEMO);
	const plainItem = mbx.items().find((item) => !item.serialized)!;
	let made = 0;
	const createOrder = async (): Promise<string> => {
		const reply = await api('POST', ORDERS, {
			organization_id: MBX_DEMO.organizationId,
			purchase_order: `PO-BUDGET-${++made}`,
			customer_order: `CO-BUDGET-${made}`,
			ship_method_id: 12,
			recipient: MBX_DOCS_RECIPIENT,
			lines: [{ product_code: plainItem.name, quantity: 1, customs_declared_value: 10 }],
		});
		if (reply.status !== 201) throw new Error(`MBX order: ${reply.status} ${reply.text}`);
		return String((reply.json as { id: number }).id);
	};
	const editOrder = async (id: string): Promise<void> => {
		const reply = await api('PUT', `${ORDERS}/${id}`, { notes: `edited ${++made}` });
		if (reply.status !== 200) throw new Error(`MBX edit: ${reply.status} ${reply.text}`);
	};
	// The demo organization's list: 300 seeded orders, 150 more, and enough more in bulk for four and a half pages of
	// MBX_PAGE_SIZE (250): five pages.
	for (let i = 0; i < 150; i++) await createOrder();
	const demoOrders = () => mbx.orders().filter((o) => o.organization_id === MBX_DEMO.organizationId);
	mbx.addOrders(4 * MBX_PAGE_SIZE + MBX_PAGE_SIZE / 2 - demoOrders().length);
	expect(demoOrders().length).toBeGreaterThan(4 * MBX_PAGE_SIZE);

	mbx.injectFault({ kind: 'slow', delayMs: PAGE_DELAY_MS, method: 'GET', pathPrefix: ORDERS, times: 100_000 });
	const trigger = livePoller(new MbxTrigger(), {
		parameters: { authentication: 'hmac', events: ['created', 'statusChanged', 'updated'], statuses: [] },
		credentials: { mbxHmacApi: { environment: 'custom', customBaseUrl: mbx.url, publicToken: MBX_DEMO.publicToken, secretToken: MBX_DEMO.secretToken } },
		credentialTypes: { mbxHmacApi: new MbxHmacApi() },
		pollBudgetMs: POLL_BUDGET_MS,
	});
	const listReads = () => mbx.requests.filter((r) => r.method === 'GET' && r.path === ORDERS).length;
	const passDone = () => trigger.staticData.pass === undefined;
	const reported: IDataObject[] = [];
	const pollTimes: number[] = [];
	const readsPerPoll: number[] = [];
	const poll = async () => {
		const reads = listReads();
		const started = Date.now();
		reported.push(...(await trigger.poll()));
		pollTimes.push(Date.now() - started);
		readsPerPoll.push(listReads() - reads);
	};

	// The first pass records what exists, over several polls, and reports nothing.
	do await poll();
	while (!passDone());
	expect(reported).toEqual([]);
	expect(pollTimes.length).toBeGreaterThanOrEqual(3);

	// Changes between and during polls: new orders at the end, edits and status moves on every page.
	const expected = new Map<string, { event: string; updatedAt: string }>();
	const note = (id: string, event: string) => {
		const order = mbx.orders().find((o) => String(o.id) === id)!;
		expected.set(`${id}@${String(order.updated_at)}`, { event, updatedAt: String(order.updated_at) });
	};
	const ids = demoOrders().map((o) => String(o.id));
	const touched = new Set<string>();
	for (let round = 0; round < 8; round++) {
		const created = await createOrder();
		note(created, 'created');
		touched.add(created);
		for (const index of [round * 3, MBX_PAGE_SIZE + 20 + round * 7, 2 * MBX_PAGE_SIZE + 50 + round * 11, 3 * MBX_PAGE_SIZE + 90 + round]) {
			const id = ids[index];
			const order = mbx.orders().find((o) => String(o.id) === id)!;
			if (touched.has(id) || order.status === 'shipped') continue;
			touched.add(id);
			// MBX takes edits to pending orders only.
			if (order.status === 'pending' && round % 2 === 1) {
				await editOrder(id);
				note(id, 'updated');
			} else {
				await mbx.advanceOrder(Number(id));
				note(id, 'statusChanged');
			}
		}
		await poll();
	}
	// Quiet polls until two more passes have read the whole list.
	for (let passes = 0; passes < 2; ) {
		await poll();
		if (passDone()) passes++;
	}

	// Every poll stopped within its budget (a page's worth of slack for the one it was reading), and read less than the list.
	expect(Math.max(...pollTimes)).toBeLessThan(POLL_BUDGET_MS + PAGE_DELAY_MS);
	const pages = Math.ceil(demoOrders().length / MBX_PAGE_SIZE);
	expect(Math.max(...readsPerPoll)).toBeLessThan(pages);
	expect(pages * PAGE_DELAY_MS).toBeGreaterThan(POLL_BUDGET_MS);

	const got = reported.map((item) => `${String(item.id)}@${String(item.updated_at)}`);
	expect(new Set(got).size).toBe(got.length);
	expect(new Set(got)).toEqual(new Set(expected.keys()));
	for (const item of reported) {
		const want = expected.get(`${String(item.id)}@${String(item.updated_at)}`)!;
		expect([item.id, item.event]).toEqual([item.id, want.event]);
	}
});

/** Emitted items as `id event previousStatus`, each once; the list fails on any repeat. */
function tally(items: IDataObject[]): string[] {
	const keys = items.map((item) => `${String(item.id)} ${String(item.event)} ${String(item.previousStatus ?? null)}`);
	expect(keys).toHaveLength(new Set(keys).size);
	return [...keys].sort();
}

it('OpenBoxes: product changes and purchase-order lists read over several polls, each change once', async () => {
	const { openBoxes } = sandboxes;
	const ob = openBoxesClient(openBoxes);
	const cookie = await ob.login();
	let made = 0;
	const call = async (path: string, body: unknown, method?: string): Promise<Json> => {
		const reply = await ob.call(path, { cookie, body, method });
		if (reply.status >= 300) throw new Error(`OpenBoxes ${method ?? 'POST'} ${path}: ${reply.status} ${reply.text}`);
		return reply.json;
	};
	const createProduct = async () =>
		String((await call('/products', { name: `Budget product ${++made}`, category: { id: PRODUCT_CATEGORIES[0].id }, productType: { id: 'DEFAULT' } })).product.id);
	const editProduct = async (id: string) => void (await call(`/products/${id}`, { description: `edited ${++made}` }, 'PUT'));
	const stockedProduct = openBoxes.products().find((p) => p.active)!;
	const createOrder = async () =>
		String(
			(
				await call('/purchaseOrders', {
					name: `Budget order ${++made}`,
					origin: { id: OPENBOXES_DEMO.supplierId },
					destination: { id: OPENBOXES_DEMO.locationId },
					orderedBy: { id: OPENBOXES_DEMO.userId },
					dateOrdered: '01/01/2030',
					orderItems: [{ product: { id: stockedProduct.id }, quantity: 10, unitPrice: 2 }],
				})
			).data.id,
		);

	// Lists of several pages of 100: products, and purchase orders the Placed event reads (pending ones).
	for (let i = 0; i < 150; i++) await createProduct();
	const pending: string[] = [];
	for (let i = 0; i < 260; i++) pending.push(await createOrder());
	const olderProducts = openBoxes.products().map((p) => p.id);

	for (const list of ['/openboxes/api/products', '/openboxes/api/purchaseOrders']) {
		openBoxes.injectFault({ kind: 'slow', delayMs: PAGE_DELAY_MS, method: 'GET', pathPrefix: list, times: 100_000 });
	}
	const watcher = (event: string) =>
		livePoller(new OpenBoxesTrigger(), {
			parameters: { authentication: 'session', event },
			credentials: {
				openBoxesApi: {
					baseUrl: `${openBoxes.url}/openboxes/`,
					username: OPENBOXES_DEMO.username,
					password: OPENBOXES_DEMO.password,
					location: OPENBOXES_DEMO.locationId,
					sessionCookie: '',
				},
			},
			credentialTypes: { openBoxesApi: new OpenBoxesApi() },
			pollBudgetMs: POLL_BUDGET_MS,
		});
	const watchers = ['product.created', 'product.updated', 'purchaseOrder.created', 'purchaseOrder.placed'].map((event) => ({ event, ...watcher(event) }));
	const reads = () => openBoxes.requests.filter((r) => r.method === 'GET' && /^\/openboxes\/api\/(products|purchaseOrders)$/.test(r.path)).length;
	const readOn = (w: (typeof watchers)[number]) => w.staticData.pass !== undefined || w.staticData.listing !== undefined;
	const reported = new Map<string, IDataObject[]>(watchers.map((w) => [w.event, []]));
	const pollTimes: number[] = [];
	const readsPerPoll: number[] = [];
	/** The events whose read was cut short at least once after the first read (the memory is there). */
	const cutShort = new Set<string>();
	const pollAll = async () => {
		for (const w of watchers) {
			const before = reads();
			const started = Date.now();
			reported.get(w.event)!.push(...(await w.poll()));
			pollTimes.push(Date.now() - started);
			readsPerPoll.push(reads() - before);
			if (readOn(w) && watchersReady) cutShort.add(w.event);
		}
	};

	// First reads: they note what exists, the long lists over several polls, and report nothing.
	let watchersReady = false;
	do await pollAll();
	while (watchers.some(readOn));
	expect([...reported.values()].flat()).toEqual([]);
	watchersReady = true;

	// A burst of changes (more than a poll reads), then more between and during the next polls.
	const created: string[] = [];
	const edited: string[] = [];
	const newOrders: string[] = [];
	const placed: string[] = [];
	for (let i = 0; i < 200; i++) created.push(await createProduct());
	for (const id of olderProducts.slice(0, 150)) {
		await editProduct(id);
		edited.push(id);
	}
	for (let round = 0; round < 8; round++) {
		for (let i = 0; i < 15; i++) created.push(await createProduct());
		for (const id of olderProducts.slice(150 + round * 10, 160 + round * 10)) {
			await editProduct(id);
			edited.push(id);
		}
		for (let i = 0; i < 10; i++) newOrders.push(await createOrder());
		// Pending orders placed, from the start, middle and end of the list.
		for (const id of [pending[round], pending[100 + round * 3], pending[250 - round]]) {
			openBoxes.setPurchaseOrderStatus(id, 'PLACED');
			placed.push(id);
		}
		await pollAll();
	}
	// Quiet polls until every watcher has read its whole list twice more.
	for (const w of watchers) {
		for (let passes = 0; passes < 2; ) {
			reported.get(w.event)!.push(...(await w.poll()));
			if (!readOn(w)) passes++;
		}
	}

	// Reads spanned several polls, and no poll ran past its budget (a page's slack for the last).
	expect([...cutShort].sort()).toEqual(watchers.map((w) => w.event).sort());
	expect(Math.max(...pollTimes)).toBeLessThan(POLL_BUDGET_MS + PAGE_DELAY_MS);
	expect(Math.max(...readsPerPoll)).toBeLessThanOrEqual(Math.ceil(POLL_BUDGET_MS / PAGE_DELAY_MS));
	const expectKeys = (ids: string[], event: string, previousStatus: string | null) => ids.map((id) => `${id} ${event} ${String(previousStatus)}`).sort();
	expect(tally(reported.get('product.created')!)).toEqual(expectKeys(created, 'product.created', null));
	expect(tally(reported.get('product.updated')!)).toEqual(expectKeys(edited, 'product.updated', null));
	expect(tally(reported.get('purchaseOrder.created')!)).toEqual(expectKeys(newOrders, 'purchaseOrder.created', null));
	expect(tally(reported.get('purchaseOrder.placed')!)).toEqual(expectKeys(placed, 'purchaseOrder.placed', 'PENDING'));
});

it('Apicbase: a backlog of purchase orders read over several polls, each order once', async () => {
	const { apicbase } = sandboxes;
	const receiver = new Sink();
	await receiver.start();
	try {
		/** A customer sends an order; the receiver says 200, so Apicbase lists it as ordered. */
		const sendOrders = async (n: number) => {
			const ids: string[] = [];
			for (let i = 0; i < n; i++) {
				// A few orders a minute, as a busy supplier sees them.
				if (i % 5 === 0) apicbase.advanceClock(60);
				const sent = await apicbase.sendWebhook({ url: `${receiver.url}/receiver` });
				if (sent.status !== 200) throw new Error(`order not sent: ${sent.status}`);
				ids.push(String((JSON.parse(sent.sentBody) as { id: string }).id));
			}
			return ids;
		};
		await sendOrders(500);
		const listed = () => apicbase.purchaseOrders().length;
		expect(listed()).toBeGreaterThan(400);

		apicbase.injectFault({ kind: 'slow', delayMs: PAGE_DELAY_MS, method: 'GET', pathPrefix: APICBASE_DEMO.purchaseOrdersPath, times: 100_000 });
		const trigger = livePoller(new ApicbaseSupplierPollingTrigger(), {
			parameters: { markAsFetched: false, output: 'order' },
			credentials: {
				apicbaseSupplierApi: { environment: 'custom', customBaseUrl: apicbase.url, clientId: APICBASE_DEMO.supplierClientId, clientSecret: APICBASE_DEMO.supplierClientSecret },
			},
			credentialTypes: { apicbaseSupplierApi: new ApicbaseSupplierApi() },
			pollBudgetMs: POLL_BUDGET_MS,
		});
		const reads = () => apicbase.requests.filter((r) => r.method === 'GET' && r.path === APICBASE_DEMO.purchaseOrdersPath).length;
		const readOn = () => trigger.staticData.catchingUp !== undefined || trigger.staticData.pass !== undefined;
		const reported: IDataObject[] = [];
		const pollTimes: number[] = [];
		const readsPerPoll: number[] = [];
		let cutShort = 0;
		const poll = async () => {
			// Apicbase allows 100 requests a minute; the test's polls are seconds apart, not minutes.
			apicbase.resetRateLimits();
			const before = reads();
			const started = Date.now();
			reported.push(...(await trigger.poll()));
			pollTimes.push(Date.now() - started);
			readsPerPoll.push(reads() - before);
			if (readOn()) cutShort++;
		};

		// The first read notes what exists (over several polls) and reports nothing.
		do await poll();
		while (trigger.staticData.started !== true || readOn());
		expect(reported).toEqual([]);
		expect(cutShort).toBeGreaterThan(0);

		// A backlog larger than a poll reads, then orders arriving while it is read.
		cutShort = 0;
		const sent = await sendOrders(1500);
		for (let round = 0; round < 6; round++) {
			await poll();
			sent.push(...(await sendOrders(20)));
		}
		for (let passes = 0; passes < 2; ) {
			await poll();
			if (!readOn()) passes++;
		}

		expect(cutShort).toBeGreaterThan(1);
		expect(Math.max(...pollTimes)).toBeLessThan(POLL_BUDGET_MS + PAGE_DELAY_MS);
		expect(Math.max(...readsPerPoll)).toBeLessThanOrEqual(Math.ceil(POLL_BUDGET_MS / PAGE_DELAY_MS));
		expect(tally(reported)).toEqual(sent.map((id) => `${id} undefined null`).sort());
	} finally {
		await receiver.stop();
	}
});
