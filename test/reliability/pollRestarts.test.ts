/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * n8n stops between polls (issue 14, items 2 and 3). Every polling trigger of the package runs in a
 * real n8n, polling every minute: the OpenBoxes Trigger's six events, the MBX Trigger (new orders and
 * status changes) and the Apicbase polling trigger. Changes are made right after a poll; n8n is
 * stopped before the next one (SIGTERM: an orderly shutdown), more changes are made while it is
 * down, and it is started again. Then the same with SIGKILL (a crash). Every change must reach its
 * workflow exactly once across both restarts: none lost, none repeated.
 *
 * It runs twice side by side, each n8n with its own sandboxes: as n8n 2.41 runs polls by default
 * (the trigger's state saved with the workflow), and with n8n's durable poll cursors (the scheduler
 * runs each poll under a lease and commits the trigger's state with the execution it starts).
 * Beside them, a third n8n with durable cursors polls an MBX sandbox too slow to read in one poll.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

import { MBX_PAGE_SIZE } from '../../nodes/Mbx/transport';
import { sandboxCredentials, startE2eSandboxes } from '../e2e/support/fixtures';
import { N8nInstance } from '../e2e/support/instance';
import { packPackage } from '../e2e/support/package';
import { parseJsonLog } from '../e2e/support/queue';
import { ensureN8nRuntime, type N8nRuntime } from '../e2e/support/runtime';
import { Sink, waitFor } from '../e2e/support/sink';
import { ours, postTo, workflow } from '../e2e/support/workflow';
import { MBX_DOCS_RECIPIENT } from '../fixtures/mbxDocsRecipient';
import { MBX_DEMO } from '../sandbox/mbx/server';
import { mbxClient } from '../sandbox/mbx/testClient';
import { OPENBOXES_DEMO, PRODUCT_CATEGORIES } from '../sandbox/openboxes/server';
import { openBoxesClient } from '../sandbox/openboxes/testClient';
import type { Sandboxes } from '../sandbox/start';

jest.setTimeout(30 * 60 * 1000);

/** n8n's durable poll cursors and what they need (n8n 2.41 warns and ignores the first without the others). */
const DURABLE_CURSORS = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};
const MODES = [
	{ mode: 'default polling', port: 5721, env: {} },
	{ mode: 'durable poll cursors', port: 5723, env: DURABLE_CURSORS },
] as const;

/** Every minute at second 0, all triggers alike (n8n's "Every Minute" picks a random second per workflow). */
const EVERY_MINUTE_AT_ZERO = { item: [{ mode: 'custom', cronExpression: '0 * * * * *' }] };
const OPENBOXES = { openBoxesApi: { id: 'scOpenBoxes', name: 'OpenBoxes account' } };
const MBX = { mbxHmacApi: { id: 'scMbxHmac', name: 'MBX account' } };
const APICBASE = { apicbaseSupplierApi: { id: 'scApicbaseSupplier', name: 'Apicbase supplier account' } };

/** One workflow per trigger event; each posts its items to its own sink path. */
const WATCHERS = [
	{ path: 'reorder', type: 'openBoxesTrigger', parameters: { event: 'inventory.belowReorderPoint' }, credentials: OPENBOXES },
	{ path: 'productCreated', type: 'openBoxesTrigger', parameters: { event: 'product.created' }, credentials: OPENBOXES },
	{ path: 'productUpdated', type: 'openBoxesTrigger', parameters: { event: 'product.updated' }, credentials: OPENBOXES },
	{ path: 'orderCreated', type: 'openBoxesTrigger', parameters: { event: 'purchaseOrder.created' }, credentials: OPENBOXES },
	{ path: 'orderPlaced', type: 'openBoxesTrigger', parameters: { event: 'purchaseOrder.placed' }, credentials: OPENBOXES },
	{ path: 'received', type: 'openBoxesTrigger', parameters: { event: 'stockMovement.received', direction: 'INBOUND' }, credentials: OPENBOXES },
	{ path: 'mbx', type: 'mbxTrigger', parameters: { events: ['created', 'statusChanged'] }, credentials: MBX },
	{ path: 'apicbase', type: 'apicbaseSupplierPollingTrigger', parameters: {}, credentials: APICBASE },
] as const;
type WatchPath = (typeof WATCHERS)[number]['path'];
const workflowName = (path: WatchPath) => `Restarts: ${path}`;

/** What each watcher must have received: the ids, in any order. */
type Expected = Record<WatchPath, string[]>;

let runtime: N8nRuntime;
let tarball: string;

beforeAll(async () => {
	runtime = await ensureN8nRuntime();
	tarball = packPackage();
});

afterAll(() => {
	if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
});

it.concurrent.each(MODES)('every change reaches its workflow exactly once across a SIGTERM and a SIGKILL between polls ($mode)', async ({ port, env }) => {
	await withOwnN8n(port, env, restartScenario);
});

/** Runs a scenario with its own sink, sandboxes and n8n (the package installed, JSON logs), and stops and removes them after. */
async function withOwnN8n(port: number, env: NodeJS.ProcessEnv, scenario: (n8n: N8nInstance, sandboxes: Sandboxes, sink: Sink) => Promise<void>): Promise<void> {
	const sink = new Sink();
	let sandboxes: Sandboxes | undefined;
	let n8n: N8nInstance | undefined;
	try {
		await sink.start();
		sandboxes = await startE2eSandboxes();
		n8n = new N8nInstance(runtime, { port, extraEnv: { ...env, N8N_LOG_FORMAT: 'json' } });
		await n8n.installPackage(tarball);
		await scenario(n8n, sandboxes, sink);
	} finally {
		await n8n?.stop();
		await sandboxes?.stop();
		await sink.stop();
		// KEEP_N8N=1 keeps the user folder (n8n's log and database) to look at after a failure.
		if (n8n && !process.env.KEEP_N8N) rmSync(n8n.userFolder, { recursive: true, force: true });
	}
}

async function restartScenario(n8n: N8nInstance, sandboxes: Sandboxes, sink: Sink): Promise<void> {
	await n8n.importCredentials(sandboxCredentials(sandboxes));
	const workflows = WATCHERS.map((watcher, i) =>
		workflow(`scRestart${i}`, workflowName(watcher.path), [
			ours('Trigger', watcher.type, { ...watcher.parameters, pollTimes: EVERY_MINUTE_AT_ZERO }, watcher.credentials),
			postTo('Tell Sink', `${sink.url}/${watcher.path}`),
		], [['Trigger', 'Tell Sink']]),
	);
	await n8n.importWorkflows(workflows);
	for (const { id } of workflows) await n8n.cliOrThrow(['publish:workflow', `--id=${id}`]);

	const expected = Object.fromEntries(WATCHERS.map(({ path }) => [path, [] as string[]])) as Expected;
	const describe = () => {
		const got = received();
		const missing = WATCHERS.map(({ path }) => [path, expected[path].filter((id) => !got[path].includes(id))] as const).filter(([, ids]) => ids.length > 0);
		const low = missing.flatMap(([path, ids]) => (path === 'reorder' ? ids.map((id) => ({ id, level: sandboxes.openBoxes.inventoryLevels().find((l) => String(l.product.id) === id) })) : []));
		return `missing: ${JSON.stringify(missing)}\nreorder levels of the missing: ${JSON.stringify(low).slice(0, 1500)}\n${n8n.serverLog().slice(-2000)}`;
	};
	/**
	 * How many polls each watcher has run so far, from n8n's debug log (kept across restarts): n8n logs
	 * the start of a poll it runs itself, and the end of one the durable scheduler runs.
	 */
	const pollsStarted = (): number[] => {
		const lines = parseJsonLog(n8n.serverLog());
		return WATCHERS.map(({ path }, i) =>
			lines.filter((line) => line.message === `Poll trigger initiated for workflow "${workflowName(path)}"` || (line.message.startsWith('Poll returned') && line.metadata.workflowId === workflows[i].id)).length,
		);
	};
	const afterPollsOf = async (what: string, before: number[]) => {
		await waitFor(what, () => pollsStarted().every((count, i) => count > before[i]) || undefined, 150_000, describe);
		// A poll takes well under a second against the sandboxes; its items then travel to the sink.
		await new Promise((resolve) => setTimeout(resolve, 5000));
	};
	/** Waits until the minute's polls are done and the next are at least 20 s away (the scheduler may add a few seconds of jitter). */
	const clearOfNextPoll = async () => {
		while (new Date().getUTCSeconds() < 12 || new Date().getUTCSeconds() > 40) await new Promise((resolve) => setTimeout(resolve, 1000));
	};

	const received = (): Expected => Object.fromEntries(WATCHERS.map(({ path }) => [path, (sink.received[`/${path}`] ?? []).map(idOf(path))])) as Expected;
	const changes = vendorChanges(sandboxes, sink.url);

	await n8n.start();
	await afterPollsOf('the first poll of every trigger (on activation)', Array(WATCHERS.length).fill(0));
	if (n8n.env.N8N_POLLER_DURABLE_CURSORS_ENABLED === 'true') {
		// With durable cursors n8n keeps what the poll on activation noted only if it found something: a trigger's
		// memory starts with its first scheduled poll (README, "Behaviour you can rely on").
		await afterPollsOf('the first scheduled poll of every trigger', pollsStarted());
	}
	// What the first polls report (products already below their reorder point) is the starting point.
	Object.assign(expected, received());
	// A product alerted then and lifted by a later receipt is alerted again only if a poll saw it recover: not one to drop.
	changes.skip('level', expected.reorder);

	for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
		await clearOfNextPoll();
		const before = pollsStarted();
		// Changes made after a poll, still pending when n8n goes down...
		add(expected, await changes.makeOneOfEach());
		await n8n.kill(signal);
		expect(pollsStarted()).toEqual(before);
		// ...and more while it is down.
		add(expected, await changes.makeOneOfEach());
		await n8n.start();
		await waitFor(`every change made around the ${signal}`, () => sameCounts(received(), expected) || undefined, 180_000, describe);
	}
	// One more poll of every trigger: nothing comes twice.
	await afterPollsOf('one more poll', pollsStarted());
	const got = received();
	for (const { path } of WATCHERS) {
		expect([path, [...got[path]].sort()]).toEqual([path, [...expected[path]].sort()]);
	}
}

