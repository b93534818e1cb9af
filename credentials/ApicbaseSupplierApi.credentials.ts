import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { APICBASE_ENVIRONMENT_PROPERTIES, apicbaseBaseUrlExpression } from '../nodes/Apicbase/environment';
import { fetchSupplierToken } from '../nodes/Apicbase/supplierToken';

export class ApicbaseSupplierApi implements ICredentialType {
	name = 'apicbaseSupplierApi';

	displayName = 'Apicbase Supplier API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/apicbaseSupplierApi.md';

	icon = { light: 'file:../icons/apicbase.svg', dark: 'file:../icons/apicbase.dark.svg' } as const;

	properties: INodeProperties[] = [
		...APICBASE_ENVIRONMENT_PROPERTIES,
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The supplier client ID Apicbase issued to you',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The supplier client secret Apicbase issued to you',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	// Client-credentials tokens live a week and come without a refresh token: ask for a new one
	// whenever the stored one is missing or Apicbase answers 401.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { accessToken: await fetchSupplierToken(this, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: apicbaseBaseUrlExpression,
			url: '/api/v2/integrations/suppliers/customers/',
			qs: { page_size: 1 },
			method: 'GET',
		},
	};
}
