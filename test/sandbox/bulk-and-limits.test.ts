/**
 * Bulk growth of the three sandboxes (MBX addItems and addOrders, OpenBoxes addProducts, Apicbase
 * addOrders), read back through each vendor's own list endpoint over real HTTP: every record added
 * is listed once, valid and unique, after the ones before. Then the per-minute rate limits: 429
 * with Retry-After past the limit, and service again once the window has passed, moved on by the
 * sandbox clock rather than by waiting. And MBX pages of up to 250 rows.
 */
import { APICBASE_DEMO, ApicbaseSandbox } from './apicbase/server';
import { fetchSupplierToken } from './apicbase/testClient';
import { MBX_DEMO, MBX_OTHER_ORG, MbxSandbox, type MbxOrder } from './mbx/server';
import { mbxClient, q, type Call } from './mbx/testClient';
import { ORDER_INPUT_KEYS, validateOrderInput } from './mbx/validation';
import { OpenBoxesSandbox } from './openboxes/server';
import { openBoxesClient, SECOND_DATE } from './openboxes/testClient';
import type { Json } from '../helpers/json';

const unique = (values: unknown[]) => new Set(values).size === values.length;
const ascending = (values: string[]) => values.every((v, i) => i === 0 || values[i - 1] < v);

describe('MBX', () => {
	const sandbox = new MbxSandbox();
	const api = mbxClient(() => sandbox.url, MBX_DEMO);
	const otherApi = mbxClient(() => sandbox.url, MBX_OTHER_ORG);

	beforeAll(async () => {
		await sandbox.start(0);
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	beforeEach(() => sandbox.reset());

	/** Every row of a list, read the way the node reads it: pages of 250 until total_results. */
	async function listAll(call: Call, path: string): Promise<{ total: number; rows: Json[]; pages: number[] }> {
		const rows: Json[] = [];
		const pages: number[] = [];
		for (let offset = 0; ; offset += 250) {
			const res = await call('GET', path + q({ limit: 250, offset }));
			expect(res.status).toBe(200);
			rows.push(...res.json.results);
			pages.push(res.json.count);
			if (rows.length >= res.json.total_results || res.json.count === 0) return { total: res.json.total_results, rows, pages };
		}
	}

	test('addItems appends items like the seeded ones, each with a catalog item and an inventory', async () => {
		const before = await listAll(api, '/v2/items');
		const catalogBefore = await listAll(api, '/v2/customer_catalog_items');
		const inventoriesBefore = await listAll(api, '/v2/inventories');
		const otherBefore = await listAll(otherApi, '/v2/items');
		const startedAt = Date.now();
		sandbox.addItems(1500);
		sandbox.addItems(40, MBX_OTHER_ORG.organizationId);

		const after = await listAll(api, '/v2/items');
		expect(after.total).toBe(before.total + 1500);
		expect(after.rows).toHaveLength(before.total + 1500);
		expect(after.pages.slice(0, -1).every((count) => count === 250)).toBe(true);
		// Appended: the items before are first and unchanged.
		expect(after.rows.slice(0, before.total)).toEqual(before.rows);
		const added = after.rows.slice(before.total);
		const maxSeededId = Math.max(...before.rows.map((i) => i.id as number));
		const lastSeededUpdate = before.rows.map((i) => i.updated_at as string).sort().at(-1)!;
		for (const item of added) {
			expect(Object.keys(item)).toEqual(Object.keys(before.rows[0]));
			expect(item.owner_id).toBe(MBX_DEMO.organizationId);
			expect(item.id).toBeGreaterThan(maxSeededId);
			expect(item.created_at).toBe(item.updated_at);
			expect(item.created_at > lastSeededUpdate).toBe(true);
			expect(Date.parse(item.created_at)).toBeLessThanOrEqual(Date.now());
			expect(Date.parse(item.created_at)).toBeGreaterThanOrEqual(startedAt - 3000);
		}
		expect(unique(after.rows.map((i) => i.id))).toBe(true);
		// Names are the product codes order lines use: unique within the organization.
		expect(unique(after.rows.map((i) => i.name))).toBe(true);
		expect(ascending(added.map((i) => i.created_at))).toBe(true);
		expect((await api('GET', `/v2/items/${added[7].id}`)).json).toEqual(added[7]);

		// The other organization's list grew by its own 40 only.
		const other = await listAll(otherApi, '/v2/items');
		expect(other.total).toBe(otherBefore.total + 40);
		expect(other.rows.slice(otherBefore.total).every((i) => i.owner_id === MBX_OTHER_ORG.organizationId)).toBe(true);
		expect(after.rows.some((i) => i.owner_id !== MBX_DEMO.organizationId)).toBe(false);

		// One catalog item and one inventory per new item, in the same order, as the seed has them.
		const catalog = await listAll(api, '/v2/customer_catalog_items');
		expect(catalog.total).toBe(catalogBefore.total + 1500);
		expect(catalog.rows.slice(catalogBefore.total).map((c) => c.item_id)).toEqual(added.map((i) => i.id));
		expect(unique(catalog.rows.map((c) => c.id))).toBe(true);
		expect(unique(catalog.rows.map((c) => c.customer_sku))).toBe(true);
		expect(Object.keys(catalog.rows.at(-1))).toEqual(Object.keys(catalogBefore.rows[0]));
		const inventories = await listAll(api, '/v2/inventories');
		expect(inventories.total).toBe(inventoriesBefore.total + 1500);
		expect(inventories.rows.slice(inventoriesBefore.total).map((i) => i.item_id)).toEqual(added.map((i) => i.id));
		expect(unique(inventories.rows.map((i) => i.id))).toBe(true);
		expect(Object.keys(inventories.rows.at(-1))).toEqual(Object.keys(inventoriesBefore.rows[0]));

		// reset() goes back to the seed.
		sandbox.reset();
		expect((await api('GET', '/v2/items' + q({ limit: 1 }))).json.total_results).toBe(before.total);
		expect((await api('GET', '/v2/inventories' + q({ limit: 1 }))).json.total_results).toBe(inventoriesBefore.total);
	}, 30_000);

	test('addOrders appends pending orders a POST could have made, on existing items', async () => {
		const before = await listAll(api, '/v2/customer_order_submissions');
		const otherBefore = await listAll(otherApi, '/v2/customer_order_submissions');
		sandbox.addOrders(600);
		sandbox.addOrders(10, MBX_OTHER_ORG.organizationId);

		const after = await listAll(api, '/v2/customer_order_submissions');
		expect(after.total).toBe(before.total + 600);
		expect(after.rows.slice(0, before.total)).toEqual(before.rows);
		const added = after.rows.slice(before.total) as MbxOrder[];
		expect(unique(after.rows.map((o) => o.id))).toBe(true);
		expect(unique(after.rows.map((o) => o.purchase_order))).toBe(true);
		expect(ascending(added.map((o) => o.created_at))).toBe(true);
		expect(added[0].created_at > before.rows.map((o) => o.updated_at as string).sort().at(-1)!).toBe(true);
		const pendingKeys = Object.keys(before.rows.find((o) => o.status === 'pending'));

		// Each one passes the create validation as its organization's POST body.
		const items = new Set(sandbox.items().map((i) => i.name));
		const shipMethods = new Set(sandbox.shipMethods().map((m) => m.id));
		const countries = new Set(sandbox.countries().map((c) => c.iso_code));
		const rules = {
			organizationId: MBX_DEMO.organizationId,
			shipMethodExists: (id: number) => shipMethods.has(id),
			productExists: (code: string) => items.has(code),
			countryExists: (code: string) => countries.has(code),
			purchaseOrderTaken: () => false,
		};
		for (const order of added) {
			expect(Object.keys(order)).toEqual(pendingKeys);
			expect(order).toMatchObject({ organization_id: MBX_DEMO.organizationId, status: 'pending', promise_date: null });
			expect(order.created_at).toBe(order.updated_at);
			const body: Record<string, unknown> = Object.fromEntries(ORDER_INPUT_KEYS.map((key) => [key, (order as unknown as Record<string, unknown>)[key]]));
			body.lines = order.lines.map((line) => ({ product_code: line.product_code, quantity: line.quantity, customs_declared_value: line.customs_declared_value }));
			const { errors, changes } = validateOrderInput(body, rules, 'create');
			expect(errors).toEqual([]);
			expect(changes.recipient).toEqual(order.recipient);
			expect(changes.lines).toEqual(order.lines);
		}

		// They behave like any order: Get, ship (which prices and serialises their lines), and
		// their purchase orders are taken.
		const last = added.at(-1)!;
		expect((await api('GET', `/v2/customer_order_submissions/${last.id}`)).json).toEqual(last);
		await sandbox.advanceOrder(last.id);
		const shipped = await sandbox.advanceOrder(last.id);
		expect(shipped.status).toBe('shipped');
		expect(sandbox.invoices().at(-1)).toMatchObject({ order_id: last.id });
		expect(sandbox.invoices().at(-1)!.total).toBeGreaterThan(0);
		const taken = await api('POST', '/v2/customer_order_submissions', {
			organization_id: MBX_DEMO.organizationId,
			purchase_order: added[0].purchase_order,
			customer_order: 'SO-DUPLICATE',
			ship_method_id: 1,
			recipient: added[0].recipient,
			lines: [{ product_code: added[0].lines[0].product_code, quantity: 1, customs_declared_value: 1 }],
		});
		expect(taken.status).toBe(422);
		expect(taken.json.errors).toEqual(['purchase_order has already been taken']);

		const other = await listAll(otherApi, '/v2/customer_order_submissions');
		expect(other.total).toBe(otherBefore.total + 10);
		expect(unique(other.rows.map((o) => o.purchase_order))).toBe(true);
	}, 30_000);

	test('100,000 items and 100,000 orders are added in well under 10 s each and list by pages of 250', async () => {
		let started = performance.now();
		sandbox.addItems(100_000);
		expect(performance.now() - started).toBeLessThan(10_000);
		started = performance.now();
		sandbox.addOrders(100_000);
		expect(performance.now() - started).toBeLessThan(10_000);

		const items = await api('GET', '/v2/items' + q({ limit: 250, offset: 100_000 }));
		expect(items.json).toMatchObject({ count: 250, total_results: 101_200, offset: 100_000 });
		const orders = await api('GET', '/v2/customer_order_submissions' + q({ limit: 250, offset: 100_200 }));
		expect(orders.json).toMatchObject({ count: 100, total_results: 100_300, offset: 100_200 });
		expect(orders.json.results.every((o: Json) => o.status === 'pending')).toBe(true);
	}, 60_000);

	test('a page holds up to 250 rows; 25 without a limit', async () => {
		const countries = await api('GET', '/v2/countries' + q({ limit: 250 }));
		expect(countries.json).toMatchObject({ count: 249, total_results: 249, offset: 0 });
		expect((await api('GET', '/v2/items' + q({ limit: 250 }))).json.count).toBe(250);
		expect((await api('GET', '/v2/items' + q({ limit: 1000 }))).json.count).toBe(250);
		expect((await api('GET', '/v2/items')).json.count).toBe(25);
	});

	test('the rate limit is off by default, set at runtime, per organization, and its window follows the clock', async () => {
		expect(sandbox.options.rateLimitPerMinute).toBeNull();
		for (let i = 0; i < 5; i++) expect((await api('GET', '/v2/ship_methods')).status).toBe(200);

		const start = Date.parse('2031-03-04T05:06:07Z');
		sandbox.clock.set(start);
		expect(sandbox.configure({ rateLimitPerMinute: 3 }).rateLimitPerMinute).toBe(3);
		for (let i = 0; i < 3; i++) expect((await api('GET', '/v2/ship_methods')).status).toBe(200);
		const limited = await api('GET', '/v2/items');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('60');
		expect(limited.json).toEqual({ errors: ['Rate limit exceeded: 3 requests a minute. Try again in 60 seconds.'] });
		// Another organization has its own budget.
		expect((await otherApi('GET', '/v2/ship_methods')).status).toBe(200);

		sandbox.clock.set(start + 45_000);
		const later = await api('GET', '/v2/items');
		expect(later.status).toBe(429);
		expect(later.headers.get('retry-after')).toBe('15');
		sandbox.clock.set(start + 60_000);
		expect((await api('GET', '/v2/items')).status).toBe(200);

		// Also through the control API, and null turns it off.
		const config = await fetch(`${sandbox.url}/__sandbox/config`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ rateLimitPerMinute: null }),
		});
		expect(((await config.json()) as Json).rateLimitPerMinute).toBeNull();
		for (let i = 0; i < 5; i++) expect((await api('GET', '/v2/ship_methods')).status).toBe(200);
		expect(() => sandbox.configure({ rateLimitPerMinute: 0 })).toThrow("Invalid value for MBX sandbox option 'rateLimitPerMinute': 0");
	});

	test('requests that fail authentication count against the address, not an organization', async () => {
		sandbox.clock.set(Date.parse('2031-03-04T05:06:07Z'));
		sandbox.configure({ rateLimitPerMinute: 2 });
		const stranger = mbxClient(() => sandbox.url, { publicToken: MBX_DEMO.publicToken, secretToken: 'wrong-secret' });
		expect((await stranger('GET', '/v2/items')).status).toBe(401);
		expect((await stranger('GET', '/v2/items')).status).toBe(401);
		expect((await stranger('GET', '/v2/items')).status).toBe(429);
		expect((await api('GET', '/v2/items')).status).toBe(200);
	});
});

