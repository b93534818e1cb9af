/**
 * The OpenBoxes generic API over real HTTP (reference openboxes-api.md §4): list without a count,
 * search with eq/like/ilike (paging ignored), read 404, create of an object or an all-or-nothing
 * array (201), update with validation, delete (204, foreign keys 500), unknown resources, and the
 * hosted GET /api/inventoryItems over the same resource.
 */
import { OPENBOXES_DEMO, OPENBOXES_STOCK, OpenBoxesSandbox, PRODUCT_CATEGORIES } from './openboxes/server';
import { BROWSER_LOGIN, openBoxesClient } from './openboxes/testClient';
import type { Json } from '../helpers/json';

const sandbox = new OpenBoxesSandbox();
const { call, login, getWithBody, expectForbidden } = openBoxesClient(sandbox);

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

beforeEach(() => {
	sandbox.reset();
});

type Row = Record<string, Json>;
const search = (cookie: string, resource: string, searchAttributes: unknown[], query = '') =>
	call(`/generic/${resource}/search${query}`, { cookie, body: { searchAttributes } });

describe('list and read', () => {
	test('no max means every row (inactive products too), and there is never a totalCount', async () => {
		const cookie = await login();
		const res = await call('/generic/product', { cookie });
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual(['data']);
		expect(res.json.data).toHaveLength(1250);
		expect(res.json.data.some((p: Row) => !p.active)).toBe(true);
		const page = await call('/generic/product?max=5&offset=10&sort=productCode&order=desc', { cookie });
		const codes = sandbox.products().map((p) => p.productCode).sort().reverse();
		expect(page.json.data.map((p: Row) => p.productCode)).toEqual(codes.slice(10, 15));
		expect(Object.keys(page.json)).toEqual(['data']);
	});

	test('resources render through their marshallers', async () => {
		const cookie = await login();
		const category = (await call('/generic/category', { cookie })).json.data.find((c: Row) => c.name === 'Vaccines');
		expect(category).toEqual({ id: PRODUCT_CATEGORIES[2].id, name: 'Vaccines', parentCategory: { id: 'ROOT', name: 'ROOT', parentCategory: null } });
		const location = (await call(`/generic/location/${OPENBOXES_DEMO.locationId}`, { cookie })).json.data;
		expect(location).toEqual(sandbox.locations().find((l) => l.id === OPENBOXES_DEMO.locationId));
		const level = (await call('/generic/inventoryLevel?max=1', { cookie })).json.data[0];
		expect(level.status).toEqual({ enumType: 'org.pih.warehouse.inventory.InventoryStatus', name: expect.any(String) });
		expect(level.product).toEqual({ id: expect.any(String) });
		const item = (await call('/generic/inventoryItem?max=1', { cookie })).json.data[0];
		expect(Object.keys(item)).toEqual(['id', 'product', 'lotNumber', 'expirationDate']);
		const order = (await call('/generic/order?max=1', { cookie })).json.data[0];
		expect(order.status.enumType).toBe('org.pih.warehouse.order.OrderStatus');
		const user = (await call('/generic/user', { cookie })).json.data.find((u: Row) => u.id === OPENBOXES_DEMO.userId);
		expect(Object.keys(user)).toEqual(['id', 'name', 'firstName', 'lastName', 'email', 'username', 'roles']);
	});

	test('read: 200 {"data":...}; an unknown id is a 404; an unknown resource is an IllegalAccessException 500', async () => {
		const cookie = await login();
		const product = sandbox.products()[3];
		expect((await call(`/generic/product/${product.id}`, { cookie })).json).toEqual({ data: product });
		const missing = await call('/generic/product/nope', { cookie });
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
		for (const path of ['/generic/widget', '/generic/widget/1', '/generic/shipmentItemPlan/search']) {
			const res = await call(path, { cookie, ...(path.endsWith('search') ? { body: {} } : {}) });
			expect(res.status).toBe(500);
			expect(res.json.cause).toBe('java.lang.IllegalAccessException');
		}
		expect((await call('/generic/widget', { cookie })).json.errorMessage).toBe('Unable to locate domain Widget');
	});
});

