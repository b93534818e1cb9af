/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * MBX in a real n8n: every resource through the HMAC credential, the OAuth2 credential through
 * n8n's own connect flow and token refresh, and the MBX Trigger in both modes catching an order
 * that moves to Shipped exactly once.
 */
import { MBX_DEMO } from '../sandbox/mbx/server';
import type { Sandboxes } from '../sandbox/start';
import { sandboxCredentials, startE2eSandboxes, waitForWebhook } from './support/fixtures';
import { N8nInstance, type ExecutionResult } from './support/instance';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { packPackage } from './support/package';
import { N8nRest } from './support/rest';
import { ensureN8nRuntime } from './support/runtime';
import { Sink, waitFor as waitUntil } from './support/sink';
import { base, byId, chain, manualTrigger, MANUAL_TRIGGER, ours, postTo, workflow } from './support/workflow';

jest.setTimeout(30 * 60 * 1000);

const N8N_PORT = 5681;
const HMAC = { mbxHmacApi: { id: 'scMbxHmac', name: 'MBX account' } };
const OAUTH2 = { mbxOAuth2Api: { id: 'scMbxOAuth2', name: 'MBX OAuth2 account' } };
const WEBHOOK_SECRET = { headerName: 'X-MBX-Webhook-Secret', secret: 'e2e-shared-webhook-value' };

let sandboxes: Sandboxes;
let n8n: N8nInstance;

async function run(workflowId: string): Promise<ExecutionResult> {
	return await n8n.executeOrThrow(workflowId);
}

function waitFor<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
	return waitUntil(what, check, timeoutMs, () => n8n.serverLog().slice(-4000));
}

beforeAll(async () => {
	sandboxes = await startE2eSandboxes();
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: N8N_PORT });
	await n8n.installPackage(packPackage());
	const [hmac] = sandboxCredentials(sandboxes);
	await n8n.importCredentials([
		hmac,
		{
			id: OAUTH2.mbxOAuth2Api.id,
			name: OAUTH2.mbxOAuth2Api.name,
			type: 'mbxOAuth2Api',
			data: { environment: 'custom', customBaseUrl: sandboxes.mbx.url, clientId: MBX_DEMO.clientId, clientSecret: MBX_DEMO.clientSecret },
		},
		{ id: 'scMbxWebhook', name: 'MBX webhook secret', type: 'mbxWebhookApi', data: WEBHOOK_SECRET },
	]);
});

afterAll(async () => {
	await n8n?.stop();
	await sandboxes?.stop();
});

