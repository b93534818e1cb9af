/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, never published: n8n's rules for node code do not apply */
/**
 * Issue 12, item 5: a login or token request the vendor answered and refused says what happened
 * and which credential fields to check; "Could not reach the service" is kept for requests that
 * got no answer. No secret appears in any message or description.
 */
import { NodeApiError, type IHttpRequestHelper, type IHttpRequestOptions, type INode } from 'n8n-workflow';

import { fetchSupplierToken } from '../../../nodes/Apicbase/supplierToken';
import { apicbaseErrorMessage } from '../../../nodes/Apicbase/transport';
import { openBoxesErrorMessage } from '../../../nodes/OpenBoxes/transport';
import { openBoxesLogin } from '../../../nodes/OpenBoxes/session';
import { toVendorApiError } from '../../../nodes/shared/apiError';
import { readNetworkFailure } from '../../../nodes/shared/httpFailure';
import { findLoginFailure, LoginFailedError, withoutSecrets } from '../../../nodes/shared/loginFailure';

const node = { name: 'Vendor' } as INode;
const PASSWORD = 'S3cret-Passw0rd!&=';
const CLIENT_SECRET = 'cl1ent/secret+value=';

/** A preAuthentication `this` whose one HTTP request gets the given answer. */
function answering(statusCode: number, body: unknown, headers: Record<string, unknown> = {}) {
	const sent: IHttpRequestOptions[] = [];
	const helper = {
		helpers: {
			async httpRequest(options: IHttpRequestOptions) {
				sent.push(options);
				return { statusCode, headers, body };
			},
		},
	} as unknown as IHttpRequestHelper;
	return { helper, sent };
}

const openBoxesCredentials = { baseUrl: 'https://obx.example.org/openboxes', username: 'ops', password: PASSWORD, location: 'L1' };
const apicbaseCredentials = { environment: 'https://api.apicbase.com', clientId: 'supplier-42', clientSecret: CLIENT_SECRET };

async function thrown(promise: Promise<unknown>): Promise<LoginFailedError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(LoginFailedError);
		return error as LoginFailedError;
	}
	throw new Error('expected a LoginFailedError');
}

/** What n8n does with it: httpRequestWithAuthentication wraps a preAuthentication error once. */
const asNodeSees = (error: Error) => toVendorApiError(node, new NodeApiError(node, error as never), openBoxesErrorMessage, 3);

/** The wording of n8n 2.41's credential tester for a failed test request (runRequestTest). */
function credentialTestWording(error: NodeApiError): string {
	const cause = error.cause as { response?: { status: number }; code?: string } | undefined;
	if (cause?.response) return `Received HTTP status code: ${cause.response.status}`;
	if (cause?.code) return cause.code;
	return error.message;
}

const everything = (error: NodeApiError) => JSON.stringify({ m: error.message, d: error.description, c: error.context, ms: error.messages });

