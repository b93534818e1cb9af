/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * The MBX sandbox over real HTTP. The signing helper below is written from MBX's formula and is
 * first checked against MBX's 50 official vectors, so every later assertion rests on a signer
 * known to be right rather than on the sandbox agreeing with itself.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';

import { MBX_DEMO, MBX_OTHER_ORG, MbxSandbox } from './mbx/server';
// The signer every MBX sandbox test uses; checked against the official vectors below.
import { mbxSign } from './mbx/testClient';

interface Vector {
	secret: string;
	method: string;
	body: string;
	url: string;
	date: string;
	signature: string;
	token: string;
}

const sandbox = new MbxSandbox();

interface SignedOptions {
	method?: string;
	/** Body actually sent (undefined = no body). */
	body?: string;
	/** Body used for the signature; defaults to the sent body or "". */
	signedBody?: string;
	/** Target used for the signature; defaults to the path and query exactly as sent. */
	signedTarget?: string;
	/** null = omit X-Date; the signature then uses "". */
	date?: string | null;
	publicToken?: string;
	secret?: string;
	/** Replaces the MBX-Auth header value; null = omit it. */
	auth?: string | null;
}

/** A request signed like an MBX client; returns the signature it used so tests can look for leaks. */
async function signed(target: string, o: SignedOptions = {}): Promise<{ res: Response; signature: string }> {
	const method = o.method ?? 'GET';
	const url = new URL(target, sandbox.url);
	// Sign what goes on the wire: the URL parser may percent-encode characters such as ' in the query.
	const sentTarget = url.pathname + url.search;
	const date = o.date === undefined ? new Date().toISOString() : o.date;
	const secret = o.secret ?? MBX_DEMO.secretToken;
	const signature = mbxSign(secret, method, o.signedBody ?? o.body ?? '', date ?? '', o.signedTarget ?? sentTarget);
	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	const auth = o.auth === undefined ? `${o.publicToken ?? MBX_DEMO.publicToken}:${signature}` : o.auth;
	if (auth !== null) headers['MBX-Auth'] = auth;
	if (date !== null) headers['X-Date'] = date;
	const res = await fetch(url, { method, headers, body: o.body });
	return { res, signature };
}

const get = async (target: string, o: SignedOptions = {}) => (await signed(target, o)).res;
const q = (value: unknown) => `?q=${encodeURIComponent(JSON.stringify(value))}`;
const errorsOf = async (res: Response) => ((await res.json()) as { errors: string[] }).errors;

interface Envelope<T> {
	count: number;
	total_results: number;
	offset: number;
	results: T[];
}

