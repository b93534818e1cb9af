/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * The Apicbase sandbox over real HTTP: OAuth2 flows, bearer auth, scopes, rate limit, DRF
 * pagination and filters, the supplier flags, the signed webhook sender, faults, log and reset.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pythonJsonDumps } from '../../nodes/Apicbase/pythonJson';
import { APICBASE_DEMO, ApicbaseSandbox } from './apicbase/server';
import type { ApiOrder, WebhookOrder } from './apicbase/seed';
import { withoutKeys } from '../../nodes/shared/values';
import type { Json } from '../helpers/json';

const sandbox = new ApicbaseSandbox();
let base = '';

beforeAll(async () => {
	base = await sandbox.start(0);
});
afterAll(async () => {
	await sandbox.stop();
});
beforeEach(() => sandbox.reset());

const ORDERS = APICBASE_DEMO.purchaseOrdersPath;
const CUSTOMERS = APICBASE_DEMO.customersPath;

// Response bodies are checked field by field; spelling out every shape would add nothing here.

async function tokenRequest(
	params: Record<string, string>,
	opts: { json?: boolean; basic?: [string, string]; path?: string } = {},
): Promise<Response> {
	const headers: Record<string, string> = {
		'Content-Type': opts.json ? 'application/json' : 'application/x-www-form-urlencoded',
	};
	if (opts.basic) headers.Authorization = 'Basic ' + Buffer.from(opts.basic.join(':')).toString('base64');
	const body = opts.json ? JSON.stringify(params) : new URLSearchParams(params).toString();
	return await fetch(base + (opts.path ?? APICBASE_DEMO.tokenPath), { method: 'POST', headers, body });
}

const supplierParams = () => ({
	grant_type: 'client_credentials',
	client_id: APICBASE_DEMO.supplierClientId,
	client_secret: APICBASE_DEMO.supplierClientSecret,
	scope: 'supplier',
});

async function supplierToken(): Promise<string> {
	const res = await tokenRequest(supplierParams());
	expect(res.status).toBe(200);
	return ((await res.json()) as Json).access_token;
}

async function api(path: string, token?: string, init: RequestInit = {}): Promise<Response> {
	const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
	if (token) headers.Authorization = `Bearer ${token}`;
	return await fetch(path.startsWith('http') ? path : base + path, { ...init, headers });
}

async function getJson(path: string, token: string): Promise<{ status: number; body: Json; res: Response }> {
	const res = await api(path, token);
	return { status: res.status, body: await res.json(), res };
}

const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';

async function authorize(scope = 'procurement library', state = 'xyz'): Promise<string> {
	const url = new URL(base + APICBASE_DEMO.authorizePath);
	url.search = new URLSearchParams({
		response_type: 'code',
		client_id: APICBASE_DEMO.customerClientId,
		redirect_uri: redirectUri,
		scope,
		state,
	}).toString();
	const res = await fetch(url, { redirect: 'manual' });
	expect(res.status).toBe(302);
	const location = new URL(res.headers.get('location')!);
	expect(location.origin + location.pathname).toBe(redirectUri);
	expect(location.searchParams.get('state')).toBe(state);
	return location.searchParams.get('code')!;
}

const customerParams = (extra: Record<string, string>) => ({
	client_id: APICBASE_DEMO.customerClientId,
	client_secret: APICBASE_DEMO.customerClientSecret,
	...extra,
});

async function customerTokens(scope?: string): Promise<Json> {
	const code = await authorize(scope);
	const res = await tokenRequest(customerParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }));
	expect(res.status).toBe(200);
	return (await res.json()) as Json;
}

/** ISO datetime with optional microseconds to microseconds since the epoch. */
function micros(iso: string): number {
	const m = /^(.*?)(?:\.(\d{1,6}))?Z$/.exec(iso)!;
	return Date.parse(m[1] + 'Z') * 1000 + Number((m[2] ?? '').padEnd(6, '0'));
}

/** The webhook payload of an API order: the same object without the supplier flags. */
function withoutFlags(order: ApiOrder): WebhookOrder {
	return withoutKeys(order, ['fetched_by_supplier', 'fetched_by_supplier_at', 'viewed_by_supplier', 'viewed_by_supplier_at']);
}

const hmac = (secret: string, raw: Buffer | string) => createHmac('sha256', secret).update(raw).digest('hex');