function add(expected: Expected, made: Expected): void {
	for (const key of Object.keys(made) as WatchPath[]) expected[key].push(...made[key]);
}

function sameCounts(got: Expected, expected: Expected): boolean {
	return (Object.keys(expected) as WatchPath[]).every((key) => got[key].length >= expected[key].length);
}

/** The id a watcher's item is known by: the record's own id (a reorder alert's product). */
const idOf = (path: WatchPath) => (item: Record<string, unknown>) => String(path === 'reorder' ? item.productId : item.id);

/** One change of each kind a watcher reports, made through the vendors' APIs or the sandboxes, and the ids each watcher must see. */
function vendorChanges(sandboxes: Sandboxes, sinkUrl: string) {
	const { openBoxes, mbx, apicbase } = sandboxes;
	const ob = openBoxesClient(openBoxes);
	const mbxApi = mbxClient(() => mbx.url, MBX_DEMO);
	const plainItem = mbx.items().find((item) => !item.serialized)!;
	const used = new Set<string>();
	let cookie = '';
	let round = 0;

	const take = <T extends Record<string, unknown>>(kind: string, rows: T[]): T => {
		const row = rows.find((r) => !used.has(`${kind}:${String(r.id)}`));
		if (!row) throw new Error(`no ${kind} left to change`);
		used.add(`${kind}:${String(row.id)}`);
		return row;
	};
	const openBoxesPost = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
		cookie ||= await ob.login();
		const reply = await ob.call(path, { cookie, body });
		if (reply.status >= 300) throw new Error(`OpenBoxes POST ${path}: ${reply.status} ${reply.text}`);
		return reply.json as Record<string, unknown>;
	};

	return {
		/** Records of a kind this test must not change. */
		skip(kind: string, ids: string[]) {
			for (const id of ids) used.add(`${kind}:${id}`);
		},
		async makeOneOfEach(): Promise<Expected> {
			round++;
			// OpenBoxes: a product below its reorder point, a new product, an edited one, a new and a placed purchase order, a received shipment.
			const product = await openBoxesPost('/products', { name: `Restart product ${round}`, category: { id: PRODUCT_CATEGORIES[0].id }, productType: { id: 'DEFAULT' } });
			const productId = String((product.product as { id: string }).id);
			used.add(`product:${productId}`);
			const edited = take('product', openBoxes.products().filter((p) => p.active) as unknown as Array<Record<string, unknown>>);
			openBoxes.touchProducts([String(edited.id)]);

			const order = await openBoxesPost('/purchaseOrders', {
				name: `Restart order ${round}`,
				origin: { id: OPENBOXES_DEMO.supplierId },
				destination: { id: OPENBOXES_DEMO.locationId },
				orderedBy: { id: OPENBOXES_DEMO.userId },
				orderItems: [{ product: { id: String(edited.id) }, quantity: 2, unitPrice: 3 }],
			});
			const orderId = String((order.data as { id: string }).id);
			const approved = take('order', openBoxes.purchaseOrders().filter((o) => o.status === 'APPROVED'));
			openBoxes.setPurchaseOrderStatus(String(approved.id), 'PLACED');

			const underway = take(
				'movement',
				openBoxes.stockMovements().filter((m) => (m.destination as { id: string }).id === OPENBOXES_DEMO.locationId && m.currentStatus === 'SHIPPED'),
			);
			openBoxes.receiveStockMovement(String(underway.id));
			// Last: the receipt above only adds stock, so it cannot lift this product back over its reorder point.
			const below = new Set(openBoxes.reorderReportItems('BELOW_REORDER').map((item) => String(item.product.id)));
			const reportable = new Set(openBoxes.reorderReportItems('ALL_PRODUCTS').map((item) => String(item.product.id)));
			// Not a product still on its way in: a later receipt would lift it back before a poll saw it low.
			const incoming = JSON.stringify(openBoxes.stockMovements().filter((m) => m.currentStatus === 'SHIPPED'));
			const level = take(
				'level',
				openBoxes
					.inventoryLevels()
					.filter((l) => (l.reorderQuantity ?? 0) > 2 && !below.has(String(l.product.id)) && reportable.has(String(l.product.id)) && !incoming.includes(String(l.product.id)))
					.map((l) => ({ ...l, id: String(l.product.id) })),
			);
			openBoxes.setQuantityOnHand(level.id, level.reorderQuantity! - 1);


			// MBX: a new order, and another one moved on a status.
			const created = await mbxApi('POST', '/v2/customer_order_submissions', {
				organization_id: MBX_DEMO.organizationId,
				purchase_order: `PO-RESTART-${round}-${Date.now()}`,
				customer_order: `CO-RESTART-${round}`,
				ship_method_id: 12,
				recipient: MBX_DOCS_RECIPIENT,
				lines: [{ product_code: plainItem.name, quantity: 1, customs_declared_value: 10 }],
			});
			if (created.status !== 201) throw new Error(`MBX order: ${created.status} ${created.text}`);
			const newOrderId = String((created.json as { id: number }).id);
			used.add(`mbx:${newOrderId}`);
			const moved = take('mbx', mbx.orders().filter((o) => o.status !== 'shipped') as unknown as Array<Record<string, unknown>>);
			await mbx.advanceOrder(Number(moved.id));

			// Apicbase: a customer sends an order (the receiver here only says 200, so it counts as sent).
			let sent = await apicbase.sendWebhook({ url: `${sinkUrl}/apicbase-receiver` });
			for (let tries = 0; sent.status !== 200 && tries < 3; tries++) sent = await apicbase.sendWebhook({ url: `${sinkUrl}/apicbase-receiver` });
			if (sent.status !== 200) throw new Error(`Apicbase order not sent: ${sent.status}`);
			const apicbaseOrderId = String((JSON.parse(sent.sentBody) as { id: string }).id);

			return {
				reorder: [level.id],
				productCreated: [productId],
				productUpdated: [String(edited.id)],
				orderCreated: [orderId],
				orderPlaced: [String(approved.id)],
				received: [String(underway.id)],
				mbx: [newOrderId, String(moved.id)],
				apicbase: [apicbaseOrderId],
			};
		},
	};
}

