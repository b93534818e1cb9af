import { MbxHmacApi, signMbxRequest } from '../../../credentials/MbxHmacApi.credentials';
import { mbxSignature } from '../../../nodes/Mbx/signature';

const credentials = { environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010', publicToken: 'demo-public', secretToken: 'demo-secret-value' };
const date = new Date('2026-11-24T10:00:00.000Z');

function signatureOf(headers: Record<string, unknown>): string {
	return String(headers['MBX-Auth']).split(':')[1];
}

describe('MBX HMAC credential', () => {
	it('signs a GET over an empty body and sends no body, as n8n never sends GET bodies', () => {
		const signed = signMbxRequest(credentials, { method: 'GET', baseURL: 'http://127.0.0.1:4010', url: '/v2/countries/3' }, date);
		expect(signed.body).toBeUndefined();
		expect(signed.url).toBe('http://127.0.0.1:4010/v2/countries/3');
		expect(signed.headers).toMatchObject({ 'X-Date': '2026-11-24T10:00:00.000Z', 'Content-Type': 'application/json' });
		expect(signatureOf(signed.headers!)).toBe(
			mbxSignature({ secret: 'demo-secret-value', method: 'GET', body: '', date: '2026-11-24T10:00:00.000Z', url: '/v2/countries/3' }),
		);
		expect(String(signed.headers!['MBX-Auth']).startsWith('demo-public:')).toBe(true);
	});

	it("signs n8n's Custom API Call, which names the address `uri`, and writes the signed address back there", () => {
		const request = { method: 'GET', uri: 'http://127.0.0.1:4010/v2/ship_methods/12', qs: { q: '{"limit":5}' } } as unknown as Parameters<typeof signMbxRequest>[1];
		const signed = signMbxRequest(credentials, request, date) as typeof request & { uri?: string };
		expect(signed.uri).toBe('http://127.0.0.1:4010/v2/ship_methods/12?q=%7B%22limit%22%3A5%7D');
		expect(signed.url).toBe(signed.uri);
		expect(signed.qs).toBeUndefined();
		expect(signatureOf(signed.headers!)).toBe(
			mbxSignature({ secret: 'demo-secret-value', method: 'GET', body: '', date: date.toISOString(), url: '/v2/ship_methods/12?q=%7B%22limit%22%3A5%7D' }),
		);
	});

	it('serialises an object body once and signs exactly the string it sends', () => {
		const body = { purchase_order: 'PO-1', lines: [{ product_code: 'A', quantity: 2 }] };
		const signed = signMbxRequest(credentials, { method: 'POST', baseURL: 'http://h', url: '/v2/customer_order_submissions', body }, date);
		expect(typeof signed.body).toBe('string');
		expect(JSON.parse(signed.body as string)).toEqual(body);
		expect(signatureOf(signed.headers!)).toBe(
			mbxSignature({ secret: 'demo-secret-value', method: 'POST', body: signed.body as string, date: date.toISOString(), url: '/v2/customer_order_submissions' }),
		);
	});

	it('sends and signs {} for a POST without a body, as MBX examples do', () => {
		const signed = signMbxRequest(credentials, { method: 'POST', baseURL: 'http://h', url: '/v2/authenticate' }, date);
		expect(signed.body).toBe('{}');
	});

	it('signs the exact request target: path, base path prefix and query, with qs folded into the URL', () => {
		const signed = signMbxRequest(
			credentials,
			{ method: 'GET', baseURL: 'http://proxy.local/mbx/', url: '/v2/items?q=%7B%22limit%22%3A5%7D', qs: { extra: 'a b' } },
			date,
		);
		expect(signed.qs).toBeUndefined();
		expect(signed.baseURL).toBeUndefined();
		const sent = new URL(signed.url);
		expect(sent.pathname + sent.search).toBe('/mbx/v2/items?q=%7B%22limit%22%3A5%7D&extra=a+b');
		expect(signatureOf(signed.headers!)).toBe(
			mbxSignature({ secret: 'demo-secret-value', method: 'GET', body: '', date: date.toISOString(), url: sent.pathname + sent.search }),
		);
	});

	it('never puts the secret into the request', () => {
		const signed = signMbxRequest(credentials, { method: 'PUT', baseURL: 'http://h', url: '/v2/x', body: { a: 1 } }, date);
		expect(JSON.stringify(signed)).not.toContain('demo-secret-value');
	});

	it('tests the credential with GET /v2/authenticate against the chosen environment', () => {
		const credential = new MbxHmacApi();
		expect(credential.test.request.url).toBe('/v2/authenticate');
		expect(credential.test.request.baseURL).toContain('$credentials.customBaseUrl');
	});
});