describe('OpenBoxes login refusals', () => {
	it('OSS: 401 "Authentication failed" as text', async () => {
		const { helper } = answering(401, 'Authentication failed');
		const error = await thrown(openBoxesLogin(helper, openBoxesCredentials));
		expect(error.message).toBe(
			'OpenBoxes refused the login: Authentication failed. Check the Username and Password of the OpenBoxes Login API credential.',
		);
		expect(error.refused).toBe(true);
		expect(error.loginStatus).toBe(401);

		const shown = asNodeSees(error);
		expect(shown.message).toBe(error.message);
		expect(shown.httpCode).toBe('401');
		expect(shown.context.itemIndex).toBe(3);
		expect(everything(shown)).not.toMatch(/Could not reach/);
		expect(everything(shown)).not.toContain(PASSWORD);
		// n8n's credential test shows the wrapped error's message: the same words.
		expect(credentialTestWording(new NodeApiError(node, error as never))).toBe(error.message);
	});

	it('hosted: 401 {"errorCode":401,"errorMessage":"Invalid username or password"}, as JSON or as text', async () => {
		for (const body of [{ errorCode: 401, errorMessage: 'Invalid username or password' }, '{"errorCode":401,"errorMessage":"Invalid username or password"}']) {
			const error = await thrown(openBoxesLogin(answering(401, body).helper, openBoxesCredentials));
			expect(error.message).toBe(
				'OpenBoxes refused the login: Invalid username or password. Check the Username and Password of the OpenBoxes Login API credential.',
			);
		}
	});

	it('a server that echoes the password never gets it into the message', async () => {
		const echo = `Authentication failed for ops with password ${PASSWORD} (${encodeURIComponent(PASSWORD)})`;
		const error = await thrown(openBoxesLogin(answering(401, echo).helper, openBoxesCredentials));
		expect(error.message).not.toContain(PASSWORD);
		expect(error.message).not.toContain(encodeURIComponent(PASSWORD));
		expect(error.message).toContain('with password *** (***)');
	});

	it('other answers say what the server answered and point at the Base URL, not at the network', async () => {
		const notFound = await thrown(openBoxesLogin(answering(404, '<html>Not Found</html>').helper, openBoxesCredentials));
		expect(notFound.message).toBe('OpenBoxes answered the login with HTTP 404. Check that the Base URL of the credential ends in /openboxes.');
		expect(notFound.refused).toBe(false);
		expect(asNodeSees(notFound).message).toBe(notFound.message);

		const noCookie = await thrown(openBoxesLogin(answering(200, 'Authentication was successful').helper, openBoxesCredentials));
		expect(noCookie.message).toMatch(/^OpenBoxes accepted the login but sent no JSESSIONID cookie/);
	});

	it('a successful login still returns the session cookie', async () => {
		const { helper, sent } = answering(200, 'Authentication was successful', { 'set-cookie': ['JSESSIONID=abc123; Path=/openboxes; HttpOnly'] });
		await expect(openBoxesLogin(helper, openBoxesCredentials)).resolves.toBe('JSESSIONID=abc123');
		expect(sent[0].url).toBe('https://obx.example.org/openboxes/api/login');
	});
});

describe('Apicbase supplier token refusals', () => {
	it('401 invalid_client: the client ID or secret, and the two fields to check', async () => {
		const error = await thrown(fetchSupplierToken(answering(401, { error: 'invalid_client' }).helper, apicbaseCredentials));
		expect(error.message).toBe(
			'Apicbase refused the client ID or secret: invalid_client. Check the Client ID and Client Secret of the Apicbase Supplier API credential.',
		);
		const shown = toVendorApiError(node, new NodeApiError(node, error as never), apicbaseErrorMessage);
		expect(shown.message).toBe(error.message);
		expect(shown.httpCode).toBe('401');
		expect(everything(shown)).not.toMatch(/Could not reach/);
		expect(everything(shown)).not.toContain(CLIENT_SECRET);
		expect(credentialTestWording(new NodeApiError(node, error as never))).toBe(error.message);
	});

	it('invalid_client from a server that answers 400 with a description, as JSON text', async () => {
		const body = JSON.stringify({ error: 'invalid_client', error_description: 'Client authentication failed.' });
		const error = await thrown(fetchSupplierToken(answering(400, body).helper, apicbaseCredentials));
		expect(error.message).toBe(
			'Apicbase refused the client ID or secret: invalid_client: Client authentication failed. Check the Client ID and Client Secret of the Apicbase Supplier API credential.',
		);
	});

	it('a description that quotes the secret, in any encoding, is redacted', async () => {
		const description = `Unknown client_secret=${encodeURIComponent(CLIENT_SECRET)} or ${CLIENT_SECRET}`;
		const error = await thrown(fetchSupplierToken(answering(401, { error: 'invalid_client', error_description: description }).helper, apicbaseCredentials));
		expect(error.message).not.toContain(CLIENT_SECRET);
		expect(error.message).not.toContain(encodeURIComponent(CLIENT_SECRET));
		expect(error.message).toContain('Unknown client_secret=*** or ***');
	});

	it('other OAuth2 errors refuse the supplier token; a failing endpoint says it failed', async () => {
		const scope = await thrown(fetchSupplierToken(answering(400, { error: 'invalid_scope' }).helper, apicbaseCredentials));
		expect(scope.message).toBe('Apicbase refused the supplier token: invalid_scope. Check that Apicbase enabled the supplier API for this Client ID.');
		const down = await thrown(fetchSupplierToken(answering(503, '<html>Service Unavailable</html>').helper, apicbaseCredentials));
		expect(down.message).toBe("Apicbase's token endpoint answered HTTP 503. Check the Environment and Base URL of the Apicbase Supplier API credential.");
		expect(down.refused).toBe(false);
	});

	it('sends the client credentials grant with scope supplier, and returns the token', async () => {
		const { helper, sent } = answering(200, { access_token: 'tok', token_type: 'Bearer' });
		await expect(fetchSupplierToken(helper, apicbaseCredentials)).resolves.toBe('tok');
		expect(String(sent[0].body)).toContain('scope=supplier');
	});
});

