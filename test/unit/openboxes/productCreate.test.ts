import { NodeOperationError } from 'n8n-workflow';

import { OpenBoxes } from '../../../nodes/OpenBoxes/OpenBoxes.node';
import { httpError, mockExecuteFunctions } from '../../helpers/mockContext';

const credentials = { openBoxesApi: { baseUrl: 'http://ob.test/openboxes/', username: 'u', password: 'p', location: 'L1', sessionCookie: 'JSESSIONID=A' } };
const products = Array.from({ length: 230 }, (_, i) => ({ id: `p${i}`, name: `Product ${i}` }));

describe('OpenBoxes node: Product', () => {
	it('Get Many pages with max/offset and stops at totalCount', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'product', operation: 'getAll', returnAll: true, filters: { q: ' ibu ', includeInactive: true }, sort: { sort: 'name', order: 'desc' } },
			credentials,
			respond: ({ options }) => {
				const { max, offset } = options.qs as { max: number; offset: number };
				return { data: products.slice(offset, offset + max), totalCount: products.length };
			},
		});
		const [output] = await new OpenBoxes().execute.call(context);
		expect(output.map((item) => item.json.id)).toEqual(products.map((p) => p.id));
		expect(calls.map((c) => c.options.qs)).toEqual([0, 100, 200].map((offset) => ({ q: 'ibu', includeInactive: true, sort: 'name', order: 'desc', max: 100, offset })));
		expect(calls[0].options).toMatchObject({ url: 'http://ob.test/openboxes/api/products', disableFollowRedirect: true });
	});

	it('logs in again when OpenBoxes redirects to handleUnauthorized, then repeats the same page', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'product', operation: 'getAll', returnAll: false, limit: 2, filters: {}, sort: {} },
			credentials,
			nodeCredentials: { openBoxesApi: { id: 'cred-1', name: 'OpenBoxes account' } },
			respond: (call, index) => {
				if (index === 0) {
					return Promise.reject(httpError(302, '', { location: 'http://ob.test/openboxes/errors/handleUnauthorized' }));
				}
				return { data: products.slice(0, 2), totalCount: 230 };
			},
		});
		const [output] = await new OpenBoxes().execute.call(context);
		expect(output).toHaveLength(2);
		expect(calls).toHaveLength(2);
		expect(calls[1].options.qs).toEqual(calls[0].options.qs);
		expect(calls[1].additional?.credentialsDecrypted).toMatchObject({ id: 'cred-1', type: 'openBoxesApi', data: { sessionCookie: '', username: 'u' } });
	});

	it('explains a redirect to handleForbidden as a missing role', async () => {
		const { context } = mockExecuteFunctions({
			parameters: { resource: 'product', operation: 'get', productId: 'p1' },
			credentials,
			respond: () => Promise.reject(httpError(302, '', { location: '/openboxes/errors/handleForbidden' })),
		});
		await expect(new OpenBoxes().execute.call(context)).rejects.toThrow(/lacks the role/);
	});

	it('Get unwraps the data envelope; an empty Product ID is refused before any request', async () => {
		const ok = mockExecuteFunctions({ parameters: { resource: 'product', operation: 'get', productId: 'p 1' }, credentials, respond: () => ({ data: { id: 'p 1' } }) });
		const [output] = await new OpenBoxes().execute.call(ok.context);
		expect(output[0].json).toEqual({ id: 'p 1' });
		expect(ok.calls[0].options.url).toBe('http://ob.test/openboxes/api/products/p%201');

		const empty = mockExecuteFunctions({ parameters: { resource: 'product', operation: 'get', productId: '  ' }, credentials });
		await expect(new OpenBoxes().execute.call(empty.context)).rejects.toBeInstanceOf(NodeOperationError);
		expect(empty.calls).toHaveLength(0);
	});
});
