import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

const CUSTOM = 'custom';

/** Production or a custom address (the local sandbox, a proxy). Shared by every Apicbase credential. */
export const APICBASE_ENVIRONMENT_PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Production', value: 'https://api.apicbase.com' },
			{ name: 'Custom URL', value: CUSTOM },
		],
		default: 'https://api.apicbase.com',
		description: 'Apicbase uses the same credentials for testing and production; choose Custom URL for a sandbox',
	},
	{
		displayName: 'Base URL',
		name: 'customBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'http://localhost:4030',
		description: 'The address of the Apicbase API, without /api/v2',
		displayOptions: { show: { environment: [CUSTOM] } },
	},
];

export const apicbaseBaseUrlExpression = `={{$credentials.environment === "${CUSTOM}" ? $credentials.customBaseUrl.replace(/\\/+$/, "") : $credentials.environment}}`;

export function apicbaseBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const url = credentials.environment === CUSTOM ? credentials.customBaseUrl : credentials.environment;
	return String(url ?? 'https://api.apicbase.com').trim().replace(/\/+$/, '');
}
