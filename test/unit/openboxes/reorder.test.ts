import { NodeApiError, NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import {
	enumName,
	itemsFromInventoryLevels,
	itemsFromReorderReport,
	numberOrNull,
	readReorderItems,
	suggestedOrderQuantity,
} from '../../../nodes/OpenBoxes/inventory/reorder';
import { httpError, mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';

const API = 'http://ob.test/openboxes/api';
const credentials = { openBoxesApi: { baseUrl: 'http://ob.test/openboxes', username: 'u', password: 'p', location: 'F1', sessionCookie: 'JSESSIONID=A' } };
const SUPPORTED = { enumType: 'org.pih.warehouse.inventory.InventoryStatus', name: 'SUPPORTED' };

/** A poll context: no input items, and getNodeParameter(name, fallback) without an item index. */
function pollContext(respond: (call: RecordedCall, index: number) => unknown, parameters: IDataObject = {}) {
	const mock = mockExecuteFunctions({ parameters, credentials, respond });
	const context = mock.context as unknown as Record<string, unknown>;
	delete context.getInputData;
	context.getNodeParameter = (name: string, fallback?: unknown) => parameters[name] ?? fallback;
	return { context: mock.context as unknown as IPollFunctions, calls: mock.calls };
}

const report = (product: string, available: number, levels: IDataObject) => ({
	finalQuantityAvailableToPromise: available,
	inventoryLevel: { id: `lvl-${product}`, product: { id: product }, status: SUPPORTED, ...levels },
	product: { id: product, productCode: product.toUpperCase(), name: `Product ${product}` },
});

describe('reorder helpers', () => {
	it('suggestedOrderQuantity: up to the maximum when set, else just above the reorder point (or minimum), never below 0', () => {
		expect(suggestedOrderQuantity({ available: 4, min: 5, reorder: 20, max: 100 })).toBe(96);
		expect(suggestedOrderQuantity({ available: 4, min: 5, reorder: 20, max: null })).toBe(17);
		expect(suggestedOrderQuantity({ available: 4, min: 5, reorder: 20, max: 0 })).toBe(17);
		expect(suggestedOrderQuantity({ available: 2, min: 5, reorder: null, max: null })).toBe(4);
		expect(suggestedOrderQuantity({ available: 120, min: 5, reorder: 20, max: 100 })).toBe(0);
		expect(suggestedOrderQuantity({ available: -3, min: null, reorder: 10, max: null })).toBe(14);
		expect(suggestedOrderQuantity({ available: 1, min: null, reorder: null, max: null })).toBe(0);
		expect(suggestedOrderQuantity({ available: 1.5, min: null, reorder: null, max: 10 })).toBe(9);
	});

	it('numberOrNull and enumName read what OpenBoxes renders', () => {
		expect([numberOrNull(3), numberOrNull('4'), numberOrNull(null), numberOrNull(''), numberOrNull('x'), numberOrNull(Number.NaN)]).toEqual([3, 4, null, null, null, null]);
		expect([enumName('STOCK'), enumName(SUPPORTED), enumName(null), enumName({})]).toEqual(['STOCK', 'SUPPORTED', undefined, undefined]);
	});

	it('itemsFromReorderReport normalises rows, drops rows not below the level and repeats of a product', () => {
		const rows = [
			report('p1', 4, { minQuantity: 5, reorderQuantity: 20, maxQuantity: 100 }),
			report('p1', 4, { minQuantity: 5, reorderQuantity: 20, maxQuantity: 100 }),
			report('p2', 30, { minQuantity: 5, reorderQuantity: 20, maxQuantity: 100 }),
			report('p3', 20, { minQuantity: null, reorderQuantity: 20, maxQuantity: null }),
			report('p4', 0, { minQuantity: 0, reorderQuantity: 0, maxQuantity: 0 }),
			'not a row',
			{ product: {} },
		];
		expect(itemsFromReorderReport(rows, 'reorder')).toEqual([
			{
				productId: 'p1',
				productCode: 'P1',
				productName: 'Product p1',
				quantityAvailable: 4,
				quantityOnHand: null,
				minQuantity: 5,
				reorderQuantity: 20,
				maxQuantity: 100,
				suggestedOrderQuantity: 96,
				status: 'BELOW_REORDER',
				source: 'reorderReport',
			},
			{
				productId: 'p3',
				productCode: 'P3',
				productName: 'Product p3',
				quantityAvailable: 20,
				quantityOnHand: null,
				minQuantity: null,
				reorderQuantity: 20,
				maxQuantity: null,
				suggestedOrderQuantity: 1,
				status: 'BELOW_REORDER',
				source: 'reorderReport',
			},
		]);
		expect(itemsFromReorderReport(rows, 'minimum').map((i) => [i.productId, i.status])).toEqual([['p1', 'BELOW_MINIMUM']]);
		expect(itemsFromReorderReport(rows, 'maximum').map((i) => [i.productId, i.status])).toEqual([
			['p1', 'BELOW_MAXIMUM'],
			['p2', 'BELOW_MAXIMUM'],
		]);
	});

	describe('itemsFromInventoryLevels (the fallback)', () => {
		const level = (product: string, fields: IDataObject): IDataObject => ({
			id: `lvl-${product}`,
			product: { id: product },
			inventory: { id: 'inv1' },
			internalLocation: null,
			status: SUPPORTED,
			minQuantity: null,
			reorderQuantity: null,
			maxQuantity: null,
			...fields,
		});
		const levels = [
			level('p1', { reorderQuantity: 10, minQuantity: 2, maxQuantity: 40 }),
			level('p2', { reorderQuantity: 10, status: 'STOCK' }),
			level('p3', { reorderQuantity: 10, status: { enumType: 'x', name: 'FORMULARY' } }),
			level('p4', { reorderQuantity: 10, status: { enumType: 'x', name: 'NOT_SUPPORTED' } }),
			level('p5', { reorderQuantity: 10, status: null }),
			level('p6', { reorderQuantity: 0, minQuantity: 3 }),
			level('p7', { reorderQuantity: 10, internalLocation: { id: 'BIN-1' } }),
			level('p8', { reorderQuantity: 10 }),
			level('p1', { reorderQuantity: 99 }),
		];
		const summary = [
			{ productId: 'p1', productName: 'One', productCode: 'C1', quantityOnHand: 10 },
			{ productId: 'p2', productName: 'Two', productCode: 'C2', quantityOnHand: 11 },
			{ productId: 'p3', productName: 'Three', productCode: 'C3', quantityOnHand: 3 },
			{ productId: 'p6', productName: 'Six', productCode: 'C6', quantityOnHand: 1 },
			{ productId: 'p8', productName: 'Eight', productCode: 'C8', quantityOnHand: 4 },
			{ productId: 'p8', productName: 'Eight', productCode: 'C8', quantityOnHand: 7 },
		];

		it('below reorder ⇔ on hand ≤ reorder, only SUPPORTED/STOCK/FORMULARY facility levels with reorder > 0', () => {
			expect(itemsFromInventoryLevels(levels, summary, 'reorder')).toEqual([
				{
					productId: 'p1',
					productCode: 'C1',
					productName: 'One',
					quantityAvailable: 10,
					quantityOnHand: 10,
					minQuantity: 2,
					reorderQuantity: 10,
					maxQuantity: 40,
					suggestedOrderQuantity: 30,
					status: 'BELOW_REORDER',
					source: 'inventoryLevels',
				},
				{
					productId: 'p3',
					productCode: 'C3',
					productName: 'Three',
					quantityAvailable: 3,
					quantityOnHand: 3,
					minQuantity: null,
					reorderQuantity: 10,
					maxQuantity: null,
					suggestedOrderQuantity: 8,
					status: 'BELOW_REORDER',
					source: 'inventoryLevels',
				},
			]);
		});

		it('minimum and maximum work the same way with their own level', () => {
			expect(itemsFromInventoryLevels(levels, summary, 'minimum').map((i) => [i.productId, i.quantityOnHand, i.suggestedOrderQuantity])).toEqual([['p6', 1, 3]]);
			expect(itemsFromInventoryLevels(levels, summary, 'maximum').map((i) => [i.productId, i.status])).toEqual([['p1', 'BELOW_MAXIMUM']]);
		});

		it('counts a product missing from the summary as 0 on hand, with no name yet', () => {
			const [item] = itemsFromInventoryLevels([level('p9', { reorderQuantity: 1 })], [], 'reorder');
			expect(item).toMatchObject({ productId: 'p9', productCode: null, productName: null, quantityOnHand: 0, suggestedOrderQuantity: 2 });
		});
	});
});

describe('readReorderItems', () => {
	it('works from a poll context: reads the report for the facility', async () => {
		const { context, calls } = pollContext(() => ({ data: [report('p1', 1, { reorderQuantity: 5 })] }));
		const items = await readReorderItems(context, { level: 'reorder', facilityId: 'F1' });
		expect(items.map((i) => [i.productId, i.source, i.suggestedOrderQuantity])).toEqual([['p1', 'reorderReport', 5]]);
		expect(calls).toHaveLength(1);
		expect(calls[0].options).toMatchObject({
			method: 'GET',
			url: `${API}/facilities/F1/inventories/reorderReport`,
			qs: { inventoryLevelStatus: 'BELOW_REORDER' },
		});
		expect(calls[0].credentialType).toBe('openBoxesApi');
	});

	it('on 404 reads levels and summary, and looks up names of products never stocked (a deleted one keeps its ID)', async () => {
		const { context, calls } = pollContext((call) => {
			const path = call.options.url.replace(API, '');
			if (path.endsWith('/reorderReport')) return Promise.reject(httpError(404, { errorCode: 404, errorMessage: 'Resource not found' }));
			if (path === '/facilities/F%2F1/inventory-levels') {
				return { data: [{ product: { id: 'p1' }, minQuantity: 4, status: SUPPORTED }, { product: { id: 'gone' }, minQuantity: 4, status: 'STOCK' }] };
			}
			if (path === '/locations/F%2F1/productSummary') return { data: [] };
			if (path === '/products/p1') return { data: { id: 'p1', productCode: 'C1', name: 'One' } };
			if (path === '/products/gone') return Promise.reject(httpError(404, { errorCode: 404, errorMessage: 'Resource not found' }));
			throw new Error(`unexpected ${path}`);
		});
		const items = await readReorderItems(context, { level: 'minimum', facilityId: ' F/1 ' });
		expect(items).toEqual([
			expect.objectContaining({ productId: 'p1', productCode: 'C1', productName: 'One', quantityOnHand: 0, status: 'BELOW_MINIMUM', source: 'inventoryLevels' }),
			expect.objectContaining({ productId: 'gone', productCode: null, productName: null, status: 'BELOW_MINIMUM', source: 'inventoryLevels' }),
		]);
		expect(calls.map((c) => c.options.url.replace(API, ''))).toEqual([
			'/facilities/F%2F1/inventories/reorderReport',
			'/facilities/F%2F1/inventory-levels',
			'/locations/F%2F1/productSummary',
			'/products/p1',
			'/products/gone',
		]);
		expect(calls[0].options.qs).toEqual({ inventoryLevelStatus: 'BELOW_MINIMUM' });
	});

	it('does not fall back on other errors, nor when told not to', async () => {
		const failing = pollContext(() => Promise.reject(httpError(500, { errorCode: 500, errorMessage: "Cannot get property 'id' on null object" })));
		await expect(readReorderItems(failing.context, { level: 'reorder', facilityId: 'F1' })).rejects.toThrow(/Cannot get property 'id'/);
		expect(failing.calls).toHaveLength(1);

		const strict = pollContext(() => Promise.reject(httpError(404, { errorCode: 404, errorMessage: 'Resource not found' })));
		const error = await readReorderItems(strict.context, { level: 'reorder', facilityId: 'F1', useFallback: false }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(strict.calls).toHaveLength(1);
	});

	it('refuses an empty facility and an unknown level before any request', async () => {
		const { context, calls } = pollContext(() => ({ data: [] }));
		await expect(readReorderItems(context, { level: 'reorder', facilityId: '' })).rejects.toThrow(NodeOperationError);
		await expect(readReorderItems(context, { level: 'lots' as never, facilityId: 'F1' })).rejects.toThrow(/Level "lots"/);
		expect(calls).toHaveLength(0);
	});
});
