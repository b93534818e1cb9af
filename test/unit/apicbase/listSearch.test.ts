/**
 * The Apicbase node's "From List" searches (purchase orders, open purchase orders, an outlet's
 * stock items), that they sign in with the credential Authentication chooses, and that every
 * picker of the node points at one of them. Delivery ID stays text: Apicbase has no delivery list.
 */
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { Apicbase } from '../../../nodes/Apicbase/Apicbase.node';
import { searchOpenPurchaseOrders, searchPurchaseOrders, searchStockItems } from '../../../nodes/Apicbase/methods/listSearch';
import { mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';
import { withoutKeys } from '../../../nodes/shared/values';

const site = { environment: 'custom', customBaseUrl: 'http://ap.test' };
const credentials = { apicbaseOAuth2Api: site, apicbaseAccessTokenApi: site };

/** A load-options context: getNodeParameter(name, fallback) and the editor's current parameters. */
function loadOptionsContext(respond: (call: RecordedCall) => unknown, current: IDataObject = {}, authentication = 'oAuth2') {
	const { context, calls } = mockExecuteFunctions({ parameters: {}, credentials, respond });
	const rest = withoutKeys(context as unknown as IDataObject, ['getInputData']);
	const loadOptions = {
		...rest,
		getNodeParameter: (name: string, fallback?: unknown) => (name === 'authentication' ? authentication : fallback),
		getCurrentNodeParameter: (name: string) => current[name],
	};
	return { context: loadOptions as unknown as ILoadOptionsFunctions, calls };
}

const orders = Array.from({ length: 60 }, (_, i) => ({
	id: 48000 + i,
	order_number: `PO-${1000 + i}`,
	status: i % 3 ? 'ORDERED' : 'IN_PROGRESS',
	supplier: { id: 7, name: 'Acme Foods' },
	outlet: { id: 101, name: 'Brasserie' },
}));

/** DRF paging: page and page_size in the query (or in the `next` URL), `next` while more remain. */
function drf(rows: IDataObject[]) {
	return (call: RecordedCall) => {
		const url = new URL(call.options.url);
		const qs = (call.options.qs ?? {}) as IDataObject;
		const page = Number(qs.page ?? url.searchParams.get('page'));
		const size = Number(qs.page_size ?? url.searchParams.get('page_size'));
		const results = rows.slice((page - 1) * size, page * size);
		const next = page * size < rows.length ? `${url.origin}${url.pathname}?page=${page + 1}&page_size=${size}` : null;
		return { count: rows.length, next, previous: null, results };
	};
}

describe('Apicbase searchPurchaseOrders', () => {
	it('lists 50 orders a page, newest first, named by order number, supplier and status', async () => {
		const { context, calls } = loadOptionsContext(drf(orders));
		const first = await searchPurchaseOrders.call(context);
		expect(calls[0].credentialType).toBe('apicbaseOAuth2Api');
		expect(calls[0].options).toMatchObject({ method: 'GET', url: 'http://ap.test/api/v2/procurement/purchase_orders/' });
		expect(calls[0].options.qs).toEqual({ ordering: '-ordered_on', page: 1, page_size: 50 });
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'PO-1000 · Acme Foods · In progress', value: '48000' });
		expect(first.results[1]).toEqual({ name: 'PO-1001 · Acme Foods · Ordered', value: '48001' });
		expect(first.paginationToken).toBe('2');

		const second = await searchPurchaseOrders.call(context, '', '2');
		expect(calls[1].options.qs).toEqual({ ordering: '-ordered_on', page: 2, page_size: 50 });
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
	});

	it('narrows by order number (order_number__icontains) and copes with sparse orders', async () => {
		const { context, calls } = loadOptionsContext(() => ({ count: 1, next: null, results: [{ id: 9, supplier: 3, status: null }] }));
		const found = await searchPurchaseOrders.call(context, ' po-10 ');
		expect(calls[0].options.qs).toEqual({ ordering: '-ordered_on', page: 1, page_size: 50, order_number__icontains: 'po-10' });
		expect(found).toEqual({ results: [{ name: 'Order 9', value: '9' }] });
	});

	it('signs in with the access-token credential when Authentication says so', async () => {
		const { context, calls } = loadOptionsContext(drf([]), {}, 'accessToken');
		expect(await searchPurchaseOrders.call(context)).toEqual({ results: [] });
		expect(calls[0].credentialType).toBe('apicbaseAccessTokenApi');
	});
});

