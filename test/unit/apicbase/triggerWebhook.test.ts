/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { NodeHelpers, resolveWebhookDescriptionField, webhookDescriptionIsNativelyResolvable, type IDataObject, type INode, type INodeParameters, type IWebhookFunctions } from 'n8n-workflow';

import { ApicbaseSupplierTrigger } from '../../../nodes/Apicbase/ApicbaseSupplierTrigger.node';

const fixtures = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/python-json-dumps.json'), 'utf8')) as Array<{
	input: IDataObject;
	python: string;
}>;
// A purchase order in Apicbase's schema (accents, emoji, quotes) and CPython's json.dumps of it.
const ORDER = fixtures[0].input;
const ORDER_PYTHON = fixtures[0].python;

const CLIENT_SECRET = 'demo-supplier-secret';
const WEBHOOK_SECRET = 'a-separate-webhook-key-from-apicbase';
const supplierCredential = { environment: 'https://api.apicbase.com', clientId: 'demo-supplier-client', clientSecret: CLIENT_SECRET };
const webhookCredential = { secret: WEBHOOK_SECRET };

const sign = (bytes: string | Buffer, secret = CLIENT_SECRET) => createHmac('sha256', secret).update(bytes).digest('hex');

interface CallOptions {
	raw?: string | Buffer;
	/** What n8n parsed; by default JSON.parse of the raw body. */
	body?: unknown;
	signature?: string;
	parameters?: IDataObject;
	credentials?: Record<string, IDataObject>;
	/** n8n left the body unread (version 1.1 and a content type it does not parse). */
	unread?: boolean;
}

function call(options: CallOptions) {
	const sent: { status?: number; body?: unknown } = {};
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
	const raw = typeof options.raw === 'string' ? Buffer.from(options.raw, 'utf8') : options.raw;
	const body = 'body' in options ? options.body : raw ? JSON.parse(raw.toString('utf8')) : {};
	const parameters: IDataObject = { secretSource: 'supplierCredential', responseMode: 'onReceived', output: 'order', ...options.parameters };
	const credentialTypes: string[] = [];
	const warnings: string[] = [];
	const request: { rawBody?: Buffer; readRawBody: () => Promise<void> } = {
		readRawBody: async () => {
			request.rawBody = raw;
		},
	};
	const context = {
		getResponseObject: () => response,
		// Version 1.1 leaves a body of an unparsed content type unread: the request's reader reads it.
		getRequestObject: () => (options.unread ? request : { rawBody: raw, body }),
		getHeaderData: () => (options.signature === undefined ? {} : { 'x-apic-webhook-signature': options.signature }),
		getBodyData: () => body,
		getNodeParameter(this: unknown, name: string, fallback?: unknown) {
			if (this !== context) throw new TypeError('getNodeParameter was called without its context');
			return parameters[name] ?? fallback;
		},
		async getCredentials(type: string) {
			credentialTypes.push(type);
			const all: Record<string, IDataObject> = options.credentials ?? { apicbaseSupplierApi: supplierCredential };
			const data = all[type];
			if (!data) throw new Error(`No credentials of type ${type}`);
			return data;
		},
		getNode: () => ({ name: 'Apicbase Trigger' }),
		logger: { warn: (message: string) => warnings.push(message), debug() {}, info() {}, error() {} },
	};
	const run = async () => await new ApicbaseSupplierTrigger().webhook.call(context as unknown as IWebhookFunctions);
	return { run, sent, credentialTypes, warnings };
}

