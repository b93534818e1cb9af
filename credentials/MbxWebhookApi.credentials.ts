import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A shared secret agreed with MBX for order-update webhooks. MBX does not document webhook
 * signing, so the only check possible is a header whose value both sides know.
 */
export class MbxWebhookApi implements ICredentialType {
	name = 'mbxWebhookApi';

	displayName = 'MBX Webhook Secret API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/mbxWebhookApi.md';

	icon = { light: 'file:../icons/mbx.svg', dark: 'file:../icons/mbx.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-MBX-Webhook-Secret',
			required: true,
			description: 'The header MBX adds to every webhook call, as agreed with your MBX account manager',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The value of that header. Calls without it are refused with 401 and start nothing.',
		},
	];
}
