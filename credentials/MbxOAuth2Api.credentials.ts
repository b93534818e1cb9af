import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { MBX_ENVIRONMENT_PROPERTIES } from '../nodes/Mbx/environment';

const baseUrl = '($self["environment"] === "custom" ? $self["customBaseUrl"] : $self["environment"]).replace(/\\/+$/, "")';

/** MBX's OAuth2: authorization code grant; bearer tokens live 3 hours and are refreshed by n8n. */
export class MbxOAuth2Api implements ICredentialType {
	name = 'mbxOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'MBX OAuth2 API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/mbxOAuth2Api.md';

	icon = { light: 'file:../icons/mbx.svg', dark: 'file:../icons/mbx.dark.svg' } as const;

	properties: INodeProperties[] = [
		...MBX_ENVIRONMENT_PROPERTIES,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: `={{${baseUrl} + "/oauth/authorize"}}` },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: `={{${baseUrl} + "/oauth/token"}}` },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
