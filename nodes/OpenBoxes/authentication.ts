/** How the OpenBoxes nodes sign in: a login session (default) or a hosted-plan API key. */
import { authenticationCredentials, authenticationProperty, chosenCredential, type AuthenticationChoice } from '../shared/authentication';
import { type OpenBoxesContext, type OpenBoxesCredentialType } from './transport';

const OPENBOXES_AUTHENTICATION: ReadonlyArray<AuthenticationChoice<OpenBoxesCredentialType>> = [
	{ name: 'Login (Username and Password)', value: 'session', credential: 'openBoxesApi' },
	{ name: 'API Key (Hosted Dedicated Plan)', value: 'apiKey', credential: 'openBoxesApiKeyApi' },
];

export const openBoxesAuthentication = authenticationProperty(OPENBOXES_AUTHENTICATION);
export const openBoxesCredentials = authenticationCredentials(OPENBOXES_AUTHENTICATION);

/** The credential the node is set to use. */
export function openBoxesCredentialType(context: OpenBoxesContext): OpenBoxesCredentialType {
	return chosenCredential(context, OPENBOXES_AUTHENTICATION);
}
