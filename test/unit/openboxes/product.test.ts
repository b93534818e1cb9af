import { NodeOperationError, type INodeProperties } from 'n8n-workflow';

import * as product from '../../../nodes/OpenBoxes/actions/product';
import { locator, request, run, runExpectingError } from './harness';

const created = { id: 'p9', name: 'Ibuprofen 200mg', productCode: 'AB12', category: { id: 'ROOT' }, productType: { id: 'DEFAULT' } };

describe('OpenBoxes Product resource', () => {
	it('lists every product operation in the Operation dropdown, sorted, and routes each one', () => {
		const selector = product.description.find((p) => p.name === 'operation') as INodeProperties;
		const values = (selector.options as Array<{ name: string; value: string }>).map((o) => o.value);
		expect(values).toEqual(['create', 'delete', 'get', 'getAvailability', 'getAll', 'getSummary', 'search', 'update']);
		const names = (selector.options as Array<{ name: string }>).map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(Object.keys(product.operations).sort()).toEqual([...values].sort());
	});

	describe('Create', () => {
		it('POSTs name, category, product type and the added fields, and unwraps {"product": ...}', async () => {
			const { calls, json } = await run({
				parameters: {
					resource: 'product',
					operation: 'create',
					name: ' Ibuprofen 200mg ',
					categoryId: 'ROOT',
					productType: 'DEFAULT',
					additionalFields: {
						productCode: 'AB12',
						unitOfMeasure: 'EA',
						pricePerUnit: 1.5,
						costPerUnit: '0.75',
						coldChain: true,
						lotAndExpiryControl: false,
						description: '   ',
						vendor: 'Acme',
					},
				},
				respond: () => ({ product: created }),
			});
			expect(calls).toHaveLength(1);
			expect(request(calls[0])).toEqual({
				method: 'POST',
				path: '/products',
				urlQuery: [],
				qs: undefined,
				body: {
					name: 'Ibuprofen 200mg',
					category: { id: 'ROOT' },
					productType: { id: 'DEFAULT' },
					productCode: 'AB12',
					unitOfMeasure: 'EA',
					pricePerUnit: 1.5,
					costPerUnit: 0.75,
					coldChain: true,
					lotAndExpiryControl: false,
					vendor: 'Acme',
				},
			});
			expect(json).toEqual([created]);
		});

		it('sends product type DEFAULT when none is set and accepts a {"data": ...} answer too', async () => {
			const { calls, json } = await run({
				parameters: { resource: 'product', operation: 'create', name: 'Gauze', categoryId: 'c1', additionalFields: {} },
				respond: () => ({ data: { id: 'p2' } }),
			});
			expect(calls[0].options.body).toEqual({ name: 'Gauze', category: { id: 'c1' }, productType: { id: 'DEFAULT' } });
			expect(json).toEqual([{ id: 'p2' }]);
		});

		it.each([
			[{ name: '  ', categoryId: 'ROOT' }, /Name is required/],
			[{ name: 'x'.repeat(256), categoryId: 'ROOT' }, /at most 255/],
			[{ name: 'Gauze', categoryId: ' ' }, /Category is required/],
			[{ name: 'Gauze', categoryId: 'ROOT', additionalFields: { pricePerUnit: -1 } }, /Price Per Unit must be a number of 0 or more/],
			[{ name: 'Gauze', categoryId: 'ROOT', additionalFields: { costPerUnit: 'cheap' } }, /Cost Per Unit must be a number/],
		])('refuses bad input %# before sending anything', async (parameters, message) => {
			const { error, calls } = await runExpectingError({ parameters: { resource: 'product', operation: 'create', ...parameters } });
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(message);
			expect(calls).toHaveLength(0);
		});
	});

	describe('Update', () => {
		it('POSTs only the update fields to /products/:id (empty text clears) and unwraps data', async () => {
			const { calls, json } = await run({
				parameters: {
					resource: 'product',
					operation: 'update',
					productId: locator('p 9'),
					updateFields: { name: 'Ibuprofen 400mg', categoryId: 'c2', brandName: '', active: false, pricePerUnit: 2 },
				},
				respond: () => ({ data: { id: 'p 9', name: 'Ibuprofen 400mg' } }),
			});
			expect(request(calls[0])).toEqual({
				method: 'POST',
				path: '/products/p%209',
				urlQuery: [],
				qs: undefined,
				body: { name: 'Ibuprofen 400mg', category: { id: 'c2' }, brandName: '', active: false, pricePerUnit: 2 },
			});
			expect(json).toEqual([{ id: 'p 9', name: 'Ibuprofen 400mg' }]);
		});

		it('refuses empty Update Fields, an emptied name and a missing product before sending anything', async () => {
			for (const [parameters, message] of [
				[{ productId: locator('p1'), updateFields: {} }, /Update Fields is empty/],
				[{ productId: locator('p1'), updateFields: { name: ' ' } }, /Name is required/],
				[{ productId: locator(''), updateFields: { name: 'x' } }, /Product is required/],
			] as const) {
				const { error, calls } = await runExpectingError({ parameters: { resource: 'product', operation: 'update', ...parameters } });
				expect(error.message).toMatch(message);
				expect(calls).toHaveLength(0);
			}
		});

		it('offers the same fields as Create plus Name and Category, sorted by name', () => {
			const updateFields = product.description.find((p) => p.name === 'updateFields') as INodeProperties;
			const names = (updateFields.options as INodeProperties[]).map((o) => o.displayName);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			expect(names).toEqual(expect.arrayContaining(['Name', 'Category Name or ID', 'Vendor Code', 'Lot and Expiry Control']));
		});
	});

	it('Delete sends DELETE and outputs {deleted: true, id} for the empty 204 answer', async () => {
		const { calls, json } = await run({
			parameters: { resource: 'product', operation: 'delete', productId: locator('p1', 'id') },
			respond: () => '',
		});
		expect(request(calls[0])).toMatchObject({ method: 'DELETE', path: '/products/p1', body: undefined });
		expect(json).toEqual([{ deleted: true, id: 'p1' }]);
	});

	it('Get takes the picked product and unwraps data', async () => {
		const { calls, json } = await run({
			parameters: { resource: 'product', operation: 'get', productId: locator('p1') },
			respond: () => ({ data: { id: 'p1' } }),
		});
		expect(request(calls[0])).toMatchObject({ method: 'GET', path: '/products/p1' });
		expect(json).toEqual([{ id: 'p1' }]);
	});

	describe('Search', () => {
		const matches = Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, name: `Ibuprofen ${i}` }));

		it('GETs /products/search with the name and available stock, applying Limit to the unpaged answer', async () => {
			const { calls, json } = await run({
				parameters: { resource: 'product', operation: 'search', name: ' ibu ', returnAll: false, limit: 2, options: { availableItems: true } },
				respond: () => ({ data: matches }),
			});
			expect(request(calls[0])).toEqual({
				method: 'GET',
				path: '/products/search',
				urlQuery: [],
				qs: { name: 'ibu', availableItems: true },
				body: undefined,
			});
			expect(json.map((p) => p.id)).toEqual(['p0', 'p1']);
		});

		it('returns every match with Return All and sends no availableItems by default', async () => {
			const { calls, json } = await run({
				parameters: { resource: 'product', operation: 'search', name: 'ibuprofen', returnAll: true, options: {} },
				respond: () => ({ data: matches }),
			});
			expect(calls[0].options.qs).toEqual({ name: 'ibuprofen' });
			expect(json).toHaveLength(5);
		});

		it('refuses fewer than 3 characters, since OpenBoxes would answer nothing', async () => {
			const { error, calls } = await runExpectingError({
				parameters: { resource: 'product', operation: 'search', name: 'ib', returnAll: true },
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/Name "ib" is too short: OpenBoxes needs at least 3 characters/);
			expect(error.description).toMatch(/returns nothing/);
			expect(calls).toHaveLength(0);
		});
	});

	it('Get Availability outputs one item per lot and bin row', async () => {
		const rows = [
			{ id: 'a1', lotNumber: 'L1', binLocationName: 'A-1', quantityOnHand: 5 },
			{ id: 'a2', lotNumber: 'DEFAULT', binLocationName: 'DEFAULT', quantityOnHand: 3 },
		];
		const { calls, json } = await run({
			parameters: { resource: 'product', operation: 'getAvailability', productId: locator('p1') },
			respond: () => ({ data: rows }),
		});
		expect(request(calls[0])).toMatchObject({ method: 'GET', path: '/products/p1/productAvailability', qs: undefined });
		expect(json).toEqual(rows);
	});

	it('Get Summary unwraps data and reads a never-stocked product (null) as 0 on hand', async () => {
		const summary = { product: { id: 'p1' }, location: { id: 'L1' } };
		const stocked = await run({
			parameters: { resource: 'product', operation: 'getSummary', productId: locator('p1') },
			respond: () => ({ data: { ...summary, quantityOnHand: 12 } }),
		});
		expect(request(stocked.calls[0])).toMatchObject({ method: 'GET', path: '/products/p1/productSummary' });
		expect(stocked.json).toEqual([{ ...summary, quantityOnHand: 12 }]);

		const never = await run({
			parameters: { resource: 'product', operation: 'getSummary', productId: locator('p1') },
			respond: () => ({ data: { ...summary, quantityOnHand: null } }),
		});
		expect(never.json).toEqual([{ ...summary, quantityOnHand: 0 }]);
	});
});
