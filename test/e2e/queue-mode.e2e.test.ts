/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * Our package in n8n's queue mode: main, worker and webhook processor, each with the package
 * installed in its own user folder, sharing a real Redis and PostgreSQL, running the shipped
 * "PO sync: Apicbase to MBX" workflow. Apicbase sends signed orders to the webhook processor, which
 * enqueues them; the worker creates the MBX orders (once, even for an order sent twice) and
 * answers Apicbase through the webhook processor. The logs and the database show where each run went.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

import { CREDENTIAL_IDS, loadWorkflow, productionWebhookUrl, sandboxCredentials, waitForWebhook } from './support/fixtures';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { packPackage } from './support/package';
import { QueueCluster, type LogLine, startQueueServices, stopQueueServices, type QueueServices } from './support/queue';
import { N8nRest } from './support/rest';
import { ensureN8nRuntime } from './support/runtime';
import { waitFor } from './support/sink';

jest.setTimeout(30 * 60 * 1000);

const PO_SYNC = loadWorkflow('po-sync-apicbase-to-mbx.json');
const WORKFLOW_ID = PO_SYNC.id;
/** Orders Apicbase gets accepted; refused ones (articles MBX does not stock) come on top. */
const ACCEPTED = 3;

const services: Partial<QueueServices> = {};
let cluster: QueueCluster | undefined;
let tarball: string | undefined;

const withMessage = (lines: LogLine[], pattern: RegExp) => lines.filter((line) => pattern.test(line.message));
const ids = (lines: LogLine[], key: 'executionId' | 'jobId') => lines.map((line) => String(line.metadata[key])).sort();

beforeAll(async () => {
	const runtime = await ensureN8nRuntime();
	const { sandboxes, redis, postgres } = await startQueueServices(services);

	cluster = new QueueCluster(runtime, { redis, postgres });
	tarball = packPackage();
	await cluster.installPackage(tarball);

	// Everything goes in through the main's CLI into the shared database; the others read it there.
	const { main } = cluster;
	await main.importCredentials(sandboxCredentials(sandboxes).filter((c) => c.id !== CREDENTIAL_IDS.openBoxes));
	await main.importWorkflow(PO_SYNC);
	// Published before the main starts, so its startup activation registers the production webhook.
	await main.cliOrThrow(['publish:workflow', `--id=${WORKFLOW_ID}`]);

	await cluster.start();
});

afterAll(async () => {
	await cluster?.stop();
	await stopQueueServices(services);
	if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
});

