/**
 * How the Apicbase (kitchen) node signs in for customer-side resources (procurement, deliveries,
 * outlets, stock): an OAuth2 connection (default) or a token generated in the Apicbase UI. The
 * Supplier nodes always use the Apicbase Supplier API credential.
 */
import { authenticationCredentials, authenticationProperty, chosenCredential, type AuthenticationChoice } from '../shared/authentication';
import { type ApicbaseContext } from './transport';

const KITCHEN_AUTHENTICATION: ReadonlyArray<AuthenticationChoice<'apicbaseOAuth2Api' | 'apicbaseAccessTokenApi'>> = [
	{ name: 'OAuth2', value: 'oAuth2', credential: 'apicbaseOAuth2Api' },
	{ name: 'Access Token (Generated in Apicbase)', value: 'accessToken', credential: 'apicbaseAccessTokenApi' },
];

export const kitchenAuthentication = authenticationProperty(KITCHEN_AUTHENTICATION, 'How to sign in to your Apicbase library');
export const kitchenCredentials = authenticationCredentials(KITCHEN_AUTHENTICATION);

/** The credential for customer-side resources, as the node's Authentication says. */
export function customerCredentialType(context: ApicbaseContext): 'apicbaseOAuth2Api' | 'apicbaseAccessTokenApi' {
	return chosenCredential(context, KITCHEN_AUTHENTICATION);
}
