import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

const CUSTOM = 'custom';

/** Production, MBX's sandbox, or a custom address. Shared by both MBX credentials. */
export const MBX_ENVIRONMENT_PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Production', value: 'https://api.mbx.com' },
			{ name: 'Sandbox', value: 'https://api-sandbox.mbx.com' },
			{ name: 'Custom URL', value: CUSTOM },
		],
		default: 'https://api.mbx.com',
		description: 'Which MBX API to talk to. Use Custom URL for a local or proxied server.',
	},
	{
		displayName: 'Base URL',
		name: 'customBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'http://localhost:4010',
		description: 'The address of the MBX API, without /v2',
		displayOptions: { show: { environment: [CUSTOM] } },
	},
];

export const mbxBaseUrlExpression = `={{($credentials.environment === "${CUSTOM}" ? $credentials.customBaseUrl : $credentials.environment).replace(/\\/+$/, "")}}`;

export function mbxBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const url = credentials.environment === CUSTOM ? credentials.customBaseUrl : credentials.environment;
	return String(url ?? '').trim().replace(/\/+$/, '');
}
