/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * The OpenBoxes sandbox over real HTTP, with redirects never followed automatically: the 302s of
 * the Grails security interceptor are part of the behaviour under test.
 */
import {
	OPENBOXES_BROWSER,
	OPENBOXES_DEMO,
	OPENBOXES_INACTIVE,
	OpenBoxesSandbox,
	PRODUCT_CATEGORIES,
	type OpenBoxesProduct,
} from './openboxes/server';

const sandbox = new OpenBoxesSandbox();
let base = '';

/** The options a fresh sandbox starts with. */
const DEFAULT_OPTIONS = {
	sessionIdleSeconds: 7200,
	rateLimitPerMinute: null,
	apiKeys: { [OPENBOXES_DEMO.apiKey]: { username: OPENBOXES_DEMO.username, location: OPENBOXES_DEMO.locationId } },
	apiKeyHeader: 'X-API-Key',
	passwords: {},
	reorderReportAvailable: true,
	purchaseOrderWrites: true,
	hostedEndpoints: true,
	webhookUrl: null,
	webhookHeaders: { header1: 'value1' },
	webhookEnabled: false,
};

beforeAll(async () => {
	base = await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

beforeEach(() => {
	sandbox.reset();
});

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

interface CallOptions {
	method?: string;
	cookie?: string;
	/** Replaces the default `Accept: application/json` (pass {} for a non-Ajax call). */
	headers?: Record<string, string>;
	/** An object is sent as JSON with `Content-Type: application/json` unless headers say otherwise. */
	body?: unknown;
}

async function call(path: string, o: CallOptions = {}): Promise<Response> {
	const headers: Record<string, string> = { ...(o.headers ?? { Accept: 'application/json' }) };
	if (o.cookie) headers.Cookie = o.cookie;
	let body: string | undefined;
	if (o.body !== undefined) {
		body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
	}
	return await fetch(base + path, { method: o.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, redirect: 'manual' });
}

const DEMO_LOGIN = { username: OPENBOXES_DEMO.username, password: OPENBOXES_DEMO.password, location: OPENBOXES_DEMO.locationId };

/** Logs in and returns the `JSESSIONID=...` cookie pair to send back. */
async function login(credentials: Record<string, unknown> = DEMO_LOGIN): Promise<string> {
	const res = await call('/openboxes/api/login', { body: credentials });
	expect(res.status).toBe(200);
	const match = /^JSESSIONID=([^;]+);/.exec(res.headers.get('set-cookie') ?? '');
	if (!match) throw new Error('login set no JSESSIONID cookie');
	return `JSESSIONID=${match[1]}`;
}

async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
	return (await res.json()) as T;
}

interface AppContext {
	user: Record<string, unknown>;
	location: { id: string; name: string; locationType: { locationTypeCode: string } };
	[key: string]: unknown;
}

/** The catalogue as seeded, from a fresh instance (unaffected by products a test creates). */
function pristineProducts(): OpenBoxesProduct[] {
	return new OpenBoxesSandbox().products();
}

interface ProductList {
	data: OpenBoxesProduct[];
	totalCount: number;
}

async function listProducts(cookie: string, query = ''): Promise<ProductList> {
	const res = await call(`/openboxes/api/products${query}`, { cookie });
	expect(res.status).toBe(200);
	return await json<ProductList>(res);
}

describe('login, logout and status', () => {
	test('login answers in text and sets an upper-case hex JSESSIONID scoped to /openboxes', async () => {
		const res = await call('/openboxes/api/login', { body: DEMO_LOGIN });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/html;charset=utf-8');
		expect(await res.text()).toBe('Authentication was successful');
		expect(res.headers.get('set-cookie')).toMatch(/^JSESSIONID=[0-9A-F]{32}; Path=\/openboxes; HttpOnly$/);
		expect(sandbox.sessionCount()).toBe(1);
	});

	test('the e-mail works as username', async () => {
		const cookie = await login({ username: OPENBOXES_DEMO.email, password: OPENBOXES_DEMO.password });
		expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(200);
	});

	test('a login that carries a live session reuses it and sets no new cookie', async () => {
		const cookie = await login();
		const again = await call('/openboxes/api/login', { cookie, body: DEMO_LOGIN });
		expect(again.status).toBe(200);
		expect(again.headers.get('set-cookie')).toBeNull();
		expect(sandbox.sessionCount()).toBe(1);
		expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(200);
	});

	test('wrong password or unknown user: 401 text, no cookie', async () => {
		for (const body of [
			{ username: OPENBOXES_DEMO.username, password: 'nope' },
			{ username: 'nobody', password: OPENBOXES_DEMO.password },
			{},
		]) {
			const res = await call('/openboxes/api/login', { body });
			expect(res.status).toBe(401);
			expect(await res.text()).toBe('Authentication failed');
			expect(res.headers.get('set-cookie')).toBeNull();
		}
		expect(sandbox.sessionCount()).toBe(0);
	});

	test('credentials without a JSON content type are not read: 401', async () => {
		const asText = await call('/openboxes/api/login', {
			body: JSON.stringify(DEMO_LOGIN),
			headers: { Accept: 'application/json', 'Content-Type': 'text/plain' },
		});
		expect(asText.status).toBe(401);
		const asForm = await call('/openboxes/api/login', {
			body: new URLSearchParams({ username: 'admin', password: 'password' }).toString(),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(asForm.status).toBe(401);
		expect(await asForm.text()).toBe('Authentication failed');
	});

	test('logout answers in text and ends the session', async () => {
		const cookie = await login();
		const res = await call('/openboxes/api/logout', { cookie, method: 'POST' });
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('Logout was successful');
		expect(sandbox.sessionCount()).toBe(0);
		expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(302);
	});

	test('status needs no login', async () => {
		const res = await call('/openboxes/api/status');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'OK', database: { status: true, message: 'Database is available' } });
	});
});

describe('unauthenticated and expired sessions', () => {
	test('Ajax call without a session: 302 to handleUnauthorized, which answers 401 JSON', async () => {
		const res = await call('/openboxes/api/products');
		expect(res.status).toBe(302);
		const location = res.headers.get('location');
		expect(location).toBe(`${base}/openboxes/errors/handleUnauthorized`);

		const followed = await fetch(location!, { headers: { Accept: 'application/json' }, redirect: 'manual' });
		expect(followed.status).toBe(401);
		expect(await followed.json()).toEqual({ errorCode: 401, errorMessage: 'Unauthorized user: null' });

		// Following without Ajax headers lands on the HTML login page instead.
		const plain = await fetch(location!, { redirect: 'manual' });
		expect(plain.status).toBe(302);
		expect(plain.headers.get('location')).toBe(`${base}/openboxes/auth/login`);
		const page = await fetch(plain.headers.get('location')!, { redirect: 'manual' });
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toContain('text/html');
		expect(await page.text()).toContain('<form');
	});

	test('each Ajax signal leads to handleUnauthorized; none leads to the login page', async () => {
		const unauthorized = `${base}/openboxes/errors/handleUnauthorized`;
		const ajaxSignals: Array<Record<string, string>> = [
			{ 'X-Requested-With': 'XMLHttpRequest' },
			{ 'Content-Type': 'application/json' },
			{ Accept: 'text/html, application/json;q=0.9' },
		];
		for (const headers of ajaxSignals) {
			const res = await call('/openboxes/api/getAppContext', { headers });
			expect(res.status).toBe(302);
			expect(res.headers.get('location')).toBe(unauthorized);
		}
		const plain = await call('/openboxes/api/getAppContext', { headers: {} });
		expect(plain.status).toBe(302);
		expect(plain.headers.get('location')).toBe(`${base}/openboxes/auth/login`);
	});

	test('an unknown JSESSIONID behaves like no login', async () => {
		const res = await call('/openboxes/api/products', { cookie: 'JSESSIONID=0123456789ABCDEF0123456789ABCDEF' });
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toContain('/openboxes/errors/handleUnauthorized');
	});

	test('an idle session expires after sessionIdleSeconds', async () => {
		const config = await fetch(`${base}/__sandbox/config`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ sessionIdleSeconds: 1 }),
		});
		expect(config.status).toBe(200);
		expect(await config.json()).toEqual({ ...DEFAULT_OPTIONS, sessionIdleSeconds: 1 });

		const cookie = await login();
		expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(200);
		await sleep(1200);
		const res = await call('/openboxes/api/products?max=1', { cookie });
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe(`${base}/openboxes/errors/handleUnauthorized`);
		expect(sandbox.sessionCount()).toBe(0);
	});

	test('every request refreshes the idle timer', async () => {
		sandbox.configure({ sessionIdleSeconds: 1 });
		const cookie = await login();
		// 1.5 s in total, but never more than 0.5 s idle.
		for (let i = 0; i < 3; i++) {
			await sleep(500);
			expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(200);
		}
		await sleep(1200);
		expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(302);
	});

	test('expireAuth fault: the matching call is logged out, a re-login works', async () => {
		const cookie = await login();
		sandbox.injectFault({ kind: 'expireAuth', pathPrefix: '/openboxes/api/products' });
		const res = await call('/openboxes/api/products?max=1', { cookie });
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe(`${base}/openboxes/errors/handleUnauthorized`);
		expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(302);

		// The old cookie names a dead session, so login issues a new one.
		const fresh = await login();
		expect(fresh).not.toBe(cookie);
		expect((await call('/openboxes/api/products?max=1', { cookie: fresh })).status).toBe(200);
	});

	test('expireAllSessions logs everybody out', async () => {
		const first = await login();
		const second = await login({ username: OPENBOXES_BROWSER.username, password: OPENBOXES_BROWSER.password });
		expect(sandbox.sessionCount()).toBe(2);
		expect(sandbox.expireAllSessions()).toBe(2);
		for (const cookie of [first, second]) {
			expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(302);
		}
	});

	test('an inactive user can log in, but the next request is treated as logged out', async () => {
		const cookie = await login({ username: OPENBOXES_INACTIVE.username, password: OPENBOXES_INACTIVE.password });
		const res = await call('/openboxes/api/products?max=1', { cookie });
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe(`${base}/openboxes/errors/handleUnauthorized`);
	});
});

