/**
 * OpenBoxes stock levels over real HTTP (reference openboxes-api.md §3): the reorder report of the
 * session location (path facility ignored, ATP net of expired stock, `<=` against the level),
 * its 404 on servers older than v0.9.6, the fallback endpoints, and setQuantityOnHand moving a
 * product in and out of the report.
 */
import {
	OPENBOXES_DEMO,
	OPENBOXES_STOCK,
	OpenBoxesSandbox,
	type AvailabilityJson,
	type InventoryLevelJson,
	type ReorderReportItem,
} from './openboxes/server';
import { FINANCE_LOGIN, SECOND_DATE, openBoxesClient, parseUsDay } from './openboxes/testClient';

const sandbox = new OpenBoxesSandbox();
const { call, login } = openBoxesClient(sandbox);
const BHQ = OPENBOXES_DEMO.locationId;
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

async function report(cookie: string, query = '', facility: string = BHQ): Promise<ReorderReportItem[]> {
	const res = await call(`/facilities/${facility}/inventories/reorderReport${query}`, { cookie });
	expect(res.status).toBe(200);
	return res.json.data as ReorderReportItem[];
}

const ids = (items: Array<{ product: { id?: unknown } }>) => items.map((i) => String(i.product.id)).sort();

interface Expected {
	productId: string;
	finalAtp: number;
	expiredAtp: number;
	qoh: number;
	level: InventoryLevelJson | undefined;
}

/**
 * The report recomputed from the raw rows (availability + levels), written from the spec rather
 * than shared with the sandbox: lots expiring before today do not count unless told otherwise.
 */
function expectedReport(locationId: string, subtractExpired = true): Expected[] {
	const today = Date.now();
	const rows = new Map<string, AvailabilityJson[]>();
	for (const r of sandbox.productAvailability(undefined, locationId)) rows.set(r.product.id, [...(rows.get(r.product.id) ?? []), r]);
	const levels = sandbox.inventoryLevels(locationId).filter((l) => (l.minQuantity ?? 0) > 0 || (l.reorderQuantity ?? 0) > 0);
	return [...rows].map(([productId, productRows]) => {
		const expired = (r: AvailabilityJson) => !!r.inventoryItem.expirationDate && parseUsDay(r.inventoryItem.expirationDate) < today;
		const atp = productRows.reduce((s, r) => s + r.quantityAvailableToPromise, 0);
		const finalAtp = productRows.filter((r) => !subtractExpired || !expired(r)).reduce((s, r) => s + r.quantityAvailableToPromise, 0);
		return {
			productId,
			finalAtp,
			expiredAtp: atp - finalAtp,
			qoh: productRows.reduce((s, r) => s + r.quantityOnHand, 0),
			level: levels.find((l) => l.product.id === productId),
		};
	});
}

