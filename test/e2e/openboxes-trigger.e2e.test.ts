/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * The OpenBoxes Trigger activated in a running n8n, polling every minute: reorder alerts once per
 * product until it recovers, 1,000 product changes that share one timestamp, spread over several
 * polls, each reaching the workflow exactly once, purchase-order and stock-movement events
 * from list rows without lastUpdated (as the open-source server sends them), each reported once,
 * and hundreds of products created and changed in the second of a poll, after its read, each
 * reported once on the next poll under the right event (Product Created, Product Updated).
 */
import type { RecordedRequest } from '../sandbox/common/server';
import { OPENBOXES_DEMO, PRODUCT_CATEGORIES } from '../sandbox/openboxes/server';
import { openBoxesClient } from '../sandbox/openboxes/testClient';
import type { Sandboxes } from '../sandbox/start';
import { sandboxCredentials, startE2eSandboxes } from './support/fixtures';
import { N8nInstance } from './support/instance';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { packPackage } from './support/package';
import { ensureN8nRuntime } from './support/runtime';
import { Sink, waitFor } from './support/sink';
import { ours, postTo, workflow } from './support/workflow';

jest.setTimeout(30 * 60 * 1000);

const N8N_PORT = 5683;
const OPENBOXES = { openBoxesApi: { id: 'scOpenBoxes', name: 'OpenBoxes account' } };
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };

let sandboxes: Sandboxes;
let n8n: N8nInstance;
const sink = new Sink();

function pollsOf(pathPart: string, queryPart = ''): number {
	return sandboxes.openBoxes.requests.filter((r) => r.path.includes(pathPart) && r.target.includes(queryPart) && !r.target.includes('offset=1')).length;
}

const reorderPolls = () => pollsOf('/inventories/reorderReport');
const productPolls = () => pollsOf('/openboxes/api/products', 'sort=lastUpdated');
const placedPolls = () => pollsOf('/openboxes/api/purchaseOrders', 'status=PLACED');
const orderCreatedPolls = () => sandboxes.openBoxes.requests.filter((r) => r.method === 'GET' && r.path === '/openboxes/api/purchaseOrders' && !r.target.includes('status=')).length;
const receivedPolls = () => pollsOf('/openboxes/api/stockMovements', 'direction=INBOUND');
/** Every watched list polled at least `n` times. */
const polledAll = (n: number) => reorderPolls() >= n && productPolls() >= n && placedPolls() >= n && orderCreatedPolls() >= n && receivedPolls() >= n;

async function until(what: string, check: () => boolean, timeoutMs = 150_000): Promise<void> {
	await waitFor(what, () => check() || undefined, timeoutMs, () => `sink: ${JSON.stringify(Object.fromEntries(Object.entries(sink.received).map(([k, v]) => [k, v.length])))}\n${n8n.serverLog().slice(-3000)}`);
}