describe('location and app context', () => {
	test('an unknown login location still logs in, but getAppContext fails with the NPE', async () => {
		const cookie = await login({ ...DEMO_LOGIN, location: 'no-such-location' });
		const res = await call('/openboxes/api/getAppContext', { cookie });
		expect(res.status).toBe(500);
		expect(await res.json()).toEqual({
			errorCode: 500,
			cause: 'java.lang.NullPointerException',
			errorMessage: "Cannot get property 'id' on null object",
		});
	});

	test('getAppContext reports the user and the session location', async () => {
		const cookie = await login();
		const res = await call('/openboxes/api/getAppContext', { cookie });
		expect(res.status).toBe(200);
		const { data } = await json<{ data: AppContext }>(res);
		expect(data.location.id).toBe(OPENBOXES_DEMO.locationId);
		expect(data.location.name).toBe(OPENBOXES_DEMO.locationName);
		expect(data.location.locationType.locationTypeCode).toBe('DEPOT');
		expect(data.user).toEqual({
			id: OPENBOXES_DEMO.userId,
			name: 'Miss Administrator',
			firstName: 'Miss',
			lastName: 'Administrator',
			email: OPENBOXES_DEMO.email,
			username: OPENBOXES_DEMO.username,
			roles: ['ROLE_ADMIN', 'ROLE_PURCHASE_APPROVER'],
		});
		expect(data).toMatchObject({
			currentLocationRoles: ['ROLE_ADMIN', 'ROLE_PURCHASE_APPROVER'],
			isUserApprover: true,
			isSuperuser: false,
			isUserAdmin: true,
			isPaginated: true,
			pageSize: 10,
			appVersion: '0.9.9-SNAPSHOT',
			currencyCode: 'USD',
		});
	});

	test('chooseLocation switches the session location; an unknown id is a 404', async () => {
		const cookie = await login({ username: OPENBOXES_DEMO.username, password: OPENBOXES_DEMO.password });
		// No location at login: nothing in the session yet.
		expect((await call('/openboxes/api/getAppContext', { cookie })).status).toBe(500);

		const warehouse = sandbox.locations().find((l) => l.name === 'Main Warehouse')!;
		const res = await call(`/openboxes/api/chooseLocation/${warehouse.id}`, { cookie, method: 'PUT' });
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('User Miss Administrator is now logged into Main Warehouse');
		const context = await json<{ data: { location: { id: string } } }>(await call('/openboxes/api/getAppContext', { cookie }));
		expect(context.data.location.id).toBe(warehouse.id);

		const unknown = await call('/openboxes/api/chooseLocation/nope', { cookie });
		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toEqual({ errorCode: 404, errorMessage: 'Location not found with id nope' });
	});

	test('seeded locations: two depots, four suppliers, wards, a dispensary and bins with the Location JSON keys', () => {
		const locations = sandbox.locations();
		expect(locations.filter((l) => l.locationType.locationTypeCode === 'DEPOT').map((l) => l.name)).toEqual([
			'Boston Headquarters',
			'Main Warehouse',
		]);
		expect(locations.filter((l) => l.locationType.locationTypeCode === 'SUPPLIER')).toHaveLength(4);
		expect(locations.filter((l) => l.locationType.locationTypeCode === 'WARD').map((l) => [l.name, l.active])).toEqual([
			['Pediatric Ward', true],
			['Maternity Ward', true],
			['Old Clinic (closed)', false],
		]);
		expect(locations.filter((l) => l.locationType.locationTypeCode === 'DISPENSARY')).toHaveLength(1);
		const bins = locations.filter((l) => l.locationType.locationTypeCode === 'BIN_LOCATION');
		expect(bins.length).toBeGreaterThanOrEqual(8);
		expect(bins.every((b) => b.parentLocation !== null)).toBe(true);
		for (const l of locations) {
			expect(Object.keys(l)).toEqual(
				expect.arrayContaining(['id', 'name', 'locationNumber', 'locationType', 'organization', 'address', 'supportedActivities']),
			);
		}
	});
});