describe('the reorder report', () => {
	test('BELOW_REORDER is exactly the products whose final ATP is <= their reorder quantity', async () => {
		const cookie = await login();
		const items = await report(cookie, '?inventoryLevelStatus=BELOW_REORDER');
		const expected = expectedReport(BHQ).filter((e) => e.level?.reorderQuantity && e.finalAtp <= e.level.reorderQuantity);
		expect(expected.length).toBeGreaterThan(20);
		expect(ids(items)).toEqual(expected.map((e) => e.productId).sort());
		for (const item of items) {
			const e = expected.find((x) => x.productId === item.product.id)!;
			expect(item.finalQuantityAvailableToPromise).toBe(e.finalAtp);
			expect(item.expiredQuantityAvailableToPromise).toBe(e.expiredAtp);
			expect(item.inventoryLevel).toEqual(e.level);
			expect(item.quantityToOrder).toBe(Math.max(e.level!.maxQuantity! - e.finalAtp, 0));
		}
		expect(ids(items)).toContain(OPENBOXES_STOCK.belowReorderProductId);
		expect(ids(items)).not.toContain(OPENBOXES_STOCK.inStockProductId);
		// The helper answers the same as the endpoint.
		expect(sandbox.reorderReportItems('BELOW_REORDER')).toEqual(items);
	});

	test('the item shape: alphabetical DTO keys, the level with its status enum, the product marshaller', async () => {
		const cookie = await login();
		const items = await report(cookie, '?inventoryLevelStatus=BELOW_REORDER');
		const item = items.find((i) => i.product.id === OPENBOXES_STOCK.belowReorderProductId)!;
		expect(Object.keys(item)).toEqual([
			'expectedReorderCost',
			'expiredQuantityAvailableToPromise',
			'finalQuantityAvailableToPromise',
			'inventoryLevel',
			'inventoryStatus',
			'monthlyDemand',
			'product',
			'quantityToOrder',
			'tags',
			'unitCost',
		]);
		expect(item.inventoryStatus).toBe('REORDER');
		expect(item.monthlyDemand).toBeGreaterThan(0);
		expect(item.tags).toEqual([]);
		expect(item.unitCost).toBeNull();
		expect(item.expectedReorderCost).toBeNull();
		expect(item.inventoryLevel!.status).toEqual({ enumType: 'org.pih.warehouse.inventory.InventoryStatus', name: 'SUPPORTED' });
		expect(Object.keys(item.inventoryLevel!)).toEqual([
			'id', 'abcClass', 'binLocation', 'comments', 'dateCreated', 'demandTimePeriodDays', 'expectedLeadTimeDays', 'forecastPeriodDays',
			'forecastQuantity', 'internalLocation', 'inventory', 'lastUpdated', 'maxQuantity', 'minQuantity', 'preferred',
			'preferredBinLocation', 'product', 'reorderQuantity', 'replenishmentLocation', 'replenishmentPeriodDays', 'status',
		]);
		expect(item.product).toEqual(sandbox.products().find((p) => p.id === item.product.id));
	});

	test('the facility id in the path is ignored: the session location decides', async () => {
		const cookie = await login();
		const mine = await report(cookie, '?inventoryLevelStatus=BELOW_REORDER');
		expect(await report(cookie, '?inventoryLevelStatus=BELOW_REORDER', WAREHOUSE)).toEqual(mine);
		expect(await report(cookie, '?inventoryLevelStatus=BELOW_REORDER', 'no-such-facility')).toEqual(mine);

		await call(`/chooseLocation/${WAREHOUSE}`, { cookie, method: 'PUT' });
		const warehouse = await report(cookie, '?inventoryLevelStatus=BELOW_REORDER', BHQ);
		const expected = expectedReport(WAREHOUSE).filter((e) => e.level?.reorderQuantity && e.finalAtp <= e.level.reorderQuantity);
		expect(ids(warehouse)).toEqual(expected.map((e) => e.productId).sort());
		expect(ids(warehouse)).not.toEqual(ids(mine));

		const nowhere = await login({ username: 'admin', password: 'password' });
		const npe = await call('/facilities/1/inventories/reorderReport', { cookie: nowhere });
		expect(npe.status).toBe(500);
		expect(npe.json.cause).toBe('java.lang.NullPointerException');
	});

	test('ALL_PRODUCTS: every stocked product, levels or not; never-stocked products are absent', async () => {
		const cookie = await login();
		const all = await report(cookie);
		expect(await report(cookie, '?inventoryLevelStatus=ALL_PRODUCTS')).toEqual(all);
		expect(ids(all)).toEqual(expectedReport(BHQ).map((e) => e.productId).sort());
		expect(ids(all)).not.toContain(OPENBOXES_STOCK.neverStockedProductId);
		const unmanaged = all.filter((i) => i.inventoryLevel === null);
		expect(unmanaged.length).toBeGreaterThan(50);
		expect(unmanaged.every((i) => i.quantityToOrder === null && ['IN_STOCK', 'STOCK_OUT'].includes(i.inventoryStatus))).toBe(true);
		const stockOut = all.find((i) => i.product.id === OPENBOXES_STOCK.stockOutProductId)!;
		expect(stockOut).toMatchObject({ finalQuantityAvailableToPromise: 0, inventoryStatus: 'STOCK_OUT' });
		expect(all.find((i) => i.product.id === OPENBOXES_STOCK.aboveMaximumProductId)!.inventoryStatus).toBe('OVERSTOCK');
	});

	test('BELOW_MINIMUM and BELOW_MAXIMUM compare with min and max', async () => {
		const cookie = await login();
		const minimum = await report(cookie, '?inventoryLevelStatus=BELOW_MINIMUM');
		const expectedMin = expectedReport(BHQ).filter((e) => e.level?.minQuantity && e.finalAtp <= e.level.minQuantity);
		expect(ids(minimum)).toEqual(expectedMin.map((e) => e.productId).sort());
		expect(ids(minimum)).toContain(OPENBOXES_STOCK.belowMinimumProductId);
		expect(ids(minimum)).not.toContain(OPENBOXES_STOCK.belowReorderProductId);
		const maximum = await report(cookie, '?inventoryLevelStatus=BELOW_MAXIMUM');
		const expectedMax = expectedReport(BHQ).filter((e) => e.level?.maxQuantity && e.finalAtp <= e.level.maxQuantity);
		expect(ids(maximum)).toEqual(expectedMax.map((e) => e.productId).sort());
		expect(ids(maximum)).not.toContain(OPENBOXES_STOCK.aboveMaximumProductId);
	});

	test('ATP, not on hand: a held lot puts a product below reorder while its status still says IN_STOCK', async () => {
		const cookie = await login();
		const item = (await report(cookie, '?inventoryLevelStatus=BELOW_REORDER')).find((i) => i.product.id === OPENBOXES_STOCK.onHoldProductId)!;
		expect(item.inventoryStatus).toBe('IN_STOCK');
		expect(item.finalQuantityAvailableToPromise).toBeLessThanOrEqual(item.inventoryLevel!.reorderQuantity!);
		expect(sandbox.quantityOnHand(OPENBOXES_STOCK.onHoldProductId)!).toBeGreaterThan(item.inventoryLevel!.reorderQuantity!);
	});

	test('expiration: expired lots are subtracted by default, not with DO_NOT_SUBTRACT_EXPIRED_STOCK', async () => {
		const cookie = await login();
		const id = OPENBOXES_STOCK.expiredLotProductId;
		const subtracted = (await report(cookie, '?inventoryLevelStatus=BELOW_REORDER')).find((i) => i.product.id === id)!;
		expect(subtracted.expiredQuantityAvailableToPromise).toBeGreaterThan(0);
		const kept = await report(cookie, '?inventoryLevelStatus=BELOW_REORDER&expiration=DO_NOT_SUBTRACT_EXPIRED_STOCK');
		expect(ids(kept)).not.toContain(id);
		const expectedKept = expectedReport(BHQ, false).filter((e) => e.level?.reorderQuantity && e.finalAtp <= e.level.reorderQuantity);
		expect(ids(kept)).toEqual(expectedKept.map((e) => e.productId).sort());
		const all = (await report(cookie, '?expiration=DO_NOT_SUBTRACT_EXPIRED_STOCK')).find((i) => i.product.id === id)!;
		expect(all.expiredQuantityAvailableToPromise).toBe(0);
		expect(all.finalQuantityAvailableToPromise).toBe(subtracted.finalQuantityAvailableToPromise + subtracted.expiredQuantityAvailableToPromise);
		// "Expiring within a year" also subtracts what already expired.
		const year = (await report(cookie, '?expiration=SUBTRACT_EXPIRING_WITHIN_YEAR')).find((i) => i.product.id === id)!;
		expect(year.expiredQuantityAvailableToPromise).toBeGreaterThanOrEqual(subtracted.expiredQuantityAvailableToPromise);
	});

	test('bad filters are a 400 validation error', async () => {
		const cookie = await login();
		const res = await call('/facilities/1/inventories/reorderReport?inventoryLevelStatus=BELOW_EVERYTHING', { cookie });
		expect(res.status).toBe(400);
		expect(res.json.errorCode).toBe(400);
		expect(res.json.errorMessages[0]).toContain('InventoryLevelStatus');
		const notFacility = await call('/facilities/1/inventories/reorderReport?additionalLocations=ff80818190a1c3b10190a1c4e2a50011', { cookie });
		expect(notFacility.status).toBe(400);
	});

	test('additionalLocations adds their stock to the ATP, levels stay the session location’s', async () => {
		const cookie = await login();
		const both = await report(cookie, `?additionalLocations=${WAREHOUSE}`);
		const bhq = expectedReport(BHQ);
		const mw = expectedReport(WAREHOUSE);
		const shared = bhq.find((e) => mw.some((m) => m.productId === e.productId))!;
		const item = both.find((i) => i.product.id === shared.productId)!;
		expect(item.finalQuantityAvailableToPromise).toBe(shared.finalAtp + mw.find((m) => m.productId === shared.productId)!.finalAtp);
		expect(item.inventoryLevel).toEqual(shared.level ?? null);
	});

	test('unit costs only for ROLE_FINANCE', async () => {
		const cookie = await login(FINANCE_LOGIN);
		const items = await report(cookie, '?inventoryLevelStatus=BELOW_REORDER');
		const priced = items.find((i) => i.product.pricePerUnit !== null)!;
		expect(priced.unitCost).toBe(priced.product.pricePerUnit);
		expect(priced.expectedReorderCost).toBeCloseTo(priced.quantityToOrder! * (priced.product.pricePerUnit as number), 2);
	});
});