describe('Apicbase Trigger webhook', () => {
	it('starts the workflow with the order exactly as sent, noting the raw-body match', async () => {
		const { run, sent, warnings } = call({ raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON) });
		const result = await run();
		expect(sent.status).toBeUndefined();
		expect(warnings).toEqual([]);
		expect(result.workflowData).toEqual([[{ json: { ...ORDER, _signatureMatched: 'rawBody' } }]]);
	});

	it('accepts a sender that signs json.dumps of the order but sends compact JSON, and says so', async () => {
		const compact = JSON.stringify(ORDER);
		const { run } = call({ raw: compact, signature: sign(ORDER_PYTHON) });
		const result = await run();
		expect(result.workflowData?.[0][0].json._signatureMatched).toBe('pythonReserialization');
		expect(result.workflowData?.[0][0].json.order_number).toBe(ORDER.order_number);
	});

	it('reads a body n8n left unread (an unparsed content type) itself, and checks it', async () => {
		const { run } = call({ raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON), body: undefined, unread: true });
		const result = await run();
		expect(result.workflowData?.[0][0].json).toMatchObject({ id: ORDER.id, _signatureMatched: 'rawBody' });
	});

	it('accepts an upper-case signature', async () => {
		const { run } = call({ raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON).toUpperCase() });
		expect((await run()).workflowData).toHaveLength(1);
	});

	it('gives one item per ordered package with the order header fields in Lines output', async () => {
		const { run } = call({ raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON), parameters: { output: 'lines' } });
		const items = (await run()).workflowData?.[0].map((item) => item.json);
		const header = {
			order_id: 'po-1',
			order_number: 'PO-2026-0001',
			ordered_on: '2026-11-20T08:15:00Z',
			expected_delivery_date: null,
			supplier_customer_number: 'CUST-42',
			order_remarks: 'Deliver before 7am.\nRing twice\tplease — «merci»',
		};
		expect(items).toEqual([
			{
				...header,
				supplier_article_number: 'CF-1001',
				theoretical_price_per_package: '4.95',
				stock_item_name: 'Crème fraîche 30% 1L',
				quantity_ordered: 3,
				total_theoretical_price: '14.85',
				_signatureMatched: 'rawBody',
			},
			{
				...header,
				supplier_article_number: 'JP-7',
				theoretical_price_per_package: '2.10',
				stock_item_name: 'Jalapeño 🌶️ "hot" ß ü',
				quantity_ordered: 12,
				total_theoretical_price: '25.20',
				_signatureMatched: 'rawBody',
			},
		]);
	});

	it.each([
		['signed with another secret', { raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON, 'guessed-secret') }],
		[
			'altered after signing',
			{ raw: ORDER_PYTHON.replace('"quantity_ordered": 3', '"quantity_ordered": 300'), signature: sign(ORDER_PYTHON) },
		],
		['without a signature', { raw: ORDER_PYTHON }],
		['with a truncated signature', { raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON).slice(0, 40) }],
	])('answers 401 and starts nothing for an order %s', async (_case, options: CallOptions) => {
		const { run, sent, warnings } = call(options);
		const result = await run();
		expect(result).toEqual({ noWebhookResponse: true });
		expect(result.workflowData).toBeUndefined();
		expect(sent).toEqual({ status: 401, body: { error: 'Invalid signature' } });
		expect(warnings).toHaveLength(1);
	});

	it('fails closed when the supplier credential is missing', async () => {
		const { run, sent } = call({ raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON), credentials: {} });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(401);
	});

	it('fails closed when the secret is empty, even for a signature made with an empty key', async () => {
		const { run, sent } = call({
			raw: ORDER_PYTHON,
			signature: sign(ORDER_PYTHON, ''),
			credentials: { apicbaseSupplierApi: { ...supplierCredential, clientSecret: '' } },
		});
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(401);
	});

	it('fails closed when the webhook secret credential is chosen but missing', async () => {
		const { run, sent, credentialTypes } = call({
			raw: ORDER_PYTHON,
			signature: sign(ORDER_PYTHON),
			parameters: { secretSource: 'webhookCredential' },
			credentials: { apicbaseSupplierApi: supplierCredential },
		});
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(401);
		expect(credentialTypes).toEqual(['apicbaseWebhookApi']);
	});

	it('answers 400 to a correctly signed body that is not a purchase order', async () => {
		for (const body of ['{"hello": 1}', '{"id": "x", "order_number": "PO-1"}', '[1, 2]', '{"id": "", "order_number": "PO-1", "packages": []}']) {
			const { run, sent } = call({ raw: body, signature: sign(body) });
			expect(await run()).toEqual({ noWebhookResponse: true });
			expect(sent.status).toBe(400);
		}
	});

	it('reads the order from the raw body when n8n did not parse it (a content type other than JSON)', async () => {
		const { run } = call({ raw: ORDER_PYTHON, body: {}, signature: sign(ORDER_PYTHON) });
		const result = await run();
		expect(result.workflowData?.[0][0].json).toEqual({ ...ORDER, _signatureMatched: 'rawBody' });
	});

	describe('secret source', () => {
		const both = { apicbaseSupplierApi: supplierCredential, apicbaseWebhookApi: webhookCredential };

		it('uses the client secret of the supplier credential by default', async () => {
			const good = call({ raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON, CLIENT_SECRET), credentials: both });
			expect((await good.run()).workflowData).toHaveLength(1);
			expect(good.credentialTypes).toEqual(['apicbaseSupplierApi']);

			const other = call({ raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON, WEBHOOK_SECRET), credentials: both });
			expect(await other.run()).toEqual({ noWebhookResponse: true });
			expect(other.sent.status).toBe(401);
		});

		it('uses the separate webhook secret when chosen, and then refuses the client secret', async () => {
			const parameters = { secretSource: 'webhookCredential' };
			const good = call({ raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON, WEBHOOK_SECRET), credentials: both, parameters });
			expect((await good.run()).workflowData?.[0][0].json._signatureMatched).toBe('rawBody');
			expect(good.credentialTypes).toEqual(['apicbaseWebhookApi']);

			const other = call({ raw: ORDER_PYTHON, signature: sign(ORDER_PYTHON, CLIENT_SECRET), credentials: both, parameters });
			expect(await other.run()).toEqual({ noWebhookResponse: true });
			expect(other.sent.status).toBe(401);
		});
	});
});