beforeAll(async () => {
	await sink.start();
	sandboxes = await startE2eSandboxes();
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: N8N_PORT });
	await n8n.installPackage(packPackage());
	await n8n.importCredentials(sandboxCredentials(sandboxes).filter((c) => c.type === 'openBoxesApi'));
	await n8n.importWorkflow(
		workflow('scObReorder', 'OpenBoxes: reorder alerts', [
			ours('OpenBoxes Trigger', 'openBoxesTrigger', { event: 'inventory.belowReorderPoint', pollTimes: EVERY_MINUTE }, OPENBOXES),
			postTo('Tell Sink', `${sink.url}/reorder`),
		], [['OpenBoxes Trigger', 'Tell Sink']]),
	);
	await n8n.importWorkflow(
		workflow('scObProducts', 'OpenBoxes: product changes', [
			ours('OpenBoxes Trigger', 'openBoxesTrigger', { event: 'product.updated', pollTimes: EVERY_MINUTE }, OPENBOXES),
			postTo('Tell Sink', `${sink.url}/products`),
		], [['OpenBoxes Trigger', 'Tell Sink']]),
	);
	await n8n.importWorkflow(
		workflow('scObProductsCreated', 'OpenBoxes: products created', [
			ours('OpenBoxes Trigger', 'openBoxesTrigger', { event: 'product.created', pollTimes: EVERY_MINUTE }, OPENBOXES),
			postTo('Tell Sink', `${sink.url}/productsCreated`),
		], [['OpenBoxes Trigger', 'Tell Sink']]),
	);
	for (const [id, name, parameters, sinkPath] of [
		['scObPlaced', 'OpenBoxes: purchase orders placed', { event: 'purchaseOrder.placed' }, 'placed'],
		['scObOrderCreated', 'OpenBoxes: purchase orders created', { event: 'purchaseOrder.created' }, 'ordersCreated'],
		['scObReceived', 'OpenBoxes: inbound shipments received', { event: 'stockMovement.received', direction: 'INBOUND' }, 'received'],
	] as const) {
		await n8n.importWorkflow(
			workflow(id, name, [
				ours('OpenBoxes Trigger', 'openBoxesTrigger', { ...parameters, pollTimes: EVERY_MINUTE }, OPENBOXES),
				postTo('Tell Sink', `${sink.url}/${sinkPath}`),
			], [['OpenBoxes Trigger', 'Tell Sink']]),
		);
	}
	for (const id of ['scObReorder', 'scObProducts', 'scObProductsCreated', 'scObPlaced', 'scObOrderCreated', 'scObReceived']) {
		await n8n.cliOrThrow(['publish:workflow', `--id=${id}`]);
	}
	await n8n.start();
});

afterAll(async () => {
	await n8n?.stop();
	await sandboxes?.stop();
	await sink.stop();
});

