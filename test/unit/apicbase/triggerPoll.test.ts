import type { IDataObject, IHttpRequestOptions, IPollFunctions } from 'n8n-workflow';

import { ApicbaseSupplierPollingTrigger } from '../../../nodes/Apicbase/ApicbaseSupplierPollingTrigger.node';
import { OVERLAP_MS } from '../../../nodes/Apicbase/trigger/orderFeed';
import { httpError } from '../../helpers/mockContext';

const PATH = '/api/v2/integrations/suppliers/purchase_orders/';
const T = (minute: number, extra = '') => `2026-11-24T10:${String(minute).padStart(2, '0')}:00${extra}Z`;

const order = (id: string, orderedOn: string, status = 'ORDERED'): IDataObject => ({
	id,
	order_number: `PO-${id}`,
	status,
	ordered_on: orderedOn,
	owned_by: null,
	order_remarks: null,
	packages: [
		{
			stock_item: { name: `Item ${id}` },
			supplier_package: { supplier_article_number: `A-${id}`, theoretical_price_per_package: '1.50' },
			quantity_ordered: 2,
			total_theoretical_price: '3.00',
		},
	],
	expected_delivery_date: null,
	theoretical_price: '3.00',
	supplier_customer_number: 'CUST-1',
	fetched_by_supplier: false,
});

/** A hand-built IPollFunctions over a tiny Apicbase: GET filters like the real list, PATCH is recorded. */
function pollContext(options: { mode: 'manual' | 'trigger'; parameters: IDataObject; staticData?: IDataObject }) {
	const state = { orders: [] as IDataObject[], failPatch: false };
	const gets: IDataObject[] = [];
	const patches: Array<{ credentialType: string; options: IHttpRequestOptions }> = [];
	const staticData = options.staticData ?? {};
	const context = {
		getMode: () => options.mode,
		getNode: () => ({ name: 'Apicbase Supplier Polling Trigger', type: 'apicbaseSupplierPollingTrigger', typeVersion: 1, parameters: {} }),
		getNodeParameter(this: unknown, name: string, fallback?: unknown) {
			if (this !== context) throw new TypeError('getNodeParameter was called without its context');
			return options.parameters[name] ?? fallback;
		},
		getWorkflowStaticData: () => staticData,
		getCredentials: async () => ({ environment: 'custom', customBaseUrl: 'http://ap.test', clientId: 'c', clientSecret: 's', accessToken: 't' }),
		helpers: {
			async httpRequestWithAuthentication(credentialType: string, request: IHttpRequestOptions) {
				expect(request.url).toBe(`http://ap.test${PATH}`);
				if (request.method === 'PATCH') {
					patches.push({ credentialType, options: request });
					if (state.failPatch) throw httpError(500, { detail: 'Server error' });
					return [];
				}
				const qs = (request.qs ?? {}) as IDataObject;
				gets.push(qs);
				const after = qs.ordered_on__gt === undefined ? -Infinity : Date.parse(String(qs.ordered_on__gt));
				const results = state.orders.filter(
					(o) => (qs.status === undefined || o.status === qs.status) && Date.parse(String(o.ordered_on)) > after,
				);
				return { count: results.length, next: null, previous: null, results };
			},
		},
	};
	const poll = async () => await new ApicbaseSupplierPollingTrigger().poll.call(context as unknown as IPollFunctions);
	const ids = (result: Awaited<ReturnType<typeof poll>>) => result?.[0].map((item) => item.json.id ?? item.json.order_id) ?? null;
	return { poll, ids, state, gets, patches, staticData };
}

const polling = { output: 'order', markAsFetched: false };

