import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The key Apicbase signs order webhooks with (hex HMAC-SHA256 of the body). By default that is
 * the supplier client secret; Apicbase can arrange a separate key used only for webhooks.
 */
export class ApicbaseWebhookApi implements ICredentialType {
	name = 'apicbaseWebhookApi';

	displayName = 'Apicbase Webhook Secret API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/apicbaseWebhookApi.md';

	icon = { light: 'file:../icons/apicbase.svg', dark: 'file:../icons/apicbase.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The key Apicbase signs your order webhooks with. Use this credential when Apicbase gave you a separate webhook key; otherwise the trigger can use your supplier client secret directly.',
		},
	];
}