describe('products', () => {
	const seeded = () => sandbox.products();

	test('the seed: 1,250 products, about 5% inactive, ids 32 lowercase hex, identical every time', () => {
		const products = seeded();
		expect(products).toHaveLength(1250);
		const inactive = products.filter((p) => !p.active).length;
		expect(inactive / products.length).toBeGreaterThan(0.04);
		expect(inactive / products.length).toBeLessThan(0.06);
		for (const p of products) {
			expect(p.id).toMatch(/^[0-9a-f]{32}$/);
			expect(p.dateCreated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		}
		expect(pristineProducts()).toEqual(products);
	});

	test('without max, every active product comes back, sorted by name', async () => {
		const cookie = await login();
		const list = await listProducts(cookie);
		const active = seeded().filter((p) => p.active);
		expect(list.totalCount).toBe(active.length);
		expect(list.data).toHaveLength(active.length);
		expect(list.data.every((p) => p.active)).toBe(true);
		expect(new Set(list.data.map((p) => p.id))).toEqual(new Set(active.map((p) => p.id)));
		for (let i = 1; i < list.data.length; i++) {
			expect(list.data[i - 1].name.toLowerCase() <= list.data[i].name.toLowerCase()).toBe(true);
		}
	});

	test('the product JSON has the list marshaller keys', async () => {
		const cookie = await login();
		const [product] = (await listProducts(cookie, '?max=1')).data;
		expect(Object.keys(product).sort()).toEqual(
			[
				'id',
				'productCode',
				'name',
				'description',
				'category',
				'unitOfMeasure',
				'pricePerUnit',
				'dateCreated',
				'lastUpdated',
				'updatedBy',
				'color',
				'handlingIcons',
				'lotAndExpiryControl',
				'active',
				'displayNames',
			].sort(),
		);
		expect(typeof product.category).toBe('string');
	});

	test.each([
		['name', 100],
		['category', 97],
	])('paging by %s with max=%i over all 1,250 (inactive included) yields every id once', async (sort, max) => {
		const cookie = await login();
		const rows: OpenBoxesProduct[] = [];
		for (let offset = 0; ; offset += max) {
			const page = await listProducts(cookie, `?includeInactive=true&sort=${sort}&max=${max}&offset=${offset}`);
			expect(page.totalCount).toBe(1250);
			rows.push(...page.data);
			if (page.data.length < max) break;
		}
		const ids = rows.map((p) => p.id);
		expect(ids).toHaveLength(1250);
		expect(new Set(ids)).toEqual(new Set(seeded().map((p) => p.id)));
		// A total order: rows with equal keys (duplicate names, shared categories) go by id.
		const key = (p: OpenBoxesProduct) => (sort === 'name' ? p.name : p.category).toLowerCase();
		let ties = 0;
		for (let i = 1; i < rows.length; i++) {
			expect(key(rows[i - 1]) <= key(rows[i])).toBe(true);
			if (key(rows[i - 1]) === key(rows[i])) {
				ties++;
				expect(rows[i - 1].id < rows[i].id).toBe(true);
			}
		}
		expect(ties).toBeGreaterThan(0);
	});

	test('q matches name, productCode and description, case-insensitively', async () => {
		const cookie = await login();
		const all = (await listProducts(cookie)).data;
		const expectMatches = async (q: string) => {
			const result = await listProducts(cookie, `?q=${encodeURIComponent(q)}`);
			const needle = q.toLowerCase();
			const expected = all.filter((p) =>
				[p.name, p.productCode, p.description ?? ''].some((field) => field.toLowerCase().includes(needle)),
			);
			expect(expected.length).toBeGreaterThan(0);
			expect(result.totalCount).toBe(expected.length);
			expect(result.data.map((p) => p.id)).toEqual(expected.map((p) => p.id));
			return result.data;
		};
		const byName = await expectMatches('AMOXICILLIN');
		expect(byName.every((p) => p.name.startsWith('Amoxicillin'))).toBe(true);
		const code = all[17].productCode;
		expect((await expectMatches(code.toLowerCase())).map((p) => p.productCode)).toContain(code);
		// Only descriptions mention the cold chain storage rule.
		const cold = await expectMatches('do not freeze');
		expect(cold.every((p) => p.handlingIcons.some((i) => i.label === 'Cold chain'))).toBe(true);

		const none = await listProducts(cookie, '?q=zzzz-no-such-thing');
		expect(none).toEqual({ data: [], totalCount: 0 });
	});

	test('sort and order', async () => {
		const cookie = await login();
		const codesDesc = (await listProducts(cookie, '?sort=productCode&order=desc&max=50')).data.map((p) => p.productCode);
		expect(codesDesc).toHaveLength(50);
		expect(codesDesc).toEqual([...codesDesc].sort().reverse());
		const allCodes = seeded().filter((p) => p.active).map((p) => p.productCode).sort();
		expect(codesDesc[0]).toBe(allCodes[allCodes.length - 1]);

		const created = (await listProducts(cookie, '?sort=dateCreated&max=200')).data.map((p) => p.dateCreated);
		expect(created).toEqual([...created].sort());
		const updatedDesc = (await listProducts(cookie, '?sort=lastUpdated&order=desc&offset=100&max=100')).data.map(
			(p) => p.lastUpdated,
		);
		expect(updatedDesc).toEqual([...updatedDesc].sort().reverse());

		const nameDesc = (await listProducts(cookie, '?order=desc')).data;
		const nameAsc = (await listProducts(cookie, '?order=asc')).data;
		expect(nameDesc[0].name.toLowerCase() >= nameAsc[0].name.toLowerCase()).toBe(true);
		expect(nameDesc[0].name).toBe(nameAsc[nameAsc.length - 1].name);
	});

	test('bad paging or sort parameters surface as 500s, like GORM', async () => {
		const cookie = await login();
		const badMax = await call('/openboxes/api/products?max=ten', { cookie });
		expect(badMax.status).toBe(500);
		expect(await badMax.json()).toEqual({
			errorCode: 500,
			cause: 'java.lang.NumberFormatException',
			errorMessage: 'For input string: "ten"',
		});
		const badSort = await call('/openboxes/api/products?sort=nope', { cookie });
		expect(badSort.status).toBe(500);
		expect(((await badSort.json()) as { cause: string }).cause).toBe('org.hibernate.QueryException');
	});

	test('read one product; inactive ones too; unknown id is a 404', async () => {
		const cookie = await login();
		const inactive = seeded().find((p) => !p.active)!;
		const res = await call(`/openboxes/api/products/${inactive.id}`, { cookie });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ data: inactive });

		const unknown = await call('/openboxes/api/products/ff80818100000000000000000000dead', { cookie });
		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
	});

	test('unknown URLs: 404 when logged in, 302 when not (inside /api), 404 outside /api', async () => {
		const cookie = await login();
		// No IdentifierApiController exists, so /api/identifiers falls through to the 404.
		const known = await call('/openboxes/api/identifiers', { cookie });
		expect(known.status).toBe(404);
		expect(await known.json()).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
		expect((await call('/openboxes/api/identifiers')).status).toBe(302);
		const outside = await call('/somewhere/else');
		expect(outside.status).toBe(404);
		expect(await outside.json()).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
	});
});