describe('Apicbase Supplier Polling Trigger', () => {
	it('only records the present on the first poll, then reports each new order once', async () => {
		const { poll, ids, state, gets } = pollContext({ mode: 'trigger', parameters: polling });
		state.orders = [order('1', T(1)), order('2', T(2))];
		expect(await poll()).toBeNull();
		expect(gets[0]).toEqual({ status: 'ORDERED', ordering: 'ordered_on', page_size: 200, page: 1 });

		expect(await poll()).toBeNull();
		expect(gets[1]).toEqual({ status: 'ORDERED', ordering: 'ordered_on', ordered_on__gt: new Date(Date.parse(T(2)) - OVERLAP_MS).toISOString(), page_size: 200, page: 1 });

		state.orders.push(order('3', T(5)), order('4', T(4)));
		const result = await poll();
		expect(ids(result)).toEqual(['4', '3']);
		expect(result?.[0][0].json).toEqual(order('4', T(4)));
		expect(await poll()).toBeNull();
	});

	it('reports orders that share an ordered_on across polls once each', async () => {
		const { poll, ids, state } = pollContext({ mode: 'trigger', parameters: polling });
		state.orders = [order('a', T(7))];
		expect(await poll()).toBeNull();
		state.orders.push(order('b', T(7)));
		expect(ids(await poll())).toEqual(['b']);
		state.orders.push(order('c', T(7)));
		expect(ids(await poll())).toEqual(['c']);
		expect(await poll()).toBeNull();
	});

	it('still reports an order that shows up after a newer one (saved late), within the overlap', async () => {
		const { poll, ids, state } = pollContext({ mode: 'trigger', parameters: polling });
		state.orders = [order('1', T(10))];
		await poll();
		state.orders.push(order('2', T(20)));
		expect(ids(await poll())).toEqual(['2']);
		// Ordered at 10:18 but only visible now: the cursor is already at 10:20.
		state.orders.push(order('late', T(18)));
		expect(ids(await poll())).toEqual(['late']);
		expect(await poll()).toBeNull();
	});

	it('microsecond timestamps and times without a zone (read as UTC) are handled', async () => {
		const { poll, ids, state } = pollContext({ mode: 'trigger', parameters: polling });
		state.orders = [order('1', T(30, '.123456'))];
		await poll();
		state.orders.push(order('2', T(30, '.123789')), order('3', '2026-11-24T10:31:00'));
		expect(ids(await poll())).toEqual(['2', '3']);
		expect(await poll()).toBeNull();
	});

	it('reports the first order when there were none at activation', async () => {
		const { poll, ids, state, gets } = pollContext({ mode: 'trigger', parameters: polling });
		expect(await poll()).toBeNull();
		expect(await poll()).toBeNull();
		state.orders = [order('first', T(40))];
		expect(ids(await poll())).toEqual(['first']);
		expect(gets[2]).toEqual({ status: 'ORDERED', ordering: 'ordered_on', page_size: 200, page: 1 });
	});

	it('gives one item per ordered package in Lines output', async () => {
		const { poll, state } = pollContext({ mode: 'trigger', parameters: { ...polling, output: 'lines' } });
		await poll();
		state.orders = [order('9', T(50))];
		const result = await poll();
		expect(result?.[0].map((item) => item.json)).toEqual([
			{
				order_id: '9',
				order_number: 'PO-9',
				ordered_on: T(50),
				expected_delivery_date: null,
				supplier_customer_number: 'CUST-1',
				order_remarks: null,
				supplier_article_number: 'A-9',
				theoretical_price_per_package: '1.50',
				stock_item_name: 'Item 9',
				quantity_ordered: 2,
				total_theoretical_price: '3.00',
			},
		]);
	});

	describe('Mark as Fetched', () => {
		it('marks exactly the reported orders with one PATCH of the same path', async () => {
			const { poll, state, patches } = pollContext({ mode: 'trigger', parameters: { ...polling, markAsFetched: true } });
			state.orders = [order('1', T(1))];
			await poll();
			expect(patches).toEqual([]);
			state.orders.push(order('2', T(2)), order('3', T(3)));
			await poll();
			expect(patches).toHaveLength(1);
			expect(patches[0].credentialType).toBe('apicbaseSupplierApi');
			expect(patches[0].options).toMatchObject({
				method: 'PATCH',
				json: true,
				body: [
					{ id: '2', fetched_by_supplier: true },
					{ id: '3', fetched_by_supplier: true },
				],
			});
			await poll();
			expect(patches).toHaveLength(1);
		});

		it('sends nothing when the option is off', async () => {
			const { poll, state, patches } = pollContext({ mode: 'trigger', parameters: polling });
			await poll();
			state.orders = [order('1', T(1))];
			expect(await poll()).not.toBeNull();
			expect(patches).toEqual([]);
		});

		it('keeps the orders for the next poll when marking fails', async () => {
			const { poll, ids, state, patches } = pollContext({ mode: 'trigger', parameters: { ...polling, markAsFetched: true } });
			await poll();
			state.orders = [order('1', T(1))];
			state.failPatch = true;
			await expect(poll()).rejects.toThrow();
			state.failPatch = false;
			expect(ids(await poll())).toEqual(['1']);
			expect(patches).toHaveLength(2);
		});
	});

	it('returns the newest order as a sample in manual mode, without touching the memory or marking it', async () => {
		const staticData: IDataObject = {};
		const { poll, ids, state, gets, patches } = pollContext({
			mode: 'manual',
			parameters: { ...polling, markAsFetched: true },
			staticData,
		});
		state.orders = [order('old', T(1)), order('newest', T(9)), order('mid', T(5)), order('delivered', T(12), 'DELIVERED')];
		expect(ids(await poll())).toEqual(['newest']);
		expect(gets[0]).toMatchObject({ status: 'ORDERED', ordering: '-ordered_on' });
		expect(staticData).toEqual({});
		expect(patches).toEqual([]);
	});

	it('returns nothing in manual mode when no order is waiting', async () => {
		const { poll, state } = pollContext({ mode: 'manual', parameters: polling });
		state.orders = [order('delivered', T(12), 'DELIVERED')];
		expect(await poll()).toBeNull();
	});
});

describe('Apicbase Supplier Polling Trigger description', () => {
	const { description } = new ApicbaseSupplierPollingTrigger();

	it('polls only: no webhook and no mode switch', () => {
		expect(description.name).toBe('apicbaseSupplierPollingTrigger');
		expect(description.polling).toBe(true);
		expect(description.webhooks).toBeUndefined();
		expect(description.properties.map((p) => p.name)).toEqual(['markAsFetched', 'output']);
	});

	it('always uses the supplier credential', () => {
		expect(description.credentials).toEqual([{ name: 'apicbaseSupplierApi', required: true }]);
	});

	it('declares the parameter values the poll code reads', () => {
		expect(description.properties.find((p) => p.name === 'markAsFetched')).toMatchObject({ type: 'boolean', default: false });
		const output = description.properties.find((p) => p.name === 'output');
		expect((output?.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['order', 'lines']);
		expect(output?.default).toBe('order');
	});
});
