/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * The Apicbase Trigger activated in a running n8n: the sandbox's signed purchase orders start
 * executions; 100 tampered or forged ones get 401 and n8n's executions list shows none of them.
 * In "When the Workflow Finishes" mode a workflow refuses orders and Apicbase sees the 4xx.
 */
import { APICBASE_DEMO } from '../sandbox/apicbase/server';
import type { Sandboxes } from '../sandbox/start';
import { sandboxCredentials, startE2eSandboxes, waitForWebhook } from './support/fixtures';
import { N8nInstance } from './support/instance';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { packPackage } from './support/package';
import { N8nRest } from './support/rest';
import { ensureN8nRuntime } from './support/runtime';
import { Sink, waitFor } from './support/sink';
import { base, ours, postTo, workflow } from './support/workflow';

jest.setTimeout(30 * 60 * 1000);

const N8N_PORT = 5687;
const WEBHOOK_ID = '3f0d2c7a-8a1e-4c55-9b8e-5d2a61c0b7e4';
const REPLY_WEBHOOK_ID = 'c1a7e6d2-2b4f-4d0e-9f3a-7e8b5c4d3a21';
const FAILING_WEBHOOK_ID = '9b2e4f60-7d1c-4a8b-b3e5-0c6d8f2a4e17';
const REFUSAL = 'Please choose a delivery date: we deliver Monday to Friday';
const SUPPLIER = { apicbaseSupplierApi: { id: 'scApicbaseSupplier', name: 'Apicbase supplier account' } };

let sandboxes: Sandboxes;
let n8n: N8nInstance;
let rest: N8nRest;
const sink = new Sink();

async function executionCount(workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = (await rest.get(`/rest/executions?filter=${filter}&limit=100`)) as { count?: number; results?: unknown[] };
	return page.count ?? page.results?.length ?? 0;
}

/** Waits until activation has registered the URL; an unsigned probe is refused with 401 and starts nothing. */
async function waitForRegistration(url: string): Promise<void> {
	expect(await waitForWebhook(url, () => n8n.serverLog().slice(-3000))).toBe(401);
}

/** n8n's JavaScript heap in use (its Prometheus metric) and the process's resident size, in bytes. */
async function memory(): Promise<{ heapUsed: number; rss: number }> {
	const metrics = await (await fetch(`${rest.baseUrl}/metrics`)).text();
	const heap = /^n8n_nodejs_heap_size_used_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(metrics);
	if (!heap) throw new Error(`n8n's /metrics has no n8n_nodejs_heap_size_used_bytes:\n${metrics.slice(0, 500)}`);
	return { heapUsed: Number(heap[1]), rss: n8n.serverMemoryBytes() };
}

beforeAll(async () => {
	await sink.start();
	sandboxes = await startE2eSandboxes();
	// Prometheus metrics on: the flood test reads n8n's own JavaScript heap from them.
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: N8N_PORT, extraEnv: { N8N_METRICS: 'true' } });
	await n8n.installPackage(packPackage());
	await n8n.importCredentials(sandboxCredentials(sandboxes).filter((c) => c.type === 'apicbaseSupplierApi'));
	await n8n.importWorkflow(
		workflow('scApTriggerHook', 'Apicbase: orders by webhook', [
			{
				...ours('Apicbase Trigger', 'apicbaseSupplierTrigger', { secretSource: 'supplierCredential', responseMode: 'onReceived', output: 'order' }, SUPPLIER),
				webhookId: WEBHOOK_ID,
			},
			postTo('Tell Sink', `${sink.url}/orders`),
		], [['Apicbase Trigger', 'Tell Sink']]),
	);
	// Orders without a delivery date are refused with 422; the others are accepted.
	await n8n.importWorkflow(
		workflow('scApTriggerReply', 'Apicbase: accept or refuse orders', [
			{
				...ours('Apicbase Trigger', 'apicbaseSupplierTrigger', { secretSource: 'supplierCredential', responseMode: 'responseNode', output: 'order' }, SUPPLIER),
				webhookId: REPLY_WEBHOOK_ID,
			},
			ours('Answer Apicbase', 'apicbaseSupplier', {
				resource: 'supplierPurchaseOrder',
				operation: 'respond',
				answer: "={{ $json.expected_delivery_date ? 'accept' : 'refuse' }}",
				reason: REFUSAL,
				statusCode: 422,
			}),
		], [['Apicbase Trigger', 'Answer Apicbase']]),
	);
	// A workflow that fails before anything answers Apicbase.
	await n8n.importWorkflow(
		workflow('scApTriggerFails', 'Apicbase: a workflow that fails', [
			{
				...ours('Apicbase Trigger', 'apicbaseSupplierTrigger', { secretSource: 'supplierCredential', responseMode: 'responseNode', output: 'order' }, SUPPLIER),
				webhookId: FAILING_WEBHOOK_ID,
			},
			base('Fail', 'stopAndError', 1, { errorMessage: 'Our stock system is down' }),
		], [['Apicbase Trigger', 'Fail']]),
	);
	for (const id of ['scApTriggerHook', 'scApTriggerReply', 'scApTriggerFails']) {
		await n8n.cliOrThrow(['publish:workflow', `--id=${id}`]);
	}
	rest = new N8nRest(await n8n.start());
	await rest.setupOwner();
});