it('runs each order on the worker: enqueued by the webhook processor, none run by the main', async () => {
	const c = cluster!;
	const mbx = services.sandboxes!.mbx;
	const url = productionWebhookUrl(c.webhookUrl, PO_SYNC, 'purchase-order');

	// The webhook processor runs our trigger's signature check itself: an unsigned probe gets 401.
	expect(await waitForWebhook(url, () => c.describe())).toBe(401);
	// The main does not serve production webhooks at all (N8N_DISABLE_PRODUCTION_MAIN_PROCESS).
	const onMain = await fetch(productionWebhookUrl(c.mainUrl, PO_SYNC, 'purchase-order'), {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: '{}',
	});
	expect(onMain.status).toBe(404);

	const apicbase = services.sandboxes!.apicbase;
	const mbxBefore = mbx.orders().length;
	const answers: Array<{ status: number; body: string; orderNumber: string; id: string }> = [];
	while (answers.filter((a) => a.status === 200).length < ACCEPTED && answers.length < 30) {
		const sent = await apicbase.sendWebhook({ url, encoding: 'python' });
		const order = JSON.parse(sent.sentBody) as { order_number: string; id: string };
		answers.push({ status: sent.status, body: sent.body, orderNumber: order.order_number, id: order.id });
		if (sent.status !== 200) apicbase.abandonRefusedOrder();
	}
	const accepted = answers.filter((a) => a.status === 200);
	expect(accepted).toHaveLength(ACCEPTED);
	// The Respond node on the worker answered each call held open by the webhook processor.
	for (const answer of answers) {
		expect(JSON.parse(answer.body)).toMatchObject({ status: answer.status === 200 ? 'accepted' : 'refused' });
		if (answer.status !== 200) expect(answer.status).toBe(422);
	}
	// Apicbase sends one accepted order again: the worker finds its MBX order and creates none.
	const again = await apicbase.sendWebhook({ url, orderId: accepted[0].id, encoding: 'python' });
	expect(again.status).toBe(200);
	const runs = answers.length + 1;

	// The answer comes after the MBX node, so every order exists by the time Apicbase got its 200.
	for (const { orderNumber } of accepted) {
		expect(mbx.orders().filter((order) => order.purchase_order === orderNumber)).toHaveLength(1);
	}
	expect(mbx.orders().length).toBe(mbxBefore + ACCEPTED);

	// The worker saves each execution after it has answered: wait for the rows and the log lines.
	const rows = await waitFor(
		`${runs} finished executions in PostgreSQL and the worker's log`,
		async () => {
			const found = await services.postgres!.query(`SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${WORKFLOW_ID}' ORDER BY id`);
			const finishedOnWorker = withMessage(c.logs().worker, /^Worker finished execution /).length;
			const reported = withMessage(c.logs().webhook, /^Execution \d+ \(job \S+\) finished$/).length;
			return found.length === runs && found.every(([, status]) => status === 'success') && finishedOnWorker === runs && reported === runs ? found : undefined;
		},
		60_000,
		() => c.describe(),
	);
	expect(rows.map(([, , mode]) => mode)).toEqual(Array(runs).fill('webhook'));
	const executionIds = rows.map(([id]) => id).sort();

	const logs = c.logs();
	// The webhook processor put each execution on the Redis queue as a job...
	const enqueued = withMessage(logs.webhook, /^Enqueued execution /);
	expect(ids(enqueued, 'executionId')).toEqual(executionIds);
	// ...the worker took exactly those jobs and ran them to success...
	const started = withMessage(logs.worker, /^Worker started execution /);
	const finished = withMessage(logs.worker, /^Worker finished execution /);
	expect(ids(started, 'executionId')).toEqual(executionIds);
	expect(ids(started, 'jobId')).toEqual(ids(enqueued, 'jobId'));
	expect(started.every((line) => line.metadata.workflowId === WORKFLOW_ID)).toBe(true);
	expect(ids(finished, 'executionId')).toEqual(executionIds);
	expect(finished.every((line) => line.metadata.success === true)).toBe(true);
	// ...and its "job finished" message, relayed through Redis, names a worker as the host that ran them.
	const reported = withMessage(logs.webhook, /^Execution \d+ \(job \S+\) finished$/);
	expect(ids(reported, 'executionId')).toEqual(executionIds);
	for (const line of reported) {
		expect(line.metadata.workerId).toMatch(/^worker-/);
		expect(line.metadata.success).toBe(true);
	}
	expect(new Set(reported.map((line) => line.metadata.workerId)).size).toBe(1);

	// The main neither enqueued nor ran any of them (each ran once: one MBX order per order number);
	// it only heard the worker's "finished" reports, as every process listens to the queue's events.
	expect(withMessage(logs.main, /Enqueued execution|Worker (started|finished) execution/)).toEqual([]);
	const mainMentions = logs.main.filter((line) => executionIds.includes(String(line.metadata.executionId)));
	expect(mainMentions.every((line) => /^Execution \d+ \(job \S+\) finished$/.test(line.message))).toBe(true);
	expect(mainMentions.every((line) => line.metadata.workerId === reported[0].metadata.workerId)).toBe(true);

	// The main sees the worker's results in the shared database, as the editor's executions list shows them.
	const rest = new N8nRest(c.mainUrl);
	await rest.setupOwner();
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const page = (await rest.get(`/rest/executions?filter=${filter}&limit=100`)) as { results: Array<{ id: string; status: string; mode: string }> };
	expect(page.results.map((e) => String(e.id)).sort()).toEqual(executionIds);
	expect(page.results.every((e) => e.status === 'success' && e.mode === 'webhook')).toBe(true);

	// A PostgreSQL n8n 2.41 supports (17 and newer): none of the processes warned about its version.
	const [[versionNum]] = await services.postgres!.query('SHOW server_version_num');
	expect(Number(versionNum)).toBeGreaterThanOrEqual(170000);
	for (const lines of Object.values(logs)) expect(withMessage(lines, /^Postgres \d+ is|^Could not check database version/)).toEqual([]);
});

it('leaks no secret or token of the sandboxes or the credentials into any process\'s logs or files, or the PostgreSQL database', async () => {
	const c = cluster!;
	// Stopped as cluster.stop() does, but their folders are kept for the search.
	await Promise.allSettled([c.webhook.stop(), c.worker.stop()]);
	await c.main.stop();
	await expectNoSecretsLeaked(c.instances, sandboxSecrets(services.sandboxes!), { postgres: services.postgres! });
});