describe('servers without the reorder report, and the fallback', () => {
	test('reorderReportAvailable=false: 404 Resource not found, while the fallback endpoints keep working', async () => {
		sandbox.configure({ reorderReportAvailable: false });
		const cookie = await login();
		const res = await call('/facilities/1/inventories/reorderReport?inventoryLevelStatus=BELOW_REORDER', { cookie });
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ errorCode: 404, errorMessage: 'Resource not found' });
		// Still behind the security interceptor: a logged-out caller gets the 302.
		expect((await call('/facilities/1/inventories/reorderReport')).status).toBe(302);
		expect((await call('/facilities/1/inventory-levels', { cookie })).status).toBe(200);
		expect((await call('/locations/1/productSummary', { cookie })).status).toBe(200);
	});

	test('inventory-levels: the levels of the facility in the PATH; unknown facility is a 500', async () => {
		const cookie = await login();
		const res = await call(`/facilities/${WAREHOUSE}/inventory-levels`, { cookie });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ data: sandbox.inventoryLevels(WAREHOUSE) });
		expect(res.json.data).toHaveLength(200);
		expect((await call('/facilities/1/inventory-levels', { cookie })).json.data).toHaveLength(320);
		expect((await call('/facilities/ff80818190a1c3b10190a1c4e2a50011/inventory-levels', { cookie })).json).toEqual({ data: [] });
		const unknown = await call('/facilities/nope/inventory-levels', { cookie });
		expect(unknown.status).toBe(500);
		expect(unknown.json.errorMessage).toBe('Unable to locate facility with id nope');
	});

	test('the documented fallback recipe finds the low products, never-stocked ones included', async () => {
		sandbox.configure({ reorderReportAvailable: false });
		const cookie = await login();
		const levels = (await call('/facilities/1/inventory-levels', { cookie })).json.data as InventoryLevelJson[];
		const summary = (await call('/locations/1/productSummary', { cookie })).json.data as Array<{ productId: string; quantityOnHand: number }>;
		const qoh = new Map(summary.map((s) => [s.productId, s.quantityOnHand]));
		const low = levels
			.filter((l) => (l.reorderQuantity ?? 0) > 0 && ['SUPPORTED', 'STOCK', 'FORMULARY'].includes(l.status.name))
			.filter((l) => (qoh.get(l.product.id) ?? 0) <= l.reorderQuantity!)
			.map((l) => l.product.id);
		expect(low).toContain(OPENBOXES_STOCK.belowReorderProductId);
		expect(low).toContain(OPENBOXES_STOCK.neverStockedProductId);
		// On-hand based: the held product does not look low here, unlike in the report.
		expect(low).not.toContain(OPENBOXES_STOCK.onHoldProductId);
	});
});

