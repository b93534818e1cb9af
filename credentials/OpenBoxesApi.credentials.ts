import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { OPENBOXES_BASE_URL, OPENBOXES_LOCATION, OPENBOXES_REQUEST_BUDGET } from '../nodes/OpenBoxes/credentialFields';
import { openBoxesLogin } from '../nodes/OpenBoxes/session';

export class OpenBoxesApi implements ICredentialType {
	name = 'openBoxesApi';

	displayName = 'OpenBoxes Login API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/openBoxesApi.md';

	icon = { light: 'file:../icons/openboxes.svg', dark: 'file:../icons/openboxes.dark.svg' } as const;

	properties: INodeProperties[] = [
		OPENBOXES_BASE_URL,
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'Username or e-mail of the account n8n logs in with. A dedicated service account is best.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		OPENBOXES_LOCATION,
		...OPENBOXES_REQUEST_BUDGET,
		{
			displayName: 'Session Cookie',
			name: 'sessionCookie',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { sessionCookie: await openBoxesLogin(this, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Cookie: '={{$credentials.sessionCookie}}',
				Accept: 'application/json',
				'X-Requested-With': 'XMLHttpRequest',
			},
		},
	};

	// getAppContext needs both a valid login and a location, so it proves both.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "").replace(/\\/api$/, "")}}',
			url: '/api/getAppContext',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 500,
					message:
						'Logged in, but OpenBoxes has no location with this Location ID. Check the ID of your facility.',
				},
			},
		],
	};
}

