import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { refusedWithoutSharedSecret, sharedSecretCredentialTest } from '../shared/sharedSecretHeader';
import { registeredByHand } from '../shared/webhookRegistration';
import { WEBHOOK_TRIGGER_VERSIONS } from '../shared/webhookVersion';
import { isOpenBoxesEvent, isWantedEvent, onlyTheseEvents } from './webhook/events';

/**
 * Receives the events OpenBoxes' own webhook sends (WebhookPublisherService, open-source 0.9.x):
 * one URL and fixed headers set in openboxes.yml, no signature. Every answer is empty or a JSON
 * object, because OpenBoxes reads the answer as one and logs an error otherwise.
 */
export class OpenBoxesWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenBoxes Webhook Trigger',
		name: 'openBoxesWebhookTrigger',
		icon: { light: 'file:../../icons/openboxes.svg', dark: 'file:../../icons/openboxes.dark.svg' },
		group: ['trigger'],
		...WEBHOOK_TRIGGER_VERSIONS,
		subtitle: '={{"Events sent by OpenBoxes"}}',
		description: 'Starts the workflow the moment OpenBoxes sends an event, such as a shipment leaving its origin',
		defaults: { name: 'OpenBoxes Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openBoxesWebhookApi', required: true, testedBy: 'openBoxesWebhookSecretTest' }],
		// 'noData': an empty 200. Without it n8n answers the text "firstEntryJson", which OpenBoxes
		// cannot read as JSON and logs as a failed webhook.
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'events' }],
		properties: [
			{
				displayName:
					"In openboxes.yml, point the webhook at this trigger's Production URL with your credential's header; then give each shipping location the Enable Webhooks activity. The Docs link has the exact lines.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			onlyTheseEvents,
		],
	};

	methods = {
		credentialTest: {
			openBoxesWebhookSecretTest: sharedSecretCredentialTest('The secret is ready; put the same header and secret in openboxes.yml'),
		},
	};

	// The URL goes into openboxes.yml by hand: nothing to create or remove.
	webhookMethods = registeredByHand;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const refused = await refusedWithoutSharedSecret(this, 'openBoxesWebhookApi');
		if (refused) return refused;
		const response = this.getResponseObject();

		const event = this.getBodyData();
		if (!isOpenBoxesEvent(event)) {
			response.status(400).json({ error: 'Expected an OpenBoxes event with a type' });
			return { noWebhookResponse: true };
		}
		if (!isWantedEvent(this.getNodeParameter('events', []) as string[], event.type)) {
			return { webhookResponse: { received: true, started: false } };
		}
		// The event exactly as OpenBoxes sent it.
		return { workflowData: [[{ json: event }]] };
	}
}
