/**
 * OpenBoxes locations over real HTTP (reference openboxes-api.md §2.2): the filtered list (active,
 * top-level, no paging), the `{"data":null}` read of an unknown id, create/update/delete with
 * their validation and IllegalArgumentException 500s, location types and the product summary of
 * the SESSION location.
 */
import { OPENBOXES_BINS, OPENBOXES_DEMO, OPENBOXES_STOCK, OpenBoxesSandbox } from './openboxes/server';
import { BROWSER_LOGIN, openBoxesClient } from './openboxes/testClient';

const sandbox = new OpenBoxesSandbox();
const { call, login, expectForbidden } = openBoxesClient(sandbox);
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

type Location = { id: string; name: string; locationType: { id: string; locationTypeCode: string }; supportedActivities: string[]; [k: string]: unknown };

async function list(cookie: string, query = ''): Promise<Location[]> {
	const res = await call(`/locations${query}`, { cookie });
	expect(res.status).toBe(200);
	expect(Object.keys(res.json)).toEqual(['data']);
	return res.json.data as Location[];
}

describe('list', () => {
	test('active top-level locations only (no bins, no inactive), by name, no paging and no totalCount', async () => {
		const cookie = await login();
		const rows = await list(cookie, '?max=2');
		const expected = sandbox
			.locations()
			.filter((l) => l.active && l.parentLocation === null)
			.map((l) => l.name)
			.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
		expect(rows.map((l) => l.name)).toEqual(expected);
		expect(rows).toHaveLength(9);
		expect(rows.map((l) => l.name)).not.toContain('Old Clinic (closed)');
		expect(rows.some((l) => l.id === OPENBOXES_BINS.bhqReceiving)).toBe(false);
		expect(Object.keys(rows[0])).toEqual(
			expect.arrayContaining(['id', 'name', 'locationNumber', 'locationGroup', 'parentLocation', 'locationType', 'organization', 'address', 'supportedActivities', 'active']),
		);
	});

	test('name needs 3 characters and matches anywhere, case-insensitively', async () => {
		const cookie = await login();
		expect(await list(cookie, '?name=Wa')).toEqual([]);
		expect((await list(cookie, '?name=WARD')).map((l) => l.name)).toEqual(['Maternity Ward', 'Pediatric Ward']);
		expect((await list(cookie, '?name=house')).map((l) => l.name)).toEqual(['Main Warehouse']);
	});

	test('locationTypeCode (repeatable) and activityCodes (every one must be supported)', async () => {
		const cookie = await login();
		expect(await list(cookie, '?locationTypeCode=SUPPLIER')).toHaveLength(4);
		expect((await list(cookie, '?locationTypeCode=WARD&locationTypeCode=DISPENSARY')).map((l) => l.name)).toEqual([
			'Maternity Ward',
			'Outpatient Dispensary',
			'Pediatric Ward',
		]);
		expect((await list(cookie, '?activityCodes=MANAGE_INVENTORY')).map((l) => l.name)).toEqual(['Boston Headquarters', 'Main Warehouse']);
		const both = await list(cookie, '?activityCodes=RECEIVE_STOCK&activityCodes=CONSUME_STOCK');
		expect(both.map((l) => l.name)).toEqual(['Maternity Ward', 'Pediatric Ward']);
		expect(both.every((l) => l.supportedActivities.includes('RECEIVE_STOCK') && l.supportedActivities.includes('CONSUME_STOCK'))).toBe(true);

		const badType = await call('/locations?locationTypeCode=WAREHOUSE', { cookie });
		expect(badType.status).toBe(500);
		expect(badType.json).toEqual({
			errorCode: 500,
			cause: 'java.lang.IllegalArgumentException',
			errorMessage: 'No enum constant org.pih.warehouse.core.LocationTypeCode.WAREHOUSE',
		});
	});

	test('presentation=toBaseJson renders the short form', async () => {
		const cookie = await login();
		const [first] = await list(cookie, '?presentation=toBaseJson&locationTypeCode=DEPOT');
		expect(first).toEqual({
			id: OPENBOXES_DEMO.locationId,
			name: 'Boston Headquarters',
			locationNumber: 'BHQ',
			active: true,
			locationType: { id: '2', name: 'Depot', description: 'Depot', locationTypeCode: 'DEPOT' },
			locationTypeCode: 'DEPOT',
		});
	});
});

