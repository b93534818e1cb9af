/**
 * The OpenBoxes Trigger activated in a running n8n, polling every minute: reorder alerts once per
 * product until it recovers, and 1,000 product changes that share one timestamp, spread over
 * several polls, each reaching the workflow exactly once.
 */
import { startSandboxes, type Sandboxes } from '../sandbox/start';
import { sandboxCredentials } from './support/fixtures';
import { N8nInstance } from './support/instance';
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

async function until(what: string, check: () => boolean, timeoutMs = 150_000): Promise<void> {
	await waitFor(what, () => check() || undefined, timeoutMs, () => `sink: ${JSON.stringify(Object.fromEntries(Object.entries(sink.received).map(([k, v]) => [k, v.length])))}\n${n8n.serverLog().slice(-3000)}`);
}

beforeAll(async () => {
	await sink.start();
	sandboxes = await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 });
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
	for (const id of ['scObReorder', 'scObProducts']) {
		const published = await n8n.cli(['publish:workflow', `--id=${id}`]);
		if (published.code !== 0) throw new Error(`publish failed: ${published.stderr}`);
	}
	await n8n.start();
});

afterAll(async () => {
	await n8n?.stop();
	await sandboxes?.stop();
	await sink.stop();
});

it('alerts once per product below its reorder point, and 1,000 same-second changes exactly once each', async () => {
	const ob = sandboxes.openBoxes;
	const alreadyBelow = ob.reorderReportItems('BELOW_REORDER').map((item) => String(item.product.id));
	const level = ob
		.inventoryLevels()
		.find((l) => (l.reorderQuantity ?? 0) > 2 && !alreadyBelow.includes(String(l.product.id)) && ob.reorderReportItems('ALL_PRODUCTS').some((i) => i.product.id === l.product.id))!;
	const productId = String(level.product.id);
	const products = ob.products().filter((p) => p.active).slice(0, 1000);
	expect(products).toHaveLength(1000);

	// Poll 1 (on activation): reorder alerts for what is already low; product changes only noted.
	await until('the first polls', () => reorderPolls() >= 1 && productPolls() >= 1);
	await until('the first reorder alerts', () => sink.count('/reorder') === alreadyBelow.length);
	const sameSecond = new Date(Date.now() + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	ob.setQuantityOnHand(productId, level.reorderQuantity! - 1);
	ob.touchProducts(products.slice(0, 400).map((p) => p.id), sameSecond);

	// Poll 2: the new low product and the first 400 changes.
	await until('the second polls', () => reorderPolls() >= 2 && productPolls() >= 2);
	await until('poll 2 results', () => sink.count('/reorder') === alreadyBelow.length + 1 && sink.count('/products') === 400);
	ob.setQuantityOnHand(productId, (level.maxQuantity ?? level.reorderQuantity! * 4) + 5);
	ob.touchProducts(products.slice(400).map((p) => p.id), sameSecond);

	// Poll 3: the product recovered (no alert), the other 600 changes with the very same timestamp.
	await until('the third polls', () => reorderPolls() >= 3 && productPolls() >= 3);
	await until('poll 3 results', () => sink.count('/products') === 1000);
	expect(sink.count('/reorder')).toBe(alreadyBelow.length + 1);
	ob.setQuantityOnHand(productId, level.reorderQuantity! - 2);

	// Poll 4: the product dropped again and is alerted again; no product change is repeated.
	await until('the fourth polls', () => reorderPolls() >= 4 && productPolls() >= 4);
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
});
