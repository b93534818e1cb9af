import { getCategories, getLocations, getLocationTypes, getSuppliers, getUsers } from '../../../nodes/OpenBoxes/methods/loadOptions';
import { searchLocations, searchProducts, searchUsers } from '../../../nodes/OpenBoxes/methods/listSearch';
import { loadOptionsContext, request } from './harness';

const locations = [
	{ id: 'L2', name: 'Boston Depot', locationNumber: 'BOS', active: true, locationType: { id: '2', name: 'Depot', locationTypeCode: 'DEPOT' } },
	{ id: 'L1', name: 'acme Supplies', active: true, locationType: { id: '4', name: 'Supplier', locationTypeCode: 'SUPPLIER' } },
	{ id: 'L3', name: 'Old Ward', active: false, locationType: { id: '7', name: 'Ward', locationTypeCode: 'WARD' } },
	{ id: 'L4', name: 'Zeta Supplier', locationType: { locationTypeCode: 'SUPPLIER' } },
];

const users = [
	{ id: 'u2', firstName: 'Zoe', lastName: 'Adams', username: 'zadams', email: 'zoe@example.org' },
	{ id: 'u1', firstName: 'Ann', lastName: 'Baker', username: 'abaker' },
	{ id: 'u3', name: 'System', username: '' },
];

describe('OpenBoxes loadOptions', () => {
	it('getLocations lists active locations as "Name (Type)" sorted by name', async () => {
		const { context, calls } = loadOptionsContext(() => ({ data: locations }));
		expect(await getLocations.call(context)).toEqual([
			{ name: 'acme Supplies (Supplier)', value: 'L1' },
			{ name: 'Boston Depot (Depot)', value: 'L2', description: 'BOS' },
			{ name: 'Zeta Supplier (SUPPLIER)', value: 'L4' },
		]);
		expect(request(calls[0])).toMatchObject({ method: 'GET', path: '/locations', qs: undefined });
	});

	it('getSuppliers asks for SUPPLIER locations and keeps only those', async () => {
		const { context, calls } = loadOptionsContext(() => ({ data: locations }));
		expect(await getSuppliers.call(context)).toEqual([
			{ name: 'acme Supplies', value: 'L1' },
			{ name: 'Zeta Supplier', value: 'L4' },
		]);
		expect(request(calls[0])).toMatchObject({ path: '/locations', qs: { locationTypeCode: 'SUPPLIER' } });
	});

	it('getCategories pages through /generic/category and sorts by name', async () => {
		const categories = Array.from({ length: 120 }, (_, i) => ({ id: `c${i}`, name: `Category ${i}` }));
		categories[5] = { id: 'ROOT', name: 'ROOT' };
		const { context, calls } = loadOptionsContext((call) => {
			const { max, offset } = call.options.qs as { max: number; offset: number };
			return { data: categories.slice(offset, offset + max) };
		});
		const options = await getCategories.call(context);
		expect(calls.map((c) => [request(c).path, c.options.qs])).toEqual([
			['/generic/category', { max: 100, offset: 0 }],
			['/generic/category', { max: 100, offset: 100 }],
		]);
		expect(options).toHaveLength(120);
		expect(options[0]).toEqual({ name: 'Category 0', value: 'c0' });
		expect(options[options.length - 1]).toEqual({ name: 'ROOT', value: 'ROOT' });
	});

	it('getLocationTypes lists types by name with their code', async () => {
		const { context, calls } = loadOptionsContext(() => ({
			data: [
				{ id: '4', name: 'Supplier', locationTypeCode: 'SUPPLIER' },
				{ id: '2', name: 'Depot', locationTypeCode: 'DEPOT' },
			],
		}));
		expect(await getLocationTypes.call(context)).toEqual([
			{ name: 'Depot', value: '2', description: 'DEPOT' },
			{ name: 'Supplier', value: '4', description: 'SUPPLIER' },
		]);
		expect(request(calls[0]).path).toBe('/locations/locationTypes');
	});

	it('getUsers lists "First Last (username)" sorted by name', async () => {
		const { context, calls } = loadOptionsContext(() => ({ data: users }));
		expect(await getUsers.call(context)).toEqual([
			{ name: 'Ann Baker (abaker)', value: 'u1' },
			{ name: 'System', value: 'u3' },
			{ name: 'Zoe Adams (zadams)', value: 'u2', description: 'zoe@example.org' },
		]);
		expect(request(calls[0])).toMatchObject({ method: 'GET', path: '/users' });
	});
});

describe('OpenBoxes listSearch', () => {
	const products = Array.from({ length: 120 }, (_, i) => ({ id: `p${i}`, name: `Product ${i}`, productCode: `C${i}` }));

	it('searchProducts pages 50 at a time with an offset token, filtering with q', async () => {
		const { context, calls } = loadOptionsContext((call) => {
			const { max, offset } = call.options.qs as { max: number; offset: number };
			return { data: products.slice(offset, offset + max), totalCount: products.length };
		});
		const first = await searchProducts.call(context, ' ibu ');
		expect(calls[0].options.qs).toEqual({ max: 50, offset: 0, sort: 'name', order: 'asc', q: 'ibu' });
		expect(request(calls[0]).path).toBe('/products');
		expect(first.results[0]).toEqual({ name: 'Product 0 (C0)', value: 'p0' });
		expect(first.paginationToken).toBe('50');

		const last = await searchProducts.call(context, undefined, '100');
		expect(calls[1].options.qs).toEqual({ max: 50, offset: 100, sort: 'name', order: 'asc' });
		expect(last.results).toHaveLength(20);
		expect(last.paginationToken).toBeUndefined();
	});

	it('searchLocations fetches the unpaged list once and filters by name, number or type', async () => {
		const { context, calls } = loadOptionsContext(() => ({ data: locations }));
		expect((await searchLocations.call(context, 'bo')).results).toEqual([{ name: 'Boston Depot (Depot)', value: 'L2' }]);
		expect((await searchLocations.call(context, 'supplier')).results.map((r) => r.value)).toEqual(['L1', 'L4']);
		expect((await searchLocations.call(context)).results).toHaveLength(4);
		expect(calls.every((c) => request(c).path === '/locations' && c.options.qs === undefined)).toBe(true);
	});

	it('searchUsers passes the text as searchTerm and returns every match', async () => {
		const { context, calls } = loadOptionsContext(() => ({ data: users.slice(0, 2) }));
		const found = await searchUsers.call(context, ' ann ');
		expect(request(calls[0])).toMatchObject({ path: '/users', qs: { searchTerm: 'ann' } });
		expect(found).toEqual({
			results: [
				{ name: 'Ann Baker (abaker)', value: 'u1' },
				{ name: 'Zoe Adams (zadams)', value: 'u2' },
			],
		});
		await searchUsers.call(context);
		expect(calls[1].options.qs).toEqual({});
	});
});