describe('Apicbase searchOpenPurchaseOrders (Delivery operations)', () => {
	it('asks only for orders still accepting deliveries', async () => {
		const { context, calls } = loadOptionsContext(drf(orders.slice(0, 3)));
		const found = await searchOpenPurchaseOrders.call(context, 'PO-100');
		expect(calls[0].options.qs).toEqual({
			status__in: 'ORDERED,DELIVERED',
			delivery_closed: 'false',
			ordering: '-ordered_on',
			page: 1,
			page_size: 50,
			order_number__icontains: 'PO-100',
		});
		expect(found.results.map((r) => r.value)).toEqual(['48000', '48001', '48002']);
	});
});

describe('Apicbase searchStockItems', () => {
	const items = [
		{ id: 5001, name: 'Crème fraîche 35%', unit: 'l' },
		{ id: 5002, name: 'Basmati rice', unit: 'kg' },
		{ id: 5003, name: 'crème brûlée base', unit: { id: 1, name: 'l' } },
		{ id: 5004, name: '' },
	];

	it('reads every stock item of the chosen outlet and keeps those whose name contains the text, sorted', async () => {
		const { context, calls } = loadOptionsContext(drf(items), { outletId: ' 101 ' });
		expect(await searchStockItems.call(context)).toEqual({
			results: [
				{ name: 'Basmati rice (kg)', value: '5002' },
				{ name: 'crème brûlée base (l)', value: '5003' },
				{ name: 'Crème fraîche 35% (l)', value: '5001' },
				{ name: 'Stock item 5004', value: '5004' },
			],
		});
		expect(calls[0].options).toMatchObject({ url: 'http://ap.test/api/v2/inventory/outlets/101/stock_items/', qs: { page: 1, page_size: 200 } });
		expect((await searchStockItems.call(context, 'CRÈME')).results.map((r) => r.value)).toEqual(['5003', '5001']);
		expect((await searchStockItems.call(context, '5002')).results.map((r) => r.value)).toEqual(['5002']);
	});

	it('pages through a long outlet list', async () => {
		const many = Array.from({ length: 450 }, (_, i) => ({ id: i + 1, name: `Item ${i + 1}` }));
		const { context, calls } = loadOptionsContext(drf(many), { outletId: '101' });
		expect((await searchStockItems.call(context)).results).toHaveLength(450);
		expect(calls.map((call) => (call.options.qs as IDataObject | undefined)?.page ?? new URL(call.options.url).searchParams.get('page'))).toEqual([
			1,
			'2',
			'3',
		]);
	});

	it.each([
		['no outlet', {}],
		['an empty outlet', { outletId: ' ' }],
		['an outlet given by an expression', { outletId: '={{ $json.outletId }}' }],
	])('explains what is missing with %s, without asking Apicbase', async (_what, current) => {
		const { context, calls } = loadOptionsContext(drf(items), current);
		await expect(searchStockItems.call(context)).rejects.toThrow('Enter a fixed Outlet ID first to list its stock items');
		expect(calls).toHaveLength(0);
	});
});

describe('Apicbase node pickers', () => {
	const node = new Apicbase();
	const properties = node.description.properties;

	it('registers the searches as the node’s listSearch methods', () => {
		expect(Object.keys(node.methods.listSearch).sort()).toEqual(['searchOpenPurchaseOrders', 'searchPurchaseOrders', 'searchStockItems']);
	});

	it.each([
		['purchaseOrder', 'get', 'purchaseOrderId', 'searchPurchaseOrders'],
		['delivery', 'createDraft', 'purchaseOrderId', 'searchOpenPurchaseOrders'],
		['delivery', 'closeDeliveries', 'purchaseOrderId', 'searchOpenPurchaseOrders'],
		['stockItem', 'getStock', 'stockItemId', 'searchStockItems'],
	])('%s > %s picks %s From List (%s) or By ID', (resource, operation, name, method) => {
		const property = properties.find(
			(p) => p.name === name && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation),
		);
		expect(property).toMatchObject({ type: 'resourceLocator', required: true, default: { mode: 'list', value: '' } });
		expect(property?.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(property?.modes?.[0].typeOptions).toMatchObject({ searchListMethod: method, searchable: true });
		expect(property?.modes?.[1].placeholder).toBe('e.g. 48213');
		expect(property?.hint).toMatch(/Get Many/);
	});

	it('points every picker at a registered search, and keeps Delivery ID as text (no delivery list in Apicbase)', () => {
		for (const property of properties) {
			for (const mode of property.modes ?? []) {
				const method = mode.typeOptions?.searchListMethod;
				if (method) expect(Object.keys(node.methods.listSearch)).toContain(method);
			}
		}
		expect(properties.find((p) => p.name === 'deliveryId')?.type).toBe('string');
	});
});
