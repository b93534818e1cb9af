import {
	NodeConnectionTypes,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { verifyApicbaseSignature } from '../shared/webhookSignature';
import { flagOrders } from './actions/supplierPurchaseOrder/mark';
import { APICBASE_PATHS } from './paths';
import { apicbaseList } from './transport';
import { diffOrders, orderFeedQuery, orderTime, type OrderFeedState } from './trigger/orderFeed';
import { isPurchaseOrder, orderItems, SAMPLE_PURCHASE_ORDER, type OrderOutput } from './trigger/purchaseOrder';

const ORDERS_PATH = APICBASE_PATHS.supplierPurchaseOrders;
const SIGNATURE_HEADER = 'x-apic-webhook-signature';

type SecretSource = 'supplierCredential' | 'webhookCredential';

function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

function parseRawOrder(rawBody: Buffer | undefined): unknown {
	if (!rawBody) return undefined;
	try {
		return JSON.parse(rawBody.toString('utf8').replace(/^\uFEFF/, ''));
	} catch {
		// Not JSON: the caller answers 400.
		return undefined;
	}
}

export class ApicbaseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apicbase Trigger',
		name: 'apicbaseTrigger',
		icon: { light: 'file:../../icons/apicbase.svg', dark: 'file:../../icons/apicbase.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "polling" ? "New purchase orders by polling" : "New purchase orders by webhook"}}',
		description: 'Starts the workflow when an Apicbase customer sends you, the supplier, a purchase order',
		defaults: { name: 'Apicbase Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		polling: true,
		credentials: [
			{
				// Polling always uses it; in webhook mode its client secret can be the signing key.
				// One entry only: n8n checks the display rules of the first entry with a given name.
				name: 'apicbaseSupplierApi',
				required: true,
				displayOptions: { hide: { secretSource: ['webhookCredential'] } },
			},
			{
				name: 'apicbaseWebhookApi',
				required: true,
				testedBy: 'apicbaseWebhookSecretTest',
				displayOptions: { show: { mode: ['webhook'], secretSource: ['webhookCredential'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				// Only registered in webhook mode: n8n skips a webhook whose method is empty.
				httpMethod: '={{$parameter["mode"] === "webhook" ? "POST" : ""}}',
				responseMode: '={{$parameter["responseMode"]}}',
				path: 'purchase-order',
			},
		],
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Webhook',
						value: 'webhook',
						description: 'Apicbase sends each order to n8n the moment the customer places it (recommended by Apicbase)',
					},
					{
						name: 'Polling',
						value: 'polling',
						description: 'Asks Apicbase for new orders at the Poll Times above; needs no setup at Apicbase',
					},
				],
				default: 'webhook',
			},
			{
				displayName:
					'Setup: send the Production URL of this trigger to Apicbase’s integrations team and ask them to send your purchase orders to it. Every call is checked: its X-APIC-WEBHOOK-SIGNATURE header must be the HMAC-SHA256 of the exact body received, made with your secret (or of the order written out the way Apicbase’s Python sample does). A call that fails the check, or arrives while no secret is set, gets 401 and starts nothing. Poll Times are ignored in this mode; "Fetch Test Event" shows a sample order.',
				name: 'webhookNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { mode: ['webhook'] } },
			},
			{
				displayName: 'Secret Source',
				name: 'secretSource',
				type: 'options',
				options: [
					{
						name: 'Supplier Client Secret',
						value: 'supplierCredential',
						description: 'The client secret of your Apicbase Supplier API credential; Apicbase signs with it unless agreed otherwise',
					},
					{
						name: 'Separate Webhook Secret',
						value: 'webhookCredential',
						description: 'A key Apicbase arranged for webhooks only, kept in an Apicbase Webhook Secret credential',
					},
				],
				default: 'supplierCredential',
				description: 'Which secret Apicbase signs your order webhooks with',
				displayOptions: { show: { mode: ['webhook'] } },
			},
			{
				displayName: 'Response',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Acknowledge at Once',
						value: 'onReceived',
						description: 'Answer 200 as soon as the signature checks out; the customer’s order counts as sent',
					},
					{
						name: 'When the Workflow Finishes',
						value: 'responseNode',
						description: 'Keep Apicbase waiting until the workflow ends, so the workflow can still refuse the order',
					},
				],
				default: 'onReceived',
				description: 'When n8n answers Apicbase',
				displayOptions: { show: { mode: ['webhook'] } },
			},
			{
				displayName:
					'Apicbase shows the customer an error for any answer other than 2xx, and the order stays unsent until they send it again; Apicbase never retries. To accept or refuse an order yourself, add an Apicbase node with Resource "Supplier: Order Webhook" and Operation "Respond": Refuse answers 4xx with your reason. Without one, n8n answers 200 when the workflow finishes and 500 if it stops with an error. Do not use n8n’s Respond to Webhook node: it only answers for n8n’s own Webhook node. Keep the workflow short; the customer is waiting.',
				name: 'responseNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { mode: ['webhook'], responseMode: ['responseNode'] } },
			},
			{
				displayName:
					'Each poll asks Apicbase for orders in status Ordered placed since the last poll. The first poll after you activate the workflow only takes note of the orders that exist; "Fetch Test Event" shows the newest order.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { mode: ['polling'] } },
			},
			{
				displayName: 'Mark as Fetched',
				name: 'markAsFetched',
				type: 'boolean',
				default: false,
				description:
					'Whether to mark each new order as fetched in Apicbase before the workflow runs. This cannot be undone: Apicbase has no way to unmark an order, even if the workflow then fails. Customers do not see this mark; it is for your own filtering.',
				displayOptions: { show: { mode: ['polling'] } },
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'One Item per Order',
						value: 'order',
						description: 'The purchase order as Apicbase sends it, with its packages as a list',
					},
					{
						name: 'One Item per Ordered Package',
						value: 'lines',
						description:
							'Each package with the order’s number, dates, customer number and remarks, ready for a spreadsheet or an order-entry system',
					},
				],
				default: 'order',
			},
		],
	};

	methods = {
		credentialTest: {
			async apicbaseWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				if (secret === '') {
					return { status: 'Error', message: 'Enter the key Apicbase signs your webhooks with' };
				}
				if (secret !== secret.trim()) {
					return { status: 'Error', message: 'Remove the spaces or line breaks at the start or end of the secret' };
				}
				// Line breaks, tabs and other control characters come from copying, never from Apicbase.
				if ([...secret].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
					return { status: 'Error', message: 'The secret contains a line break or another invisible character' };
				}
				if (secret.length < 16) {
					return { status: 'Error', message: 'This is too short for an Apicbase key; copy the whole secret Apicbase gave you' };
				}
				return {
					status: 'OK',
					message: 'The secret looks right. Apicbase does not offer a test call: the first signed order proves it.',
				};
			},
		},
	};

	// Apicbase registers webhook URLs by hand (by e-mail to its integrations team), so there is
	// nothing to create or remove through an API.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const source = this.getNodeParameter('secretSource', 'supplierCredential') as SecretSource;
		const secret =
			source === 'webhookCredential'
				? await this.getCredentials('apicbaseWebhookApi').then(
						(credentials) => String(credentials.secret ?? ''),
						() => undefined,
					)
				: await this.getCredentials('apicbaseSupplierApi').then(
						(credentials) => String(credentials.clientSecret ?? ''),
						() => undefined,
					);

		const rawCandidate = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
		const rawBody = Buffer.isBuffer(rawCandidate) ? rawCandidate : undefined;
		const parsedBody: unknown = this.getBodyData();
		const check = verifyApicbaseSignature({
			rawBody,
			parsedBody,
			header: headerValue(this.getHeaderData()[SIGNATURE_HEADER]),
			secret,
		});
		if (!check.ok || !check.matched) {
			this.logger.warn(`Apicbase Trigger refused a call with 401 (${check.reason ?? 'mismatch'})`);
			response.status(401).json({ error: 'Invalid signature' });
			return { noWebhookResponse: true };
		}

		// n8n parses only application/json bodies; a signed body sent as another type is read here.
		const order = isPurchaseOrder(parsedBody) ? parsedBody : parseRawOrder(rawBody);
		if (!isPurchaseOrder(order)) {
			response.status(400).json({ error: 'Expected an Apicbase purchase order with id, order_number and packages' });
			return { noWebhookResponse: true };
		}

		const output = this.getNodeParameter('output', 'order') as OrderOutput;
		return { workflowData: [orderItems([order], output, { _signatureMatched: check.matched })] };
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const manual = this.getMode() === 'manual';
		const output = this.getNodeParameter('output', 'order') as OrderOutput;
		if (this.getNodeParameter('mode', 'webhook') !== 'polling') {
			return manual ? [orderItems([SAMPLE_PURCHASE_ORDER], output, { _signatureMatched: 'rawBody', _sample: true })] : null;
		}

		if (manual) {
			// A sample for mapping fields: the newest order on the first page, newest first.
			const orders = await apicbaseList.call(this, 'apicbaseSupplierApi', ORDERS_PATH, {
				query: { status: 'ORDERED', ordering: '-ordered_on' },
				limit: 200,
			});
			const newest = orders.reduce<IDataObject | undefined>(
				(best, order) => (best === undefined || orderTime(order.ordered_on) > orderTime(best.ordered_on) ? order : best),
				undefined,
			);
			return newest ? [orderItems([newest], output)] : null;
		}

		const staticData = this.getWorkflowStaticData('node') as OrderFeedState;
		const orders = await apicbaseList.call(this, 'apicbaseSupplierApi', ORDERS_PATH, { query: orderFeedQuery(staticData) });
		const { fresh, state } = diffOrders(staticData, orders);

		if (fresh.length > 0 && (this.getNodeParameter('markAsFetched', false) as boolean)) {
			// Marked before the state moves on: if this fails, the next poll offers the orders again.
			await flagOrders.call(this, fresh.map((order) => String(order.id)), 'fetched_by_supplier');
		}

		for (const key of Object.keys(staticData)) delete staticData[key as keyof OrderFeedState];
		Object.assign(staticData, state);
		return fresh.length > 0 ? [orderItems(fresh, output)] : null;
	}
}
