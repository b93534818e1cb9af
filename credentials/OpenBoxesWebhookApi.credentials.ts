import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A shared secret for OpenBoxes' own webhook. OpenBoxes does not sign its calls; it can only add
 * fixed headers (openboxes.webhook.endpoint.headers in openboxes.yml), so the check is one header
 * whose value both sides know.
 */
export class OpenBoxesWebhookApi implements ICredentialType {
	name = 'openBoxesWebhookApi';

	displayName = 'OpenBoxes Webhook Secret API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/openBoxesWebhookApi.md';

	icon = { light: 'file:../icons/openboxes.svg', dark: 'file:../icons/openboxes.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-OpenBoxes-Webhook-Secret',
			required: true,
			description: 'The header OpenBoxes adds to every webhook call: the name you list under openboxes.webhook.endpoint.headers',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The value of that header, written in quotes in openboxes.yml. Calls without it are refused with 401 and start nothing.',
		},
	];
}