describe('OAuth2 token endpoint', () => {
	it('issues a supplier token for client credentials in a form body', async () => {
		const res = await tokenRequest(supplierParams());
		expect(res.status).toBe(200);
		const body = (await res.json()) as Json;
		expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'token_type', 'scope']);
		expect(body).toMatchObject({ expires_in: 604800, token_type: 'Bearer', scope: 'supplier' });
		expect(body.access_token).toMatch(/^[A-Za-z0-9]{30}$/);
		expect((await api(ORDERS, body.access_token)).status).toBe(200);
	});

	it('accepts a JSON body and HTTP Basic client authentication', async () => {
		const jsonRes = await tokenRequest(supplierParams(), { json: true });
		expect(jsonRes.status).toBe(200);
		const basicRes = await tokenRequest(
			{ grant_type: 'client_credentials', scope: 'supplier' },
			{ basic: [APICBASE_DEMO.supplierClientId, APICBASE_DEMO.supplierClientSecret] },
		);
		expect(basicRes.status).toBe(200);
		const token = ((await basicRes.json()) as Json).access_token;
		expect((await api(ORDERS, token)).status).toBe(200);
	});

	it('rejects a wrong secret or unknown client with 401 invalid_client', async () => {
		for (const res of [
			await tokenRequest({ ...supplierParams(), client_secret: 'nope' }),
			await tokenRequest({ ...supplierParams(), client_id: 'someone-else' }),
			await tokenRequest(
				{ grant_type: 'client_credentials', scope: 'supplier' },
				{ basic: [APICBASE_DEMO.supplierClientId, 'nope'] },
			),
		]) {
			expect(res.status).toBe(401);
			expect(await res.json()).toEqual({ error: 'invalid_client' });
		}
	});

	it('requires scope=supplier for the supplier client', async () => {
		const noScope = withoutKeys(supplierParams(), ['scope']);
		for (const params of [noScope, { ...supplierParams(), scope: 'library' }]) {
			const res = await tokenRequest(params);
			expect(res.status).toBe(400);
			expect(await res.json()).toEqual({ error: 'invalid_scope' });
		}
	});

	it('rejects unknown grants and grants the client may not use', async () => {
		const password = await tokenRequest({ ...supplierParams(), grant_type: 'password' });
		expect(password.status).toBe(400);
		expect(await password.json()).toEqual({ error: 'unsupported_grant_type' });
		const customerCc = await tokenRequest(customerParams({ grant_type: 'client_credentials', scope: 'supplier' }));
		expect(customerCc.status).toBe(400);
		expect(await customerCc.json()).toEqual({ error: 'unauthorized_client' });
	});

	it('answers 404 without the trailing slash, like Django', async () => {
		const res = await tokenRequest(supplierParams(), { path: '/oauth/token' });
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({ detail: 'Not found.' });
	});

	it('reports the configured token lifetime', async () => {
		sandbox.configure({ supplierTokenTtlSeconds: 3600 });
		const body = (await (await tokenRequest(supplierParams())).json()) as Json;
		expect(body.expires_in).toBe(3600);
	});
});

