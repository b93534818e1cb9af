import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { OPENBOXES_BASE_URL, OPENBOXES_LOCATION, OPENBOXES_REQUEST_BUDGET } from '../nodes/OpenBoxes/credentialFields';

/** Long-lived API keys exist on hosted OpenBoxes (Dedicated plan and up); OpenBoxes support issues them. */
export class OpenBoxesApiKeyApi implements ICredentialType {
	name = 'openBoxesApiKeyApi';

	displayName = 'OpenBoxes API Key API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/openBoxesApiKeyApi.md';

	icon = { light: 'file:../icons/openboxes.svg', dark: 'file:../icons/openboxes.dark.svg' } as const;

	properties: INodeProperties[] = [
		OPENBOXES_BASE_URL,
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key OpenBoxes support generated for your instance (hosted Dedicated plan and up)',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-API-Key',
			description: 'The header your OpenBoxes host expects the key in; OpenBoxes support tells you if it differs',
		},
		OPENBOXES_LOCATION,
		...OPENBOXES_REQUEST_BUDGET,
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headerName = String(credentials.headerName || 'X-API-Key');
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), [headerName]: String(credentials.apiKey ?? ''), Accept: 'application/json' },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "").replace(/\\/api$/, "")}}',
			url: '/api/products',
			qs: { max: 1 },
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'OpenBoxes refused the API key. Check the API Key and Header Name of the OpenBoxes API Key API credential.',
				},
			},
		],
	};
}
