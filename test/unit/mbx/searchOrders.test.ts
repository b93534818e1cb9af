import { NodeApiError, type IDataObject, type ILoadOptionsFunctions } from 'n8n-workflow';

import { searchOrders } from '../../../nodes/Mbx/methods/searchOrders';
import { httpError, mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';
import { withoutKeys } from '../../../nodes/shared/values';

const credentials = { mbxHmacApi: { environment: 'custom', customBaseUrl: 'http://mbx.test', publicToken: 'p', secretToken: 's' } };

/** A load-options context: getNodeParameter(name, fallback), no items. */
function loadOptionsContext(respond: (call: RecordedCall) => unknown) {
	const { context, calls } = mockExecuteFunctions({ parameters: {}, credentials, respond });
	const rest = withoutKeys(context as unknown as IDataObject, ['getInputData']);
	const loadOptions = {
		...rest,
		getNodeParameter: (name: string, fallback?: unknown) => (name === 'authentication' ? 'hmac' : fallback),
	};
	return { context: loadOptions as unknown as ILoadOptionsFunctions, calls };
}

function qOf(url: string): IDataObject {
	return JSON.parse(decodeURIComponent(url.split('?q=')[1])) as IDataObject;
}

const orders = Array.from({ length: 120 }, (_, i) => ({
	id: i + 1,
	purchase_order: `PO-${i + 1}`,
	customer_order: `SO-${i + 1}`,
	status: i % 2 ? 'shipped' : 'pending',
}));

function respond(call: RecordedCall) {
	const q = qOf(call.options.url) as { limit: number; offset: number; purchase_order?: string };
	const matching = q.purchase_order ? orders.filter((o) => o.purchase_order === q.purchase_order) : orders;
	const results = matching.slice(q.offset, q.offset + q.limit);
	return { count: results.length, total_results: matching.length, offset: q.offset, results };
}

describe('searchOrders (the Order picker list)', () => {
	it('lists 50 orders named by purchase order, customer order and status, with the next offset as token', async () => {
		const { context, calls } = loadOptionsContext(respond);
		const page = await searchOrders.call(context);
		expect(calls[0].options).toMatchObject({ method: 'GET', baseURL: 'http://mbx.test' });
		expect(calls[0].options.url.startsWith('/v2/customer_order_submissions?q=')).toBe(true);
		expect(qOf(calls[0].options.url)).toEqual({ limit: 50, offset: 0 });
		expect(page.results).toHaveLength(50);
		expect(page.results[0]).toEqual({ name: 'PO-1 · SO-1 (pending)', value: '1' });
		expect(page.results[1]).toEqual({ name: 'PO-2 · SO-2 (shipped)', value: '2' });
		expect(page.paginationToken).toBe('50');
	});

	it('continues from the token and gives no token on the last page', async () => {
		const { context, calls } = loadOptionsContext(respond);
		const second = await searchOrders.call(context, undefined, '50');
		expect(qOf(calls[0].options.url)).toEqual({ limit: 50, offset: 50 });
		expect(second.paginationToken).toBe('100');
		const last = await searchOrders.call(context, '', '100');
		expect(qOf(calls[1].options.url)).toEqual({ limit: 50, offset: 100 });
		expect(last.results).toHaveLength(20);
		expect(last.results[19]).toEqual({ name: 'PO-120 · SO-120 (shipped)', value: '120' });
		expect(last.paginationToken).toBeUndefined();
	});

	it('filters by purchase order when the user types one', async () => {
		const { context, calls } = loadOptionsContext(respond);
		const page = await searchOrders.call(context, ' PO-7 ');
		expect(qOf(calls[0].options.url)).toEqual({ limit: 50, offset: 0, purchase_order: 'PO-7' });
		expect(page).toEqual({ results: [{ name: 'PO-7 · SO-7 (pending)', value: '7' }] });
	});

	it('surfaces an MBX error', async () => {
		const { context } = loadOptionsContext(() => Promise.reject(httpError(401, { errors: ['Invalid signature'] })));
		const search = searchOrders.call(context);
		await expect(search).rejects.toBeInstanceOf(NodeApiError);
		await expect(search).rejects.toThrow('Invalid signature');
	});
});