/** fetch refuses a body on GET, but MBX's own example sends "{}" on GET; node:http can. */
async function rawRequest(
	method: string,
	target: string,
	headers: Record<string, string>,
	body: string,
): Promise<{ status: number; body: string }> {
	return await new Promise((resolve, reject) => {
		// Node sends a GET body unframed unless Content-Length is set.
		const framed = { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
		const req = httpRequest(new URL(target, sandbox.url), { method, headers: framed }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

async function control(action: string, body?: unknown, method = 'POST'): Promise<Response> {
	return await fetch(`${sandbox.url}/__sandbox/${action}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

afterEach(() => {
	sandbox.reset();
});

describe('signing helper', () => {
	it('reproduces all 50 official MBX signature vectors', () => {
		const file = path.resolve(__dirname, '../fixtures/mbx-signature-vectors.json');
		const { vectors } = JSON.parse(readFileSync(file, 'utf8')) as { vectors: Vector[] };
		expect(vectors).toHaveLength(50);
		for (const v of vectors) {
			expect(mbxSign(v.secret, v.method, v.body, v.date, v.url)).toBe(v.signature);
		}
	});
});

describe('HMAC authentication', () => {
	it('accepts a correctly signed GET without a body and answers with the list envelope', async () => {
		const res = await get('/v2/countries');
		expect(res.status).toBe(200);
		const body = (await res.json()) as Envelope<unknown>;
		expect(Object.keys(body)).toEqual(['count', 'total_results', 'offset', 'results']);
		expect(body.count).toBe(25);
		expect(body.total_results).toBe(sandbox.countries().length);
		expect(body.offset).toBe(0);
		expect(body.results).toEqual(sandbox.countries().slice(0, 25));
	});

	it('accepts the vendor style: "{}" sent and signed on a GET', async () => {
		const date = new Date().toISOString();
		const signature = mbxSign(MBX_DEMO.secretToken, 'GET', '{}', date, '/v2/countries/1');
		const res = await rawRequest(
			'GET',
			'/v2/countries/1',
			{ 'MBX-Auth': `${MBX_DEMO.publicToken}:${signature}`, 'X-Date': date, 'Content-Type': 'application/json' },
			'{}',
		);
		expect(res.status).toBe(200);
		expect(JSON.parse(res.body)).toEqual(sandbox.countries()[0]);
	});

	it('rejects a request signed over "{}" that sends no body', async () => {
		const res = await get('/v2/countries', { signedBody: '{}' });
		expect(res.status).toBe(401);
		expect(await errorsOf(res)).toEqual([expect.stringMatching(/signature does not match/i)]);
	});

	it('signs POST bodies byte for byte', async () => {
		const ok = await get('/v2/authenticate', { method: 'POST', body: '{"a":1}' });
		expect(ok.status).toBe(200);
		const reordered = await get('/v2/authenticate', { method: 'POST', body: '{"a": 1}', signedBody: '{"a":1}' });
		expect(reordered.status).toBe(401);
	});

	it('rejects a tampered signature', async () => {
		const date = new Date().toISOString();
		const good = mbxSign(MBX_DEMO.secretToken, 'GET', '', date, '/v2/countries');
		const tampered = (good[0] === 'A' ? 'B' : 'A') + good.slice(1);
		const res = await get('/v2/countries', { date, auth: `${MBX_DEMO.publicToken}:${tampered}` });
		expect(res.status).toBe(401);
		expect(await errorsOf(res)).toEqual([expect.stringMatching(/signature does not match/i)]);
	});

	it('rejects a signature made with the wrong secret', async () => {
		const res = await get('/v2/countries', { secret: 'not-the-secret' });
		expect(res.status).toBe(401);
		expect(await errorsOf(res)).toEqual([expect.stringMatching(/signature does not match/i)]);
	});

	it('rejects an unknown public token', async () => {
		const res = await get('/v2/countries', { publicToken: 'nobody-public-token' });
		expect(res.status).toBe(401);
		expect(await errorsOf(res)).toEqual([expect.stringMatching(/unknown public token/i)]);
	});

	it('rejects a missing or malformed MBX-Auth header', async () => {
		const missing = await get('/v2/countries', { auth: null });
		expect(missing.status).toBe(401);
		expect(await errorsOf(missing)).toEqual([expect.stringMatching(/missing mbx-auth/i)]);
		for (const auth of ['no-colon-here', ':c2ln', `${MBX_DEMO.publicToken}:`, `${MBX_DEMO.publicToken}:not base64!`]) {
			const res = await get('/v2/countries', { auth });
			expect(res.status).toBe(401);
			expect(await errorsOf(res)).toEqual([expect.stringMatching(/malformed mbx-auth/i)]);
		}
	});

	it('rejects a missing X-Date', async () => {
		const res = await get('/v2/countries', { date: null });
		expect(res.status).toBe(401);
		expect(await errorsOf(res)).toEqual([expect.stringMatching(/missing x-date/i)]);
	});

	it.each(['Tue, 13 Apr 2015 15:39:47 GMT', '13/04/2015', '2015-02-30T10:00:00Z', '2015-04-13 15:39:47'])(
		'rejects the non-ISO-8601 X-Date %p even when it is signed',
		async (date) => {
			const res = await get('/v2/countries', { date });
			expect(res.status).toBe(401);
			expect(await errorsOf(res)).toEqual([expect.stringMatching(/not .*ISO-8601/i)]);
		},
	);

	it.each([
		'2015-04-13T15:39:47.123Z',
		'2014-10-03T17:16:10.444663',
		'2015-04-13T15:39:47',
		'2015-04-13T15:39:47+02:00',
		'2015-04-13T15:39:47.5-0500',
		'2015-04-13',
	])('accepts the ISO-8601 X-Date %p when no skew limit is set', async (date) => {
		expect((await get('/v2/authenticate', { date })).status).toBe(200);
	});

	it('enforces the clock skew only when configured (via the control API)', async () => {
		const anHourAgo = new Date(Date.now() - 3600_000).toISOString();
		expect((await get('/v2/authenticate', { date: anHourAgo })).status).toBe(200);

		const config = await control('config', { maxClockSkewSeconds: 300 });
		expect(config.status).toBe(200);
		expect(((await config.json()) as { maxClockSkewSeconds: number }).maxClockSkewSeconds).toBe(300);

		const stale = await get('/v2/authenticate', { date: anHourAgo });
		expect(stale.status).toBe(401);
		expect(await errorsOf(stale)).toEqual([expect.stringMatching(/clock skew/i)]);
		expect((await get('/v2/authenticate')).status).toBe(200);
		// A naive date (Python's isoformat) is read as UTC.
		const naiveNow = new Date().toISOString().replace('Z', '');
		expect((await get('/v2/authenticate', { date: naiveNow })).status).toBe(200);
	});

	it('rejects invalid config values', async () => {
		expect((await control('config', { maxClockSkewSeconds: -1 })).status).toBe(400);
		expect((await control('config', { acceptPathOnlySignature: 'yes' })).status).toBe(400);
		expect((await control('config', { nonsense: 1 })).status).toBe(400);
		expect(() => sandbox.configure({ bearerTtlSeconds: Number.NaN })).toThrow();
	});

	it('requires the query string in the signature unless path-only signatures are enabled', async () => {
		const target = '/v2/countries' + q({ limit: 2 });
		const pathOnly = await get(target, { signedTarget: '/v2/countries' });
		expect(pathOnly.status).toBe(401);
		expect(await errorsOf(pathOnly)).toEqual([expect.stringMatching(/signature does not match/i)]);

		sandbox.configure({ acceptPathOnlySignature: true });
		const accepted = await get(target, { signedTarget: '/v2/countries' });
		expect(accepted.status).toBe(200);
		expect(((await accepted.json()) as Envelope<unknown>).count).toBe(2);
		// Path plus query stays valid too.
		expect((await get(target)).status).toBe(200);
	});

	it('never echoes the secret or the expected signature in a 401', async () => {
		const date = new Date().toISOString();
		const expected = mbxSign(MBX_DEMO.secretToken, 'GET', '', date, '/v2/countries');
		const failures = [
			await get('/v2/countries', { date, secret: 'wrong-secret' }),
			await get('/v2/countries', { date, signedBody: '{}' }),
			await get('/v2/countries', { date, auth: `${MBX_DEMO.publicToken}:AAAA` }),
			await get('/v2/countries', { date, auth: `${MBX_DEMO.publicToken}:${expected}x` }),
		];
		for (const res of failures) {
			expect(res.status).toBe(401);
			const text = await res.text();
			expect(text).not.toContain(MBX_DEMO.secretToken);
			expect(text).not.toContain(expected);
		}
	});

	it('answers /v2/authenticate with the caller organization as text', async () => {
		const res = await get('/v2/authenticate');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await res.text()).toBe(`Successfully authenticated as ${MBX_DEMO.organizationName}`);
	});
});

describe('countries and items', () => {
	it('seeds every ISO 3166-1 alpha-2 country once, with ids 1..N', () => {
		const countries = sandbox.countries();
		expect(countries.length).toBeGreaterThanOrEqual(249);
		expect(new Set(countries.map((c) => c.iso_code)).size).toBe(countries.length);
		expect(countries.map((c) => c.id)).toEqual(countries.map((_, i) => i + 1));
		for (const c of countries) expect(c.iso_code).toMatch(/^[A-Z]{2}$/);
	});

	it('gets a country by id as a bare object and 404s an unknown id', async () => {
		const res = await get('/v2/countries/3');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual(sandbox.countries()[2]);

		const missing = await get('/v2/countries/99999');
		expect(missing.status).toBe(404);
		expect(await errorsOf(missing)).toEqual(["Couldn't find Country with 'id'=99999"]);
	});

	it('filters with equality, case-sensitively, including non-ASCII values and quotes', async () => {
		const canada = (await (await get('/v2/countries' + q({ iso_code: 'CA' }))).json()) as Envelope<{
			name: string;
			iso_code: string;
		}>;
		expect(canada.total_results).toBe(1);
		expect(canada.results[0]).toEqual(sandbox.countries().find((c) => c.iso_code === 'CA'));

		const lower = (await (await get('/v2/countries' + q({ iso_code: 'ca' }))).json()) as Envelope<unknown>;
		expect(lower).toEqual({ count: 0, total_results: 0, offset: 0, results: [] });

		const ivoryCoast = sandbox.countries().find((c) => c.iso_code === 'CI')!;
		const byName = await get('/v2/countries' + q({ name: ivoryCoast.name }));
		expect(byName.status).toBe(200);
		expect(((await byName.json()) as Envelope<unknown>).results).toEqual([ivoryCoast]);
	});

	it('pages over more than 1,000 items with q limit/offset and returns every id once', async () => {
		const expectedIds = sandbox.items().map((i) => i.id);
		expect(expectedIds).toHaveLength(1200);
		const seen: number[] = [];
		for (let offset = 0; ; offset += 100) {
			const res = await get('/v2/items' + q({ limit: 100, offset }));
			expect(res.status).toBe(200);
			const page = (await res.json()) as Envelope<{ id: number }>;
			expect(page.total_results).toBe(1200);
			expect(page.offset).toBe(offset);
			expect(page.count).toBe(page.results.length);
			if (page.count === 0) break;
			seen.push(...page.results.map((r) => r.id));
		}
		expect(new Set(seen).size).toBe(1200);
		expect([...seen].sort((a, b) => a - b)).toEqual([...expectedIds].sort((a, b) => a - b));
	});

	it('defaults the limit to 25 and caps it at 250', async () => {
		const defaults = (await (await get('/v2/items')).json()) as Envelope<unknown>;
		expect(defaults.count).toBe(25);
		const capped = (await (await get('/v2/items' + q({ limit: 500 }))).json()) as Envelope<unknown>;
		expect(capped.count).toBe(250);
		const tail = (await (await get('/v2/items' + q({ limit: 100, offset: 1150 }))).json()) as Envelope<unknown>;
		expect(tail.count).toBe(50);
	});

	it('filters items on boolean and null fields', async () => {
		const expected = sandbox.items().filter((i) => i.stocked && i.archived_at === null);
		const res = await get('/v2/items' + q({ limit: 100, stocked: true, archived_at: null }));
		const page = (await res.json()) as Envelope<{ id: number; stocked: boolean; archived_at: string | null }>;
		expect(page.total_results).toBe(expected.length);
		expect(page.total_results).toBeGreaterThan(0);
		expect(page.total_results).toBeLessThan(1200);
		for (const item of page.results) expect(item).toMatchObject({ stocked: true, archived_at: null });
	});

	it('has deterministic items with the vendor fields', async () => {
		expect(new MbxSandbox().items()).toEqual(sandbox.items());
		const item = sandbox.items()[0];
		const res = await get(`/v2/items/${item.id}`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as Record<string, unknown>;
		expect(Object.keys(body).sort()).toEqual(
			[
				'id',
				'name',
				'description',
				'item_category_id',
				'stocked',
				'weight',
				'serialized',
				'created_at',
				'updated_at',
				'purchasing_group_id',
				'manufacturer_sku',
				'archived_at',
				'manufacturer_id',
				'owner_id',
			].sort(),
		);
		expect(body).toEqual(item);
	});

	it.each([
		['invalid JSON', '?q=%7Blimit'],
		['negative limit', q({ limit: -1 })],
		['negative offset', q({ offset: -5 })],
		['fractional limit', q({ limit: 2.5 })],
		['a filters wrapper (not in the docs)', q({ filters: { iso_code: 'CA' } })],
		['unknown filter field', q({ colour: 'red' })],
		['object filter value', q({ name: { like: 'C%' } })],
		['array filter value', q({ iso_code: ['CA', 'US'] })],
		['misspelt key', q({ ofset: 10 })],
		['non-object q', q([1, 2])],
	])('answers 400 for an invalid q (%s)', async (_name, query) => {
		const res = await get('/v2/countries' + query);
		expect(res.status).toBe(400);
		expect(await errorsOf(res)).toEqual([expect.stringMatching(/^Invalid q parameter: /)]);
	});

	it('keeps organizations apart', async () => {
		const other = { publicToken: MBX_OTHER_ORG.publicToken, secret: MBX_OTHER_ORG.secretToken };
		const who = await get('/v2/authenticate', other);
		expect(await who.text()).toBe(`Successfully authenticated as ${MBX_OTHER_ORG.organizationName}`);

		const items = (await (await get('/v2/items' + q({ limit: 100 }), other)).json()) as Envelope<{ owner_id: number }>;
		expect(items.total_results).toBe(sandbox.items(MBX_OTHER_ORG.organizationId).length);
		for (const item of items.results) expect(item.owner_id).toBe(MBX_OTHER_ORG.organizationId);

		const demoItemId = sandbox.items()[0].id;
		const foreign = await get(`/v2/items/${demoItemId}`, other);
		expect(foreign.status).toBe(404);
		expect(await errorsOf(foreign)).toEqual([`Couldn't find Item with 'id'=${demoItemId}`]);

		// The demo secret does not sign for the other org's token.
		expect((await get('/v2/authenticate', { publicToken: MBX_OTHER_ORG.publicToken })).status).toBe(401);
	});

	it('answers 404 Not found for unknown /v2 routes, and 405 for an unsupported verb on a known one', async () => {
		const res = await get('/v2/widgets');
		expect(res.status).toBe(404);
		expect(await errorsOf(res)).toEqual(['Not found']);
		expect((await get('/v2/countries/1/flags')).status).toBe(404);
		const deleted = await get('/v2/countries', { method: 'DELETE' });
		expect(deleted.status).toBe(405);
		expect(await errorsOf(deleted)).toEqual(['Method not allowed']);
	});
});

describe('OAuth 2', () => {
	const redirectUri = 'https://app.example.test/callback?tenant=7';

	async function authorize(params: { redirectUri?: string; state?: string } = { redirectUri }): Promise<URL> {
		const res = await fetch(sandbox.authorizeUrl(params), { redirect: 'manual' });
		expect(res.status).toBe(302);
		return new URL(res.headers.get('location')!);
	}

	async function token(
		params: Record<string, string>,
		options: { json?: boolean; basic?: boolean } = {},
	): Promise<{ status: number; body: Record<string, unknown> }> {
		const headers: Record<string, string> = {};
		const fields = { ...params };
		if (options.basic) {
			const pair = `${MBX_DEMO.clientId}:${MBX_DEMO.clientSecret}`;
			headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
		} else {
			fields.client_id ??= MBX_DEMO.clientId;
			fields.client_secret ??= MBX_DEMO.clientSecret;
		}
		headers['Content-Type'] = options.json ? 'application/json' : 'application/x-www-form-urlencoded';
		const body = options.json ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
		const res = await fetch(`${sandbox.url}/oauth/token`, { method: 'POST', headers, body });
		return { status: res.status, body: (await res.json()) as Record<string, unknown> };
	}

	const withBearer = async (target: string, accessToken: unknown) =>
		await fetch(`${sandbox.url}${target}`, { headers: { Authorization: `Bearer ${String(accessToken)}` } });

	it('runs the full flow: authorize, token, bearer, expiry, refresh with rotation', async () => {
		const location = await authorize({ redirectUri, state: 'xyz 1' });
		expect(`${location.origin}${location.pathname}`).toBe('https://app.example.test/callback');
		expect(location.searchParams.get('tenant')).toBe('7');
		expect(location.searchParams.get('state')).toBe('xyz 1');
		const code = location.searchParams.get('code')!;
		expect(code).toBeTruthy();

		const before = Math.floor(Date.now() / 1000);
		const granted = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
		expect(granted.status).toBe(200);
		expect(granted.body).toEqual({
			access_token: expect.any(String),
			token_type: 'bearer',
			expires_in: 10800,
			refresh_token: expect.any(String),
			created_at: expect.any(Number),
		});
		expect(granted.body.created_at).toBeGreaterThanOrEqual(before);

		const ok = await withBearer('/v2/authenticate', granted.body.access_token);
		expect(ok.status).toBe(200);
		expect(await ok.text()).toBe(`Successfully authenticated as ${MBX_DEMO.organizationName}`);
		expect((await withBearer('/v2/countries/1', granted.body.access_token)).status).toBe(200);

		sandbox.injectFault({ kind: 'expireAuth', pathPrefix: '/v2/' });
		const expired = await withBearer('/v2/authenticate', granted.body.access_token);
		expect(expired.status).toBe(401);
		expect(await errorsOf(expired)).toEqual(['Invalid or expired bearer token']);
		// Expiry sticks after the fault is spent.
		expect((await withBearer('/v2/authenticate', granted.body.access_token)).status).toBe(401);

		const refreshed = await token(
			{ grant_type: 'refresh_token', refresh_token: String(granted.body.refresh_token) },
			{ json: true, basic: true },
		);
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).not.toBe(granted.body.refresh_token);
		expect(refreshed.body.access_token).not.toBe(granted.body.access_token);
		expect((await withBearer('/v2/authenticate', refreshed.body.access_token)).status).toBe(200);

		const replay = await token({ grant_type: 'refresh_token', refresh_token: String(granted.body.refresh_token) });
		expect(replay.status).toBe(400);
		expect(replay.body.error).toBe('invalid_grant');
		expect(sandbox.issuedBearerTokens()).toBe(2);
	});

	it('rejects a reused authorization code', async () => {
		const code = (await authorize()).searchParams.get('code')!;
		const params = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
		expect((await token(params)).status).toBe(200);
		const again = await token(params);
		expect(again.status).toBe(400);
		expect(again.body.error).toBe('invalid_grant');
	});

	it('rejects a mismatched redirect_uri without consuming the code', async () => {
		const code = (await authorize()).searchParams.get('code')!;
		const wrong = await token({ grant_type: 'authorization_code', code, redirect_uri: 'https://evil.example.test/' });
		expect(wrong.status).toBe(400);
		expect(wrong.body.error).toBe('invalid_grant');
		expect((await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri })).status).toBe(200);
	});

	it('expires authorization codes and bearer tokens after their TTL', async () => {
		sandbox.configure({ authCodeTtlSeconds: 0 });
		const stale = (await authorize()).searchParams.get('code')!;
		const late = await token({ grant_type: 'authorization_code', code: stale, redirect_uri: redirectUri });
		expect(late.status).toBe(400);
		expect(late.body).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/expired/) });

		sandbox.configure({ authCodeTtlSeconds: 600, bearerTtlSeconds: 0 });
		const code = (await authorize()).searchParams.get('code')!;
		const granted = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
		expect(granted.body.expires_in).toBe(0);
		expect((await withBearer('/v2/authenticate', granted.body.access_token)).status).toBe(401);
	});

	it('uses the predefined redirect URL and omits state when none is given', async () => {
		const location = await authorize({});
		expect(`${location.origin}${location.pathname}`).toBe(MBX_DEMO.redirectUri);
		expect(location.searchParams.has('state')).toBe(false);
		const code = location.searchParams.get('code')!;
		// No redirect_uri at authorize, so none is required at the token endpoint.
		expect((await token({ grant_type: 'authorization_code', code })).status).toBe(200);
	});

	it('answers 401 "Invalid client_id" for an unknown client', async () => {
		const res = await fetch(sandbox.authorizeUrl({ clientId: 'nobody', redirectUri }), { redirect: 'manual' });
		expect(res.status).toBe(401);
		expect(await res.text()).toBe('Invalid client_id');
	});

	it('rejects response types other than code and non-http redirect URIs', async () => {
		const implicit = sandbox.authorizeUrl({ redirectUri }).replace('response_type=code', 'response_type=token');
		const res = await fetch(implicit, { redirect: 'manual' });
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ error: 'unsupported_response_type' });

		const bad = await fetch(sandbox.authorizeUrl({ redirectUri: 'javascript:alert(1)' }), { redirect: 'manual' });
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ error: 'invalid_request' });
	});

	it('rejects bad client credentials, unknown grant types and unknown bearers', async () => {
		const code = (await authorize()).searchParams.get('code')!;
		const wrongSecret = await token({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_secret: 'wrong',
		});
		expect(wrongSecret.status).toBe(401);
		expect(wrongSecret.body.error).toBe('invalid_client');

		const password = await token({ grant_type: 'password', username: 'u', password: 'p' });
		expect(password.status).toBe(400);
		expect(password.body.error).toBe('unsupported_grant_type');

		const noCode = await token({ grant_type: 'authorization_code' });
		expect(noCode.status).toBe(400);
		expect(noCode.body.error).toBe('invalid_request');

		const unknown = await withBearer('/v2/authenticate', 'made-up-token');
		expect(unknown.status).toBe(401);
		expect(await errorsOf(unknown)).toEqual(['Invalid or expired bearer token']);
	});

	it('forgets issued tokens on reset', async () => {
		const code = (await authorize()).searchParams.get('code')!;
		const granted = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
		expect((await withBearer('/v2/authenticate', granted.body.access_token)).status).toBe(200);
		expect((await control('reset')).status).toBe(204);
		expect(sandbox.issuedBearerTokens()).toBe(0);
		expect((await withBearer('/v2/authenticate', granted.body.access_token)).status).toBe(401);
	});
});