describe('read', () => {
	test('a known id answers {"data":Location}; an unknown id answers 200 {"data":null}', async () => {
		const cookie = await login();
		const res = await call(`/locations/${WAREHOUSE}`, { cookie });
		expect(res.status).toBe(200);
		expect(res.json.data).toEqual(sandbox.locations().find((l) => l.id === WAREHOUSE));
		// Bins are readable by id even though the list never shows them.
		expect((await call(`/locations/${OPENBOXES_BINS.bhqA0101}`, { cookie })).json.data.parentLocation).toEqual({
			id: OPENBOXES_DEMO.locationId,
			name: 'Boston Headquarters',
		});
		const unknown = await call('/locations/ff80818100000000000000000000dead', { cookie });
		expect(unknown.status).toBe(200);
		expect(unknown.json).toEqual({ data: null });
	});
});

describe('create, update, delete', () => {
	test('create needs a name and a location type; depots and suppliers need an organization', async () => {
		const cookie = await login();
		const empty = await call('/locations', { cookie, body: {} });
		expect(empty.status).toBe(400);
		expect(empty.json.errorMessages).toEqual([
			'Property [name] of class [class org.pih.warehouse.core.Location] cannot be null',
			'Property [locationType] of class [class org.pih.warehouse.core.Location] cannot be null',
		]);
		expect(empty.json.errorMessage).toMatch(/^Validation error\. /);
		const depot = await call('/locations', { cookie, body: { name: 'New Depot', locationType: { id: '2' } } });
		expect(depot.status).toBe(400);
		expect(depot.json.errorMessages).toEqual([
			'Property [organization] of class [class org.pih.warehouse.core.Location] with value [null] does not pass custom validation',
		]);
		const duplicate = await call('/locations', { cookie, body: { name: 'Pediatric Ward', locationType: { id: '3' } } });
		expect(duplicate.status).toBe(400);
		expect(duplicate.json.errorMessages).toEqual([
			'Property [name] of class [class org.pih.warehouse.core.Location] with value [Pediatric Ward] must be unique',
		]);
		expect(sandbox.locations()).toHaveLength(20);
	});

	test('a valid create answers 200 {"data":Location} and the location is listed and readable', async () => {
		const cookie = await login();
		const res = await call('/locations', {
			cookie,
			body: { name: 'Surgical Ward', locationType: { id: '3' }, address: { city: 'Boston', country: 'United States' } },
		});
		expect(res.status).toBe(200);
		const created = res.json.data as Location;
		expect(created.id).toMatch(/^[0-9a-f]{32}$/);
		expect(created).toMatchObject({
			name: 'Surgical Ward',
			active: true,
			parentLocation: null,
			locationType: { id: '3', locationTypeCode: 'WARD' },
			address: { city: 'Boston', country: 'United States', postalCode: null },
		});
		expect(created.supportedActivities).toEqual(['PLACE_REQUEST', 'RECEIVE_STOCK', 'CONSUME_STOCK', 'SUBMIT_REQUEST']);
		expect((await list(cookie, '?locationTypeCode=WARD')).map((l) => l.name)).toContain('Surgical Ward');
		expect((await call(`/locations/${created.id}`, { cookie })).json.data).toEqual(created);

		const supplier = await call('/locations', {
			cookie,
			body: { name: 'Acme Supplies', 'locationType.id': '4', organization: { id: 'ff80818190a1c3b10190a1c4e2a50203' } },
		});
		expect(supplier.status).toBe(200);
		expect(supplier.json.data.organizationCode).toBe('MEDL');
	});

	test('update (POST or PUT) changes the fields it names; an unknown id is an IllegalArgumentException 500', async () => {
		const cookie = await login();
		const ward = 'ff80818190a1c3b10190a1c4e2a50011';
		const res = await call(`/locations/${ward}`, { cookie, method: 'PUT', body: { name: 'Children’s Ward', description: 'Floor 3' } });
		expect(res.status).toBe(200);
		expect(res.json.data).toMatchObject({ id: ward, name: 'Children’s Ward', description: 'Floor 3', locationType: { id: '3' } });
		const viaPost = await call(`/locations/${ward}`, { cookie, body: { active: false } });
		expect(viaPost.json.data.active).toBe(false);
		expect((await list(cookie, '?locationTypeCode=WARD')).map((l) => l.id)).not.toContain(ward);

		const invalid = await call(`/locations/${ward}`, { cookie, method: 'PUT', body: { name: '' } });
		expect(invalid.status).toBe(400);
		const unknown = await call('/locations/nope', { cookie, method: 'PUT', body: { name: 'X' } });
		expect(unknown.status).toBe(500);
		expect(unknown.json).toEqual({ errorCode: 500, cause: 'java.lang.IllegalArgumentException', errorMessage: 'No Location found for location ID nope' });
	});

	test('delete: 204, then the read is {"data":null}; referenced or unknown locations are 500s', async () => {
		const cookie = await login();
		const created = (await call('/locations', { cookie, body: { name: 'Temporary Ward', locationType: { id: '3' } } })).json.data as Location;
		const res = await call(`/locations/${created.id}`, { cookie, method: 'DELETE' });
		expect(res.status).toBe(204);
		expect((await call(`/locations/${created.id}`, { cookie })).json).toEqual({ data: null });

		const used = await call(`/locations/${WAREHOUSE}`, { cookie, method: 'DELETE' });
		expect(used.status).toBe(500);
		expect(used.json.cause).toBe('java.lang.Exception');
		expect(used.json.errorMessage).toMatch(new RegExp(`^Location ${WAREHOUSE} could not be deleted - `));
		const unknown = await call('/locations/nope', { cookie, method: 'DELETE' });
		expect(unknown.status).toBe(500);
		expect(unknown.json.errorMessage).toBe('No Location found for location ID nope');
	});

	test('writes need a manager', async () => {
		const cookie = await login(BROWSER_LOGIN);
		await expectForbidden(await call('/locations', { cookie, body: { name: 'Nope Ward', locationType: { id: '3' } } }));
		await expectForbidden(await call(`/locations/${WAREHOUSE}`, { cookie, method: 'DELETE' }));
	});
});

