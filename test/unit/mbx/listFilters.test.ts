/**
 * MBX list filters whatever MBX does with them: sent as top-level keys of `q`, and checked again
 * on what comes back, so the node's output is the same whether the server honours the keys,
 * ignores them, or refuses them with a 400 (then the node reads the list without them).
 */
import { NodeApiError, type IDataObject, type ILoadOptionsFunctions, type IPollFunctions } from 'n8n-workflow';

import { matchesFilterValue, matchesMbxFilters, mbxFilters } from '../../../nodes/Mbx/filters';
import { MbxTrigger } from '../../../nodes/Mbx/MbxTrigger.node';
import { searchInventories } from '../../../nodes/Mbx/methods/searchInventories';
import { searchOrders } from '../../../nodes/Mbx/methods/searchOrders';
import { MBX_PAGE_SIZE, mbxList } from '../../../nodes/Mbx/transport';
import { Mbx } from '../../../nodes/Mbx/Mbx.node';
import { httpError, mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';
import { credentials, qOf } from './resourceHarness';
import { withoutKeys } from '../../../nodes/shared/values';

type Behaviour = 'honour' | 'ignore' | 'refuse';
const BEHAVIOURS: Behaviour[] = ['honour', 'ignore', 'refuse'];

/**
 * An MBX list as a server of each behaviour answers it: `honour` applies filter keys (exact
 * equality, as a strict server would), `ignore` accepts them and returns every row, `refuse`
 * answers 400 to any key besides limit and offset.
 */
function mbxServer(rows: IDataObject[], behaviour: Behaviour) {
	return (call: RecordedCall) => {
		const { limit = 25, offset = 0, ...filters } = qOf(call.options.url) ?? {};
		const keys = Object.keys(filters);
		if (behaviour === 'refuse' && keys.length > 0) {
			return Promise.reject(httpError(400, { errors: [`Invalid q parameter: unknown key '${keys[0]}' (expected limit, offset)`] }));
		}
		const matching = behaviour === 'honour' ? rows.filter((row) => keys.every((key) => row[key] === filters[key])) : rows;
		const results = matching.slice(offset, offset + limit);
		return { count: results.length, total_results: matching.length, offset, results };
	};
}

/** Two and a half MBX pages of orders; purchase orders PO-1.., every tenth one shipped, customer orders by fives. */
const orders: IDataObject[] = Array.from({ length: 2 * MBX_PAGE_SIZE + MBX_PAGE_SIZE / 2 }, (_, i) => ({
	id: i + 1,
	purchase_order: `PO-${i + 1}`,
	customer_order: `SO-${Math.floor(i / 5)}`,
	status: i % 10 === 9 ? 'shipped' : i % 2 ? 'released' : 'pending',
	ship_method_id: (i % 3) + 1,
}));

async function getManyOrders(behaviour: Behaviour, parameters: IDataObject) {
	const { context, calls } = mockExecuteFunctions({
		parameters: { resource: 'customerOrderSubmission', operation: 'getAll', ...parameters },
		credentials,
		respond: mbxServer(orders, behaviour),
	});
	const [output] = await new Mbx().execute.call(context);
	return { records: output.map((o) => o.json), qs: calls.map((call) => qOf(call.options.url)) };
}

function loadOptionsContext(respond: (call: RecordedCall) => unknown) {
	const { context, calls } = mockExecuteFunctions({ parameters: {}, credentials, respond });
	const rest = withoutKeys(context as unknown as IDataObject, ['getInputData']);
	const loadOptions = { ...rest, getNodeParameter: (name: string, fallback?: unknown) => (name === 'authentication' ? 'hmac' : fallback) };
	return { context: loadOptions as unknown as ILoadOptionsFunctions, calls };
}

describe('how a filter value is compared (nodes/Mbx/filters.ts)', () => {
	it.each([
		['text equal after trimming', 'purchase_order', ' PO-1 ', 'PO-1', true],
		['text in another case is another purchase order', 'purchase_order', 'po-1', 'PO-1', false],
		['a status in any case', 'status', 'Shipped', 'shipped', true],
		['an ISO code in any case', 'iso_code', 'ca', 'CA', true],
		['an exact name, case and all', 'name', 'Generic appliance', 'Generic Appliance', false],
		['a number and the same number as text', 'item_id', '127188', 127188, true],
		['numeric text and the same number', 'purchase_order', 56789, '56789', true],
		['12.5 and "12.50" when one side is a number', 'price', '12.50', 12.5, true],
		['"007" and "7" stay text', 'customer_sku', '007', '7', false],
		['another number', 'item_id', 127189, 127188, false],
		['true and true', 'stocked', true, true, true],
		['"true" text and true', 'stocked', 'true', true, true],
		['1 and true (a bit column)', 'stocked', 1, true, true],
		['false and true', 'stocked', false, true, false],
		['null never matches', 'lead_time', null, 'x', false],
		['a missing field never matches', 'carrier', undefined, 'FedEx', false],
		['an object never matches', 'recipient', { name: 'x' }, 'x', false],
	])('%s', (_label, field, actual, expected, result) => {
		expect(matchesFilterValue(field, actual, expected as string | number | boolean)).toBe(result);
	});

	it('a record matches when every filter does', () => {
		expect(matchesMbxFilters({ status: 'Shipped', purchase_order: 'PO-10' }, { status: 'shipped', purchase_order: 'PO-10' })).toBe(true);
		expect(matchesMbxFilters({ status: 'Shipped', purchase_order: 'PO-11' }, { status: 'shipped', purchase_order: 'PO-10' })).toBe(false);
	});

	it('only values the user gave are filters: text trimmed, empty text, null and objects left out, false kept', () => {
		expect(mbxFilters({ a: ' x ', b: '  ', c: null, d: undefined, e: 0, f: false, g: { h: 1 }, i: Number.NaN })).toEqual({ a: 'x', e: 0, f: false });
		expect(mbxFilters({ a: '' })).toBeUndefined();
		expect(mbxFilters(undefined)).toBeUndefined();
	});
});

describe.each(BEHAVIOURS)('Get Many when MBX %ss filter keys', (behaviour) => {
	const shipped = orders.filter((o) => o.status === 'shipped');

	it('returns exactly the matching records, Return All', async () => {
		const { records } = await getManyOrders(behaviour, { returnAll: true, filters: { status: 'shipped' } });
		expect(records).toEqual(shipped);
	});

	it('counts the limit in matching records', async () => {
		const { records } = await getManyOrders(behaviour, { returnAll: false, limit: 7, filters: { status: 'shipped' } });
		expect(records).toEqual(shipped.slice(0, 7));
		expect(records.every((o) => o.status === 'shipped')).toBe(true);
	});

	it('combines filters', async () => {
		const { records } = await getManyOrders(behaviour, { returnAll: true, filters: { customer_order: 'SO-1', status: 'released' } });
		expect(records.map((o) => o.id)).toEqual([6, 8]);
	});

	it('the PO sync lookup (limit 1 by purchase order) finds the one order, or nothing when nothing matches', async () => {
		const found = await getManyOrders(behaviour, { returnAll: false, limit: 1, filters: { purchase_order: 'PO-123' } });
		expect(found.records).toEqual([orders[122]]);
		const missing = await getManyOrders(behaviour, { returnAll: false, limit: 1, filters: { purchase_order: 'PO-NOT-THERE' } });
		expect(missing.records).toEqual([]);
	});

	it('a list without filters is read as before, asking for no more than needed', async () => {
		const { records, qs } = await getManyOrders(behaviour, { returnAll: false, limit: 3, filters: {} });
		expect(records.map((o) => o.id)).toEqual([1, 2, 3]);
		expect(qs).toEqual([{ limit: 3, offset: 0 }]);
	});
});

describe('what goes to MBX', () => {
	it('honour: the filters are top-level keys of q, and no more pages are read than the filtered list has', async () => {
		const { qs } = await getManyOrders('honour', { returnAll: true, filters: { status: 'shipped' } });
		expect(qs).toEqual([{ limit: MBX_PAGE_SIZE, offset: 0, status: 'shipped' }]);
	});

	it('ignore: the same q, and every page is read and checked', async () => {
		const { qs } = await getManyOrders('ignore', { returnAll: true, filters: { status: 'shipped' } });
		expect(qs).toEqual([
			{ limit: MBX_PAGE_SIZE, offset: 0, status: 'shipped' },
			{ limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE, status: 'shipped' },
			{ limit: MBX_PAGE_SIZE, offset: 2 * MBX_PAGE_SIZE, status: 'shipped' },
		]);
	});

	it('ignore with a limit: pages are read until the limit is met by matching records', async () => {
		// Every tenth order is shipped, so a page holds MBX_PAGE_SIZE / 10 of them: two more need a second page, and no third.
		const { qs } = await getManyOrders('ignore', { returnAll: false, limit: MBX_PAGE_SIZE / 10 + 2, filters: { status: 'shipped' } });
		expect(qs).toEqual([
			{ limit: MBX_PAGE_SIZE, offset: 0, status: 'shipped' },
			{ limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE, status: 'shipped' },
		]);
	});

	it('refuse: one request with the keys, then the list without them, every page', async () => {
		const { qs } = await getManyOrders('refuse', { returnAll: false, limit: 1, filters: { purchase_order: 'PO-NOT-THERE' } });
		expect(qs).toEqual([
			{ limit: MBX_PAGE_SIZE, offset: 0, purchase_order: 'PO-NOT-THERE' },
			{ limit: MBX_PAGE_SIZE, offset: 0 },
			{ limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE },
			{ limit: MBX_PAGE_SIZE, offset: 2 * MBX_PAGE_SIZE },
		]);
	});

	it('a 400 to a request without filter keys is not retried, and shows the MBX message', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'customerOrderSubmission', operation: 'getAll', returnAll: true, filters: {} },
			credentials,
			respond: () => Promise.reject(httpError(400, { errors: ['Invalid q parameter: limit must be a non-negative integer'] })),
		});
		const run = new Mbx().execute.call(context);
		await expect(run).rejects.toBeInstanceOf(NodeApiError);
		await expect(run).rejects.toThrow('Invalid q parameter: limit must be a non-negative integer');
		expect(calls).toHaveLength(1);
	});

	it('when the list without filter keys also fails, that error is the one shown', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'customerOrderSubmission', operation: 'getAll', returnAll: true, filters: { status: 'shipped' } },
			credentials,
			respond: (_call, index) =>
				Promise.reject(httpError(400, { errors: [index === 0 ? "Invalid q parameter: unknown key 'status'" : 'Orders are not available'] })),
		});
		await expect(new Mbx().execute.call(context)).rejects.toThrow('Orders are not available');
		expect(calls.map((call) => qOf(call.options.url))).toEqual([
			{ limit: MBX_PAGE_SIZE, offset: 0, status: 'shipped' },
			{ limit: MBX_PAGE_SIZE, offset: 0 },
		]);
	});

	it.each([401, 404, 422])('a %i to a request with filter keys is not retried without them', async (status) => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'customerOrderSubmission', operation: 'getAll', returnAll: true, filters: { status: 'shipped' } },
			credentials,
			respond: () => Promise.reject(httpError(status, { errors: [`MBX says ${status}`] })),
		});
		await expect(new Mbx().execute.call(context)).rejects.toThrow(`MBX says ${status}`);
		expect(calls).toHaveLength(1);
	});

	it('mbxList with no filters sends none (as the loadOptions dropdowns and the trigger call it)', async () => {
		const { context, calls } = mockExecuteFunctions({ parameters: {}, credentials, respond: mbxServer(orders, 'refuse') });
		expect(await mbxList.call(context, '/v2/customer_order_submissions', { filters: { status: '' } })).toHaveLength(orders.length);
		expect(calls.map((call) => qOf(call.options.url))).toEqual([
			{ limit: MBX_PAGE_SIZE, offset: 0 },
			{ limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE },
			{ limit: MBX_PAGE_SIZE, offset: 2 * MBX_PAGE_SIZE },
		]);
	});
});

