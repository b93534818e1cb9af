import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { APICBASE_ENVIRONMENT_PROPERTIES, apicbaseBaseUrlExpression } from '../nodes/Apicbase/environment';

/** A token generated in the Apicbase app for an application, sent as a bearer token. */
export class ApicbaseAccessTokenApi implements ICredentialType {
	name = 'apicbaseAccessTokenApi';

	displayName = 'Apicbase Access Token API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/apicbaseAccessTokenApi.md';

	icon = { light: 'file:../icons/apicbase.svg', dark: 'file:../icons/apicbase.dark.svg' } as const;

	properties: INodeProperties[] = [
		...APICBASE_ENVIRONMENT_PROPERTIES,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A token generated in Apicbase for an API application, or for a partner app added to your library. It can do what the scopes chosen for it allow.',
		},
		{
			displayName:
				'The Test button reads your Apicbase user list, which needs the "accounts" scope. A token without that scope fails the test with 403 (permission denied) but still works for the scopes it has.',
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: apicbaseBaseUrlExpression,
			url: '/api/v2/accounts/users',
			qs: { page_size: 1 },
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Apicbase refused the access token. Check the Access Token (and Environment) of the Apicbase Access Token API credential.',
				},
			},
		],
	};
}
