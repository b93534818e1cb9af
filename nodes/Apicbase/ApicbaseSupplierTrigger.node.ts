import {
	fromParameter,
	NodeConnectionTypes,
	webhookDescriptionFields,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { checkedByCredential } from '../shared/webhookCredential';
import { registeredByHand } from '../shared/webhookRegistration';
import { WEBHOOK_TRIGGER_VERSIONS } from '../shared/webhookVersion';
import { verifyApicbaseSignature } from './webhookSignature';
import { isPurchaseOrder, orderItems, outputProperty, type OrderOutput } from './trigger/purchaseOrder';

const SIGNATURE_HEADER = 'x-apic-webhook-signature';

type SecretSource = 'supplierCredential' | 'webhookCredential';

function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/**
 * The bytes Apicbase signed. n8n reads them for JSON, text, form and XML bodies; from version 1.1 on it
 * leaves other content types unread, and the request's own reader (what n8n's parser uses) reads them.
 */
async function readRawBody(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject() as { rawBody?: unknown; readRawBody?: () => Promise<void> };
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') await request.readRawBody().catch(() => undefined);
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
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

/** Receives each purchase order the moment a customer sends it, signed by Apicbase (what Apicbase recommends). */
export class ApicbaseSupplierTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apicbase Supplier Trigger',
		name: 'apicbaseSupplierTrigger',
		icon: { light: 'file:../../icons/apicbase.svg', dark: 'file:../../icons/apicbase.dark.svg' },
		group: ['trigger'],
		...WEBHOOK_TRIGGER_VERSIONS,
		subtitle: '={{"New purchase orders"}}',
		description: 'Starts the workflow the moment an Apicbase customer sends you, the supplier, a purchase order',
		defaults: { name: 'Apicbase Supplier Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// "hide" rather than "show" rules: n8n's editor would hide the Secret field a "show" rule names.
		credentials: [
			{
				name: 'apicbaseSupplierApi',
				required: true,
				displayOptions: { hide: { secretSource: ['webhookCredential'] } },
			},
			{
				name: 'apicbaseWebhookApi',
				required: true,
				testedBy: 'apicbaseWebhookSecretTest',
				displayOptions: { hide: { secretSource: ['supplierCredential'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Resolved by n8n without its expression sandbox, which would cost more than the rest of a call.
				...webhookDescriptionFields({ responseMode: fromParameter('responseMode', 'onReceived') }),
				// Answering at once: '' makes n8n send {"message":"Workflow was started"}, not the text "firstEntryJson".
				responseData: '',
				path: 'purchase-order',
			},
		],
		properties: [
			{
				displayName:
					'Ask Apicbase\'s integrations team to send your purchase orders to this trigger\'s Production URL. Calls without a valid signature are refused.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Secret',
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
				hint: 'Each call must carry Apicbase\'s signature, made with this secret; others get 401 and start nothing',
			},
			{
				displayName: 'Respond',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Immediately',
						value: 'onReceived',
						description: 'Answer as soon as the signature checks out; the customer’s order counts as sent',
					},
					{
						name: 'When the Workflow Finishes',
						value: 'responseNode',
						description: 'Keep Apicbase waiting until the workflow ends, so the workflow can still refuse the order',
					},
				],
				default: 'onReceived',
				description: 'When n8n answers Apicbase',
			},
			{
				displayName:
					'To refuse an order, add an Apicbase Supplier node with Accept or Refuse. Without one, the order is accepted when the workflow finishes, or refused if it fails.',
				name: 'responseNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { responseMode: ['responseNode'] } },
			},
			outputProperty,
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

	// The vendor registers the URL by hand: nothing to create or remove.
	webhookMethods = registeredByHand;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const source = this.getNodeParameter('secretSource', 'supplierCredential') as SecretSource;
		const rawBody = await readRawBody(this);
		const parsedBody: unknown = this.getBodyData();
		const header = headerValue(this.getHeaderData()[SIGNATURE_HEADER]);
		let refusal = 'no credential';
		const matched = await checkedByCredential(this, source === 'webhookCredential' ? 'apicbaseWebhookApi' : 'apicbaseSupplierApi', (credentials) => {
			const secret = String((source === 'webhookCredential' ? credentials.secret : credentials.clientSecret) ?? '');
			const check = verifyApicbaseSignature({ rawBody, parsedBody, header, secret });
			refusal = check.reason ?? 'mismatch';
			return check.ok ? check.matched : undefined;
		});
		if (!matched) {
			this.logger.warn(`Apicbase Supplier Trigger refused a call with 401 (${refusal})`);
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
		return { workflowData: [orderItems([order], output, { _signatureMatched: matched })] };
	}
}