describe('search', () => {
	test('eq (the default), like (case-sensitive) and ilike, AND-ed; max/offset are ignored', async () => {
		const cookie = await login();
		const product = sandbox.products()[42];
		const eq = await search(cookie, 'product', [{ property: 'productCode', value: product.productCode }]);
		expect(eq.json.data.map((p: Row) => p.id)).toEqual([product.id]);
		const explicit = await search(cookie, 'product', [{ property: 'productCode', operator: 'eq', value: product.productCode.toLowerCase() }]);
		expect(explicit.json.data).toEqual([]);

		const like = await search(cookie, 'product', [{ property: 'name', operator: 'like', value: 'Amoxicillin%' }], '?max=1&offset=2');
		const expected = sandbox.products().filter((p) => p.name.startsWith('Amoxicillin'));
		expect(like.json.data.map((p: Row) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
		expect(like.json.data.length).toBeGreaterThan(3);
		expect((await search(cookie, 'product', [{ property: 'name', operator: 'like', value: 'amoxicillin%' }])).json.data).toEqual([]);
		const ilike = await search(cookie, 'product', [{ property: 'name', operator: 'ilike', value: 'amoxicillin%' }]);
		expect(ilike.json.data).toHaveLength(expected.length);

		const both = await search(cookie, 'product', [
			{ property: 'name', operator: 'ilike', value: 'amoxicillin%' },
			{ property: 'active', value: 'false' },
		]);
		expect(both.json.data.map((p: Row) => p.id)).toEqual(expected.filter((p) => !p.active).map((p) => p.id));
		const byPath = await search(cookie, 'inventoryItem', [{ property: 'product.id', value: OPENBOXES_STOCK.inStockProductId }]);
		expect(byPath.json.data.length).toBeGreaterThan(0);
		expect(byPath.json.data.every((i: Row) => i.product.id === OPENBOXES_STOCK.inStockProductId)).toBe(true);
	});

	test('GET works the same with a body; no attributes means every row', async () => {
		const cookie = await login();
		const body = { searchAttributes: [{ property: 'name', operator: 'ilike', value: '%ward%' }] };
		const res = await getWithBody('/generic/location/search', cookie, body);
		expect(res.status).toBe(200);
		expect(res.json.data.map((l: Row) => l.name).sort()).toEqual(['Maternity Ward', 'Pediatric Ward']);
		expect((await call('/generic/category/search', { cookie, body: {} })).json.data).toHaveLength(PRODUCT_CATEGORIES.length);
	});

	test('missing property or value, unknown property, unknown operator and non-string values are 500s', async () => {
		const cookie = await login();
		const missing = await search(cookie, 'product', [{ property: 'name' }]);
		expect(missing.status).toBe(500);
		expect(missing.json).toEqual({ errorCode: 500, cause: 'java.lang.IllegalArgumentException', errorMessage: 'Property and value are required in order to perform searches' });
		const unknown = await search(cookie, 'product', [{ property: 'colour', value: 'red' }]);
		expect(unknown.status).toBe(500);
		expect(unknown.json).toEqual({ errorCode: 500, cause: 'org.hibernate.QueryException', errorMessage: 'could not resolve property: colour of: org.pih.warehouse.product.Product' });
		const operator = await search(cookie, 'product', [{ property: 'name', operator: 'gt', value: 'A' }]);
		expect(operator.status).toBe(500);
		expect(operator.json.errorMessage).toBe('Operator gt is not supported at this time');
		const numeric = await search(cookie, 'product', [{ property: 'pricePerUnit', value: 12 }]);
		expect(numeric.status).toBe(500);
		expect(numeric.json.cause).toBe('groovy.lang.MissingMethodException');
	});
});

describe('create, update, delete', () => {
	const category = { id: PRODUCT_CATEGORIES[1].id };

	test('create one: 201 {"data":obj}; an array: 201 {"data":[...]}', async () => {
		const cookie = await login();
		const one = await call('/generic/product', { cookie, body: { name: 'Generic one', category } });
		expect(one.status).toBe(201);
		expect(one.json.data).toMatchObject({ name: 'Generic one', category: 'Medicines', active: true });
		const many = await call('/generic/category', { cookie, body: [{ name: 'Dental' }, { name: 'Orthopedics', parentCategory: { id: 'ROOT' } }] });
		expect(many.status).toBe(201);
		expect(many.json.data.map((c: Row) => c.name)).toEqual(['Dental', 'Orthopedics']);
		expect((await call('/generic/category', { cookie })).json.data).toHaveLength(PRODUCT_CATEGORIES.length + 2);
	});

	test('an array is all-or-nothing: one invalid item rolls back the ones before it', async () => {
		const cookie = await login();
		const res = await call('/generic/product', {
			cookie,
			body: [
				{ name: 'First of three', category },
				{ name: 'Second of three', category },
				{ name: '', category },
			],
		});
		expect(res.status).toBe(400);
		expect(res.json.errorMessages).toEqual(['Property [name] of class [class org.pih.warehouse.product.Product] cannot be null']);
		expect(sandbox.products()).toHaveLength(1250);
		expect(sandbox.products().some((p) => p.name === 'First of three')).toBe(false);
		// An item with an id updates that row (and an unknown id is a 404 for the whole array).
		const existing = sandbox.products()[0];
		const mixed = await call('/generic/product', { cookie, body: [{ id: existing.id, description: 'Edited in bulk' }, { name: 'Bulk new', category }] });
		expect(mixed.status).toBe(201);
		expect(mixed.json.data[0]).toMatchObject({ id: existing.id, description: 'Edited in bulk' });
		const unknown = await call('/generic/product', { cookie, body: [{ name: 'Would be new', category }, { id: 'nope', name: 'x' }] });
		expect(unknown.status).toBe(404);
		expect(sandbox.products().some((p) => p.name === 'Would be new')).toBe(false);
	});

	test('update (POST or PUT) answers {"data":obj}; validation is a 400 and changes nothing', async () => {
		const cookie = await login();
		const id = OPENBOXES_STOCK.inStockProductId;
		const res = await call(`/generic/product/${id}`, { cookie, method: 'PUT', body: { color: '#ff0000' } });
		expect(res.status).toBe(200);
		expect(res.json.data.color).toBe('#ff0000');
		const bad = await call(`/generic/product/${id}`, { cookie, body: { name: '', description: 'should not stick' } });
		expect(bad.status).toBe(400);
		expect(sandbox.products().find((p) => p.id === id)!.description).not.toBe('should not stick');
		const level = sandbox.inventoryLevels()[0];
		const levelUpdate = await call(`/generic/inventoryLevel/${level.id}`, { cookie, method: 'PUT', body: { reorderQuantity: 'lots' } });
		expect(levelUpdate.status).toBe(400);
		expect((await call('/generic/product/nope', { cookie, method: 'PUT', body: { name: 'x' } })).status).toBe(404);
	});

	test('an inventory level created through the generic API drives the reorder report', async () => {
		const cookie = await login();
		const unmanaged = sandbox.reorderReportItems('ALL_PRODUCTS').find((i) => i.inventoryLevel === null && i.finalQuantityAvailableToPromise > 10)!;
		const inventory = sandbox.inventoryLevels()[0].inventory.id;
		const res = await call('/generic/inventoryLevel', {
			cookie,
			body: { inventory: { id: inventory }, product: { id: unmanaged.product.id }, minQuantity: 1, reorderQuantity: unmanaged.finalQuantityAvailableToPromise, maxQuantity: 1000 },
		});
		expect(res.status).toBe(201);
		const report = await call('/facilities/1/inventories/reorderReport?inventoryLevelStatus=BELOW_REORDER', { cookie });
		expect(report.json.data.find((i: Row) => i.product.id === unmanaged.product.id)).toMatchObject({ quantityToOrder: 1000 - unmanaged.finalQuantityAvailableToPromise, inventoryLevel: { id: res.json.data.id } });
		const duplicate = await call('/generic/inventoryLevel', { cookie, body: { inventory: { id: inventory }, product: { id: unmanaged.product.id } } });
		expect(duplicate.status).toBe(400);
	});

	test('delete: 204 with no body; referenced rows are a 500; unknown is a 404', async () => {
		const cookie = await login();
		const created = (await call('/generic/category', { cookie, body: { name: 'Disposable' } })).json.data;
		const res = await call(`/generic/category/${created.id}`, { cookie, method: 'DELETE' });
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect((await call(`/generic/category/${created.id}`, { cookie })).status).toBe(404);
		const used = await call(`/generic/category/${PRODUCT_CATEGORIES[1].id}`, { cookie, method: 'DELETE' });
		expect(used.status).toBe(500);
		expect(used.json.cause).toBe('org.springframework.dao.DataIntegrityViolationException');
		expect((await call('/generic/category/nope', { cookie, method: 'DELETE' })).status).toBe(404);
	});

	test('writes need a manager; search is a read', async () => {
		const cookie = await login(BROWSER_LOGIN);
		await expectForbidden(await call('/generic/category', { cookie, body: { name: 'Nope' } }));
		await expectForbidden(await call(`/generic/category/${PRODUCT_CATEGORIES[1].id}`, { cookie, method: 'PUT', body: { name: 'Nope' } }));
		await expectForbidden(await call(`/generic/category/${PRODUCT_CATEGORIES[1].id}`, { cookie, method: 'DELETE' }));
		expect((await search(cookie, 'category', [{ property: 'name', value: 'Vaccines' }])).json.data).toHaveLength(1);
	});
});

describe('hosted /api/inventoryItems', () => {
	test('lists the generic inventoryItem resource with max/offset; a 404 without the hosted endpoints', async () => {
		const cookie = await login();
		const hosted = await call('/inventoryItems?max=20&offset=5', { cookie });
		expect(hosted.status).toBe(200);
		expect(hosted.json).toEqual((await call('/generic/inventoryItem?max=20&offset=5', { cookie })).json);
		expect(hosted.json.data).toHaveLength(20);
		sandbox.configure({ hostedEndpoints: false });
		const res = await call('/inventoryItems', { cookie });
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
	});
});
