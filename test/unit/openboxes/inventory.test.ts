import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';

import { operations } from '../../../nodes/OpenBoxes/actions/inventory';
import { runOperations } from '../../../nodes/shared/router';
import { httpError, mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';

const API = 'http://ob.test/openboxes/api';
const credentials = { openBoxesApi: { baseUrl: 'http://ob.test/openboxes', username: 'u', password: 'p', location: 'L1', sessionCookie: 'JSESSIONID=A' } };

const locator = (value: string) => ({ __rl: true, mode: 'list', value });

function setup(parameters: IDataObject, respond?: (call: RecordedCall, index: number) => unknown, creds: Record<string, IDataObject> = credentials) {
	const mock = mockExecuteFunctions({ parameters: { resource: 'inventory', ...parameters }, credentials: creds, respond });
	return { ...mock, run: async () => (await runOperations.call(mock.context, { inventory: operations }))[0] };
}

async function refused(parameters: IDataObject, creds?: Record<string, IDataObject>) {
	const mock = setup(parameters, () => ({}), creds);
	const error = await mock.run().then(
		() => undefined,
		(e: unknown) => e as NodeOperationError,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(mock.calls).toHaveLength(0);
	return error as NodeOperationError;
}

const pathOf = (call: RecordedCall) => call.options.url.replace(API, '');

const reportRow = {
	expectedReorderCost: null,
	finalQuantityAvailableToPromise: 4,
	inventoryLevel: {
		id: 'lvl1',
		maxQuantity: 100,
		minQuantity: 5,
		product: { id: 'p1' },
		reorderQuantity: 20,
		status: { enumType: 'org.pih.warehouse.inventory.InventoryStatus', name: 'SUPPORTED' },
	},
	inventoryStatus: 'LOW_STOCK',
	product: { id: 'p1', productCode: 'AB12', name: 'Ibuprofen 200mg' },
	quantityToOrder: 96,
};

describe('OpenBoxes Inventory: Get Items Below Level', () => {
	it('reads the reorder report for the credential location and normalises each row', async () => {
		const { run, calls } = setup({ operation: 'getItemsBelowLevel', level: 'reorder', options: {} }, () => ({ data: [reportRow] }));
		const output = await run();
		expect(output.map((i) => i.json)).toEqual([
			{
				productId: 'p1',
				productCode: 'AB12',
				productName: 'Ibuprofen 200mg',
				quantityAvailable: 4,
				quantityOnHand: null,
				minQuantity: 5,
				reorderQuantity: 20,
				maxQuantity: 100,
				suggestedOrderQuantity: 96,
				status: 'BELOW_REORDER',
				source: 'reorderReport',
			},
		]);
		expect(calls).toHaveLength(1);
		expect(calls[0].options).toMatchObject({
			method: 'GET',
			url: `${API}/facilities/L1/inventories/reorderReport`,
			qs: { inventoryLevelStatus: 'BELOW_REORDER' },
		});
	});

	it.each([
		['minimum', 'BELOW_MINIMUM'],
		['maximum', 'BELOW_MAXIMUM'],
	])('asks the report for level %s as %s', async (level, status) => {
		const { run, calls } = setup({ operation: 'getItemsBelowLevel', level, options: {} }, () => ({ data: [] }));
		expect(await run()).toEqual([]);
		expect(calls[0].options.qs).toEqual({ inventoryLevelStatus: status });
	});

	it('falls back to inventory levels and quantities on hand when the report answers 404', async () => {
		const { run, calls } = setup({ operation: 'getItemsBelowLevel', level: 'reorder', options: {} }, (call) => {
			const path = pathOf(call);
			if (path === '/facilities/L1/inventories/reorderReport') return Promise.reject(httpError(404, { errorCode: 404, errorMessage: 'Resource not found' }));
			if (path === '/facilities/L1/inventory-levels') {
				return {
					data: [
						{ id: 'a', product: { id: 'p1' }, reorderQuantity: 20, minQuantity: 5, maxQuantity: null, status: { enumType: 'x', name: 'SUPPORTED' }, internalLocation: null },
						{ id: 'b', product: { id: 'p2' }, reorderQuantity: 10, minQuantity: 0, maxQuantity: 50, status: { enumType: 'x', name: 'STOCK' }, internalLocation: null },
						{ id: 'c', product: { id: 'p3' }, reorderQuantity: 10, status: { enumType: 'x', name: 'NOT_SUPPORTED' } },
					],
				};
			}
			if (path === '/locations/L1/productSummary') return { data: [{ productId: 'p1', productName: 'Ibuprofen 200mg', productCode: 'AB12', quantityOnHand: 7 }] };
			if (path === '/products/p2') return { data: { id: 'p2', productCode: 'CD34', name: 'Gauze' } };
			throw new Error(`unexpected ${path}`);
		});
		const output = await run();
		expect(output.map((i) => i.json)).toEqual([
			{
				productId: 'p1',
				productCode: 'AB12',
				productName: 'Ibuprofen 200mg',
				quantityAvailable: 7,
				quantityOnHand: 7,
				minQuantity: 5,
				reorderQuantity: 20,
				maxQuantity: null,
				suggestedOrderQuantity: 14,
				status: 'BELOW_REORDER',
				source: 'inventoryLevels',
			},
			{
				productId: 'p2',
				productCode: 'CD34',
				productName: 'Gauze',
				quantityAvailable: 0,
				quantityOnHand: 0,
				minQuantity: 0,
				reorderQuantity: 10,
				maxQuantity: 50,
				suggestedOrderQuantity: 50,
				status: 'BELOW_REORDER',
				source: 'inventoryLevels',
			},
		]);
		expect(calls.map(pathOf)).toEqual([
			'/facilities/L1/inventories/reorderReport',
			'/facilities/L1/inventory-levels',
			'/locations/L1/productSummary',
			'/products/p2',
		]);
	});

	it('with the fallback turned off, a 404 is an error', async () => {
		const { run, calls } = setup({ operation: 'getItemsBelowLevel', level: 'reorder', options: { useFallback: false } }, () =>
			Promise.reject(httpError(404, { errorCode: 404, errorMessage: 'Resource not found' })),
		);
		const error = await run().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
		expect(calls).toHaveLength(1);
	});

	it('refuses a level it does not know and a credential without location, before any request', async () => {
		expect((await refused({ operation: 'getItemsBelowLevel', level: 'lowish', options: {} })).message).toMatch(/Level "lowish"/);
		const noLocation = { openBoxesApi: { ...credentials.openBoxesApi, location: ' ' } };
		expect((await refused({ operation: 'getItemsBelowLevel', level: 'reorder', options: {} }, noLocation)).message).toMatch(/no Location ID/);
	});
});

describe('OpenBoxes Inventory: Get Quantity On Hand', () => {
	it('one product: reads its summary and outputs product, location and quantity (null means 0)', async () => {
		const ok = setup({ operation: 'getQuantityOnHand', scope: 'product', productId: locator('p1') }, () => ({
			data: { product: { id: 'p1' }, location: { id: 'L1' }, quantityOnHand: 42 },
		}));
		expect((await ok.run())[0].json).toEqual({ productId: 'p1', locationId: 'L1', quantityOnHand: 42 });
		expect(ok.calls[0].options).toMatchObject({ method: 'GET', url: `${API}/products/p1/productSummary` });

		const never = setup({ operation: 'getQuantityOnHand', scope: 'product', productId: locator('p2') }, () => ({
			data: { product: { id: 'p2' }, location: { id: 'L1' }, quantityOnHand: null },
		}));
		expect((await never.run())[0].json).toEqual({ productId: 'p2', locationId: 'L1', quantityOnHand: 0 });
	});

	it('all products: reads the location summary of the credential location, limited here', async () => {
		const rows = [1, 2, 3].map((n) => ({ productId: `p${n}`, productName: `P${n}`, productCode: `C${n}`, quantityOnHand: n }));
		const { run, calls } = setup({ operation: 'getQuantityOnHand', scope: 'all', returnAll: false, limit: 2 }, () => ({ data: rows }));
		expect((await run()).map((i) => i.json)).toEqual(rows.slice(0, 2));
		expect(calls[0].options).toMatchObject({ method: 'GET', url: `${API}/locations/L1/productSummary` });
		expect(calls[0].options.qs).toBeUndefined();
	});

	it('refuses an empty product before any request', async () => {
		expect((await refused({ operation: 'getQuantityOnHand', scope: 'product', productId: locator('') })).message).toBe('Product is required');
	});
});

describe('OpenBoxes Inventory: availability and lots', () => {
	it('Get Availability By Lot And Bin asks for the product at the credential location by default', async () => {
		const rows = [{ 'inventoryItem.id': 'ii1', lotNumber: 'A', 'binLocation.name': 'B1', quantityAvailable: 3, quantityOnHand: 5, status: 'AVAILABLE' }];
		const { run, calls } = setup({ operation: 'getAvailability', productId: locator('p1'), location: locator('') }, () => ({ data: rows }));
		expect((await run()).map((i) => i.json)).toEqual(rows);
		expect(calls[0].options).toMatchObject({
			method: 'GET',
			url: `${API}/products/availableItems`,
			qs: { 'product.id': 'p1', 'location.id': 'L1' },
		});

		const other = setup({ operation: 'getAvailability', productId: locator('p1'), location: locator('L4') }, () => ({ data: [] }));
		expect(await other.run()).toEqual([]);
		expect(other.calls[0].options.qs).toEqual({ 'product.id': 'p1', 'location.id': 'L4' });
	});

	it('Look Up Lot reads the lot (no data envelope) and says whether it was found', async () => {
		const found = setup({ operation: 'lookUpLot', productId: locator('p1'), lotNumber: 'LOT 1/A' }, () => ({
			inventoryItem: { id: 'ii1', product: { id: 'p1' }, lotNumber: 'LOT 1/A', expirationDate: '01/31/2027' },
			quantityOnHand: 9,
		}));
		expect((await found.run())[0].json).toEqual({
			found: true,
			productId: 'p1',
			lotNumber: 'LOT 1/A',
			quantityOnHand: 9,
			expirationDate: '01/31/2027',
			inventoryItem: { id: 'ii1', product: { id: 'p1' }, lotNumber: 'LOT 1/A', expirationDate: '01/31/2027' },
		});
		expect(found.calls[0].options).toMatchObject({ method: 'GET', url: `${API}/products/p1/inventoryItems/LOT%201%2FA` });

		const missing = setup({ operation: 'lookUpLot', productId: locator('p1'), lotNumber: 'X' }, () => ({ inventoryItem: null, quantityOnHand: 0 }));
		expect((await missing.run())[0].json).toEqual({ found: false, productId: 'p1', lotNumber: 'X', quantityOnHand: 0, expirationDate: null, inventoryItem: null });
	});

	it('Look Up Lot refuses an empty lot number before any request', async () => {
		expect((await refused({ operation: 'lookUpLot', productId: locator('p1'), lotNumber: '' })).message).toBe('Lot Number is required');
	});
});