describe('bearer authentication and scopes', () => {
	it('answers 401 without credentials', async () => {
		const res = await api(ORDERS);
		expect(res.status).toBe(401);
		expect(res.headers.get('www-authenticate')).toBe('Bearer realm="api"');
		expect(await res.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
	});

	it('answers 401 Invalid token for an unknown token', async () => {
		const { status, body } = await getJson(ORDERS, 'not-a-real-token');
		expect(status).toBe(401);
		expect(body).toEqual({ detail: 'Invalid token.' });
	});

	it('expires tokens after their lifetime', async () => {
		sandbox.configure({ supplierTokenTtlSeconds: 30 });
		const token = await supplierToken();
		expect((await api(ORDERS, token)).status).toBe(200);
		sandbox.advanceClock(31);
		const { status, body } = await getJson(ORDERS, token);
		expect(status).toBe(401);
		expect(body).toEqual({ detail: 'Invalid token.' });
	});

	it('expires the caller\'s token on an expireAuth fault, and no other', async () => {
		const token = await supplierToken();
		const other = await supplierToken();
		sandbox.injectFault({ kind: 'expireAuth', pathPrefix: '/api/v2/', times: 1 });
		const { status, body } = await getJson(ORDERS, token);
		expect(status).toBe(401);
		expect(body).toEqual({ detail: 'Invalid token.' });
		expect((await api(ORDERS, token)).status).toBe(401);
		expect((await api(ORDERS, other)).status).toBe(200);
		expect((await api(ORDERS, await supplierToken())).status).toBe(200);
	});

	it('answers 403 to a customer token without the supplier scope', async () => {
		const tokens = await customerTokens('procurement');
		const { status, body } = await getJson(ORDERS, tokens.access_token);
		expect(status).toBe(403);
		expect(body).toEqual({ detail: 'You do not have permission to perform this action.' });
	});

	it('answers 405 for a method the endpoint does not have', async () => {
		const res = await api(ORDERS, await supplierToken(), { method: 'POST' });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET, PATCH');
		expect(await res.json()).toEqual({ detail: 'Method "POST" not allowed.' });
	});
});

describe('rate limit', () => {
	it('throttles past the per-minute limit with Retry-After and DRF detail', async () => {
		const config = await fetch(base + '/__sandbox/config', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ rateLimitPerMinute: 5 }),
		});
		expect(((await config.json()) as Json).rateLimitPerMinute).toBe(5);
		const token = await supplierToken();
		for (let i = 1; i <= 5; i++) {
			const res = await api(ORDERS, token);
			expect(res.status).toBe(200);
			expect(res.headers.get('ratelimit-limit')).toBe('5');
			expect(res.headers.get('ratelimit-remaining')).toBe(String(5 - i));
			expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
		}
		const throttled = await api(ORDERS, token);
		expect(throttled.status).toBe(429);
		const retryAfter = Number(throttled.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(throttled.headers.get('ratelimit-remaining')).toBe('0');
		expect(await throttled.json()).toEqual({
			detail: `Request was throttled. Expected available in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
		});

		// The limit is per token, the window is fixed, and resetRateLimits() clears it.
		expect((await api(ORDERS, await supplierToken())).status).toBe(200);
		sandbox.advanceClock(61);
		expect((await api(ORDERS, token)).status).toBe(200);
		for (let i = 0; i < 4; i++) await api(ORDERS, token);
		expect((await api(ORDERS, token)).status).toBe(429);
		sandbox.resetRateLimits();
		expect((await api(ORDERS, token)).status).toBe(200);
	});

	it('sends RateLimit headers on errors too', async () => {
		const res = await api(`${CUSTOMERS}nobody/packages`, await supplierToken());
		expect(res.status).toBe(404);
		expect(res.headers.get('ratelimit-limit')).toBe('100');
		expect(res.headers.get('ratelimit-remaining')).toBe('99');
	});
});

describe('pagination', () => {
	it('walks all 1,100 orders exactly once following next URLs', async () => {
		const token = await supplierToken();
		let url: string | null = `${base}${ORDERS}?page_size=200`;
		const ids: string[] = [];
		let pages = 0;
		let previous: string | null = 'unset';
		while (url) {
			const { status, body } = await getJson(url, token);
			expect(status).toBe(200);
			expect(body.count).toBe(1100);
			if (pages === 0) previous = body.previous;
			ids.push(...body.results.map((o: Json) => o.id));
			url = body.next;
			pages++;
			if (url) expect(url.startsWith(base + ORDERS + '?')).toBe(true);
		}
		expect(previous).toBeNull();
		expect(pages).toBe(6);
		expect(ids).toHaveLength(1100);
		expect(new Set(ids).size).toBe(1100);
		expect(new Set(ids)).toEqual(new Set(sandbox.purchaseOrders().map((o) => o.id)));
	});

	it('builds next/previous like DRF and defaults to 10 per page', async () => {
		const token = await supplierToken();
		const first = await getJson(`${ORDERS}?status=ORDERED`, token);
		expect(first.body.results).toHaveLength(10);
		expect(first.body.next).toBe(`${base}${ORDERS}?page=2&status=ORDERED`);
		const second = await getJson(first.body.next, token);
		// Page 1 is linked without a page parameter.
		expect(second.body.previous).toBe(`${base}${ORDERS}?status=ORDERED`);
	});

	it('clamps page_size to 200', async () => {
		const { body } = await getJson(`${ORDERS}?page_size=500`, await supplierToken());
		expect(body.results).toHaveLength(200);
		expect(body.next).toBe(`${base}${ORDERS}?page=2&page_size=500`);
	});

	it('answers 404 Invalid page for pages out of range or not integers', async () => {
		const token = await supplierToken();
		for (const page of ['999', '0', 'abc', '1.5']) {
			const { status, body } = await getJson(`${ORDERS}?page=${page}`, token);
			expect(status).toBe(404);
			expect(body).toEqual({ detail: 'Invalid page.' });
		}
		const last = await getJson(`${ORDERS}?page=110`, token);
		expect(last.status).toBe(200);
		expect(last.body.next).toBeNull();
	});
});

describe('purchase order filters and ordering', () => {
	it('filters by status', async () => {
		const token = await supplierToken();
		for (const status of ['ORDERED', 'DELIVERED']) {
			const { body } = await getJson(`${ORDERS}?status=${status}&page_size=200`, token);
			const expected = sandbox.purchaseOrders().filter((o) => o.status === status).length;
			expect(expected).toBeGreaterThan(0);
			expect(body.count).toBe(expected);
			expect(body.results.every((o: Json) => o.status === status)).toBe(true);
		}
		const bad = await getJson(`${ORDERS}?status=ordered`, token);
		expect(bad.status).toBe(400);
		expect(bad.body).toEqual({ status: ['Select a valid choice. ordered is not one of the available choices.'] });
	});

	it('filters ordered_on__gt strictly, also among orders sharing a second', async () => {
		const token = await supplierToken();
		const all = sandbox.purchaseOrders();
		const counts = new Map<string, number>();
		for (const o of all) counts.set(o.ordered_on, (counts.get(o.ordered_on) ?? 0) + 1);
		const shared = [...counts].find(([, n]) => n > 1)![0];
		expect(shared).toMatch(/:\d\dZ$/);
		const bound = micros(shared);

		const gt = await getJson(`${ORDERS}?ordered_on__gt=${encodeURIComponent(shared)}&page_size=200`, token);
		expect(gt.body.count).toBe(all.filter((o) => micros(o.ordered_on) > bound).length);
		expect(gt.body.results.every((o: Json) => micros(o.ordered_on) > bound)).toBe(true);
		const gte = await getJson(`${ORDERS}?ordered_on__gte=${encodeURIComponent(shared)}`, token);
		expect(gte.body.count).toBe(gt.body.count + counts.get(shared)!);

		// The same instant with an offset, properly encoded.
		const offsetForm = new Date(bound / 1000 + 3600_000).toISOString().slice(0, 19) + '+01:00';
		const gtOffset = await getJson(`${ORDERS}?ordered_on__gt=${encodeURIComponent(offsetForm)}`, token);
		expect(gtOffset.body.count).toBe(gt.body.count);
	});

	it('rejects invalid datetimes, including an unencoded + offset', async () => {
		const token = await supplierToken();
		for (const raw of ['yesterday', '2025-02-30T10:00:00Z', '2025-03-10T10:00:00+01:00']) {
			const { status, body } = await getJson(`${ORDERS}?ordered_on__gt=${raw}`, token);
			expect(status).toBe(400);
			expect(body).toEqual({ ordered_on__gt: ['Enter a valid date/time.'] });
		}
	});

	it('combines ordered_on__lt, flags and order_number filters', async () => {
		const token = await supplierToken();
		const all = sandbox.purchaseOrders();
		const lt = '2025-03-10T00:00:00Z';
		const { body } = await getJson(`${ORDERS}?ordered_on__lt=${lt}&fetched_by_supplier=false`, token);
		expect(body.count).toBe(all.filter((o) => micros(o.ordered_on) < micros(lt) && !o.fetched_by_supplier).length);
		const viewed = await getJson(`${ORDERS}?viewed_by_supplier=true`, token);
		expect(viewed.body.count).toBe(all.filter((o) => o.viewed_by_supplier).length);
		const one = await getJson(`${ORDERS}?order_number=${all[42].order_number}`, token);
		expect(one.body.count).toBe(1);
		expect(one.body.results[0]).toEqual(all[42]);
	});

	it('orders by -ordered_on by default and by order_number on request', async () => {
		const token = await supplierToken();
		const byDate = (await getJson(`${ORDERS}?page_size=200`, token)).body.results as Json[];
		for (let i = 1; i < byDate.length; i++) {
			expect(micros(byDate[i - 1].ordered_on)).toBeGreaterThanOrEqual(micros(byDate[i].ordered_on));
		}
		const byNumber = (await getJson(`${ORDERS}?ordering=order_number&page_size=50`, token)).body.results as Json[];
		const numbers = byNumber.map((o) => o.order_number);
		expect(numbers).toEqual([...numbers].sort());
		expect(numbers[0]).toBe('PO-2025-00001');
	});

	it('renders items in the webhook schema plus the supplier flags', async () => {
		const { body } = await getJson(`${ORDERS}?page_size=1`, await supplierToken());
		const order = body.results[0];
		expect(Object.keys(order)).toEqual([
			'id',
			'order_number',
			'status',
			'ordered_on',
			'owned_by',
			'order_remarks',
			'packages',
			'expected_delivery_date',
			'theoretical_price',
			'supplier_customer_number',
			'fetched_by_supplier',
			'fetched_by_supplier_at',
			'viewed_by_supplier',
			'viewed_by_supplier_at',
		]);
		expect(typeof order.id).toBe('string');
		expect(order.ordered_on).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$/);
		expect(typeof order.theoretical_price).toBe('string');
		const pkg = order.packages[0];
		expect(Number.isInteger(pkg.quantity_ordered)).toBe(true);
		expect(typeof pkg.supplier_package.theoretical_price_per_package).toBe('string');
	});
});

describe('PATCH purchase orders (fetched / viewed flags)', () => {
	const patch = async (token: string, body: unknown, contentType = 'application/json') =>
		await api(ORDERS, token, {
			method: 'PATCH',
			headers: { 'Content-Type': contentType },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});

	it('marks orders fetched and viewed with a timestamp', async () => {
		const token = await supplierToken();
		const [a, b] = sandbox.purchaseOrders().filter((o) => !o.fetched_by_supplier && !o.viewed_by_supplier);
		const res = await patch(token, [
			{ id: a.id, fetched_by_supplier: true },
			{ id: b.id, fetched_by_supplier: true, viewed_by_supplier: true },
		]);
		expect(res.status).toBe(200);
		const updated = (await res.json()) as Json[];
		expect(updated.map((o) => o.id)).toEqual([a.id, b.id]);
		expect(updated[0]).toMatchObject({ fetched_by_supplier: true, viewed_by_supplier: false, viewed_by_supplier_at: null });
		expect(updated[1]).toMatchObject({ fetched_by_supplier: true, viewed_by_supplier: true });
		expect(Math.abs(micros(updated[0].fetched_by_supplier_at) / 1000 - Date.now())).toBeLessThan(5000);

		const listed = await getJson(`${ORDERS}?order_number=${b.order_number}`, token);
		expect(listed.body.results[0]).toEqual(updated[1]);
		const unfetched = await getJson(`${ORDERS}?fetched_by_supplier=false`, token);
		expect(unfetched.body.count).toBe(sandbox.purchaseOrders().filter((o) => !o.fetched_by_supplier).length);
	});

	it('refuses to unset a flag and saves nothing from an invalid batch', async () => {
		const token = await supplierToken();
		const [fresh] = sandbox.purchaseOrders().filter((o) => !o.fetched_by_supplier);
		const done = sandbox.purchaseOrders().find((o) => o.fetched_by_supplier)!;
		const res = await patch(token, [
			{ id: fresh.id, fetched_by_supplier: true },
			{ id: done.id, fetched_by_supplier: false },
		]);
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual([{}, { fetched_by_supplier: ['This flag cannot be unset.'] }]);
		expect(sandbox.purchaseOrders().find((o) => o.id === fresh.id)!.fetched_by_supplier).toBe(false);
		expect(sandbox.purchaseOrders().find((o) => o.id === done.id)!.fetched_by_supplier).toBe(true);
	});

	it('rejects unknown ids, non-list bodies and non-JSON content', async () => {
		const token = await supplierToken();
		const unknown = await patch(token, [{ id: 'nope', viewed_by_supplier: true }]);
		expect(unknown.status).toBe(400);
		expect(await unknown.json()).toEqual([{ id: ['Invalid pk "nope" - object does not exist.'] }]);
		const notList = await patch(token, { id: 'x', fetched_by_supplier: true });
		expect(notList.status).toBe(400);
		expect(await notList.json()).toEqual({ non_field_errors: ['Expected a list of items but got type "dict".'] });
		const form = await patch(token, 'id=x&fetched_by_supplier=true', 'application/x-www-form-urlencoded');
		expect(form.status).toBe(415);
	});
});

describe('customers and packages', () => {
	it('lists the six customers, paginated', async () => {
		const { body } = await getJson(CUSTOMERS, await supplierToken());
		expect(body.count).toBe(6);
		expect(body.next).toBeNull();
		expect(body.results).toEqual([...sandbox.customers()].sort((a, b) => (a.customer_number < b.customer_number ? -1 : 1)));
		expect(Object.keys(body.results[0])).toEqual(['customer_number', 'supplier_outlet_id']);
	});

	it('lists a customer’s packages and 404s an unknown customer', async () => {
		const token = await supplierToken();
		const customer = sandbox.customers()[0];
		const { status, body } = await getJson(`${CUSTOMERS}${customer.customer_number}/packages?page_size=200`, token);
		expect(status).toBe(200);
		expect(body.count).toBeGreaterThan(30);
		const item = body.results[0];
		expect(item.supplier_outlet_id).toBe(customer.supplier_outlet_id);
		expect(Object.keys(item.package)).toEqual([
			'article',
			'third_party_id',
			'name',
			'gtin',
			'price',
			'price_type_code',
			'package_type',
			'package_description',
			'orderable',
		]);
		expect(Object.keys(item.package.article)).toEqual(['shared_id', 'name', 'brand']);
		const missing = await getJson(`${CUSTOMERS}does-not-exist/packages`, token);
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({ detail: 'Not found.' });
	});
});

describe('authorization-code flow', () => {
	it('exchanges a code once for tokens with a refresh token', async () => {
		const code = await authorize('procurement library');
		const params = customerParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
		const res = await tokenRequest(params);
		expect(res.status).toBe(200);
		const body = (await res.json()) as Json;
		expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'token_type', 'scope', 'refresh_token']);
		expect(body).toMatchObject({ token_type: 'Bearer', scope: 'procurement library', expires_in: 604800 });
		const reuse = await tokenRequest(params);
		expect(reuse.status).toBe(400);
		expect(await reuse.json()).toEqual({ error: 'invalid_grant' });
	});

	it('expires codes after 60 seconds', async () => {
		const code = await authorize();
		sandbox.advanceClock(61);
		const res = await tokenRequest(customerParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }));
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({ error: 'invalid_grant' });
	});

	it('requires the same redirect_uri and the customer client', async () => {
		const code = await authorize();
		const mismatch = await tokenRequest(
			customerParams({ grant_type: 'authorization_code', code, redirect_uri: 'http://evil.example/cb' }),
		);
		expect(mismatch.status).toBe(400);
		expect(((await mismatch.json()) as Json).error).toBe('invalid_request');
		const asSupplier = await tokenRequest({
			...supplierParams(),
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
		});
		expect(asSupplier.status).toBe(400);
		expect(await asSupplier.json()).toEqual({ error: 'unauthorized_client' });
	});

	it('redirects scope errors back to the client with the state', async () => {
		const url = new URL(base + APICBASE_DEMO.authorizePath);
		url.search = new URLSearchParams({
			response_type: 'code',
			client_id: APICBASE_DEMO.customerClientId,
			redirect_uri: redirectUri,
			scope: 'supplier',
			state: 's1',
		}).toString();
		const res = await fetch(url, { redirect: 'manual' });
		expect(res.status).toBe(302);
		const location = new URL(res.headers.get('location')!);
		expect(location.searchParams.get('error')).toBe('invalid_scope');
		expect(location.searchParams.get('state')).toBe('s1');
		expect(location.searchParams.has('code')).toBe(false);
	});

	it('refreshes after the access token expired, rotating the refresh token', async () => {
		sandbox.configure({ customerTokenTtlSeconds: 60 });
		const tokens = await customerTokens('procurement');
		sandbox.advanceClock(120);
		expect((await getJson(ORDERS, tokens.access_token)).body).toEqual({ detail: 'Invalid token.' });

		const refreshParams = customerParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
		const res = await tokenRequest(refreshParams, { json: true });
		expect(res.status).toBe(200);
		const fresh = (await res.json()) as Json;
		expect(fresh.access_token).not.toBe(tokens.access_token);
		expect(fresh.refresh_token).not.toBe(tokens.refresh_token);
		expect(fresh.scope).toBe('procurement');
		// A working token: the supplier endpoint now answers 403 (scope), not 401.
		expect((await api(ORDERS, fresh.access_token)).status).toBe(403);

		const again = await tokenRequest(refreshParams);
		expect(again.status).toBe(400);
		expect(await again.json()).toEqual({ error: 'invalid_grant' });
	});
});

interface Received {
	raw: Buffer;
	headers: IncomingHttpHeaders;
}

/** A tiny webhook receiver that keeps the raw bytes and answers with a chosen status. */
async function startReceiver(answer: { status: number; body: string } = { status: 200, body: 'ok' }) {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ raw: Buffer.concat(chunks), headers: req.headers });
			res.writeHead(answer.status, { 'Content-Type': 'text/plain' });
			res.end(answer.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/apicbase/orders`;
	return {
		url,
		received,
		answer,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('webhook sender', () => {
	let receiver: Receiver;
	beforeEach(async () => {
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await receiver.close();
	});

	const signatureOf = (r: Received) => r.headers['x-apic-webhook-signature'] as string | undefined;
	const verifies = (r: Received, secret: string) => signatureOf(r) === hmac(secret, r.raw);
	const secret = APICBASE_DEMO.supplierClientSecret;

	const trickyOrder = {
		id: 'UHVyY2hhc2VPcmRlcjo5OTk5OTk=',
		order_number: 'PO-TEST-1',
		status: 'ORDERED',
		ordered_on: '2025-04-01T08:00:00.123456Z',
		owned_by: { username: 'jürgen.weiß' },
		order_remarks: 'Crème fraîche “fresh”, He said "ASAP"\nC:\\path\tTab 🍅',
		packages: [
			{
				stock_item: { name: 'Jalapeño slices' },
				supplier_package: { supplier_article_number: '000123', theoretical_price_per_package: '11.95' },
				quantity_ordered: 2,
				total_theoretical_price: '23.90',
			},
		],
		expected_delivery_date: null,
		theoretical_price: '23.90',
		supplier_customer_number: '000417',
	};

	it('pushes a new order as python json.dumps bytes signed with the client secret', async () => {
		const result = await sandbox.sendWebhook({ url: receiver.url });
		expect(result.status).toBe(200);
		expect(result.body).toBe('ok');
		const [got] = receiver.received;
		expect(got.headers['content-type']).toBe('application/json');
		expect(got.raw.toString('utf8')).toBe(result.sentBody);
		const parsed = JSON.parse(got.raw.toString('utf8')) as Json;
		expect(got.raw.toString('utf8')).toBe(pythonJsonDumps(parsed));
		expect(parsed.status).toBe('ORDERED');
		expect(signatureOf(got)).toMatch(/^[0-9a-f]{64}$/);
		expect(signatureOf(got)).toBe(result.signature);
		expect(verifies(got, secret)).toBe(true);

		// Accepted (2xx) orders become visible in the supplier API; the next push is a new order.
		const listed = sandbox.purchaseOrders();
		expect(listed).toHaveLength(1101);
		expect(withoutFlags(listed.at(-1)!)).toEqual(parsed);
		await sandbox.sendWebhook({ url: receiver.url });
		expect((JSON.parse(receiver.received[1].raw.toString()) as Json).id).not.toBe(parsed.id);
	});

	it('sends an existing order with non-ASCII \\u-escaped and Python separators', async () => {
		const order = sandbox.purchaseOrders().find((o) => /[\u0080-\uffff]/.test(JSON.stringify(o)))!;
		await sandbox.sendWebhook({ url: receiver.url, orderId: order.id });
		const raw = receiver.received[0].raw.toString('utf8');
		expect(raw).toBe(pythonJsonDumps(withoutFlags(order)));
		// Printable ASCII only: non-ASCII and control characters are all escaped.
		expect(/^[ -~]*$/.test(raw)).toBe(true);
		expect(raw).toContain('", "');
		expect(raw).toContain('": ');
		expect(raw).not.toContain('","');
		expect(sandbox.purchaseOrders()).toHaveLength(1100);
	});

	it('sends a given order verbatim with escapes for accents, quotes, emoji and control characters', async () => {
		await sandbox.sendWebhook({ url: receiver.url, order: trickyOrder });
		const got = receiver.received[0];
		const raw = got.raw.toString('utf8');
		expect(raw).toBe(pythonJsonDumps(trickyOrder));
		expect(raw).toContain('"order_remarks": "Cr\\u00e8me fra\\u00eeche \\u201cfresh\\u201d, He said \\"ASAP\\"\\nC:\\\\path\\tTab \\ud83c\\udf45"');
		expect(raw).toContain('"username": "j\\u00fcrgen.wei\\u00df"');
		expect(verifies(got, secret)).toBe(true);
	});

	it('sends JSON.stringify bytes in compact mode and signs those', async () => {
		const result = await sandbox.sendWebhook({ url: receiver.url, order: trickyOrder, encoding: 'compact' });
		const got = receiver.received[0];
		expect(got.raw.equals(Buffer.from(JSON.stringify(trickyOrder), 'utf8'))).toBe(true);
		expect(got.raw.toString('utf8')).toContain('Crème fraîche');
		expect(verifies(got, secret)).toBe(true);
		expect(result.signature).not.toBe(hmac(secret, pythonJsonDumps(trickyOrder)));
	});

	it('breaks verification in each tamper mode', async () => {
		const python = pythonJsonDumps(trickyOrder);
		const honest = hmac(secret, python);

		await sandbox.sendWebhook({ url: receiver.url, order: trickyOrder, tamper: 'body' });
		const body = receiver.received[0];
		const raw = body.raw.toString('utf8');
		expect(raw).not.toBe(python);
		expect(raw).toHaveLength(python.length);
		expect([...raw].filter((c, i) => c !== python[i])).toHaveLength(1);
		expect(() => JSON.parse(raw)).not.toThrow();
		expect(signatureOf(body)).toBe(honest);
		expect(verifies(body, secret)).toBe(false);

		await sandbox.sendWebhook({ url: receiver.url, order: trickyOrder, tamper: 'signature' });
		const sig = receiver.received[1];
		expect(sig.raw.toString('utf8')).toBe(python);
		expect(signatureOf(sig)).toMatch(/^[0-9a-f]{64}$/);
		expect([...signatureOf(sig)!].filter((c, i) => c !== honest[i])).toHaveLength(1);
		expect(verifies(sig, secret)).toBe(false);

		const missing = await sandbox.sendWebhook({ url: receiver.url, order: trickyOrder, tamper: 'missingSignature' });
		expect(missing.signature).toBeUndefined();
		expect(signatureOf(receiver.received[2])).toBeUndefined();

		await sandbox.sendWebhook({ url: receiver.url, order: trickyOrder, tamper: 'wrongSecret' });
		const wrong = receiver.received[3];
		expect(wrong.raw.toString('utf8')).toBe(python);
		expect(signatureOf(wrong)).toMatch(/^[0-9a-f]{64}$/);
		expect(verifies(wrong, secret)).toBe(false);
	});

	it('signs with a dedicated webhook secret when configured', async () => {
		sandbox.configure({ webhookSecret: 'dedicated-webhook-key' });
		await sandbox.sendWebhook({ url: receiver.url, order: trickyOrder });
		const got = receiver.received[0];
		expect(verifies(got, 'dedicated-webhook-key')).toBe(true);
		expect(verifies(got, secret)).toBe(false);
	});

	it('reports the receiver’s answer and keeps rejected new orders out of the API', async () => {
		receiver.answer.status = 403;
		receiver.answer.body = 'Incorrect signature';
		const result = await sandbox.sendWebhook({ url: receiver.url, tamper: 'signature' });
		expect(result).toMatchObject({ status: 403, body: 'Incorrect signature' });
		receiver.answer.status = 500;
		receiver.answer.body = 'boom';
		expect((await sandbox.sendWebhook({ url: receiver.url })).status).toBe(500);
		expect(sandbox.purchaseOrders()).toHaveLength(1100);

		const deliveries = sandbox.webhookDeliveries();
		expect(deliveries.map((d) => [d.status, d.tamper, d.body])).toEqual([
			[403, 'signature', 'Incorrect signature'],
			[500, 'none', 'boom'],
		]);
		// The customer re-sends the same order after a failure.
		expect(deliveries[0].orderId).toBe(deliveries[1].orderId);
	});

	it('builds a different order once the customer abandons the refused one', async () => {
		receiver.answer.status = 422;
		await sandbox.sendWebhook({ url: receiver.url });
		sandbox.abandonRefusedOrder();
		receiver.answer.status = 200;
		await sandbox.sendWebhook({ url: receiver.url });
		const [refused, accepted] = sandbox.webhookDeliveries();
		expect(refused.orderId).not.toBe(accepted.orderId);
		const ids = sandbox.purchaseOrders().map((o) => o.id);
		expect(ids).toContain(accepted.orderId);
		expect(ids).not.toContain(refused.orderId);
	});

	it('is driven over HTTP through /__sandbox/webhook', async () => {
		const res = await fetch(base + '/__sandbox/webhook', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ url: receiver.url, order: trickyOrder, encoding: 'python' }),
		});
		expect(res.status).toBe(200);
		const result = (await res.json()) as Json;
		expect(Object.keys(result).sort()).toEqual(['body', 'sentBody', 'signature', 'status']);
		expect(result.status).toBe(200);
		expect(result.sentBody).toBe(receiver.received[0].raw.toString('utf8'));
		expect(result.signature).toBe(hmac(secret, receiver.received[0].raw));
		const log = (await (await fetch(base + '/__sandbox/webhooks')).json()) as Json[];
		expect(log).toHaveLength(1);
		const unknown = await fetch(base + '/__sandbox/webhook', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ url: receiver.url, orderId: 'nope' }),
		});
		expect(unknown.status).toBe(404);
	});
});

