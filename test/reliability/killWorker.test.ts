/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * A worker dies in the middle of creating MBX orders (issue 14, item 1). n8n in queue mode, as a
 * scaled deployment runs it (main, worker and webhook processor on real Redis and PostgreSQL), runs
 * the two shipped PO sync workflows. The MBX sandbox ends the worker with SIGKILL (with its task
 * runner: a crash, or an out-of-memory kill) right after it has stored an order and before that
 * order's answer is written, so the workflow never learns the order exists. The worker is started
 * again and the work is repeated as it would be for real:
 * - *PO sync: Apicbase to MBX*: Apicbase got no answer, so the order is not sent; the customer sends
 *   it again. Exactly one MBX order exists for it, and Apicbase got its 200.
 * - *PO sync: OpenBoxes to MBX*: killed at order 20 of 50, then run again. 50 MBX orders, one for
 *   each purchase order: none twice, none missing.
 * Both hold because each workflow looks the order up in MBX before it creates one; these tests
 * assert the sandboxes' state, not the logs.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

import { loadWorkflow, placeNewPurchaseOrders, productionWebhookUrl, sandboxCredentials, waitForWebhook } from '../e2e/support/fixtures';
import { packPackage } from '../e2e/support/package';
import { QueueCluster, startQueueServices, stopQueueServices, type QueueServices } from '../e2e/support/queue';
import { N8nRest } from '../e2e/support/rest';
import { ensureN8nRuntime } from '../e2e/support/runtime';
import { waitFor } from '../e2e/support/sink';
import type { RecordedRequest, SandboxResponse } from '../sandbox/common/server';

jest.setTimeout(30 * 60 * 1000);

/** Clear of the e2e files' ports (5681-5703); +2000 is each process's task broker, +3000 its CLI's. */
const PORTS = { main: 5711, webhook: 5713, worker: 5715 } as const;
const PO_SYNC_APICBASE = loadWorkflow('po-sync-apicbase-to-mbx.json');
const PO_SYNC_OPENBOXES = loadWorkflow('po-sync-openboxes-to-mbx.json');
const NEW_PURCHASE_ORDERS = 50;
const KILLED_AT = 20;

const services: Partial<QueueServices> = {};
let cluster: QueueCluster | undefined;
let tarball: string | undefined;
let rest: N8nRest;

beforeAll(async () => {
	const runtime = await ensureN8nRuntime();
	const { sandboxes, redis, postgres } = await startQueueServices(services);

	cluster = new QueueCluster(runtime, { redis, postgres }, PORTS);
	tarball = packPackage();
	await cluster.installPackage(tarball);
	const { main } = cluster;
	await main.importCredentials(sandboxCredentials(sandboxes));
	await main.importWorkflows([PO_SYNC_APICBASE, PO_SYNC_OPENBOXES]);
	await main.cliOrThrow(['publish:workflow', `--id=${PO_SYNC_APICBASE.id}`]);
	await cluster.start();
	rest = new N8nRest(cluster.mainUrl);
	await rest.setupOwner();
});

afterAll(async () => {
	if (services.sandboxes) services.sandboxes.mbx.beforeAnswer = undefined;
	await cluster?.stop();
	await stopQueueServices(services);
	if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
});

const isOrderCreated = (request: RecordedRequest, response: SandboxResponse) =>
	request.method === 'POST' && request.path === '/v2/customer_order_submissions' && response.status === 201;

/** Kills the worker when MBX has stored its `nth` new order, before MBX answers; resolves once it is dead. */
function killWorkerAtOrder(nth: number): Promise<number> {
	const mbx = services.sandboxes!.mbx;
	let created = 0;
	return new Promise((resolve, reject) => {
		mbx.beforeAnswer = async (request, response) => {
			if (!isOrderCreated(request, response) || ++created < nth) return;
			mbx.beforeAnswer = undefined;
			try {
				await cluster!.worker.kill('SIGKILL');
				resolve((response.body as { id: number }).id);
			} catch (error) {
				reject(error as Error);
			}
		};
	});
}

/** Starts the worker again, as a container orchestrator would after the crash. */
async function restartWorker(): Promise<void> {
	await cluster!.worker.start('worker');
}