describe('roles', () => {
	const newProduct = { name: 'Test Widget 10mg tablet', category: { id: PRODUCT_CATEGORIES[1].id }, productType: { id: 'DEFAULT' } };

	test('the read-only user can read, but a write ends in the 403 flow', async () => {
		const cookie = await login({ username: OPENBOXES_BROWSER.username, password: OPENBOXES_BROWSER.password });
		expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(200);

		const res = await call('/openboxes/api/products', { cookie, body: newProduct });
		expect(res.status).toBe(302);
		const location = res.headers.get('location');
		expect(location).toBe(`${base}/openboxes/errors/handleForbidden`);
		const followed = await fetch(location!, { headers: { Accept: 'application/json' }, redirect: 'manual' });
		expect(followed.status).toBe(403);
		expect(await followed.json()).toEqual({ errorCode: 403, errorMessage: 'Access denied' });
		expect(sandbox.products()).toHaveLength(1250);
	});

	test('a manager creates a product: {"product":...}, then it can be read and listed', async () => {
		const cookie = await login();
		const res = await call('/openboxes/api/products', { cookie, body: { ...newProduct, coldChain: true, pricePerUnit: 2.5 } });
		expect(res.status).toBe(200);
		const { product } = await json<{ product: Record<string, unknown> & { id: string; productCode: string } }>(res);
		expect(product).toMatchObject({
			name: newProduct.name,
			category: { id: PRODUCT_CATEGORIES[1].id },
			productType: { id: 'DEFAULT' },
			coldChain: true,
			active: true,
			pricePerUnit: 2.5,
		});
		expect(product.id).toMatch(/^[0-9a-f]{32}$/);
		expect(pristineProducts().some((p) => p.productCode === product.productCode)).toBe(false);

		const read = await json<{ data: OpenBoxesProduct }>(await call(`/openboxes/api/products/${product.id}`, { cookie }));
		expect(read.data).toMatchObject({ name: newProduct.name, category: 'Medicines', updatedBy: 'Miss Administrator' });
		expect(read.data.handlingIcons.map((i) => i.label)).toEqual(['Cold chain']);
		expect((await listProducts(cookie, '?q=test%20widget')).totalCount).toBe(1);
	});

	test('create without name is a 400 validation error; without productType a 500', async () => {
		const cookie = await login();
		const noName = await call('/openboxes/api/products', { cookie, body: { ...newProduct, name: '' } });
		expect(noName.status).toBe(400);
		const body = await json<{ errorCode: number; errorMessage: string; errorMessages: string[] }>(noName);
		expect(body.errorCode).toBe(400);
		expect(body.errorMessage).toMatch(/^Validation error\. /);
		expect(body.errorMessages).toEqual([
			'Property [name] of class [class org.pih.warehouse.product.Product] cannot be null',
		]);

		const noType = await call('/openboxes/api/products', { cookie, body: { name: 'X', category: newProduct.category } });
		expect(noType.status).toBe(500);
		expect(((await noType.json()) as { cause: string }).cause).toBe('java.lang.IllegalArgumentException');
		expect(sandbox.products()).toHaveLength(1250);
	});
});

