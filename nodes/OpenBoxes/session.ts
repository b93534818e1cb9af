import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { bodyText } from '../shared/httpFailure';

/** The base URL with the /openboxes context path and no trailing slash or /api. */
export function openBoxesBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api$/, '');
}

function sessionCookieFrom(setCookie: unknown): string | undefined {
	const values = Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : [];
	for (const value of values) {
		const match = /(?:^|\s|;)JSESSIONID=([^;]+)/.exec(String(value));
		if (match) return `JSESSIONID=${match[1]}`;
	}
	return undefined;
}

/**
 * Logs in as OpenBoxes' own clients do (JSON body, JSON Accept header, location chosen at login)
 * and returns the session cookie to send on later requests.
 */
export async function openBoxesLogin(
	requestHelper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const response = (await requestHelper.helpers.httpRequest({
		method: 'POST',
		url: `${openBoxesBaseUrl(credentials)}/api/login`,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		body: JSON.stringify({
			username: credentials.username,
			password: credentials.password,
			location: credentials.location,
		}),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	})) as { statusCode: number; headers: Record<string, unknown>; body: unknown };

	if (response.statusCode !== 200) {
		const said = bodyText(response.body).slice(0, 200);
		throw new Error(
			response.statusCode === 401
				? `OpenBoxes rejected the username or password (${said || 'Authentication failed'})`
				: `OpenBoxes login failed with HTTP ${response.statusCode}. Check the Base URL includes /openboxes.`,
		);
	}
	const cookie = sessionCookieFrom(response.headers['set-cookie']);
	if (!cookie) {
		throw new Error('OpenBoxes accepted the login but sent no JSESSIONID cookie. Check the Base URL.');
	}
	return cookie;
}
