/**
 * The OpenBoxes Webhook Trigger's webhook method: only a call with the credential's header and
 * secret starts the workflow, with the event exactly as OpenBoxes sent it; anything else answers
 * 401 (or 400) and starts nothing. The event filter and the credential test.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { OpenBoxes } from '../../../nodes/OpenBoxes/OpenBoxes.node';
import { OpenBoxesWebhookTrigger } from '../../../nodes/OpenBoxes/OpenBoxesWebhookTrigger.node';

const CREDENTIAL = { headerName: 'X-OpenBoxes-Webhook-Secret', secret: 'a-shared-secret-of-length' };

/** A `shipment.shipped` body as OpenBoxes 0.9.x posts it (Grails JSONObject: `data` is Java's Map.toString). */
const SHIPPED = JSON.parse(
	'{"data":"{id=ff80818190a1c3b10190a1c4e2a5a001, shipmentNumber=JVR9QT, origin=1, destination=ff80818190a1c3b10190a1c4e2a50011, shipmentType=Default, shipmentItems=[{id=ff80818190a1c3b10190a1c4e2a5a0a0, productName=Ibuprofen 200mg, productCode=IB200, lotNumber=L1, expirationDate=12/31/2027, quantity=5}]}","location":"1","id":"ff80818190a1c3b10190a1c4e2a5a001","type":"shipment.shipped","user":"1","timestamp":1765000000000}',
) as IDataObject;

interface Sent {
	status?: number;
	body?: unknown;
}

function call(options: { headers?: Record<string, string>; body?: unknown; events?: string[]; credentials?: IDataObject | null }) {
	const sent: Sent = {};
	const response = {
		status(code: number) {
			sent.status = code;
			return response;
		},
		json(body: unknown) {
			sent.body = body;
			return response;
		},
	};
	const parameters: IDataObject = { events: options.events ?? [] };
	const credentials = options.credentials === undefined ? CREDENTIAL : options.credentials;
	const context = {
		getResponseObject: () => response,
		getHeaderData: () => options.headers ?? {},
		getBodyData: () => options.body ?? SHIPPED,
		// A node whose credential has no ID: each call reads the credential (no reuse between tests).
		getNode: () => ({ name: 'Webhook Trigger', credentials: {} }),
		getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
		getCredentials: async (type: string) => {
			expect(type).toBe('openBoxesWebhookApi');
			if (!credentials) throw new Error('Node does not have any credentials set');
			return credentials;
		},
	} as unknown as IWebhookFunctions;
	return { run: async () => await new OpenBoxesWebhookTrigger().webhook.call(context), sent };
}

const withSecret = { 'x-openboxes-webhook-secret': CREDENTIAL.secret };

describe('OpenBoxes Webhook Trigger: the shared secret', () => {
	it('starts one execution with the event exactly as OpenBoxes sent it', async () => {
		const { run, sent } = call({ headers: withSecret });
		const result = await run();
		expect(result.workflowData).toEqual([[{ json: SHIPPED }]]);
		expect(Object.keys(result.workflowData![0][0].json)).toEqual(Object.keys(SHIPPED));
		expect(result.noWebhookResponse).toBeUndefined();
		expect(sent.status).toBeUndefined();
	});

	it('finds the header whatever case the credential names it in (n8n lower-cases header names)', async () => {
		const { run } = call({ headers: withSecret, credentials: { ...CREDENTIAL, headerName: 'x-OPENBOXES-webhook-SECRET' } });
		expect((await run()).workflowData).toHaveLength(1);
	});

	it.each([
		['a wrong secret', { 'x-openboxes-webhook-secret': 'a-shared-secret-of-lengtX' }],
		['a longer secret', { 'x-openboxes-webhook-secret': `${CREDENTIAL.secret}x` }],
		['the secret in another header', { 'x-mbx-webhook-secret': CREDENTIAL.secret }],
		['no header at all', {}],
	])('answers 401 and starts nothing for %s', async (_case, headers) => {
		const { run, sent } = call({ headers });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(sent).toEqual({ status: 401, body: { error: 'Missing or wrong webhook secret' } });
	});

	it.each([
		['no credential', null],
		['a credential with an empty secret', { ...CREDENTIAL, secret: '' }],
	])('fails closed with %s', async (_case, credentials) => {
		const { run, sent } = call({ headers: { 'x-openboxes-webhook-secret': '' }, credentials });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(401);
	});

	it('never puts the secret in an answer', async () => {
		const { run, sent } = call({ headers: { 'x-openboxes-webhook-secret': 'wrong' } });
		await run();
		expect(JSON.stringify(sent.body)).not.toContain(CREDENTIAL.secret);
	});
});