describe('setQuantityOnHand', () => {
	test('moves a product into and out of the report without touching the product record', async () => {
		const cookie = await login();
		const id = OPENBOXES_STOCK.inStockProductId;
		const level = sandbox.inventoryLevels().find((l) => l.product.id === id)!;
		const below = () => report(cookie, '?inventoryLevelStatus=BELOW_REORDER').then((items) => items.find((i) => i.product.id === id));
		expect(await below()).toBeUndefined();
		const before = (await call(`/products/${id}`, { cookie })).json.data.lastUpdated as string;

		sandbox.setQuantityOnHand(id, level.reorderQuantity!);
		const item = await below();
		expect(item).toMatchObject({ finalQuantityAvailableToPromise: level.reorderQuantity, inventoryStatus: 'REORDER', quantityToOrder: level.maxQuantity! - level.reorderQuantity! });
		expect(sandbox.quantityOnHand(id)).toBe(level.reorderQuantity);
		expect((await call(`/products/${id}/productSummary`, { cookie })).json.data.quantityOnHand).toBe(level.reorderQuantity);
		// Stock lives in its own rows; the product's lastUpdated (watched by product pollers) stays.
		const after = (await call(`/products/${id}`, { cookie })).json.data.lastUpdated as string;
		expect(after).toMatch(SECOND_DATE);
		expect(after).toBe(before);

		sandbox.setQuantityOnHand(id, level.maxQuantity! + 5);
		expect(await below()).toBeUndefined();
		const all = (await report(cookie)).find((i) => i.product.id === id)!;
		expect(all).toMatchObject({ inventoryStatus: 'OVERSTOCK', quantityToOrder: 0, finalQuantityAvailableToPromise: level.maxQuantity! + 5 });

		sandbox.setQuantityOnHand(id, 0);
		const empty = (await report(cookie, '?inventoryLevelStatus=BELOW_MINIMUM')).find((i) => i.product.id === id)!;
		expect(empty).toMatchObject({ inventoryStatus: 'STOCK_OUT', finalQuantityAvailableToPromise: 0 });
	});

	test('a held or expired product counted back up is available again; a never-stocked one enters the report', async () => {
		const cookie = await login();
		for (const id of [OPENBOXES_STOCK.onHoldProductId, OPENBOXES_STOCK.expiredLotProductId]) {
			const level = sandbox.inventoryLevels().find((l) => l.product.id === id)!;
			sandbox.setQuantityOnHand(id, level.reorderQuantity! + 1);
			const item = (await report(cookie)).find((i) => i.product.id === id)!;
			expect(item.finalQuantityAvailableToPromise).toBe(level.reorderQuantity! + 1);
			expect(item.expiredQuantityAvailableToPromise).toBe(0);
		}
		const never = OPENBOXES_STOCK.neverStockedProductId;
		sandbox.setQuantityOnHand(never, 1);
		expect(ids(await report(cookie))).toContain(never);
		expect(sandbox.productAvailability(never)).toHaveLength(1);
	});

	test('at another facility, and invalid calls throw', () => {
		const mwLevel = sandbox.inventoryLevels(WAREHOUSE)[0];
		sandbox.setQuantityOnHand(mwLevel.product.id, 0, WAREHOUSE);
		expect(sandbox.quantityOnHand(mwLevel.product.id, WAREHOUSE)).toBe(0);
		expect(() => sandbox.setQuantityOnHand('nope', 1)).toThrow('unknown product');
		expect(() => sandbox.setQuantityOnHand(mwLevel.product.id, -1)).toThrow('non-negative');
		expect(() => sandbox.setQuantityOnHand(mwLevel.product.id, 1, 'ff80818190a1c3b10190a1c4e2a50011')).toThrow('not a facility');
	});

	test('the seed is identical in every instance', () => {
		const other = new OpenBoxesSandbox();
		expect(other.inventoryLevels()).toEqual(sandbox.inventoryLevels());
		expect(other.productAvailability(undefined, WAREHOUSE)).toEqual(sandbox.productAvailability(undefined, WAREHOUSE));
		expect(other.stockMovements()).toEqual(sandbox.stockMovements());
		expect(other.purchaseOrders()).toEqual(sandbox.purchaseOrders());
		expect(other.stockMovements()).toHaveLength(60);
		expect(other.purchaseOrders()).toHaveLength(80);
	});

	test('reset restores the seeded stock', () => {
		const id = OPENBOXES_STOCK.belowReorderProductId;
		const seeded = sandbox.quantityOnHand(id);
		sandbox.setQuantityOnHand(id, 999);
		sandbox.reset();
		expect(sandbox.quantityOnHand(id)).toBe(seeded);
		expect(sandbox.reorderReportItems('BELOW_REORDER').some((i) => i.product.id === id)).toBe(true);
	});
});
