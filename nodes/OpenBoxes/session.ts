import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { errorTexts, parsedErrorBody } from '../shared/errorLines';
import { bodyText } from '../shared/httpFailure';
import { LoginFailedError, withoutSecrets } from '../shared/loginFailure';
import { OPENBOXES_PATHS } from './paths';

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

/** What OpenBoxes said when it refused a login, short, without the password, never an HTML page. */
function loginAnswer(body: unknown, secrets: unknown[]): string {
	const parsed = parsedErrorBody(body);
	let said: string;
	if (parsed && typeof parsed === 'object' && !Buffer.isBuffer(parsed)) {
		const { errorMessage } = parsed as { errorMessage?: unknown };
		said = typeof errorMessage === 'string' && errorMessage.trim() ? errorMessage.trim() : errorTexts(parsed).join('; ');
	} else {
		said = bodyText(parsed).trim();
		if (said.startsWith('<')) said = '';
	}
	said = withoutSecrets(said, secrets).replace(/\s+/g, ' ').replace(/[.\s]+$/, '');
	return said.length > 150 ? `${said.slice(0, 149)}…` : said;
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
		url: `${openBoxesBaseUrl(credentials)}/api${OPENBOXES_PATHS.login}`,
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
		// OSS answers 401 "Authentication failed" as text; the hosted API {"errorMessage": "..."}.
		const said = loginAnswer(response.body, [credentials.password]);
		if (response.statusCode === 401 || response.statusCode === 403) {
			throw new LoginFailedError(
				`OpenBoxes refused the login: ${said || 'Authentication failed'}. Check the Username and Password of the OpenBoxes Login API credential.`,
				response.statusCode,
				true,
			);
		}
		throw new LoginFailedError(
			`OpenBoxes answered the login with HTTP ${response.statusCode}${said ? ` (${said})` : ''}. Check that the Base URL of the credential ends in /openboxes.`,
			response.statusCode,
			false,
		);
	}
	const cookie = sessionCookieFrom(response.headers['set-cookie']);
	if (!cookie) {
		throw new LoginFailedError(
			'OpenBoxes accepted the login but sent no JSESSIONID cookie. Check the Base URL of the credential.',
			response.statusCode,
			false,
		);
	}
	return cookie;
}