afterAll(async () => {
	await n8n?.stop();
	await sandboxes?.stop();
	await sink.stop();
});

it('starts a run for every signed order and none for 100 tampered or forged ones', async () => {
	const url = `${rest.baseUrl}/webhook/${WEBHOOK_ID}/purchase-order`;
	const apicbase = sandboxes.apicbase;

	await waitForRegistration(url);

	// Signed as Apicbase's Python backend sends them (json.dumps bytes, non-ASCII escaped), and compact.
	const python = await apicbase.sendWebhook({ url, encoding: 'python' });
	const compact = await apicbase.sendWebhook({ url, encoding: 'compact' });
	expect([python.status, compact.status]).toEqual([200, 200]);
	expect(JSON.parse(python.body)).toEqual({ message: 'Workflow was started' });
	await waitFor('both accepted orders', () => sink.count('/orders') === 2 || undefined, 60_000);
	const [first, second] = sink.received['/orders'];
	expect(first._signatureMatched).toBe('rawBody');
	expect(second._signatureMatched).toBe('rawBody');
	expect(first).toMatchObject(JSON.parse(python.sentBody));

	const tampers = ['body', 'signature', 'missingSignature', 'wrongSecret'] as const;
	const refused: number[] = [];
	for (let i = 0; i < 100; i++) {
		const answer = await apicbase.sendWebhook({ url, encoding: i % 2 ? 'python' : 'compact', tamper: tampers[i % tampers.length] });
		refused.push(answer.status);
	}
	expect(refused.every((status) => status === 401)).toBe(true);

	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(sink.count('/orders')).toBe(2);
	expect(await executionCount('scApTriggerHook')).toBe(2);
	expect(APICBASE_DEMO.webhookSignatureHeader.toLowerCase()).toBe('x-apic-webhook-signature');
});

it('answers Apicbase when the workflow finishes: a refused order gets 422 and stays unsent', async () => {
	const url = `${rest.baseUrl}/webhook/${REPLY_WEBHOOK_ID}/purchase-order`;
	const apicbase = sandboxes.apicbase;
	await waitForRegistration(url);

	// About one order in seven has no delivery date; send new orders until both answers were seen.
	const answers: Array<{ status: number; body: string; order: { id: string; expected_delivery_date: string | null } }> = [];
	while (answers.length < 80 && !(answers.some((a) => a.status === 422) && answers.some((a) => a.status === 200))) {
		const sent = await apicbase.sendWebhook({ url, encoding: 'python' });
		answers.push({ status: sent.status, body: sent.body, order: JSON.parse(sent.sentBody) });
		// The refused customer builds a new order rather than re-sending the same one.
		if (sent.status !== 200) apicbase.abandonRefusedOrder();
	}
	const refused = answers.filter((a) => a.order.expected_delivery_date === null);
	const accepted = answers.filter((a) => a.order.expected_delivery_date !== null);
	expect(refused.length).toBeGreaterThan(0);
	expect(accepted.length).toBeGreaterThan(0);
	for (const answer of refused) {
		expect(answer.status).toBe(422);
		expect(JSON.parse(answer.body)).toEqual({ status: 'refused', reason: REFUSAL });
	}
	for (const answer of accepted) {
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ status: 'accepted' });
	}
	// Apicbase keeps a refused order unsent (the customer sees the error); accepted ones are sent.
	const known = new Set(apicbase.purchaseOrders().map((o) => o.id));
	expect(refused.every((a) => !known.has(a.order.id))).toBe(true);
	expect(accepted.every((a) => known.has(a.order.id))).toBe(true);
	// Every order ran the workflow; the last run may still be saving after it answered.
	let runs = 0;
	await waitFor('every answered order to be listed', async () => ((runs = await executionCount('scApTriggerReply')) >= answers.length) || undefined, 30_000);
	expect(runs).toBe(answers.length);
});