describe('every MBX resource with the HMAC credential', () => {
	it('runs each operation against the sandbox and gets MBX\'s real answers', async () => {
		const mbx = sandboxes.mbx;
		const productCode = String(mbx.items()[0].name);
		const taskTypes = mbx.taskTypes();
		const nodes = [
			manualTrigger(),
			ours('Create Order', 'mbx', {
				resource: 'customerOrderSubmission',
				operation: 'create',
				organizationId: MBX_DEMO.organizationId,
				purchaseOrder: 'E2E-PO-1',
				customerOrder: 'E2E-CO-1',
				shipMethodId: 12,
				recipient: { address: { name: 'Jane Doe', address_1: '467 Highway #1', city: 'Toronto', state: 'ON', zip: 'M5A 1A1', country: 'ca' } },
				lines: { line: [{ product_code: productCode, quantity: 2, customs_declared_value: 12.5 }] },
				additionalFields: { notes: 'created by e2e' },
			}, HMAC),
			ours('Get Order', 'mbx', { resource: 'customerOrderSubmission', operation: 'get', orderId: byId() }, HMAC),
			ours('Update Order', 'mbx', { resource: 'customerOrderSubmission', operation: 'update', orderId: byId(), updateFields: { notes: 'updated by e2e' } }, HMAC),
			ours('Find Order', 'mbx', { resource: 'customerOrderSubmission', operation: 'getAll', returnAll: true, filters: { purchase_order: 'E2E-PO-1' } }, HMAC),
			ours('Delete Order', 'mbx', { resource: 'customerOrderSubmission', operation: 'delete', orderId: byId() }, HMAC),
			ours('Catalog Items', 'mbx', { resource: 'customerCatalogItem', operation: 'getAll', limit: 3, filters: {} }, HMAC),
			ours('Catalog Item', 'mbx', { resource: 'customerCatalogItem', operation: 'get', customerCatalogItemId: '={{ $json.id }}' }, HMAC),
			ours('Inventories', 'mbx', { resource: 'inventory', operation: 'getAll', limit: 2, filters: {} }, HMAC),
			ours('Inventory', 'mbx', { resource: 'inventory', operation: 'get', inventoryId: byId() }, HMAC),
			ours('Invoices', 'mbx', { resource: 'invoice', operation: 'getAll', limit: 2, filters: {} }, HMAC),
			ours('Invoice', 'mbx', { resource: 'invoice', operation: 'get', invoiceId: byId() }, HMAC),
			ours('Items', 'mbx', { resource: 'item', operation: 'getAll', returnAll: true, filters: {} }, HMAC),
			ours('Item', 'mbx', { resource: 'item', operation: 'get', itemId: byId(`{{ ${mbx.items()[5].id} }}`) }, HMAC),
			ours('Ship Methods', 'mbx', { resource: 'shipMethod', operation: 'getAll', returnAll: true, filters: {} }, HMAC),
			ours('Ship Method', 'mbx', { resource: 'shipMethod', operation: 'get', shipMethodId: 24 }, HMAC),
			ours('Task Types', 'mbx', { resource: 'automationTaskType', operation: 'getAll', returnAll: true }, HMAC),
			ours('Task Type', 'mbx', { resource: 'automationTaskType', operation: 'get', automationTaskTypeId: taskTypes[0].id }, HMAC),
			ours('Create Queue', 'mbx', {
				resource: 'automationQueue',
				operation: 'create',
				manufacturerSerial: 'E2E-SERIAL-1',
				ipAddress: '10.0.0.5',
				tasks: { task: [{ taskTypeId: taskTypes[0].id, sequence: 1 }, { taskTypeId: taskTypes[1].id, sequence: 2 }] },
			}, HMAC),
			ours('Start Task', 'mbx', { resource: 'automationTask', operation: 'start', manufacturerSerial: 'E2E-SERIAL-1', ipAddress: '10.0.0.5', sequence: 1, message: 'Imaging' }, HMAC),
			ours('Complete Task', 'mbx', { resource: 'automationTask', operation: 'complete', manufacturerSerial: 'E2E-SERIAL-1', ipAddress: '10.0.0.5', sequence: 1, message: 'Imaged' }, HMAC),
			ours('Fail Task', 'mbx', { resource: 'automationTask', operation: 'fail', manufacturerSerial: 'E2E-SERIAL-1', ipAddress: '10.0.0.5', sequence: 2, message: 'Burn-in failed, "fan", retry' }, HMAC),
			ours('Notify Task', 'mbx', { resource: 'automationTask', operation: 'notify', manufacturerSerial: 'E2E-SERIAL-1', ipAddress: '10.0.0.5', sequence: 3, message: 'Retrying burn-in' }, HMAC),
			ours('Queues', 'mbx', { resource: 'automationQueue', operation: 'getAll', returnAll: true, filters: {} }, HMAC),
			ours('Report File', 'mbx', { resource: 'report', operation: 'getAutomationTaskDetails', output: 'binary', binaryPropertyName: 'data' }, HMAC),
			ours('Report Rows', 'mbx', { resource: 'report', operation: 'getAutomationTaskDetails', output: 'rows' }, HMAC),
			ours('Submit Serial Data', 'mbx', { resource: 'serialData', operation: 'create', manufacturerSerial: 'E2E-SERIAL-1', serialDataTypeId: 3, value: 'BIOS 2.1.7', metadata: 'e2e' }, HMAC),
			ours('Serial Data', 'mbx', { resource: 'serialData', operation: 'getAll', returnAll: true, filters: { manufacturer_serial: 'E2E-SERIAL-1' } }, HMAC),
			ours('Countries', 'mbx', { resource: 'country', operation: 'getAll', limit: 3, filters: {} }, HMAC),
			// n8n's own Custom API Call: an HTTP Request node with the MBX credential, which signs the request.
			{
				...base('Custom Call', 'httpRequest', 4.2, {
					method: 'GET',
					url: `${sandboxes.mbx.url}/v2/ship_methods/12`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'mbxHmacApi',
					options: {},
				}),
				credentials: HMAC,
			},
		];
		const edges: Array<[string, string]> = [
			...chain(MANUAL_TRIGGER, 'Create Order', 'Get Order', 'Update Order', 'Find Order', 'Delete Order'),
			...chain(MANUAL_TRIGGER, 'Catalog Items', 'Catalog Item'),
			...chain(MANUAL_TRIGGER, 'Inventories', 'Inventory'),
			...chain(MANUAL_TRIGGER, 'Invoices', 'Invoice'),
			...chain(MANUAL_TRIGGER, 'Items'),
			...chain(MANUAL_TRIGGER, 'Item'),
			...chain(MANUAL_TRIGGER, 'Ship Methods'),
			...chain(MANUAL_TRIGGER, 'Ship Method'),
			...chain(MANUAL_TRIGGER, 'Task Types'),
			...chain(MANUAL_TRIGGER, 'Task Type'),
			...chain(MANUAL_TRIGGER, 'Create Queue', 'Start Task', 'Complete Task', 'Fail Task', 'Notify Task', 'Report File', 'Report Rows'),
			['Notify Task', 'Queues'],
			...chain(MANUAL_TRIGGER, 'Submit Serial Data', 'Serial Data'),
			...chain(MANUAL_TRIGGER, 'Countries'),
			...chain(MANUAL_TRIGGER, 'Custom Call'),
		];
		await n8n.importWorkflow(workflow('scMbxEveryResource', 'MBX: every resource', nodes, edges));
		const out = (await run('scMbxEveryResource')).nodes;

		const created = out['Create Order'][0];
		expect(created).toMatchObject({ purchase_order: 'E2E-PO-1', status: 'pending', recipient: { country: 'CA' } });
		expect(created).not.toHaveProperty('invoices');
		expect(out['Get Order'][0].id).toBe(created.id);
		expect(out['Update Order'][0].notes).toBe('updated by e2e');
		expect(out['Find Order'].map((o) => o.id)).toEqual([created.id]);
		expect(out['Delete Order'][0]).toMatchObject({ deleted: true, id: created.id });
		expect(mbx.orders().some((o) => o.id === created.id)).toBe(false);

		expect(out['Catalog Item'].map((c) => c.id)).toEqual(out['Catalog Items'].map((c) => c.id));
		expect(out['Catalog Items']).toHaveLength(3);
		expect(out['Inventory'].map((i) => i.id)).toEqual(out['Inventories'].map((i) => i.id));
		expect(out['Invoice'].map((i) => i.id)).toEqual(out['Invoices'].map((i) => i.id));
		expect(out['Items']).toHaveLength(mbx.items().length);
		expect(out['Item'][0].id).toBe(mbx.items()[5].id);
		expect(out['Ship Methods']).toHaveLength(mbx.shipMethods().length);
		expect(out['Ship Method'][0].id).toBe(24);
		expect(out['Task Types']).toHaveLength(taskTypes.length);
		expect(out['Task Type'][0]).toMatchObject({ id: taskTypes[0].id, name: taskTypes[0].name });

		const queue = mbx.queues().find((q) => q.manufacturer_serial === 'E2E-SERIAL-1' || JSON.stringify(q).includes('E2E-SERIAL-1'));
		expect(queue).toBeDefined();
		expect(out['Start Task'][0]).toBeDefined();
		expect(out['Fail Task'][0]).toBeDefined();
		expect(out['Queues'].length).toBeGreaterThan(0);
		const reportFile = out['Report File'][0];
		expect(reportFile).toMatchObject({ fileName: 'automation-task-details.csv' });
		const rows = out['Report Rows'];
		expect(rows.length).toBe(reportFile.rows);
		const e2eRows = rows.filter((row) => row.manufacturer_serial === 'E2E-SERIAL-1');
		// Two tasks created, one failed and re-queued as sequence 3.
		expect(e2eRows.map((row) => row.sequence).sort()).toEqual([1, 2, 3]);
		expect(e2eRows.find((row) => row.sequence === 2)?.failed).toBe(true);
		expect(e2eRows.find((row) => row.sequence === 2)?.message).toBe('Burn-in failed, "fan", retry');
		expect(e2eRows.find((row) => row.sequence === 3)?.message).toBe('Retrying burn-in');

		expect(out['Submit Serial Data'][0]).toMatchObject({ manufacturer_serial: 'E2E-SERIAL-1', value: 'BIOS 2.1.7' });
		expect(out['Serial Data'].map((s) => s.value)).toContain('BIOS 2.1.7');
		expect(out['Countries']).toHaveLength(3);
		expect(out['Custom Call'][0].id).toBe(12);

		expect(mbx.requests.filter((r) => r.status === 401)).toEqual([]);
	});

	it('sets a promise date through Create and Update and reads it back with Get as YYYY-MM-DD', async () => {
		const mbx = sandboxes.mbx;
		const productCode = String(mbx.items()[0].name);
		const nodes = [
			manualTrigger(),
			ours('Create Order', 'mbx', {
				resource: 'customerOrderSubmission',
				operation: 'create',
				organizationId: MBX_DEMO.organizationId,
				purchaseOrder: 'E2E-PO-PROMISE',
				customerOrder: 'E2E-CO-PROMISE',
				shipMethodId: 12,
				recipient: { address: { name: 'Jane Doe', address_1: '467 Highway #1', city: 'Toronto', country: 'CA' } },
				lines: { line: [{ product_code: productCode, quantity: 1, customs_declared_value: '12.50' }] },
				additionalFields: {
					// As n8n's date picker stores a picked day.
					promise_date: '2026-12-15T00:00:00',
					end_user_po: 'EU-0123456789',
					end_user_name: 'Jane L. Doe',
					end_user_order_dt: '2026-12-01T09:15:00',
					// An object from an expression is sent as JSON text (MBX keeps customer_data as text).
					customer_data: '={{ ({ crm_id: "A-1001" }) }}',
				},
			}, HMAC),
			ours('Get After Create', 'mbx', { resource: 'customerOrderSubmission', operation: 'get', orderId: byId() }, HMAC),
			// An expression giving a Luxon DateTime with a time of day: only the day is sent.
			ours('Move Promise Date', 'mbx', {
				resource: 'customerOrderSubmission',
				operation: 'update',
				orderId: byId(),
				updateFields: { promise_date: "={{ DateTime.fromISO('2027-01-05T18:30:00') }}" },
			}, HMAC),
			ours('Get After Update', 'mbx', { resource: 'customerOrderSubmission', operation: 'get', orderId: byId() }, HMAC),
		];
		await n8n.importWorkflow(
			workflow('scMbxPromiseDate', 'MBX: promise date', nodes, chain(MANUAL_TRIGGER, 'Create Order', 'Get After Create', 'Move Promise Date', 'Get After Update')),
		);
		const out = (await run('scMbxPromiseDate')).nodes;

		const created = out['Create Order'][0];
		expect(out['Get After Create'][0]).toMatchObject({
			id: created.id,
			promise_date: '2026-12-15',
			end_user_po: 'EU-0123456789',
			end_user_name: 'Jane L. Doe',
			end_user_order_dt: '2026-12-01T09:15:00.000000',
			customer_data: '{"crm_id":"A-1001"}',
		});
		expect(out['Get After Update'][0]).toMatchObject({ id: created.id, promise_date: '2027-01-05' });
		expect(mbx.order(Number(created.id))?.promise_date).toBe('2027-01-05');
		const sent = mbx.logged({ method: 'POST', pathPrefix: '/v2/customer_order_submissions' }).map((r) => JSON.parse(r.body) as Record<string, unknown>);
		const body = sent.find((b) => b.purchase_order === 'E2E-PO-PROMISE');
		expect(body).toMatchObject({ promise_date: '2026-12-15', lines: [{ product_code: productCode, quantity: 1, customs_declared_value: 12.5 }] });
	});

	it('refuses a bad address before sending it, naming the field', async () => {
		const nodes = [
			manualTrigger(),
			ours('Create Order', 'mbx', {
				resource: 'customerOrderSubmission',
				operation: 'create',
				organizationId: MBX_DEMO.organizationId,
				purchaseOrder: 'E2E-PO-BAD',
				customerOrder: 'E2E-CO-BAD',
				shipMethodId: 12,
				recipient: { address: { name: 'Jane Doe', address_1: 'A street name that is far too long for MBX', city: 'Toronto', country: 'CA' } },
				lines: { line: [{ product_code: 'X', quantity: 1, customs_declared_value: 1 }] },
				additionalFields: {},
			}, HMAC),
		];
		await n8n.importWorkflow(workflow('scMbxBadAddress', 'MBX: bad address', nodes, chain(MANUAL_TRIGGER, 'Create Order')));
		const before = sandboxes.mbx.logged({ method: 'POST' }).length;
		const result = await n8n.execute('scMbxBadAddress');
		expect(result.ok).toBe(false);
		expect(result.error?.message).toMatch(/Recipient › Address Line 1 is 42 characters; MBX allows at most 35/);
		expect(sandboxes.mbx.logged({ method: 'POST' }).length).toBe(before);
	});
});