describe('Apicbase Trigger description', () => {
	const { description } = new ApicbaseSupplierTrigger();

	it('registers a plain POST webhook, with the response mode chosen by the user, and does not poll', () => {
		expect(description.webhooks).toHaveLength(1);
		const [webhook] = description.webhooks!;
		// As the editor gets it (JSON): the template; n8n's backend also finds the resolver beside it.
		expect(JSON.parse(JSON.stringify(webhook))).toEqual({
			name: 'default',
			httpMethod: 'POST',
			responseMode: '={{$parameter["responseMode"] || "onReceived"}}',
			responseData: '',
			path: 'purchase-order',
		});
		// n8n reads the response mode without its expression sandbox (which costs more than the rest of a call).
		const node = (responseMode?: string) => ({ id: '1', name: 'Trigger', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: responseMode ? { responseMode } : {} });
		expect(resolveWebhookDescriptionField(node('responseNode'), webhook, 'responseMode')).toEqual({ resolved: true, value: 'responseNode' });
		expect(resolveWebhookDescriptionField(node(), webhook, 'responseMode')).toEqual({ resolved: true, value: 'onReceived' });
		expect(webhookDescriptionIsNativelyResolvable(webhook)).toBe(true);
		expect(description.polling).toBeUndefined();
		expect(description.usableAsTool).toBeUndefined();
		expect(description.properties.map((p) => p.name)).not.toContain('mode');
		expect(description.properties.map((p) => p.name)).not.toContain('markAsFetched');
	});

	it('lists each credential once (n8n checks the display rules of the first entry with a name)', () => {
		const names = (description.credentials ?? []).map((c) => c.name);
		expect(names).toEqual(['apicbaseSupplierApi', 'apicbaseWebhookApi']);
		expect(new Set(names).size).toBe(names.length);
	});

	it('declares the parameter values the webhook code reads', () => {
		const values = (name: string) =>
			(description.properties.find((p) => p.name === name)?.options as Array<{ value: string }> | undefined)?.map((o) => o.value);
		expect(values('secretSource')).toEqual(['supplierCredential', 'webhookCredential']);
		expect(values('responseMode')).toEqual(['onReceived', 'responseNode']);
		expect(values('output')).toEqual(['order', 'lines']);
	});

	it('chooses the credential with hide rules on Secret alone: the supplier one by default, the webhook one only when chosen', () => {
		expect(description.credentials?.map((c) => c.displayOptions)).toEqual([
			{ hide: { secretSource: ['webhookCredential'] } },
			{ hide: { secretSource: ['supplierCredential'] } },
		]);
		const node: INode = { id: '1', name: 'Apicbase Trigger', type: 'apicbaseSupplierTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
		const visible = (stored: IDataObject) => {
			// As n8n resolves node parameters: hidden ones are dropped, displayed ones get defaults.
			const parameters = NodeHelpers.getNodeParameters(description.properties, stored as INodeParameters, true, false, node, description) ?? {};
			return (description.credentials ?? [])
				.filter((credential) => NodeHelpers.displayParameter(parameters, credential, node, description))
				.map((credential) => credential.name);
		};
		expect(visible({})).toEqual(['apicbaseSupplierApi']);
		expect(visible({ secretSource: 'supplierCredential' })).toEqual(['apicbaseSupplierApi']);
		expect(visible({ secretSource: 'webhookCredential' })).toEqual(['apicbaseWebhookApi']);
	});
});
