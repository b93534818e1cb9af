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

import { secureEquals } from '../shared/secureCompare';
import { mbxList } from './transport';
import { detectOrderChanges, type OrderChange, type OrderWatchState } from './trigger/orderChanges';
import { SAMPLE_ORDER_UPDATE } from './trigger/sample';

const ORDERS_PATH = '/v2/customer_order_submissions';
const STATUS_OPTIONS = [
	{ name: 'Pending', value: 'pending', description: 'Order is on hold' },
	{ name: 'Released', value: 'released', description: 'Released from hold, about to be processed' },
	{ name: 'Shipped', value: 'shipped', description: 'Shipped, with invoices and tracking numbers' },
];

function toItem(change: OrderChange): INodeExecutionData {
	return { json: { event: change.event, previousStatus: change.previousStatus, ...change.order } };
}

export class MbxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MBX Systems Trigger',
		name: 'mbxTrigger',
		icon: { light: 'file:../../icons/mbx.svg', dark: 'file:../../icons/mbx.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "webhook" ? "Order updates by webhook" : "Order updates by polling"}}',
		description: 'Starts the workflow when an MBX order is placed or its status changes (Pending, Released, Shipped)',
		defaults: { name: 'MBX Systems Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		polling: true,
		credentials: [
			{
				name: 'mbxHmacApi',
				required: true,
				displayOptions: { show: { mode: ['polling'], authentication: ['hmac'] } },
			},
			{
				name: 'mbxOAuth2Api',
				required: true,
				displayOptions: { show: { mode: ['polling'], authentication: ['oAuth2'] } },
			},
			{
				name: 'mbxWebhookApi',
				required: true,
				testedBy: 'mbxWebhookSecretTest',
				displayOptions: { show: { mode: ['webhook'], verifySecret: [true] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				// Only registered in webhook mode: n8n skips a webhook whose method is empty.
				httpMethod: '={{$parameter["mode"] === "webhook" ? "POST" : ""}}',
				responseMode: 'onReceived',
				path: 'order-update',
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
						name: 'Polling',
						value: 'polling',
						description: 'Asks MBX for changed orders at the Poll Times above; needs no setup at MBX',
					},
					{
						name: 'Webhook',
						value: 'webhook',
						description: 'MBX calls n8n the moment an order changes; MBX must register this workflow URL',
					},
				],
				default: 'polling',
			},
			{
				displayName:
					'Send the Production URL of this trigger to your MBX account manager and ask them to subscribe it to order updates. MBX does not sign webhooks: with "Verify a Shared Secret" on, calls without the agreed header get 401 and start nothing; without it, anyone who knows the URL could start this workflow. Poll Times are ignored in this mode; "Fetch Test Event" shows a sample order.',
				name: 'webhookNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { mode: ['webhook'] } },
			},
			{
				displayName: 'Verify a Shared Secret',
				name: 'verifySecret',
				type: 'boolean',
				default: true,
				description: 'Whether to accept only calls that carry the secret header agreed with MBX',
				displayOptions: { show: { mode: ['webhook'] } },
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'HMAC Signature (Recommended by MBX)', value: 'hmac' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'hmac',
				displayOptions: { show: { mode: ['polling'] } },
			},
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'New Order', value: 'created', description: 'An order MBX had not seen before' },
					{ name: 'Other Change', value: 'updated', description: 'Any other change, e.g. a new tracking number' },
					{ name: 'Status Change', value: 'statusChanged', description: 'Pending → Released → Shipped' },
				],
				default: ['created', 'statusChanged'],
				displayOptions: { show: { mode: ['polling'] } },
			},
			{
				displayName: 'Only These Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: STATUS_OPTIONS,
				default: [],
				description: 'Start only for orders in these statuses; leave empty for all',
			},
		],
	};

	methods = {
		credentialTest: {
			async mbxWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const { headerName, secret } = credential.data ?? {};
				if (!/^[A-Za-z0-9-]+$/.test(String(headerName ?? ''))) {
					return { status: 'Error', message: 'The header name may contain only letters, digits and dashes' };
				}
				if (String(secret ?? '').length < 16) {
					return { status: 'Error', message: 'Use a secret of at least 16 characters' };
				}
				return { status: 'OK', message: 'The secret is ready; MBX must send it in the header you named' };
			},
		},
	};

	// MBX registers webhook URLs by hand (through the account manager), so there is nothing to
	// create or remove through an API.
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
		if (this.getNodeParameter('verifySecret', true) as boolean) {
			const credentials = await this.getCredentials('mbxWebhookApi').catch(() => undefined);
			const headerName = String(credentials?.headerName ?? '').toLowerCase();
			const sent = this.getHeaderData()[headerName];
			if (!credentials || !secureEquals(typeof sent === 'string' ? sent : undefined, String(credentials.secret ?? ''))) {
				response.status(401).json({ error: 'Missing or wrong webhook secret' });
				return { noWebhookResponse: true };
			}
		}

		const order = this.getBodyData() as IDataObject;
		if (!order || typeof order !== 'object' || order.id === undefined || order.status === undefined) {
			response.status(400).json({ error: 'Expected an MBX order with id and status' });
			return { noWebhookResponse: true };
		}
		const statuses = this.getNodeParameter('statuses', []) as string[];
		const status = String(order.status).toLowerCase();
		if (statuses.length > 0 && !statuses.includes(status)) {
			return { webhookResponse: { received: true, started: false } };
		}
		return { workflowData: [[{ json: { event: 'orderUpdated', previousStatus: null, ...order } }]] };
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const manual = this.getMode() === 'manual';
		if (this.getNodeParameter('mode') !== 'polling') {
			return manual ? [[{ json: SAMPLE_ORDER_UPDATE }]] : null;
		}

		const orders = await mbxList.call(this, ORDERS_PATH);
		if (manual) {
			const latest = [...orders].sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)))[0];
			return latest ? [[toItem({ event: 'updated', previousStatus: null, order: { ...latest } })]] : null;
		}

		const staticData = this.getWorkflowStaticData('node') as OrderWatchState;
		const { changes, state } = detectOrderChanges(staticData, orders);
		Object.assign(staticData, state);

		const events = this.getNodeParameter('events', ['created', 'statusChanged']) as string[];
		const statuses = this.getNodeParameter('statuses', []) as string[];
		const wanted = changes.filter(
			(change) =>
				events.includes(change.event) &&
				(statuses.length === 0 || statuses.includes(String(change.order.status).toLowerCase())),
		);
		return wanted.length > 0 ? [wanted.map(toItem)] : null;
	}
}