it('answers once with a 5xx when the workflow fails before answering, and the order stays unsent', async () => {
	const url = `${rest.baseUrl}/webhook/${FAILING_WEBHOOK_ID}/purchase-order`;
	const apicbase = sandboxes.apicbase;
	await waitForRegistration(url);
	const before = apicbase.webhookDeliveries().length;

	const sent = await apicbase.sendWebhook({ url, encoding: 'python' });
	expect(sent.status).toBeGreaterThanOrEqual(500);
	expect(sent.status).toBeLessThan(600);
	const order = JSON.parse(sent.sentBody) as { id: string };
	// One call, one answer: the sandbox recorded exactly this delivery, and no order was sent.
	expect(apicbase.webhookDeliveries().slice(before)).toEqual([expect.objectContaining({ orderId: order.id, status: sent.status })]);
	expect(apicbase.purchaseOrders().some((o) => o.id === order.id)).toBe(false);
	apicbase.abandonRefusedOrder();

	let runs = 0;
	await waitFor('the failed run to be listed', async () => ((runs = await executionCount('scApTriggerFails')) >= 1) || undefined, 30_000);
	expect(runs).toBe(1);
	// n8n never tried to answer the same call twice.
	expect(n8n.serverLog()).not.toMatch(/ERR_HTTP_HEADERS_SENT|headers already sent|Cannot set headers after they are sent/i);
});

it('takes a flood of 1,000 forged calls from 50 senders: all 401, no run, memory back near idle; valid calls in between each run once', async () => {
	const url = `${rest.baseUrl}/webhook/${WEBHOOK_ID}/purchase-order`;
	const apicbase = sandboxes.apicbase;
	await waitForRegistration(url);
	const runsBefore = await executionCount('scApTriggerHook');
	const sunkBefore = sink.count('/orders');
	const idle = await memory();

	const tampers = ['body', 'signature', 'missingSignature', 'wrongSecret'] as const;
	const forged: number[] = [];
	const sender = async (senderIndex: number) => {
		for (let i = 0; i < 20; i++) {
			const answer = await apicbase.sendWebhook({ url, encoding: i % 2 ? 'python' : 'compact', tamper: tampers[(senderIndex + i) % tampers.length] });
			forged.push(answer.status);
		}
	};
	// Valid orders go one after another (each new order is the next in Apicbase's sequence) while the flood
	// runs. A saturated n8n answers slowly, so these wait up to a minute: what is checked is that each
	// starts exactly one run, not how fast a flooded n8n is (that is the benchmark's business).
	const valid: number[] = [];
	const validSender = async () => {
		for (let i = 0; i < 20; i++) valid.push((await apicbase.sendWebhook({ url, encoding: 'python', timeoutMs: 60_000 })).status);
	};
	await Promise.all([...Array.from({ length: 50 }, (_, index) => sender(index)), validSender()]);

	expect(forged).toHaveLength(1000);
	expect(forged.filter((status) => status !== 401)).toEqual([]);
	expect(valid).toEqual(Array(20).fill(200));
	await waitFor('every valid order to reach the sink', () => sink.count('/orders') - sunkBefore >= 20 || undefined, 60_000);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(sink.count('/orders') - sunkBefore).toBe(20);
	let runs = 0;
	await waitFor('the valid runs to be listed', async () => ((runs = await executionCount('scApTriggerHook')) - runsBefore >= 20) || undefined, 30_000);
	expect(runs - runsBefore).toBe(20);

	// n8n keeps nothing of the refused calls: what it holds settles back near where it was. The JavaScript heap
	// n8n reports shows what it keeps; the process's resident size is shown too, but V8 and the allocator
	// may keep freed pages for a while, so it only counts when the heap is not back.
	const margin = 64 * 1024 * 1024;
	let settled = await memory();
	await waitFor('n8n memory back near idle', async () => ((settled = await memory()).heapUsed <= idle.heapUsed + margin || settled.rss <= idle.rss + margin) || undefined, 120_000).catch(() => undefined);
	const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
	const report = `heap ${mb(settled.heapUsed)} MB after, ${mb(idle.heapUsed)} MB idle; resident ${mb(settled.rss)} MB after, ${mb(idle.rss)} MB idle`;
	expect(report).toBe(settled.heapUsed <= idle.heapUsed + margin || settled.rss <= idle.rss + margin ? report : 'heap or resident size at most 64 MB above idle');
});

it('leaks no secret or token of the sandboxes or the credentials into n8n\'s logs, database or files', async () => {
	await n8n.stop();
	await expectNoSecretsLeaked(n8n, sandboxSecrets(sandboxes));
});
