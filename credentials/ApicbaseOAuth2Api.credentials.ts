import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { APICBASE_ENVIRONMENT_PROPERTIES } from '../nodes/Apicbase/environment';

const customBase = '$self["customBaseUrl"].replace(/\\/+$/, "")';
const isCustom = '$self["environment"] === "custom"';

/** Apicbase's consent page lives on the app host, its token endpoint on the API host (v2). */
const authUrl = `={{${isCustom} ? ${customBase} + "/oauth/authorize/" : "https://app.apicbase.com/oauth/authorize/"}}`;
const accessTokenUrl = `={{${isCustom} ? ${customBase} + "/oauth/token/" : "https://api.apicbase.com/oauth/token/"}}`;

/**
 * Apicbase for customer apps: authorization code grant only. Access tokens live a week; n8n
 * refreshes them with the refresh token, which does not expire.
 */
export class ApicbaseOAuth2Api implements ICredentialType {
	name = 'apicbaseOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Apicbase OAuth2 API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/apicbaseOAuth2Api.md';

	icon = { light: 'file:../icons/apicbase.svg', dark: 'file:../icons/apicbase.dark.svg' } as const;

	properties: INodeProperties[] = [
		...APICBASE_ENVIRONMENT_PROPERTIES,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: authUrl },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: accessTokenUrl },
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			options: [
				{ name: 'Accounts (Users, Outlets)', value: 'accounts' },
				{ name: 'Inventory (Stock, Counts, Waste)', value: 'inventory' },
				{ name: 'Library (Ingredients, Recipes, Stock Items)', value: 'library' },
				{ name: 'Media (Images)', value: 'media' },
				{ name: 'Procurement (Purchase Orders, Deliveries)', value: 'procurement' },
				{ name: 'Sales', value: 'sales' },
			],
			default: ['accounts', 'inventory', 'library', 'media', 'procurement', 'sales'],
			description:
				'The parts of Apicbase n8n may use. Apicbase asks you to approve them when you connect; your user permissions limit them further.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '={{(Array.isArray($self["scopes"]) ? $self["scopes"] : []).join(" ")}}',
		},
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	];
}
