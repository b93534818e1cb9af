/**
 * The OpenBoxes sandbox over real HTTP: the hosted API-key layer, role checks across resources,
 * and the product endpoints beyond list/create (update, delete, search, availability, summary,
 * lot lookup, available items), including lastUpdated bumps at second granularity.
 */
import { OPENBOXES_DEMO, OPENBOXES_STOCK, OpenBoxesSandbox, PRODUCT_CATEGORIES, type OpenBoxesProduct } from './openboxes/server';
import { ASSISTANT_LOGIN, BROWSER_LOGIN, DEMO_LOGIN, MANAGER_LOGIN, SECOND_DATE, nowFloorSeconds, openBoxesClient } from './openboxes/testClient';
import type { Json } from '../helpers/json';

const sandbox = new OpenBoxesSandbox();
const { call, login, expectForbidden } = openBoxesClient(sandbox);
const KEY = { Accept: 'application/json', 'X-API-Key': OPENBOXES_DEMO.apiKey };
const WAREHOUSE = OPENBOXES_DEMO.warehouseId;

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

beforeEach(() => {
	sandbox.reset();
});

const productById = (id: string) => sandbox.products().find((p) => p.id === id)!;

describe('hosted API keys', () => {
	test('a valid key authenticates as its user at its location, without a session', async () => {
		const res = await call('/products?max=2', { headers: KEY });
		expect(res.status).toBe(200);
		expect(res.json.data).toHaveLength(2);
		expect(res.headers.get('set-cookie')).toBeNull();
		expect(sandbox.sessionCount()).toBe(0);

		const context = await call('/getAppContext', { headers: KEY });
		expect(context.status).toBe(200);
		expect(context.json.data.user.username).toBe(OPENBOXES_DEMO.username);
		expect(context.json.data.location.id).toBe(OPENBOXES_DEMO.locationId);
		// Writes work too: the key's user is an admin.
		const created = await call('/products', {
			headers: KEY,
			body: { name: 'Key-made gauze', category: { id: PRODUCT_CATEGORIES[3].id }, productType: { id: 'DEFAULT' } },
		});
		expect(created.status).toBe(200);
		expect(created.json.product.name).toBe('Key-made gauze');
	});

	test('an invalid key is a 401 with the vendor body, for Ajax and non-Ajax callers alike', async () => {
		const variants: Array<Record<string, string>> = [{ Accept: 'application/json', 'X-API-Key': 'nope' }, { 'x-api-key': 'also-nope' }];
		for (const headers of variants) {
			const res = await call('/products', { headers });
			expect(res.status).toBe(401);
			expect(res.json).toEqual({ errorCode: 401, errorMessage: 'Invalid API key' });
		}
		// An invalid key wins over a valid session cookie.
		const cookie = await login();
		const mixed = await call('/products?max=1', { cookie, headers: { Accept: 'application/json', 'X-API-Key': 'wrong' } });
		expect(mixed.status).toBe(401);
	});

	test('the header name is an option; keys map to users, an inactive or unknown user is refused', async () => {
		sandbox.configure({
			apiKeyHeader: 'X-OpenBoxes-Key',
			apiKeys: {
				'browser-key': { username: 'browser', location: WAREHOUSE },
				'inactive-key': { username: 'inactive', location: OPENBOXES_DEMO.locationId },
			},
		});
		// The old header is now just an unknown header: no session, the usual 302.
		expect((await call('/products', { headers: KEY })).status).toBe(302);
		const browser = { Accept: 'application/json', 'X-OpenBoxes-Key': 'browser-key' };
		const context = await call('/getAppContext', { headers: browser });
		expect(context.json.data.location.id).toBe(WAREHOUSE);
		await expectForbidden(await call('/products', { headers: browser, body: { name: 'x' } }));
		expect((await call('/products?max=1', { headers: { 'X-OpenBoxes-Key': 'inactive-key' } })).status).toBe(401);
	});

	test('without configured keys the header is ignored, as in the open-source server', async () => {
		sandbox.configure({ apiKeys: {} });
		const res = await call('/products', { headers: KEY });
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe(`${sandbox.url}/openboxes/errors/handleUnauthorized`);
	});

	test('the hosted rate limit counts per key', async () => {
		sandbox.configure({ rateLimitPerMinute: 2, apiKeys: { a: { username: 'admin', location: '1' }, b: { username: 'admin', location: '1' } } });
		const a = { Accept: 'application/json', 'X-API-Key': 'a' };
		expect((await call('/products?max=1', { headers: a })).status).toBe(200);
		expect((await call('/products?max=1', { headers: a })).status).toBe(200);
		expect((await call('/products?max=1', { headers: a })).status).toBe(429);
		expect((await call('/products?max=1', { headers: { ...a, 'X-API-Key': 'b' } })).status).toBe(200);
	});

	test('/__sandbox/config validates the key options', async () => {
		for (const body of [{ apiKeys: { k: { username: 'admin' } } }, { apiKeyHeader: 'bad header' }, { hostedEndpoints: 'yes' }]) {
			const res = await fetch(`${sandbox.url}/__sandbox/config`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
			expect(res.status).toBe(400);
		}
	});
});

describe('roles across resources', () => {
	test('the read-only user reads everything and is forbidden every write', async () => {
		const cookie = await login(BROWSER_LOGIN);
		for (const path of ['/products?max=1', '/locations', '/stockMovements?direction=OUTBOUND&origin=1', '/purchaseOrders?max=1', '/users', '/generic/category']) {
			expect((await call(path, { cookie })).status).toBe(200);
		}
		const product = OPENBOXES_STOCK.inStockProductId;
		await expectForbidden(await call(`/products/${product}`, { cookie, method: 'PUT', body: { name: 'Renamed' } }));
		await expectForbidden(await call(`/products/${product}`, { cookie, method: 'DELETE' }));
		await expectForbidden(await call('/locations', { cookie, body: { name: 'Ward X', locationType: { id: '3' } } }));
		await expectForbidden(await call('/stockMovements', { cookie, body: {} }));
		await expectForbidden(await call(`/stockMovements/${sandbox.stockMovements()[0].id}`, { cookie, method: 'DELETE' }));
		await expectForbidden(await call('/generic/category', { cookie, body: { name: 'X' } }));
		expect(productById(product).name).not.toBe('Renamed');
	});

	test('roles held at a location count there only (LocationRole)', async () => {
		const cookie = await login(ASSISTANT_LOGIN);
		const body = { name: 'Location-role widget', category: { id: 'ROOT' }, productType: { id: 'DEFAULT' } };
		// An assistant at Boston Headquarters...
		await expectForbidden(await call('/products', { cookie, body }));
		expect((await call('/getAppContext', { cookie })).json.data.currentLocationRoles).toEqual(['ROLE_ASSISTANT']);
		// ...and a manager at Main Warehouse.
		expect((await call(`/chooseLocation/${WAREHOUSE}`, { cookie, method: 'PUT' })).status).toBe(200);
		const context = (await call('/getAppContext', { cookie })).json.data;
		expect(context.currentLocationRoles).toEqual(['ROLE_ASSISTANT', 'ROLE_MANAGER']);
		expect(context.isUserManager).toBe(true);
		expect((await call('/products', { cookie, body })).status).toBe(200);
	});
});

describe('product update and delete', () => {
	test('POST and PUT /products/{id} update and answer {"data":Product}; lastUpdated moves to now, to the second', async () => {
		const cookie = await login();
		const id = OPENBOXES_STOCK.inStockProductId;
		const before = productById(id);
		const started = nowFloorSeconds();
		const res = await call(`/products/${id}`, {
			cookie,
			method: 'PUT',
			body: { name: 'Renamed product', pricePerUnit: 9.99, coldChain: true, category: { id: PRODUCT_CATEGORIES[2].id } },
		});
		expect(res.status).toBe(200);
		const data = res.json.data as OpenBoxesProduct;
		expect(data).toMatchObject({ id, name: 'Renamed product', pricePerUnit: 9.99, category: 'Vaccines', updatedBy: 'Miss Administrator' });
		expect(data.productCode).toBe(before.productCode);
		expect(data.handlingIcons.map((i) => i.label)).toContain('Cold chain');
		expect(data.lastUpdated).toMatch(SECOND_DATE);
		expect(Date.parse(data.lastUpdated)).toBeGreaterThanOrEqual(started);
		expect(data.lastUpdated > before.lastUpdated).toBe(true);
		expect(data.dateCreated).toBe(before.dateCreated);

		const viaPost = await call(`/products/${id}`, { cookie, body: { description: 'Updated by POST', coldChain: false } });
		expect(viaPost.status).toBe(200);
		expect(viaPost.json.data.description).toBe('Updated by POST');
		expect(viaPost.json.data.handlingIcons.map((i: { label: string }) => i.label)).not.toContain('Cold chain');
		expect((await call(`/products/${id}`, { cookie })).json.data.name).toBe('Renamed product');
		// A poller sorting by lastUpdated sees the change first.
		const newest = await call('/products?sort=lastUpdated&order=desc&max=1', { cookie });
		expect(newest.json.data[0].id).toBe(id);
	});

	test('update validation is a 400 and changes nothing; an unknown id is a 404', async () => {
		const cookie = await login();
		const [a, b] = sandbox.products();
		const blank = await call(`/products/${a.id}`, { cookie, method: 'PUT', body: { name: '  ', productCode: b.productCode } });
		expect(blank.status).toBe(400);
		expect(blank.json).toEqual({
			errorCode: 400,
			errorMessage: expect.stringMatching(/^Validation error\. /),
			errorMessages: [
				'Property [name] of class [class org.pih.warehouse.product.Product] cannot be null',
				`Property [productCode] of class [class org.pih.warehouse.product.Product] with value [${b.productCode}] must be unique`,
			],
		});
		expect(productById(a.id)).toEqual(a);
		const unknown = await call('/products/ff80818100000000000000000000dead', { cookie, method: 'PUT', body: { name: 'x' } });
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
	});

	test('delete: 204 for an unreferenced product, 500 for one with stock, 404 when unknown', async () => {
		const cookie = await login();
		const created = await call('/products', { cookie, body: { name: 'Short-lived', category: { id: 'ROOT' }, productType: { id: 'DEFAULT' } } });
		const id = created.json.product.id as string;
		const res = await call(`/products/${id}`, { cookie, method: 'DELETE' });
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect((await call(`/products/${id}`, { cookie })).status).toBe(404);

		const stocked = await call(`/products/${OPENBOXES_STOCK.inStockProductId}`, { cookie, method: 'DELETE' });
		expect(stocked.status).toBe(500);
		expect(stocked.json.cause).toBe('org.springframework.dao.DataIntegrityViolationException');
		expect((await call(`/products/${OPENBOXES_STOCK.inStockProductId}`, { cookie })).status).toBe(200);
		expect((await call(`/products/${id}`, { cookie, method: 'DELETE' })).status).toBe(404);
	});
});

describe('product search', () => {
	test('fewer than 3 characters (or no name) answers {"data":[]}', async () => {
		const cookie = await login();
		for (const query of ['', '?name=', '?name=ib']) {
			const res = await call(`/products/search${query}`, { cookie });
			expect(res.status).toBe(200);
			expect(res.json).toEqual({ data: [] });
		}
	});

	test('terms match names (active products only), ordered by product code', async () => {
		const cookie = await login();
		const res = await call('/products/search?name=amoxicillin', { cookie });
		const expected = sandbox.products().filter((p) => p.active && p.name.toLowerCase().includes('amoxicillin'));
		expect(expected.length).toBeGreaterThan(5);
		expect(res.json.data.map((p: { id: string }) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
		const codes = res.json.data.map((p: { productCode: string }) => p.productCode);
		expect(codes).toEqual([...codes].sort());
		expect(Object.keys(res.json.data[0])).toEqual(expect.arrayContaining(['id', 'name', 'productCode', 'active', 'exactMatch', 'unitOfMeasure']));
		// An inactive product never shows up, even by its exact name.
		const inactive = sandbox.products().find((p) => !p.active && !sandbox.products().some((q) => q.active && q.name === p.name))!;
		const byName = await call(`/products/search?name=${encodeURIComponent(inactive.name)}`, { cookie });
		expect(byName.json.data.map((p: { id: string }) => p.id)).not.toContain(inactive.id);
	});

	test('a product code matches as a prefix and is flagged exactMatch; availableItems adds stock', async () => {
		const cookie = await login();
		const product = productById(OPENBOXES_STOCK.inStockProductId);
		const res = await call(`/products/search?name=${product.productCode}`, { cookie });
		const hit = res.json.data.find((p: { id: string }) => p.id === product.id);
		expect(hit.exactMatch).toBe(true);

		const withStock = await call(`/products/search?name=${product.productCode}&availableItems=true`, { cookie });
		const stocked = withStock.json.data.find((p: { id: string }) => p.id === product.id);
		expect(stocked.quantityAvailable).toBe(sandbox.quantityOnHand(product.id));
		expect(stocked.product.id).toBe(product.id);
	});
});

describe('stock of one product', () => {
	test('productAvailability: rows (lot x bin) at the session location', async () => {
		const cookie = await login();
		const id = OPENBOXES_STOCK.onHoldProductId;
		const res = await call(`/products/${id}/productAvailability`, { cookie });
		expect(res.status).toBe(200);
		const rows = res.json.data as Array<Record<string, Json>>;
		expect(rows.length).toBeGreaterThanOrEqual(2);
		for (const row of rows) {
			expect(Object.keys(row).sort()).toEqual(
				[
					'id', 'product', 'location', 'binLocation', 'inventoryItem', 'productCode', 'lotNumber', 'binLocationName',
					'quantityOnHand', 'quantityAllocated', 'quantityOnHold', 'quantityAvailableToPromise', 'quantityNotPicked',
					'dateCreated', 'lastUpdated',
				].sort(),
			);
			expect(row.product).toEqual({ id });
			expect(row.location).toEqual({ id: OPENBOXES_DEMO.locationId });
			expect(row.quantityAvailableToPromise).toBe(row.quantityOnHand - row.quantityAllocated - row.quantityOnHold);
		}
		// The recalled lot is on hold: available to promise is lower than on hand.
		expect(rows.some((r) => r.quantityOnHold > 0)).toBe(true);
		expect(rows.reduce((s, r) => s + r.quantityOnHand, 0)).toBe(sandbox.quantityOnHand(id));

		// At Main Warehouse the same product has other (or no) rows.
		await call(`/chooseLocation/${WAREHOUSE}`, { cookie, method: 'PUT' });
		const there = await call(`/products/${id}/productAvailability`, { cookie });
		expect(there.json.data.every((r: { location: { id: string } }) => r.location.id === WAREHOUSE)).toBe(true);
		expect((await call('/products/ff80818100000000000000000000dead/productAvailability', { cookie })).json).toEqual({ data: [] });
	});

	test('without a session location the per-location endpoints fail with the NPE', async () => {
		const cookie = await login({ username: 'admin', password: 'password' });
		for (const path of [`/products/${OPENBOXES_STOCK.inStockProductId}/productAvailability`, `/products/${OPENBOXES_STOCK.inStockProductId}/productSummary`]) {
			const res = await call(path, { cookie });
			expect(res.status).toBe(500);
			expect(res.json.cause).toBe('java.lang.NullPointerException');
		}
	});

	test('productSummary: quantity on hand at the session location, null when never stocked or unknown', async () => {
		const cookie = await login();
		const summary = async (id: string) => (await call(`/products/${id}/productSummary`, { cookie })).json;
		expect(await summary(OPENBOXES_STOCK.belowReorderProductId)).toEqual({
			data: {
				product: { id: OPENBOXES_STOCK.belowReorderProductId },
				location: { id: OPENBOXES_DEMO.locationId },
				quantityOnHand: sandbox.quantityOnHand(OPENBOXES_STOCK.belowReorderProductId),
			},
		});
		expect((await summary(OPENBOXES_STOCK.stockOutProductId)).data.quantityOnHand).toBe(0);
		expect((await summary(OPENBOXES_STOCK.neverStockedProductId)).data.quantityOnHand).toBeNull();
		expect((await summary('no-such-product')).data).toEqual({ product: { id: 'no-such-product' }, location: { id: '1' }, quantityOnHand: null });
	});

	test('lot lookup: the inventory item and its stock over every location; unknown lots are null with 0', async () => {
		const cookie = await login();
		const row = sandbox.productAvailability().find((r) => r.inventoryItem.lotNumber)!;
		const id = row.product.id;
		const res = await call(`/products/${id}/inventoryItems/${encodeURIComponent(row.inventoryItem.lotNumber!)}`, { cookie });
		expect(res.json.inventoryItem).toEqual(row.inventoryItem);
		expect(res.json.inventoryItem.expirationDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
		const everywhere = [OPENBOXES_DEMO.locationId, WAREHOUSE]
			.flatMap((l) => sandbox.productAvailability(id, l))
			.filter((r) => r.inventoryItem.id === row.inventoryItem.id)
			.reduce((sum, r) => sum + r.quantityOnHand, 0);
		expect(everywhere).toBeGreaterThan(0);
		expect(res.json.quantityOnHand).toBe(everywhere);
		const unknown = await call(`/products/${id}/inventoryItems/NO-SUCH-LOT`, { cookie });
		expect(unknown.status).toBe(200);
		expect(unknown.json).toEqual({ inventoryItem: null, quantityOnHand: 0 });
	});

	test('availableItems: pickable stock by lot and bin, at location.id or the session location', async () => {
		const cookie = await login();
		const a = OPENBOXES_STOCK.inStockProductId;
		const b = OPENBOXES_STOCK.onHoldProductId;
		const res = await call(`/products/availableItems?product.id=${a}&product.id=${b}&location.id=${OPENBOXES_DEMO.locationId}`, { cookie });
		expect(res.status).toBe(200);
		const items = res.json.data as Array<Record<string, Json>>;
		expect(new Set(items.map((i) => i.product.id))).toEqual(new Set([a, b]));
		for (const item of items) {
			expect(Object.keys(item)).toEqual(
				expect.arrayContaining(['inventoryItem.id', 'product.name', 'product', 'productCode', 'lotNumber', 'expirationDate', 'binLocation', 'quantityAvailable', 'quantityOnHand', 'status', 'binLocation.id', 'binLocation.name']),
			);
			expect(item.quantityOnHand).toBeGreaterThan(0);
		}
		expect(items.find((i) => i.status === 'HOLD')?.quantityAvailable).toBe(0);
		const bySession = await call(`/products/availableItems?product.id=${a}`, { cookie });
		expect(bySession.json.data).toEqual(items.filter((i) => i.product.id === a));

		const none = await call('/products/availableItems', { cookie });
		expect(none.status).toBe(500);
		expect(none.json).toEqual({ errorCode: 500, cause: 'java.lang.IllegalArgumentException', errorMessage: 'Must specify a location and at least one product' });
	});
});

describe('helpers and control actions', () => {
	async function control(action: string, body: unknown): Promise<{ status: number; json: Json }> {
		const res = await fetch(`${sandbox.url}/__sandbox/${action}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		return { status: res.status, json: await res.json() };
	}

	test('touchProducts stamps lastUpdated (one shared second if asked), as pollers see it', async () => {
		const cookie = await login();
		const [a, b] = sandbox.products();
		const stamp = '2031-01-02T03:04:05Z';
		sandbox.touchProducts([a.id, b.id], stamp);
		const newest = await call('/products?sort=lastUpdated&order=desc&max=2', { cookie });
		expect(newest.json.data.map((p: OpenBoxesProduct) => [p.id, p.lastUpdated]).sort()).toEqual([[a.id, stamp], [b.id, stamp]].sort());
		const started = nowFloorSeconds();
		sandbox.touchProducts([a.id]);
		expect(Date.parse(productById(a.id).lastUpdated)).toBeGreaterThanOrEqual(started);
		expect(productById(a.id).lastUpdated).toMatch(SECOND_DATE);
		expect(() => sandbox.touchProducts([a.id], '2031-01-02T03:04:05.123Z')).toThrow();
		expect(() => sandbox.touchProducts(['nope'])).toThrow('unknown product');
	});

	test('renaming a category through the generic API is a change of its products', async () => {
		const cookie = await login();
		const started = nowFloorSeconds();
		const res = await call(`/generic/category/${PRODUCT_CATEGORIES[9].id}`, { cookie, method: 'PUT', body: { name: 'Stationery' } });
		expect(res.status).toBe(200);
		const renamed = sandbox.products().filter((p) => p.category === 'Stationery');
		expect(renamed.length).toBeGreaterThan(0);
		expect(renamed.every((p) => Date.parse(p.lastUpdated) >= started)).toBe(true);
	});

	test('the helpers are also control actions under /__sandbox/', async () => {
		const id = OPENBOXES_STOCK.inStockProductId;
		expect(await control('setQuantityOnHand', { productId: id, quantity: 3 })).toEqual({ status: 200, json: { quantityOnHand: 3 } });
		expect(sandbox.quantityOnHand(id)).toBe(3);
		expect((await control('setQuantityOnHand', { productId: 'nope', quantity: 3 })).status).toBe(400);
		expect((await control('touchProducts', { productIds: [id], lastUpdated: '2030-05-05T05:05:05Z' })).json).toEqual({ touched: 1 });
		expect(productById(id).lastUpdated).toBe('2030-05-05T05:05:05Z');
		const order = sandbox.purchaseOrders().find((o) => o.status === 'PENDING')!;
		const moved = await control('setPurchaseOrderStatus', { id: order.id, status: 'PLACED' });
		expect(moved.json).toMatchObject({ id: order.id, status: 'PLACED' });
		expect((await control('setPurchaseOrderStatus', { id: order.id, status: 'LOST' })).status).toBe(400);
		const shipped = sandbox.stockMovements().find((m) => m.currentStatus === 'SHIPPED')!;
		expect((await control('receiveStockMovement', { id: shipped.id })).status).toBe(200);
		expect(sandbox.stockMovements().find((m) => m.id === shipped.id)!.currentStatus).toBe('RECEIVED');
	});
});

test('the demo logins used by the other OpenBoxes test files work', async () => {
	for (const credentials of [DEMO_LOGIN, BROWSER_LOGIN, MANAGER_LOGIN, ASSISTANT_LOGIN]) {
		expect(await login(credentials)).toMatch(/^JSESSIONID=/);
	}
});
