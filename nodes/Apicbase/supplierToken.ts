import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { bodyText } from '../shared/httpFailure';
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
	if (response.statusCode !== 200 || !body?.access_token) {
		const reason = body?.error_description ?? body?.error ?? bodyText(response.body).slice(0, 200);
		throw new Error(`Apicbase refused the supplier token request (HTTP ${response.statusCode}: ${reason})`);
	}
	return body.access_token;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