describe('OpenBoxes', () => {
	const sandbox = new OpenBoxesSandbox();
	const client = openBoxesClient(sandbox);

	beforeAll(async () => {
		await sandbox.start(0);
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	beforeEach(() => sandbox.reset());

	/** Every row of GET /products with `query`, by pages of 200 until totalCount. */
	async function listAll(cookie: string, query: string): Promise<{ total: number; rows: Json[] }> {
		const rows: Json[] = [];
		for (;;) {
			const res = await client.call(`/products?${query}&max=200&offset=${rows.length}`, { cookie });
			expect(res.status).toBe(200);
			rows.push(...res.json.data);
			if (rows.length >= res.json.totalCount || res.json.data.length === 0) return { total: res.json.totalCount, rows };
		}
	}

	test('addProducts appends active products like the seeded ones, stamped by the record clock', async () => {
		const cookie = await client.login();
		const before = await listAll(cookie, 'sort=lastUpdated&order=desc');
		const everyBefore = await listAll(cookie, 'includeInactive=true');
		sandbox.clock.set('2031-05-06T07:08:09.500Z');
		sandbox.addProducts(1000);

		const after = await listAll(cookie, 'sort=lastUpdated&order=desc');
		expect(after.total).toBe(before.total + 1000);
		// Newest first: the new ones, in id order (the tie-break), then the list as it was.
		const added = after.rows.slice(0, 1000);
		expect(after.rows.slice(1000)).toEqual(before.rows);
		expect(ascending(added.map((p) => p.id))).toBe(true);
		for (const product of added) {
			expect(Object.keys(product)).toEqual(Object.keys(before.rows[0]));
			expect(product).toMatchObject({ active: true, dateCreated: '2031-05-06T07:08:09Z', lastUpdated: '2031-05-06T07:08:09Z' });
			expect(product.productCode).toMatch(/^[A-Z]{2}\d{2}$/);
			expect(product.name).toMatch(/ #\d+$/);
			expect(product.dateCreated).toMatch(SECOND_DATE);
		}
		const every = await listAll(cookie, 'includeInactive=true');
		expect(every.total).toBe(everyBefore.total + 1000);
		expect(unique(every.rows.map((p) => p.id))).toBe(true);
		expect(unique(every.rows.map((p) => p.productCode))).toBe(true);
		expect(unique(added.map((p) => p.name))).toBe(true);
		const seededNames = new Set(everyBefore.rows.map((p) => p.name));
		expect(added.some((p) => seededNames.has(p.name))).toBe(false);
		// The default order (name) lists them too, and so does a Get.
		expect((await client.call('/products?max=1', { cookie })).json.totalCount).toBe(before.total + 1000);
		expect((await client.call(`/products/${added[3].id}`, { cookie })).json).toEqual({ data: added[3] });

		// An edit moves one to the top of the lastUpdated order: the kept order follows changes.
		sandbox.clock.set('2031-05-06T07:09:00Z');
		const edit = await client.call(`/products/${added[500].id}`, { cookie, method: 'PUT', body: { description: 'edited' } });
		expect(edit.status).toBe(200);
		const top = await client.call('/products?sort=lastUpdated&order=desc&max=2', { cookie });
		expect(top.json.data.map((p: Json) => p.id)).toEqual([added[500].id, added[0].id]);

		sandbox.reset();
		expect((await client.call('/products?max=1', { cookie: await client.login() })).json.totalCount).toBe(before.total);
	}, 30_000);

	test('100,000 products are added in under 10 s, pages of 200 stay quick, and new codes stay unique', async () => {
		const cookie = await client.login();
		const before = (await client.call('/products?max=1', { cookie })).json.totalCount as number;
		const started = performance.now();
		sandbox.addProducts(100_000);
		expect(performance.now() - started).toBeLessThan(10_000);

		const products = sandbox.products();
		expect(products).toHaveLength(1250 + 100_000);
		expect(unique(products.map((p) => p.id))).toBe(true);
		expect(unique(products.map((p) => p.productCode))).toBe(true);

		// The first request sorts once; later pages reuse that order instead of sorting again.
		const page = '/products?sort=lastUpdated&order=desc&max=200&offset=50000';
		const first = await client.call(page, { cookie });
		expect(first.json.totalCount).toBe(before + 100_000);
		expect(first.json.data).toHaveLength(200);
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			const at = performance.now();
			expect((await client.call(page, { cookie })).json.data).toEqual(first.json.data);
			times.push(performance.now() - at);
		}
		expect(times.sort((a, b) => a - b)[2]).toBeLessThan(100);

		// Past the 67,600 two-letter codes, a product made through the API still gets a free one.
		const created = await client.call('/products', {
			cookie,
			body: { name: 'Made after the bulk', productType: { id: 'DEFAULT' }, category: { id: 'ff80818190a1c3b10190a1c4e2a50401' } },
		});
		expect(created.status).toBe(200);
		expect(products.some((p) => p.productCode === created.json.product.productCode)).toBe(false);
	}, 60_000);

	test('the rate limit is set at runtime, answers 429 with Retry-After, and its window follows the clock', async () => {
		const start = Date.parse('2031-03-04T05:06:07Z');
		sandbox.clock.set(start);
		sandbox.configure({ rateLimitPerMinute: 3 });
		const cookie = await client.login();
		for (let i = 0; i < 3; i++) expect((await client.call('/products?max=1', { cookie })).status).toBe(200);
		const limited = await client.call('/products?max=1', { cookie });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('60');
		expect(limited.json).toEqual({ errorCode: 429, errorMessage: 'Rate limit exceeded. Try again in 60 seconds.', retryAfter: 60 });

		sandbox.clock.set(start + 59_000);
		expect((await client.call('/products?max=1', { cookie })).headers.get('retry-after')).toBe('1');
		sandbox.clock.set(start + 60_000);
		expect((await client.call('/products?max=1', { cookie })).status).toBe(200);

		sandbox.configure({ rateLimitPerMinute: null });
		for (let i = 0; i < 5; i++) {
			const res = await client.call('/products?max=1', { cookie });
			expect(res.status).toBe(200);
			expect(res.headers.get('x-ratelimit-limit')).toBeNull();
		}
	});
});

describe('Apicbase', () => {
	const sandbox = new ApicbaseSandbox();
	const ORDERS = APICBASE_DEMO.purchaseOrdersPath;

	beforeAll(async () => {
		await sandbox.start(0);
	});
	afterAll(async () => {
		await sandbox.stop();
	});
	beforeEach(() => sandbox.reset());

	const supplierToken = async () => await fetchSupplierToken(sandbox.url);

	async function get(path: string, token: string): Promise<{ status: number; headers: Headers; json: Json }> {
		const res = await fetch(path.startsWith('http') ? path : sandbox.url + path, { headers: { Authorization: `Bearer ${token}` } });
		return { status: res.status, headers: res.headers, json: await res.json() };
	}

	/** Every order of a list, following DRF's `next` links. */
	async function listAll(token: string, query: string): Promise<{ count: number; rows: Json[] }> {
		const rows: Json[] = [];
		let url: string | null = `${ORDERS}?${query}`;
		let count = 0;
		while (url) {
			const page = await get(url, token);
			expect(page.status).toBe(200);
			rows.push(...page.json.results);
			count = page.json.count;
			url = page.json.next;
		}
		return { count, rows };
	}

	/** ISO datetime with optional microseconds to microseconds since the epoch. */
	const micros = (iso: string) => {
		const m = /^(.*?)(?:\.(\d{1,6}))?Z$/.exec(iso)!;
		return Date.parse(m[1] + 'Z') * 1000 + Number((m[2] ?? '').padEnd(6, '0'));
	};

	test('addOrders appends ORDERED orders like the seeded ones, ordered_on a few seconds apart up to the clock', async () => {
		const token = await supplierToken();
		const before = await listAll(token, 'page_size=200');
		const ordered = (await get(`${ORDERS}?status=ORDERED&page_size=1`, token)).json.count as number;
		const nowBefore = sandbox.now();
		sandbox.addOrders(450);
		const nowAfter = sandbox.now();

		// Newest first (the default ordering): the new ones, then the list as it was.
		const after = await listAll(token, 'page_size=200');
		expect(after.count).toBe(before.count + 450);
		expect(after.rows.slice(450)).toEqual(before.rows);
		const added = after.rows.slice(0, 450).reverse();
		const times = added.map((o) => micros(o.ordered_on));
		expect(times.slice(1).every((t, i) => t - times[i] === 3_000_000)).toBe(true);
		expect(times.at(-1)).toBeGreaterThanOrEqual(nowBefore * 1000);
		expect(times.at(-1)).toBeLessThanOrEqual(nowAfter * 1000);
		expect(times[0]).toBeGreaterThan(Math.max(...before.rows.map((o) => micros(o.ordered_on))));
		for (const order of added) {
			expect(Object.keys(order)).toEqual(Object.keys(before.rows[0]));
			expect(order).toMatchObject({ status: 'ORDERED', fetched_by_supplier: false, viewed_by_supplier: false });
			expect(order.packages.length).toBeGreaterThan(0);
		}
		expect(unique(after.rows.map((o) => o.id))).toBe(true);
		expect(unique(after.rows.map((o) => o.order_number))).toBe(true);
		expect((await get(`${ORDERS}?status=ORDERED&page_size=1`, token)).json.count).toBe(ordered + 450);

		// Orders added after the clock moved 5 s on fit between the last order and now.
		sandbox.advanceClock(5);
		const cursor = added.at(-1).ordered_on as string;
		sandbox.addOrders(10);
		const since = await listAll(token, `ordered_on__gt=${encodeURIComponent(cursor)}&ordering=ordered_on`);
		expect(since.count).toBe(10);
		const later = since.rows.map((o) => micros(o.ordered_on));
		// 5 s (and the few ms the reads took) shared by 10 orders.
		const step = later[1] - later[0];
		expect(step).toBeGreaterThanOrEqual(500_000);
		expect(step).toBeLessThan(600_000);
		expect(later.slice(1).every((t, i) => t - later[i] === step)).toBe(true);
		expect(later[0]).toBeGreaterThan(micros(cursor));
		expect(later.at(-1)).toBeLessThanOrEqual(sandbox.now() * 1000);
	}, 30_000);

	test('the rate limit changes at runtime: a new limit starts a fresh window, null turns it off', async () => {
		const token = await supplierToken();
		expect((await get(ORDERS, token)).headers.get('ratelimit-limit')).toBe('100');
		sandbox.configure({ rateLimitPerMinute: 2 });
		expect((await get(ORDERS, token)).status).toBe(200);
		expect((await get(ORDERS, token)).status).toBe(200);
		const limited = await get(ORDERS, token);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);

		sandbox.configure({ rateLimitPerMinute: null });
		for (let i = 0; i < 3; i++) {
			const res = await get(ORDERS, token);
			expect(res.status).toBe(200);
			expect(res.headers.get('ratelimit-limit')).toBeNull();
		}
		sandbox.configure({ rateLimitPerMinute: 5 });
		const fresh = await get(ORDERS, token);
		expect(fresh.status).toBe(200);
		expect(fresh.headers.get('ratelimit-remaining')).toBe('4');
	});
});
