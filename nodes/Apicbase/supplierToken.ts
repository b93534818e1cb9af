import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { bodyText } from '../shared/httpFailure';
import { LoginFailedError, withoutSecrets } from '../shared/loginFailure';
import { apicbaseBaseUrl } from './environment';

/** Asks Apicbase for a supplier token with the client-credentials grant and scope `supplier`. */
export async function fetchSupplierToken(
	requestHelper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: String(credentials.clientId ?? ''),
		client_secret: String(credentials.clientSecret ?? ''),
		scope: 'supplier',
	});
	const response = (await requestHelper.helpers.httpRequest({
		method: 'POST',
		url: `${apicbaseBaseUrl(credentials)}/oauth/token/`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: form.toString(),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body: unknown };

	const body = (typeof response.body === 'string' ? safeJson(response.body) : response.body) as
		| { access_token?: string; error?: string; error_description?: string }
		| undefined;
	if (response.statusCode !== 200 || !body?.access_token) throw tokenFailure(response.statusCode, body, response.body, credentials);
	return body.access_token;
}

/**
 * Why no token came back, in the OAuth2 error's words (RFC 6749 §5.2) and the credential's field
 * names. `invalid_client` (401, or 400 from some servers) means the client ID or secret is wrong;
 * other OAuth2 errors refuse this client the supplier token; anything else failed on Apicbase's side.
 */
function tokenFailure(
	status: number,
	body: { error?: unknown; error_description?: unknown } | undefined,
	raw: unknown,
	credentials: ICredentialDataDecryptedObject,
): LoginFailedError {
	const secrets = [credentials.clientSecret];
	const clean = (text: string) => {
		const said = withoutSecrets(text, secrets).replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
		return said.length > 150 ? `${said.slice(0, 149)}…` : said;
	};
	const error = typeof body?.error === 'string' ? clean(body.error) : '';
	const description = typeof body?.error_description === 'string' ? clean(body.error_description) : '';
	const said = [error, description].filter(Boolean).join(': ');
	if (error === 'invalid_client' || (!error && status === 401)) {
		return new LoginFailedError(
			`Apicbase refused the client ID or secret: ${said || `HTTP ${status}`}. Check the Client ID and Client Secret of the Apicbase Supplier API credential.`,
			status,
			true,
		);
	}
	if (error) {
		return new LoginFailedError(
			`Apicbase refused the supplier token: ${said}. Check that Apicbase enabled the supplier API for this Client ID.`,
			status,
			true,
		);
	}
	const text = bodyText(raw).trim();
	const page = status === 200 ? 'an answer without an access token' : `HTTP ${status}`;
	return new LoginFailedError(
		`Apicbase's token endpoint answered ${page}${text && !text.startsWith('<') ? ` (${clean(text)})` : ''}. Check the Environment and Base URL of the Apicbase Supplier API credential.`,
		status,
		false,
	);
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