describe('only an unanswered request says the service could not be reached', () => {
	const axiosLike = (code: string, message: string) =>
		Object.assign(new Error(message), { code, isAxiosError: true, config: { headers: { Authorization: 'Bearer TOKEN-THAT-MUST-NOT-LEAK' } } });

	it.each([
		['EPROTO', 'write EPROTO 0A00010B:SSL routines:ssl3_get_record:wrong version number'],
		['CERT_HAS_EXPIRED', 'certificate has expired'],
		['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"],
		['ESOCKETTIMEDOUT', 'socket timed out'],
		['UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error'],
	])('%s, wrapped by n8n, is a service that could not be reached', (code, message) => {
		const error = toVendorApiError(node, new NodeApiError(node, axiosLike(code, message) as never), openBoxesErrorMessage);
		expect(error.message).toBe(`Could not reach the service: ${message}`);
		expect(error.description).toBe(message);
		expect(everything(error)).not.toContain('TOKEN-THAT-MUST-NOT-LEAK');
	});

	it('connection refused, DNS and timeouts keep n8n\'s own words for them, with the address in the description', () => {
		const refused = toVendorApiError(node, new NodeApiError(node, axiosLike('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:8080') as never), openBoxesErrorMessage);
		expect(refused.message).toBe('The service refused the connection - perhaps it is offline');
		expect(refused.description).toBe('connect ECONNREFUSED 10.0.0.1:8080');
		const dns = toVendorApiError(node, axiosLike('ENOTFOUND', 'getaddrinfo ENOTFOUND obx.invalid'), openBoxesErrorMessage);
		expect(dns.description).toBe('getaddrinfo ENOTFOUND obx.invalid');
		const timeout = toVendorApiError(node, axiosLike('ECONNABORTED', 'timeout of 30000ms exceeded'), openBoxesErrorMessage);
		expect(timeout.description).toBe('timeout of 30000ms exceeded');
		const aborted = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
		expect(readNetworkFailure(aborted)).toEqual({ code: 'ETIMEDOUT', message: 'The operation was aborted due to timeout' });
	});

	it('anything else that got no answer keeps its own message', () => {
		const error = toVendorApiError(node, Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' }), openBoxesErrorMessage);
		expect(error.message).toBe('Invalid URL');
		expect(readNetworkFailure(new Error('boom'))).toBeUndefined();
	});

	it('a refusal is found however deep n8n wrapped it', () => {
		const refusal = new LoginFailedError('OpenBoxes refused the login: x', 401, true);
		const twice = new NodeApiError(node, new NodeApiError(node, refusal as never) as never);
		expect(findLoginFailure(twice)).toBe(refusal);
		// By shape, so a refusal thrown by another copy of this module is recognised too.
		const copy = Object.assign(new Error('copy'), { name: 'LoginFailedError', loginStatus: 401 });
		expect(findLoginFailure({ cause: { cause: copy } })).toBe(copy);
	});

	it('withoutSecrets: every encoding of every non-empty secret', () => {
		expect(withoutSecrets('a=b&c d', ['b&c d'])).toBe('a=***');
		expect(withoutSecrets(`x ${encodeURIComponent('p w/+')} y ${'p+w%2F%2B'}`, ['p w/+'])).toBe('x *** y ***');
		expect(withoutSecrets('say "q\\"t"', ['q"t'])).toBe('say "***"');
		expect(withoutSecrets('nothing', ['', undefined, 42])).toBe('nothing');
	});
});