describe('OpenBoxes Webhook Trigger: what it accepts', () => {
	it('starts for every event when no event is chosen, and for the chosen ones', async () => {
		expect((await call({ headers: withSecret, events: [] }).run()).workflowData).toHaveLength(1);
		expect((await call({ headers: withSecret, events: ['shipment.shipped'] }).run()).workflowData).toHaveLength(1);
		const future = { ...SHIPPED, type: 'shipment.received' };
		expect((await call({ headers: withSecret, body: future }).run()).workflowData).toEqual([[{ json: future }]]);
	});

	it('answers an unchosen event with a JSON object and starts nothing', async () => {
		const { run, sent } = call({ headers: withSecret, body: { ...SHIPPED, type: 'shipment.received' }, events: ['shipment.shipped'] });
		const result = await run();
		expect(result).toEqual({ webhookResponse: { received: true, started: false } });
		expect(sent.status).toBeUndefined();
	});

	it.each([
		['an array', [SHIPPED]],
		['an object without a type', { id: 'x', data: 'y' }],
		['a type that is not text', { ...SHIPPED, type: 7 }],
	])('answers 400 and starts nothing for %s', async (_case, body) => {
		const { run, sent } = call({ headers: withSecret, body });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(sent).toEqual({ status: 400, body: { error: 'Expected an OpenBoxes event with a type' } });
	});

	it('checks the secret before it looks at the body', async () => {
		const { run, sent } = call({ body: [1, 2] });
		await run();
		expect(sent.status).toBe(401);
	});
});

describe('OpenBoxes Webhook Trigger: description', () => {
	const { description } = new OpenBoxesWebhookTrigger();

	it('is a POST webhook trigger answering at once and empty (OpenBoxes reads answers as JSON), registered by hand', async () => {
		expect(description).toMatchObject({ name: 'openBoxesWebhookTrigger', group: ['trigger'], inputs: [] });
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'events' }]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.polling).toBeUndefined();
		const hooks = new OpenBoxesWebhookTrigger().webhookMethods.default;
		const self = {} as never;
		await expect(hooks.checkExists.call(self)).resolves.toBe(true);
		await expect(hooks.create.call(self)).resolves.toBe(true);
		await expect(hooks.delete.call(self)).resolves.toBe(true);
	});

	it('uses the OpenBoxes icon and its own credential, with no display rule', () => {
		expect(description.icon).toEqual(new OpenBoxes().description.icon);
		expect(description.credentials).toEqual([{ name: 'openBoxesWebhookApi', required: true, testedBy: 'openBoxesWebhookSecretTest' }]);
	});

	it('says in a short notice where it is set up (the exact lines are in the docs) and offers Shipment Shipped', () => {
		const notice = description.properties.find((p) => p.type === 'notice')!.displayName;
		for (const step of ['openboxes.yml', 'Production URL', 'Enable Webhooks', 'Docs']) expect(notice).toContain(step);
		expect(notice.length).toBeLessThanOrEqual(200);
		const events = description.properties.find((p) => p.name === 'events')!;
		expect(events).toMatchObject({ type: 'multiOptions', default: [] });
		expect(events.options).toEqual([expect.objectContaining({ name: 'Shipment Shipped', value: 'shipment.shipped' })]);
	});
});

describe('OpenBoxes Webhook Secret API: the credential test', () => {
	const test = async (data: IDataObject) =>
		await new OpenBoxesWebhookTrigger().methods.credentialTest.openBoxesWebhookSecretTest.call(
			{} as ICredentialTestFunctions,
			{ data } as unknown as ICredentialsDecrypted,
		);

	it('accepts a header name and a long secret', async () => {
		expect(await test(CREDENTIAL)).toEqual({ status: 'OK', message: 'The secret is ready; put the same header and secret in openboxes.yml' });
	});

	it('names what is wrong, without repeating the secret', async () => {
		expect(await test({ ...CREDENTIAL, headerName: 'X Secret' })).toEqual({ status: 'Error', message: 'The header name may contain only letters, digits and dashes' });
		const short = await test({ ...CREDENTIAL, secret: 'short-secret' });
		expect(short).toEqual({ status: 'Error', message: 'Use a secret of at least 16 characters' });
		expect(JSON.stringify(short)).not.toContain('short-secret');
	});
});