describe('faults, request log and reset', () => {
	it('injects a 429 with Retry-After, then serves normally', async () => {
		const injected = await control('faults', { kind: 'status', status: 429, retryAfterSeconds: 7, pathPrefix: '/v2/' });
		expect(injected.status).toBe(204);
		const limited = await get('/v2/countries');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('7');
		expect(await errorsOf(limited)).toEqual([expect.any(String)]);
		expect((await get('/v2/countries')).status).toBe(200);
	});

	it('injects a 503', async () => {
		sandbox.injectFault({ kind: 'status', status: 503 });
		const res = await get('/v2/items');
		expect(res.status).toBe(503);
		expect(await errorsOf(res)).toEqual([expect.any(String)]);
	});

	it('delays a slow response by at least the configured time', async () => {
		const ms = 200;
		sandbox.injectFault({ kind: 'slow', delayMs: ms, pathPrefix: '/v2/countries' });
		const started = Date.now();
		const res = await get('/v2/countries/1');
		const elapsed = Date.now() - started;
		expect(res.status).toBe(200);
		expect(elapsed).toBeGreaterThanOrEqual(ms - 10);
	});

	it('records method, target and body, and /__sandbox/reset clears the log', async () => {
		const target = '/v2/countries' + q({ limit: 1 });
		await get(target);
		await get('/v2/authenticate', { method: 'POST', body: '{"hello":"world"}' });

		const logged = (await (await control('requests', undefined, 'GET')).json()) as Array<{
			method: string;
			target: string;
			body: string;
			status: number;
		}>;
		expect(logged.map(({ method, target: t, body, status }) => ({ method, target: t, body, status }))).toEqual([
			{ method: 'GET', target, body: '', status: 200 },
			{ method: 'POST', target: '/v2/authenticate', body: '{"hello":"world"}', status: 200 },
		]);

		sandbox.configure({ acceptPathOnlySignature: true });
		expect((await control('reset')).status).toBe(204);
		expect(sandbox.requests).toHaveLength(0);
		expect(await (await control('requests', undefined, 'GET')).json()).toEqual([]);
		// Reset also restores the options the sandbox was built with.
		expect(sandbox.options.acceptPathOnlySignature).toBe(false);
	});
});