describe.each(BEHAVIOURS)('record pickers when MBX %ss filter keys', (behaviour) => {
	it('the Order picker finds the typed purchase order only', async () => {
		const { context } = loadOptionsContext(mbxServer(orders, behaviour));
		expect(await searchOrders.call(context, ' PO-200 ')).toEqual({ results: [{ name: 'PO-200 · SO-39 (shipped)', value: '200' }] });
		expect(await searchOrders.call(context, 'PO-999')).toEqual({ results: [] });
	});

	it('the Inventory picker narrows to the typed item ID and pages without skipping a match', async () => {
		const inventories = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, item_id: i % 2 ? 7 : 8, quantity_on_hand: 1 }));
		const { context } = loadOptionsContext(mbxServer(inventories, behaviour));
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = await searchInventories.call(context, '7', token);
			expect(page.results.length).toBeGreaterThan(0);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken;
		} while (token !== undefined);
		expect(seen).toEqual(inventories.filter((r) => r.item_id === 7).map((r) => String(r.id)));
	});
});

describe('MBX Trigger', () => {
	it('polls every order with no filter keys: status changes are found by comparing all orders', async () => {
		const urls: string[] = [];
		const context = {
			getMode: () => 'trigger',
			getNode: () => ({ name: 'MBX Trigger' }),
			getNodeParameter(name: string, fallback?: unknown) {
				return ({ authentication: 'hmac', events: ['statusChanged'], statuses: ['shipped'] } as IDataObject)[name] ?? fallback;
			},
			getWorkflowStaticData: () => ({}),
			getCredentials: async () => credentials.mbxHmacApi,
			helpers: {
				async httpRequestWithAuthentication(_type: string, request: { url: string }) {
					urls.push(request.url);
					return mbxServer(orders, 'refuse')({ options: request } as RecordedCall);
				},
			},
		} as unknown as IPollFunctions;
		await new MbxTrigger().poll.call(context);
		expect(urls.map((url) => qOf(url))).toEqual([
			{ limit: MBX_PAGE_SIZE, offset: 0 },
			{ limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE },
			{ limit: MBX_PAGE_SIZE, offset: 2 * MBX_PAGE_SIZE },
		]);
	});
});