/** Runs a workflow as the editor's "Execute workflow" does; in this cluster the run goes to the worker. */
async function runOnWorker(workflowId: string, trigger: string): Promise<string> {
	const started = (await rest.post(`/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } })) as { executionId?: string };
	if (!started.executionId) throw new Error(`n8n started no execution: ${JSON.stringify(started)}`);
	return String(started.executionId);
}

async function executionStatus(executionId: string): Promise<string | undefined> {
	const rows = await services.postgres!.query(`SELECT status FROM execution_entity WHERE id = ${Number(executionId)}`);
	return rows[0]?.[0];
}

const ordersFor = (purchaseOrder: string) => services.sandboxes!.mbx.orders().filter((order) => order.purchase_order === purchaseOrder);

it('PO sync: Apicbase to MBX — the worker dies after MBX stored the order; Apicbase sends it again: exactly one MBX order', async () => {
	const { apicbase } = services.sandboxes!;
	const url = productionWebhookUrl(cluster!.webhookUrl, PO_SYNC_APICBASE, 'purchase-order');
	expect(await waitForWebhook(url, () => cluster!.describe())).toBe(401);

	const killed = killWorkerAtOrder(1);
	let sent: Awaited<ReturnType<typeof apicbase.sendWebhook>> | undefined;
	let killedOrderId: number | undefined;
	// Orders MBX cannot ship are refused (422) before any MBX order: the next one is tried.
	for (let attempt = 0; attempt < 30 && killedOrderId === undefined; attempt++) {
		sent = await apicbase.sendWebhook({ url, encoding: 'python', timeoutMs: 15_000 });
		const outcome = await Promise.race([killed, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100))]);
		if (outcome !== undefined) killedOrderId = outcome;
		else if (sent.status === 422) apicbase.abandonRefusedOrder();
		else throw new Error(`Apicbase got ${sent.status} ${sent.body} though no MBX order was created\n${cluster!.describe()}`);
	}
	if (killedOrderId === undefined || !sent) throw new Error('no order reached MBX');
	const order = JSON.parse(sent.sentBody) as { id: string; order_number: string };
	// The order is in MBX, but Apicbase never got its 200: the order counts as not sent.
	expect(sent.status === 0 || sent.status >= 500).toBe(true);
	expect(ordersFor(order.order_number).map((o) => o.id)).toEqual([killedOrderId]);
	expect(apicbase.purchaseOrders().some((o) => o.id === order.id)).toBe(false);

	await restartWorker();
	// The customer presses Send again: the same order, signed again.
	const again = await apicbase.sendWebhook({ url, encoding: 'python' });
	expect(JSON.parse(again.sentBody)).toMatchObject({ id: order.id, order_number: order.order_number });
	expect(again.status).toBe(200);
	expect(JSON.parse(again.body)).toMatchObject({ status: 'accepted' });
	expect(ordersFor(order.order_number).map((o) => o.id)).toEqual([killedOrderId]);
	expect(apicbase.purchaseOrders().some((o) => o.id === order.id)).toBe(true);
});

it(`PO sync: OpenBoxes to MBX — the worker dies at order ${KILLED_AT} of ${NEW_PURCHASE_ORDERS}; run again: ${NEW_PURCHASE_ORDERS} MBX orders, none twice`, async () => {
	const { openBoxes, mbx } = services.sandboxes!;
	// First the purchase orders already placed with MBX's supplier go, so that the new ones are all that is left.
	const first = await runOnWorker(PO_SYNC_OPENBOXES.id, 'Run Now');
	await waitFor('the first run', async () => ((await executionStatus(first)) === 'success' ? true : undefined), 120_000, () => cluster!.describe());

	// Fifty new purchase orders, created through OpenBoxes' API and placed with MBX's supplier.
	const created = await placeNewPurchaseOrders(openBoxes, NEW_PURCHASE_ORDERS, 'Kill test');
	expect(created).toHaveLength(NEW_PURCHASE_ORDERS);
	expect(created.some((orderNumber) => ordersFor(orderNumber).length > 0)).toBe(false);
	const mbxBefore = mbx.orders().length;

	const killed = killWorkerAtOrder(KILLED_AT);
	await runOnWorker(PO_SYNC_OPENBOXES.id, 'Run Now');
	await killed;
	// Dead at the 20th: 19 orders were answered, the 20th was stored without an answer.
	expect(mbx.orders().length).toBe(mbxBefore + KILLED_AT);

	await restartWorker();
	const rerun = await runOnWorker(PO_SYNC_OPENBOXES.id, 'Run Now');
	await waitFor('the run after the restart', async () => ((await executionStatus(rerun)) === 'success' ? true : undefined), 180_000, () => cluster!.describe());

	for (const orderNumber of created) expect([orderNumber, ordersFor(orderNumber).length]).toEqual([orderNumber, 1]);
	expect(mbx.orders().length).toBe(mbxBefore + NEW_PURCHASE_ORDERS);
	const purchaseOrders = mbx.orders().map((o) => o.purchase_order);
	expect(new Set(purchaseOrders).size).toBe(purchaseOrders.length);
});