describe('location types and the product summary', () => {
	test('locationTypes lists every type with its default activities; activityCode filters (any)', async () => {
		const cookie = await login();
		const all = await call('/locations/locationTypes', { cookie });
		expect(all.status).toBe(200);
		expect(all.json.data.map((t: { locationTypeCode: string }) => t.locationTypeCode)).toEqual(['DEPOT', 'WARD', 'SUPPLIER', 'DISPENSARY', 'DONOR', 'BIN_LOCATION']);
		expect(Object.keys(all.json.data[0])).toEqual(['id', 'name', 'description', 'locationTypeCode', 'supportedActivities']);
		const inventory = await call('/locations/locationTypes?activityCode=MANAGE_INVENTORY', { cookie });
		expect(inventory.json.data.map((t: { name: string }) => t.name)).toEqual(['Depot']);
		const supported = await call('/locations/supportedActivities', { cookie });
		expect(supported.json.data).toContain('MANAGE_INVENTORY');
	});

	test('productSummary sums quantity on hand per product at the SESSION location; the path id is ignored', async () => {
		const cookie = await login();
		const mine = await call(`/locations/${OPENBOXES_DEMO.locationId}/productSummary`, { cookie });
		expect(mine.status).toBe(200);
		const rows = mine.json.data as Array<{ productId: string; productName: string; productCode: string; quantityOnHand: number }>;
		expect(Object.keys(rows[0])).toEqual(['productId', 'productName', 'productCode', 'quantityOnHand']);
		const expected = new Map<string, number>();
		for (const r of sandbox.productAvailability()) expected.set(r.product.id, (expected.get(r.product.id) ?? 0) + r.quantityOnHand);
		expect(new Map(rows.map((r) => [r.productId, r.quantityOnHand]))).toEqual(expected);
		// Stocked-out products are listed with 0; never-stocked ones are absent.
		expect(rows.find((r) => r.productId === OPENBOXES_STOCK.stockOutProductId)?.quantityOnHand).toBe(0);
		expect(rows.some((r) => r.productId === OPENBOXES_STOCK.neverStockedProductId)).toBe(false);

		for (const other of [WAREHOUSE, 'anything']) {
			expect((await call(`/locations/${other}/productSummary`, { cookie })).json).toEqual(mine.json);
		}
		await call(`/chooseLocation/${WAREHOUSE}`, { cookie, method: 'PUT' });
		const warehouse = await call(`/locations/${OPENBOXES_DEMO.locationId}/productSummary`, { cookie });
		const warehouseTotals = new Map<string, number>();
		for (const r of sandbox.productAvailability(undefined, WAREHOUSE)) warehouseTotals.set(r.product.id, (warehouseTotals.get(r.product.id) ?? 0) + r.quantityOnHand);
		expect(new Map(warehouse.json.data.map((r: { productId: string; quantityOnHand: number }) => [r.productId, r.quantityOnHand]))).toEqual(warehouseTotals);

		const noLocation = await login({ username: 'admin', password: 'password' });
		const npe = await call('/locations/1/productSummary', { cookie: noLocation });
		expect(npe.status).toBe(500);
		expect(npe.json.cause).toBe('java.lang.NullPointerException');
	});
});