describe('faults, request log and reset', () => {
	it('injects a 503 with a DRF-style detail, then recovers', async () => {
		const token = await supplierToken();
		sandbox.injectFault({ kind: 'status', status: 503, pathPrefix: ORDERS });
		const { status, body } = await getJson(ORDERS, token);
		expect(status).toBe(503);
		expect(body).toEqual({ detail: 'Service temporarily unavailable, try again later.' });
		expect((await api(ORDERS, token)).status).toBe(200);
	});

	it('injects a 429 with Retry-After over the control API', async () => {
		const token = await supplierToken();
		await fetch(base + '/__sandbox/faults', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ kind: 'status', status: 429, retryAfterSeconds: 7 }),
		});
		const res = await api(ORDERS, token);
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('7');
		expect(await res.json()).toEqual({ detail: 'Request was throttled. Expected available in 7 seconds.' });
	});

	it('delays a slow request', async () => {
		const token = await supplierToken();
		sandbox.injectFault({ kind: 'slow', delayMs: 300, pathPrefix: ORDERS });
		const started = Date.now();
		expect((await api(ORDERS, token)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
	});

	it('logs requests with their status', async () => {
		const token = await supplierToken();
		await api(`${ORDERS}?status=ORDERED`, token);
		await api(ORDERS);
		const logged = sandbox.logged({ pathPrefix: '/api/v2/' });
		expect(logged.map((r) => [r.method, r.target, r.status])).toEqual([
			['GET', `${ORDERS}?status=ORDERED`, 200],
			['GET', ORDERS, 401],
		]);
		expect(logged[0].headers.authorization).toBe(`Bearer ${token}`);
		const overHttp = (await (await fetch(base + '/__sandbox/requests')).json()) as Json[];
		expect(overHttp.map((r) => r.path)).toEqual(['/oauth/token/', ORDERS, ORDERS]);
	});

	it('resets data, tokens, config and the log through /__sandbox/reset', async () => {
		const token = await supplierToken();
		sandbox.configure({ rateLimitPerMinute: 3, webhookSecret: 'x' });
		const [fresh] = sandbox.purchaseOrders().filter((o) => !o.fetched_by_supplier);
		await api(ORDERS, token, {
			method: 'PATCH',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify([{ id: fresh.id, fetched_by_supplier: true }]),
		});
		expect(sandbox.purchaseOrders().find((o) => o.id === fresh.id)!.fetched_by_supplier).toBe(true);

		expect((await fetch(base + '/__sandbox/reset', { method: 'POST' })).status).toBe(204);
		expect(sandbox.purchaseOrders().find((o) => o.id === fresh.id)!.fetched_by_supplier).toBe(false);
		expect(sandbox.currentConfig()).toMatchObject({ rateLimitPerMinute: 100, webhookSecret: null });
		expect(sandbox.requests).toHaveLength(0);
		expect((await getJson(ORDERS, token)).body).toEqual({ detail: 'Invalid token.' });
	});

	it('seeds the same data on every reset', async () => {
		const before = JSON.stringify(sandbox.purchaseOrders());
		sandbox.reset();
		expect(JSON.stringify(sandbox.purchaseOrders())).toBe(before);
		expect(new ApicbaseSandbox().purchaseOrders()).toEqual(sandbox.purchaseOrders());
	});
});