describe('MBX in a running n8n: OAuth2 and the trigger', () => {
	const sink = new Sink();
	let rest: N8nRest;

	beforeAll(async () => {
		await sink.start();
		const countries = workflow('scMbxOAuth2', 'MBX: OAuth2 countries', [
			manualTrigger(),
			ours('Countries', 'mbx', { authentication: 'oAuth2', resource: 'country', operation: 'getAll', limit: 3, filters: {} }, OAUTH2),
		], chain(MANUAL_TRIGGER, 'Countries'));
		const byWebhook = workflow('scMbxTriggerHook', 'MBX: shipped orders by webhook', [
			{ ...ours('MBX Trigger', 'mbxWebhookTrigger', { verifySecret: true, statuses: ['shipped'] }, { mbxWebhookApi: { id: 'scMbxWebhook', name: 'MBX webhook secret' } }), webhookId: '6b0c1c1e-4a50-4b8e-9d61-2f5a0c3e7a11' },
			postTo('Tell Sink', `${sink.url}/webhook`),
		], [['MBX Trigger', 'Tell Sink']]);
		const byPolling = workflow('scMbxTriggerPoll', 'MBX: shipped orders by polling', [
			ours('MBX Trigger', 'mbxTrigger', { pollTimes: { item: [{ mode: 'everyMinute' }] }, events: ['created', 'statusChanged'], statuses: ['shipped'] }, HMAC),
			postTo('Tell Sink', `${sink.url}/polling`),
		], [['MBX Trigger', 'Tell Sink']]);
		for (const wf of [countries, byWebhook, byPolling]) await n8n.importWorkflow(wf);
		for (const id of ['scMbxTriggerHook', 'scMbxTriggerPoll']) {
			await n8n.cliOrThrow(['publish:workflow', `--id=${id}`]);
		}
		sandboxes.mbx.reset();
		rest = new N8nRest(await n8n.start());
		await rest.setupOwner();
	});

	afterAll(async () => {
		await sink.stop();
	});

	it('connects the OAuth2 credential through n8n, uses the bearer, and refreshes it when it expires', async () => {
		const connected = await rest.connectOAuth2(OAUTH2.mbxOAuth2Api.id);
		expect(connected.authorizeUrl).toContain(`${sandboxes.mbx.url}/oauth/authorize?`);
		expect(connected.callbackStatus).toBe(200);
		expect(connected.callbackBody).not.toMatch(/error/i);
		const tokenCalls = () => sandboxes.mbx.logged({ method: 'POST', pathPrefix: '/oauth/token' });
		expect(tokenCalls().map((r) => new URLSearchParams(r.body).get('grant_type'))).toEqual(['authorization_code']);

		const first = await run('scMbxOAuth2');
		expect(first.nodes['Countries']).toHaveLength(3);
		const apiCalls = sandboxes.mbx.logged({ pathPrefix: '/v2/countries' });
		expect(apiCalls.every((r) => String(r.headers.authorization).startsWith('Bearer ') && r.headers['mbx-auth'] === undefined)).toBe(true);

		sandboxes.mbx.injectFault({ kind: 'expireAuth', pathPrefix: '/v2/countries' });
		const second = await run('scMbxOAuth2');
		expect(second.nodes['Countries']).toHaveLength(3);
		expect(tokenCalls().map((r) => new URLSearchParams(r.body).get('grant_type'))).toEqual(['authorization_code', 'refresh_token']);
	});

	it('catches an order moving to Shipped exactly once, by webhook and by polling', async () => {
		const mbx = sandboxes.mbx;
		const hookUrl = `${rest.baseUrl}/webhook/6b0c1c1e-4a50-4b8e-9d61-2f5a0c3e7a11/order-update`;
		mbx.subscribeWebhook({ url: hookUrl, headers: { [WEBHOOK_SECRET.headerName]: WEBHOOK_SECRET.secret } });
		// Activation may register the production webhook after the REST API answers: an unsigned
		// probe gets 401 (and starts nothing) once it exists.
		const registered = waitForWebhook(hookUrl, () => n8n.serverLog().slice(-3000));
		// The polling trigger's first poll (on activation) only records the present orders.
		await waitFor('the first poll', () => mbx.logged({ pathPrefix: '/v2/customer_order_submissions' }).length > 0 || undefined, 120_000);
		expect(await registered).toBe(401);

		const order = mbx.orders().find((o) => o.status === 'pending')!;
		await mbx.advanceOrder(Number(order.id)); // released: watched by neither workflow
		await mbx.advanceOrder(Number(order.id)); // shipped
		const deliveries = mbx.webhookDeliveries();
		expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
		// n8n's own JSON answer, not the text "firstEntryJson" it sends when a trigger leaves responseData out.
		expect(deliveries.map((d) => JSON.parse(d.responseBody) as unknown)).toEqual([
			{ received: true, started: false },
			{ message: 'Workflow was started' },
		]);

		const byHook = await waitFor('the webhook run', () => sink.received['/webhook'], 60_000);
		expect(byHook).toHaveLength(1);
		expect(byHook[0]).toMatchObject({ event: 'orderUpdated', id: order.id, status: 'shipped' });
		expect(byHook[0].tracking_numbers).toEqual(expect.arrayContaining([expect.objectContaining({ tracking_number: expect.any(String) })]));

		const byPoll = await waitFor('the polling run', () => sink.received['/polling'], 150_000);
		expect(byPoll).toHaveLength(1);
		expect(byPoll[0]).toMatchObject({ event: 'statusChanged', previousStatus: 'pending', id: order.id, status: 'shipped' });

		// A forged call without the secret is refused and starts nothing.
		const forged = await fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...order, status: 'shipped' }) });
		expect(forged.status).toBe(401);

		// Another full poll cycle later, nothing has been repeated.
		const pollsSoFar = mbx.logged({ pathPrefix: '/v2/customer_order_submissions' }).length;
		await waitFor('another poll', () => mbx.logged({ pathPrefix: '/v2/customer_order_submissions' }).length > pollsSoFar || undefined, 150_000);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(sink.received['/polling']).toHaveLength(1);
		expect(sink.received['/webhook']).toHaveLength(1);
	});
});

it('leaks no secret or token of the sandboxes or the credentials into n8n\'s logs, database or files', async () => {
	await n8n.stop();
	await expectNoSecretsLeaked(n8n, sandboxSecrets(sandboxes));
});
