/** How the MBX nodes sign in: HMAC signing (default) or OAuth2 bearer tokens. */
import { authenticationCredentials, authenticationProperty, chosenCredential, type AuthenticationChoice } from '../shared/authentication';
import { type MbxContext } from './transport';

const MBX_AUTHENTICATION: ReadonlyArray<AuthenticationChoice<'mbxHmacApi' | 'mbxOAuth2Api'>> = [
	{ name: 'HMAC Signature (Recommended by MBX)', value: 'hmac', credential: 'mbxHmacApi' },
	{ name: 'OAuth2', value: 'oAuth2', credential: 'mbxOAuth2Api' },
];

export const mbxAuthentication = authenticationProperty(MBX_AUTHENTICATION);
export const mbxCredentials = authenticationCredentials(MBX_AUTHENTICATION);

/** The credential the node is set to use. */
export function mbxCredentialType(context: MbxContext): 'mbxHmacApi' | 'mbxOAuth2Api' {
	return chosenCredential(context, MBX_AUTHENTICATION);
}
