import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { refusedWithoutSharedSecret, sharedSecretCredentialTest } from '../shared/sharedSecretHeader';
import { registeredByHand } from '../shared/webhookRegistration';
import { WEBHOOK_TRIGGER_VERSIONS } from '../shared/webhookVersion';
import { isWantedStatus, onlyTheseStatuses } from './trigger/statuses';
import { isObject } from '../shared/values';

const ORDER_KEYS = ['order', 'customer_order_submission', 'data', 'payload'];

/**
 * MBX does not publish its webhook payload. The docs describe the order update as the order
 * itself, so that is read first; an order wrapped in a small envelope ({"event": …, "order": {…}})
 * is found too.
 */
function orderInPayload(body: unknown): IDataObject | undefined {
	const isOrder = (value: unknown): value is IDataObject => isObject(value) && value.id !== undefined && value.status !== undefined;
	if (isOrder(body)) return body;
	if (!isObject(body)) return undefined;
	return ORDER_KEYS.map((key) => body[key]).find(isOrder);
}

/** Receives MBX order updates the moment they happen; MBX registers the URL by hand. */
export class MbxWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MBX Systems Webhook Trigger',
		name: 'mbxWebhookTrigger',
		icon: { light: 'file:../../icons/mbx.svg', dark: 'file:../../icons/mbx.dark.svg' },
		group: ['trigger'],
		...WEBHOOK_TRIGGER_VERSIONS,
		subtitle: '={{"Order updates from MBX"}}',
		description: 'Starts the workflow the moment MBX (AHEAD) sends an order update to n8n',
		defaults: { name: 'MBX Systems Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'mbxWebhookApi',
				required: true,
				testedBy: 'mbxWebhookSecretTest',
				// "hide" rather than "show": n8n's editor would hide the field a "show" rule names.
				displayOptions: { hide: { verifySecret: [false] } },
			},
		],
		// responseData '' makes n8n answer {"message":"Workflow was started"}; left out, n8n sends the text "firstEntryJson".
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'order-update' }],
		properties: [
			{
				displayName: 'Ask your MBX account manager to send order updates to this trigger\'s Production URL.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Verify a Shared Secret',
				name: 'verifySecret',
				type: 'boolean',
				default: true,
				description: 'Whether to accept only calls that carry the secret header agreed with MBX',
				hint: 'MBX does not sign webhooks. Without this check, anyone who knows the URL can start the workflow.',
			},
			onlyTheseStatuses,
		],
	};

	methods = {
		credentialTest: {
			mbxWebhookSecretTest: sharedSecretCredentialTest('The secret is ready; MBX must send it in the header you named'),
		},
	};

	// The vendor registers the URL by hand: nothing to create or remove.
	webhookMethods = registeredByHand;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getNodeParameter('verifySecret', true) as boolean) {
			const refused = await refusedWithoutSharedSecret(this, 'mbxWebhookApi');
			if (refused) return refused;
		}
		const response = this.getResponseObject();

		const body = this.getBodyData() as IDataObject;
		const order = orderInPayload(body);
		if (!order) {
			response.status(400).json({ error: 'Expected an MBX order with id and status' });
			return { noWebhookResponse: true };
		}
		const statuses = this.getNodeParameter('statuses', []) as string[];
		if (!isWantedStatus(statuses, order.status)) {
			return { webhookResponse: { received: true, started: false } };
		}
		// An envelope's own fields (MBX's event name, a timestamp) are kept under `webhook`.
		const envelope = order === body ? undefined : Object.fromEntries(Object.entries(body).filter(([, value]) => value !== order));
		const json = { event: 'orderUpdated', previousStatus: null, ...order, ...(envelope ? { webhook: envelope } : {}) };
		return { workflowData: [[{ json }]] };
	}
}