it('alerts once per product below its reorder point, 1,000 same-second changes and each order and shipment event exactly once', async () => {
	const ob = sandboxes.openBoxes;
	const alreadyBelow = ob.reorderReportItems('BELOW_REORDER').map((item) => String(item.product.id));
	const level = ob
		.inventoryLevels()
		.find((l) => (l.reorderQuantity ?? 0) > 2 && !alreadyBelow.includes(String(l.product.id)) && ob.reorderReportItems('ALL_PRODUCTS').some((i) => i.product.id === l.product.id))!;
	const productId = String(level.product.id);
	const products = ob.products().filter((p) => p.active).slice(0, 1000);
	expect(products).toHaveLength(1000);

	const approved = ob.purchaseOrders().find((o) => o.status === 'APPROVED')!;
	const underway = ob.stockMovements().find((m) => (m.destination as { id: string }).id === OPENBOXES_DEMO.locationId && m.currentStatus === 'SHIPPED')!;

	// Poll 1 (on activation): reorder alerts for what is already low; every other list only noted.
	await until('the first polls', () => polledAll(1));
	await until('the first reorder alerts', () => sink.count('/reorder') === alreadyBelow.length);
	const sameSecond = new Date(Date.now() + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	ob.setQuantityOnHand(productId, level.reorderQuantity! - 1);
	ob.touchProducts(products.slice(0, 400).map((p) => p.id), sameSecond);
	ob.setPurchaseOrderStatus(String(approved.id), 'PLACED');
	ob.receiveStockMovement(String(underway.id));
	const newOrder = await createPurchaseOrder();

	// Poll 2: the new low product, the first 400 changes, the placed, created and received records.
	await until('the second polls', () => polledAll(2));
	await until(
		'poll 2 results',
		() =>
			sink.count('/reorder') === alreadyBelow.length + 1 &&
			sink.count('/products') === 400 &&
			sink.count('/placed') === 1 &&
			sink.count('/ordersCreated') === 1 &&
			sink.count('/received') === 1,
	);
	ob.setQuantityOnHand(productId, (level.maxQuantity ?? level.reorderQuantity! * 4) + 5);
	ob.touchProducts(products.slice(400).map((p) => p.id), sameSecond);

	// Poll 3: the product recovered (no alert), the other 600 changes with the very same timestamp.
	await until('the third polls', () => reorderPolls() >= 3 && productPolls() >= 3);
	await until('poll 3 results', () => sink.count('/products') === 1000);
	expect(sink.count('/reorder')).toBe(alreadyBelow.length + 1);
	ob.setQuantityOnHand(productId, level.reorderQuantity! - 2);

	// Poll 4: the product dropped again and is alerted again; no product change is repeated.
	await until('the fourth polls', () => polledAll(4));
	await until('poll 4 results', () => sink.count('/reorder') === alreadyBelow.length + 2);
	await new Promise((resolve) => setTimeout(resolve, 3000));

	const alerts = sink.received['/reorder'];
	expect(alerts.filter((a) => a.productId === productId)).toHaveLength(2);
	expect(new Set(alerts.slice(0, alreadyBelow.length).map((a) => String(a.productId)))).toEqual(new Set(alreadyBelow));
	expect(alerts.every((a) => a.event === 'inventory.belowReorderPoint' && typeof a.suggestedOrderQuantity === 'number')).toBe(true);

	const changed = sink.received['/products'].map((p) => String(p.id));
	expect(changed).toHaveLength(1000);
	expect(new Set(changed)).toEqual(new Set(products.map((p) => p.id)));
	expect(sink.received['/products'].every((p) => p.event === 'product.updated' && p.lastUpdated === sameSecond)).toBe(true);

	// Each list event exactly once over four polls, with the status it came from.
	expect(sink.received['/placed'].map((o) => [o.event, o.id, o.status, o.previousStatus])).toEqual([['purchaseOrder.placed', approved.id, 'PLACED', 'APPROVED']]);
	expect(sink.received['/ordersCreated'].map((o) => [o.event, o.id, o.previousStatus])).toEqual([['purchaseOrder.created', newOrder, null]]);
	expect(sink.received['/received'].map((m) => [m.event, m.id, m.isReceived, m.previousStatus])).toEqual([['stockMovement.received', underway.id, true, 'shipped']]);
});

/** A purchase order created through the API (the hosted tier's create, which the sandbox serves). */
async function createPurchaseOrder(): Promise<string> {
	const { call, login } = openBoxesClient(sandboxes.openBoxes);
	const [product] = sandboxes.openBoxes.products().filter((p) => p.active);
	const created = await call('/purchaseOrders', {
		cookie: await login(),
		body: {
			name: 'Trigger e2e order',
			origin: { id: OPENBOXES_DEMO.supplierId },
			destination: { id: OPENBOXES_DEMO.locationId },
			orderedBy: { id: OPENBOXES_DEMO.userId },
			dateOrdered: '07/01/2025',
			orderItems: [{ product: { id: product.id }, quantity: 5, unitPrice: 1 }],
		},
	});
	if (created.status !== 201) throw new Error(`creating a purchase order failed: ${created.status} ${created.text}`);
	return String(created.json.data.id);
}

it('reports 200 products created and 50 changed in the second of a poll, after its read, each once on the next poll under its event', async () => {
	const ob = sandboxes.openBoxes;
	const { call, login } = openBoxesClient(ob);
	const cookie = await login();
	let made = 0;
	const createProduct = async (): Promise<string> => {
		const reply = await call('/products', { cookie, body: { name: `Same-second product ${++made}`, category: { id: PRODUCT_CATEGORIES[0].id }, productType: { id: 'DEFAULT' } } });
		if (reply.status !== 200) throw new Error(`creating a product failed: ${reply.status} ${reply.text}`);
		return String(reply.json.product.id);
	};
	const editProduct = async (id: string): Promise<void> => {
		const reply = await call(`/products/${id}`, { cookie, method: 'PUT', body: { description: 'Changed in the second of a poll' } });
		if (reply.status !== 200) throw new Error(`changing product ${id} failed: ${reply.status} ${reply.text}`);
	};
	// Products no earlier step changed (the oldest change times): 3 changed before the read, 50 after.
	const toEdit = ob.products().filter((p) => p.active).sort((a, b) => a.lastUpdated.localeCompare(b.lastUpdated)).slice(0, 53).map((p) => p.id);
	const createdBefore = sink.count('/productsCreated');
	const updatedBefore = sink.count('/products');

	// One second S on OpenBoxes' record clock, stopped from before both product workflows read the
	// list until the changes after that read are made: everything below is stamped S.
	const second = Date.now() - (Date.now() % 1000);
	const S = new Date(second).toISOString().replace(/\.000Z$/, 'Z');
	ob.clock.set(second);
	const createdBeforeRead: string[] = [];
	const createdAfterRead: string[] = [];
	try {
		// In S, before the read: 3 products created and 3 changed.
		for (let i = 0; i < 3; i++) createdBeforeRead.push(await createProduct());
		for (const id of toEdit.slice(0, 3)) await editProduct(id);
		// Both workflows read them (their cursor is now S, with the IDs seen in it), and neither
		// reads again for 20 s: they poll in turn, each once a minute, so the next read is a minute
		// after the last but one.
		const since = lastSeq();
		await until('both product workflows to read second S', () => {
			const reads = productReadsAfter(since);
			return reads.length >= 2 && productReadsSettled() && Date.parse(reads[reads.length - 2].at) + 60_000 - Date.now() > 20_000;
		});
		await until('the changes made before the read', () => sink.count('/productsCreated') === createdBefore + 3 && sink.count('/products') === updatedBefore + 3);
		// Still in S, after the read: 200 created, 50 changed, all before either workflow reads again.
		const afterRead = lastSeq();
		for (let i = 0; i < 200; i++) createdAfterRead.push(await createProduct());
		for (const id of toEdit.slice(3)) await editProduct(id);
		expect(productReadsAfter(afterRead, false)).toEqual([]);
	} finally {
		ob.clock.set(null);
	}

	// The next read of each workflow.
	const changesMade = lastSeq();
	await until('both product workflows to read again', () => productReadsAfter(changesMade).length >= 2 && productReadsSettled());
	await until('the changes made after the read', () => sink.count('/productsCreated') === createdBefore + 203 && sink.count('/products') === updatedBefore + 53);
	await new Promise((resolve) => setTimeout(resolve, 3000));

	// Product Created: exactly the new products, each once, the 3 made before the read on that read.
	const created = sink.received['/productsCreated'].slice(createdBefore);
	expect(created.map((p) => String(p.id)).sort()).toEqual([...createdBeforeRead, ...createdAfterRead].sort());
	expect(new Set(created.slice(0, 3).map((p) => String(p.id)))).toEqual(new Set(createdBeforeRead));
	expect(created.every((p) => p.event === 'product.created' && p.previousStatus === null && p.dateCreated === S && p.lastUpdated === S)).toBe(true);
	// Product Updated (a change to a product that existed, events.ts): exactly the 53 changed ones,
	// each once, and none of the created products, though they share the cursor's second.
	const updated = sink.received['/products'].slice(updatedBefore);
	expect(updated.map((p) => String(p.id)).sort()).toEqual([...toEdit].sort());
	expect(updated.every((p) => p.event === 'product.updated' && p.lastUpdated === S)).toBe(true);
});

const lastSeq = () => sandboxes.openBoxes.requests[sandboxes.openBoxes.requests.length - 1]?.seq ?? 0;
const isProductRead = (r: RecordedRequest) => r.method === 'GET' && r.path === '/openboxes/api/products' && r.target.includes('sort=lastUpdated');

/** Reads of the product list by the triggers after request `seq`: answered first pages (one per poll), or every request. */
function productReadsAfter(seq: number, firstPagesOnly = true): RecordedRequest[] {
	return sandboxes.openBoxes.requests.filter(
		(r) => r.seq > seq && isProductRead(r) && (!firstPagesOnly || (r.status === 200 && /[?&]offset=0(&|$)/.test(r.target))),
	);
}

/** Every poll that read the product list has finished paging: nothing in flight, nothing asked for 1.5 s. */
function productReadsSettled(): boolean {
	const reads = sandboxes.openBoxes.requests.filter(isProductRead);
	return reads.every((r) => r.status !== 0) && Date.now() - Date.parse(reads[reads.length - 1]?.at ?? new Date(0).toISOString()) > 1500;
}

it('leaks no secret or token of the sandboxes or the credentials into n8n\'s logs, database or files', async () => {
	await n8n.stop();
	await expectNoSecretsLeaked(n8n, sandboxSecrets(sandboxes));
});