/**
 * n8n's scheduler stops a poll at its timeout (N8N_SCHEDULER_POLL_TIMEOUT) and keeps nothing of it.
 * Here the timeout is 17 s (n8n then grants the trigger 12 s: `getPollBudgetMs()`) and every MBX
 * list page takes 4.5 s, so reading the demo organization's orders (four pages) takes 18 s: no poll
 * could finish reading. Each poll reads what fits and the next goes on from there; changes on two pages
 * and a new order at the end each reach the workflow once, and n8n abandons no poll.
 */
it.concurrent('with durable cursors and an MBX list too slow for one poll, each change arrives once and no poll is abandoned', async () => {
	await withOwnN8n(5725, { ...DURABLE_CURSORS, N8N_SCHEDULER_POLL_TIMEOUT: '17' }, slowMbxScenario);
});

async function slowMbxScenario(n8n: N8nInstance, sandboxes: Sandboxes, sink: Sink): Promise<void> {
	const PAGE_DELAY_MS = 4500;
	const { mbx } = sandboxes;
	// 300 seeded orders and two pages more: with the new one below, four pages of MBX_PAGE_SIZE (250).
	mbx.addOrders(2 * MBX_PAGE_SIZE);
	await n8n.importCredentials(sandboxCredentials(sandboxes).filter((c) => c.type === 'mbxHmacApi'));
	const flow = workflow('scSlowMbx', 'Slow MBX', [
		ours('Trigger', 'mbxTrigger', { events: ['created', 'statusChanged'], pollTimes: EVERY_MINUTE_AT_ZERO }, MBX),
		postTo('Tell Sink', `${sink.url}/mbx`),
	], [['Trigger', 'Tell Sink']]);
	await n8n.importWorkflow(flow);
	await n8n.cliOrThrow(['publish:workflow', `--id=${flow.id}`]);
	const lines = () => parseJsonLog(n8n.serverLog());
	const polls = () => lines().filter((line) => line.message.startsWith('Poll returned') && line.metadata.workflowId === flow.id).length;
	const describe = () => `sink: ${JSON.stringify(sink.received['/mbx'] ?? []).slice(0, 1000)}\n${n8n.serverLog().slice(-3000)}`;

	await n8n.start();
	// The first poll reads the whole list at full speed and takes note of it.
	await waitFor('the first poll', () => polls() > 0 || undefined, 150_000, describe);
	const listReads = () => mbx.requests.filter((r) => r.method === 'GET' && r.path === '/v2/customer_order_submissions');
	const readsBefore = listReads().length;
	mbx.injectFault({ kind: 'slow', delayMs: PAGE_DELAY_MS, method: 'GET', pathPrefix: '/v2/customer_order_submissions', times: 100_000 });

	const api = mbxClient(() => mbx.url, MBX_DEMO);
	const plainItem = mbx.items().find((item) => !item.serialized)!;
	// The demo organization's list, in the order MBX pages it.
	const demo = mbx.orders().filter((o) => o.organization_id === MBX_DEMO.organizationId);
	// Two orders still open (the older ones have shipped), on different pages, and a new one at the end.
	const open = demo.filter((o) => o.status !== 'shipped');
	const onEarlierPage = open[0];
	const onLaterPage = open.find((o) => Math.floor(demo.indexOf(o) / MBX_PAGE_SIZE) > Math.floor(demo.indexOf(onEarlierPage) / MBX_PAGE_SIZE))!;
	await mbx.advanceOrder(Number(onEarlierPage.id));
	await mbx.advanceOrder(Number(onLaterPage.id));
	const created = await api('POST', '/v2/customer_order_submissions', {
		organization_id: MBX_DEMO.organizationId,
		purchase_order: 'PO-SLOW-1',
		customer_order: 'CO-SLOW-1',
		ship_method_id: 12,
		recipient: MBX_DOCS_RECIPIENT,
		lines: [{ product_code: plainItem.name, quantity: 1, customs_declared_value: 10 }],
	});
	expect(created.status).toBe(201);
	const newId = (created.json as { id: number }).id;
	const demoOrders = mbx.orders().filter((o) => o.organization_id === MBX_DEMO.organizationId).length;
	const pages = Math.ceil(demoOrders / MBX_PAGE_SIZE);
	// Reading the whole list now takes longer than n8n lets a poll run.
	expect(pages * PAGE_DELAY_MS).toBeGreaterThan(17_000);

	await waitFor('the three changes', () => ((sink.received['/mbx'] ?? []).length >= 3 ? true : undefined), 6 * 60_000, describe);
	const pollsNow = polls();
	await waitFor('one more poll', () => polls() > pollsNow || undefined, 150_000, describe);
	await new Promise((resolve) => setTimeout(resolve, 3000));

	const got = (sink.received['/mbx'] ?? []).map((item) => [item.id, item.event]);
	expect(got.sort()).toEqual(
		[
			[onEarlierPage.id, 'statusChanged'],
			[onLaterPage.id, 'statusChanged'],
			[newId, 'created'],
		].sort(),
	);
	expect(lines().filter((line) => /Poll exceeded its timeout/.test(line.message))).toEqual([]);
	// No poll read the whole list: the slowed reads came a page or two a minute.
	const byMinute = new Map<string, number>();
	for (const read of listReads().slice(readsBefore)) byMinute.set(read.at.slice(0, 16), (byMinute.get(read.at.slice(0, 16)) ?? 0) + 1);
	expect(Math.max(...byMinute.values())).toBeLessThan(pages);
}