describe('hosted rate-limit layer', () => {
	test('off by default: no X-RateLimit headers, no 429', async () => {
		const cookie = await login();
		for (let i = 0; i < 5; i++) {
			const res = await call('/openboxes/api/products?max=1', { cookie });
			expect(res.status).toBe(200);
			expect(res.headers.get('x-ratelimit-limit')).toBeNull();
		}
	});

	test('on: X-RateLimit headers on every API call, then 429 with Retry-After and retryAfter', async () => {
		sandbox.configure({ rateLimitPerMinute: 3 });
		const cookie = await login();
		for (const remaining of [2, 1, 0]) {
			const res = await call('/openboxes/api/products?max=1', { cookie });
			expect(res.status).toBe(200);
			expect(res.headers.get('x-ratelimit-limit')).toBe('3');
			expect(res.headers.get('x-ratelimit-remaining')).toBe(String(remaining));
			expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
		}
		const limited = await call('/openboxes/api/products?max=1', { cookie });
		expect(limited.status).toBe(429);
		const retryAfter = Number(limited.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(await limited.json()).toEqual({
			errorCode: 429,
			errorMessage: `Rate limit exceeded. Try again in ${retryAfter} seconds.`,
			retryAfter,
		});
		// Public endpoints pass through the layer too (a new window for a call without a session).
		const status = await call('/openboxes/api/status');
		expect(status.headers.get('x-ratelimit-limit')).toBe('3');
	});
});

describe('sandbox controls', () => {
	test('an injected 503 uses the OpenBoxes error shape and applies once', async () => {
		const cookie = await login();
		sandbox.injectFault({ kind: 'status', status: 503, pathPrefix: '/openboxes/api/products' });
		const res = await call('/openboxes/api/products?max=1', { cookie });
		expect(res.status).toBe(503);
		expect(await res.json()).toEqual({ errorCode: 503, errorMessage: 'Service unavailable' });
		expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(200);
	});

	test('an injected 429 carries Retry-After and retryAfter', async () => {
		await fetch(`${base}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ kind: 'status', status: 429, retryAfterSeconds: 7 }),
		});
		const res = await call('/openboxes/api/status');
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('7');
		expect(await res.json()).toEqual({
			errorCode: 429,
			errorMessage: 'Rate limit exceeded. Try again in 7 seconds.',
			retryAfter: 7,
		});
	});

	test('a slow fault delays, then answers normally', async () => {
		const cookie = await login();
		sandbox.injectFault({ kind: 'slow', delayMs: 300, pathPrefix: '/openboxes/api/products' });
		const started = Date.now();
		const res = await call('/openboxes/api/products?max=1', { cookie });
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(res.status).toBe(200);
	});

	test('the request log records calls with their status', async () => {
		const cookie = await login();
		await call('/openboxes/api/products?max=2&q=gloves', { cookie });
		await call('/openboxes/api/products/unknown', { cookie });
		const logged = sandbox.logged({ pathPrefix: '/openboxes/api/products' });
		expect(logged.map((r) => [r.method, r.target, r.status])).toEqual([
			['GET', '/openboxes/api/products?max=2&q=gloves', 200],
			['GET', '/openboxes/api/products/unknown', 404],
		]);
		const overHttp = (await (await fetch(`${base}/__sandbox/requests`)).json()) as Array<{ path: string }>;
		expect(overHttp.map((r) => r.path)).toEqual([
			'/openboxes/api/login',
			'/openboxes/api/products',
			'/openboxes/api/products/unknown',
		]);
	});

	test('/__sandbox/reset clears the log, sessions, faults, config and created products', async () => {
		sandbox.configure({ sessionIdleSeconds: 30, rateLimitPerMinute: 100 });
		const cookie = await login();
		await call('/openboxes/api/products', {
			cookie,
			body: { name: 'Temporary', category: { id: 'ROOT' }, productType: { id: 'DEFAULT' } },
		});
		sandbox.injectFault({ kind: 'status', status: 500, after: 5 });
		expect(sandbox.products()).toHaveLength(1251);

		expect((await fetch(`${base}/__sandbox/reset`, { method: 'POST' })).status).toBe(204);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.sessionCount()).toBe(0);
		expect(sandbox.options).toEqual(DEFAULT_OPTIONS);
		expect(sandbox.products()).toHaveLength(1250);
		expect((await call('/openboxes/api/products?max=1', { cookie })).status).toBe(302);
		const fresh = await login();
		for (let i = 0; i < 6; i++) expect((await call('/openboxes/api/status', { cookie: fresh })).status).toBe(200);
	});

	test('/__sandbox/config rejects invalid values', async () => {
		for (const body of [{ sessionIdleSeconds: 0 }, { rateLimitPerMinute: 1.5 }, { unknownOption: true }]) {
			const res = await fetch(`${base}/__sandbox/config`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
			expect(res.status).toBe(400);
		}
		expect(sandbox.options).toEqual(DEFAULT_OPTIONS);
	});
});
