/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * OpenBoxes' own webhook into a real n8n: the OpenBoxes Webhook Trigger published in a running
 * n8n, its Production URL and the credential's header set in the OpenBoxes sandbox as a builder
 * sets them in openboxes.yml. Shipping a stock movement through the OpenBoxes API posts
 * `shipment.shipped`, and exactly one execution starts with the event as sent; a call without the
 * secret header gets 401 and starts nothing.
 */
import type { Sandboxes } from '../sandbox/start';
import { OPENBOXES_BINS, OPENBOXES_DEMO } from '../sandbox/openboxes/server';
import { openBoxesClient } from '../sandbox/openboxes/testClient';
import { startE2eSandboxes, waitForWebhook } from './support/fixtures';
import { N8nInstance } from './support/instance';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { packPackage } from './support/package';
import { N8nRest } from './support/rest';
import { ensureN8nRuntime } from './support/runtime';
import { Sink, waitFor } from './support/sink';
import { ours, postTo, workflow } from './support/workflow';

jest.setTimeout(20 * 60 * 1000);

const N8N_PORT = 5699;
const WORKFLOW_ID = 'scObWebhook';
const WEBHOOK_ID = '3c9b1f0e-7d2a-4e51-8b6c-0a4f2e9d7c15';
const SECRET = { headerName: 'X-OpenBoxes-Webhook-Secret', secret: 'e2e-openboxes-webhook-value' };
const CREDENTIALS = { openBoxesWebhookApi: { id: 'scObWebhookSecret', name: 'OpenBoxes webhook secret' } };
const BHQ = OPENBOXES_DEMO.locationId;
const PEDIATRIC = 'ff80818190a1c3b10190a1c4e2a50011';

let sandboxes: Sandboxes;
let n8n: N8nInstance;
let rest: N8nRest;
let productionUrl = '';
const sink = new Sink();

/** Executions of the workflow that n8n recorded (the trigger starts them in webhook mode). */
async function executions(): Promise<Array<{ id: string; status: string; mode: string }>> {
	const page = (await rest.get(`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }))}`)) as {
		results: Array<{ id: string; status: string; mode: string }>;
	};
	return page.results;
}

/** Creates a stock movement out of Boston Headquarters and ships it through the OpenBoxes API. */
async function shipOne(): Promise<string> {
	const ob = sandboxes.openBoxes;
	const { call, login } = openBoxesClient(ob);
	const cookie = await login();
	const product = ob
		.productAvailability()
		.find((row) => row.binLocation?.id !== OPENBOXES_BINS.bhqReceiving && row.quantityAvailableToPromise >= 3)!.product.id;
	const created = await call('/stockMovements', {
		cookie,
		body: {
			origin: { id: BHQ },
			destination: { id: PEDIATRIC },
			requestedBy: { id: OPENBOXES_DEMO.userId },
			dateRequested: '06/20/2025',
			lineItems: [{ product: { id: product }, quantityRequested: 3 }],
		},
	});
	expect(created.status).toBe(201);
	const id = created.json.data.id as string;
	const shipped = await call(`/stockMovements/${id}/status`, { cookie, body: { status: 'DISPATCHED' } });
	expect(shipped.status).toBe(200);
	return id;
}

beforeAll(async () => {
	await sink.start();
	sandboxes = await startE2eSandboxes();
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: N8N_PORT });
	await n8n.installPackage(packPackage());
	await n8n.importCredentials([{ id: CREDENTIALS.openBoxesWebhookApi.id, name: CREDENTIALS.openBoxesWebhookApi.name, type: 'openBoxesWebhookApi', data: SECRET }]);
	await n8n.importWorkflow(
		workflow(WORKFLOW_ID, 'OpenBoxes: shipments by webhook', [
			{ ...ours('OpenBoxes Webhook Trigger', 'openBoxesWebhookTrigger', { events: ['shipment.shipped'] }, CREDENTIALS), webhookId: WEBHOOK_ID },
			postTo('Tell Sink', `${sink.url}/shipped`),
		], [['OpenBoxes Webhook Trigger', 'Tell Sink']]),
	);
	await n8n.cliOrThrow(['publish:workflow', `--id=${WORKFLOW_ID}`]);
	rest = new N8nRest(await n8n.start());
	await rest.setupOwner();
	productionUrl = `${rest.baseUrl}/webhook/${WEBHOOK_ID}/events`;
});

afterAll(async () => {
	await n8n?.stop();
	await sandboxes?.stop();
	await sink.stop();
});

it('starts exactly one execution per shipped shipment, with the event as OpenBoxes sent it; no secret, no execution', async () => {
	const ob = sandboxes.openBoxes;
	// Activation may register the production webhook after the REST API answers: a call without
	// the secret header gets 401 (and starts nothing) once it exists.
	expect(await waitForWebhook(productionUrl, () => n8n.serverLog().slice(-3000))).toBe(401);

	// What a builder puts in openboxes.yml, plus the Enable Webhooks activity on the shipping location.
	ob.configure({ webhookUrl: productionUrl, webhookHeaders: { header1: 'value1', [SECRET.headerName]: SECRET.secret } });
	ob.enableWebhooks(BHQ);

	const shipmentId = await shipOne();
	const [delivery] = ob.webhookDeliveries();
	expect(ob.webhookDeliveries()).toHaveLength(1);
	// n8n answers an empty 200, which OpenBoxes reads without logging an error.
	expect(delivery).toMatchObject({ url: productionUrl, event: 'shipment.shipped', shipmentId, status: 200 });
	expect({ error: delivery.error, response: delivery.response }).toEqual({ error: undefined, response: '' });

	const received = await waitFor('the execution started by the webhook', () => sink.received['/shipped'], 60_000, () => n8n.serverLog().slice(-3000));
	const sent = JSON.parse(delivery.body) as Record<string, unknown>;
	expect(received).toEqual([sent]);
	expect(received[0]).toMatchObject({ id: shipmentId, type: 'shipment.shipped', user: OPENBOXES_DEMO.userId, location: BHQ });
	expect(String(received[0].data)).toMatch(new RegExp(`^\\{id=${shipmentId}, shipmentNumber=\\w+, origin=${BHQ}, destination=${PEDIATRIC}, `));

	// OpenBoxes configured without the secret header: n8n answers 401, OpenBoxes logs nothing, no execution.
	ob.configure({ webhookHeaders: { header1: 'value1' } });
	await shipOne();
	expect(ob.webhookDeliveries().map((d) => [d.status, d.error])).toEqual([
		[200, undefined],
		[401, undefined],
	]);
	// Anyone else without the secret, with a perfectly good event: 401.
	const forged = await fetch(productionUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: delivery.body });
	expect(forged.status).toBe(401);
	// With the secret but an event the trigger does not watch: a JSON answer, no execution.
	const unwatched = await fetch(productionUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', [SECRET.headerName]: SECRET.secret },
		body: JSON.stringify({ ...sent, type: 'shipment.received' }),
	});
	expect(unwatched.status).toBe(200);
	expect(await unwatched.json()).toEqual({ received: true, started: false });

	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(sink.count('/shipped')).toBe(1);
	const runs = await waitFor('the execution to be recorded', async () => ((await executions()).length > 0 ? await executions() : undefined), 30_000);
	expect(runs).toHaveLength(1);
	expect(runs[0]).toMatchObject({ mode: 'webhook', status: 'success' });
});

it('leaks no secret or token of the sandboxes or the credentials into n8n\'s logs, database or files', async () => {
	await n8n.stop();
	await expectNoSecretsLeaked(n8n, sandboxSecrets(sandboxes));
});
