import { ApicbaseSupplier } from '../../../nodes/Apicbase/ApicbaseSupplier.node';
import { mockExecuteFunctions } from '../../helpers/mockContext';

const credentials = { apicbaseSupplierApi: { environment: 'custom', customBaseUrl: 'http://ap.test', clientId: 'c', clientSecret: 's', accessToken: 't' } };
const orders = Array.from({ length: 450 }, (_, i) => ({ id: String(i) }));
const PATH = '/api/v2/integrations/suppliers/purchase_orders/';

function page(pageNumber: number, size: number, host = 'http://ap.test') {
	const results = orders.slice((pageNumber - 1) * size, pageNumber * size);
	const more = pageNumber * size < orders.length;
	return { count: orders.length, next: more ? `${host}${PATH}?page=${pageNumber + 1}&page_size=${size}&status=ORDERED` : null, previous: null, results };
}

describe('Apicbase Supplier node: Purchase Order', () => {
	it('maps filters to Apicbase query parameters and follows next URLs on the same host', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: {
				resource: 'supplierPurchaseOrder',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'ORDERED', orderedAfter: '2026-11-01T00:00:00Z', fetchedBySupplier: 'false' },
			},
			credentials,
			respond: ({ options }) => {
				const url = new URL(options.url);
				const pageNumber = Number(options.qs?.page ?? url.searchParams.get('page'));
				return page(pageNumber, 200);
			},
		});
		const [output] = await new ApicbaseSupplier().execute.call(context);
		expect(output.map((item) => item.json.id)).toEqual(orders.map((o) => o.id));
		expect(calls[0].options).toMatchObject({
			url: `http://ap.test${PATH}`,
			qs: { status: 'ORDERED', ordered_on__gt: '2026-11-01T00:00:00Z', fetched_by_supplier: 'false', page_size: 200, page: 1 },
		});
		expect(calls[1].options.url).toBe(`http://ap.test${PATH}?page=2&page_size=200&status=ORDERED`);
		expect(calls[1].options.qs).toBeUndefined();
		expect(calls.every((c) => c.credentialType === 'apicbaseSupplierApi')).toBe(true);
	});

	it('never sends the token to a next URL on another host: it advances the page number instead', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'supplierPurchaseOrder', operation: 'getAll', returnAll: false, limit: 250, filters: {} },
			credentials,
			respond: ({ options }) => page(Number(options.qs?.page), 200, 'http://evil.test'),
		});
		const [output] = await new ApicbaseSupplier().execute.call(context);
		expect(output).toHaveLength(250);
		expect(calls.map((c) => c.options.url)).toEqual([`http://ap.test${PATH}`, `http://ap.test${PATH}`]);
		expect(calls[1].options.qs).toMatchObject({ page: 2, page_size: 200 });
	});
});
