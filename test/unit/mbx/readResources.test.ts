import { NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { httpError } from '../../helpers/mockContext';
import { MBX_FILTERS_HINT } from '../../../nodes/Mbx/filters';
import { MBX_PAGE_SIZE } from '../../../nodes/Mbx/transport';
import { listResponder, locator, pathOf, qOf, RESOURCES, run, runExpectingError } from './resourceHarness';
import * as automationTaskType from '../../../nodes/Mbx/actions/automationTaskType';
import * as customerCatalogItem from '../../../nodes/Mbx/actions/customerCatalogItem';
import * as inventory from '../../../nodes/Mbx/actions/inventory';
import * as invoice from '../../../nodes/Mbx/actions/invoice';
import * as item from '../../../nodes/Mbx/actions/item';
import * as shipMethod from '../../../nodes/Mbx/actions/shipMethod';

interface ReadCase {
	resource: keyof typeof RESOURCES;
	module: { description: INodeProperties[] };
	path: string;
	idParam: string;
	label: string;
	searchMethod: string;
	filters?: { params: IDataObject; q: IDataObject };
	badFilter?: { params: IDataObject; message: string };
}

const CASES: ReadCase[] = [
	{
		resource: 'customerCatalogItem',
		module: customerCatalogItem,
		path: '/v2/customer_catalog_items',
		idParam: 'customerCatalogItemId',
		label: 'Customer Catalog Item',
		searchMethod: 'searchCustomerCatalogItems',
		filters: { params: { item_id: 7, customer_sku: ' SKU-1 ' }, q: { item_id: 7, customer_sku: 'SKU-1' } },
		badFilter: { params: { item_id: 0 }, message: 'Item ID must be a whole number of 1 or more, got "0"' },
	},
	{
		resource: 'inventory',
		module: inventory,
		path: '/v2/inventories',
		idParam: 'inventoryId',
		label: 'Inventory',
		searchMethod: 'searchInventories',
		filters: { params: { item_id: 127188, inventory_location_id: '3' }, q: { item_id: 127188, inventory_location_id: 3 } },
		badFilter: {
			params: { inventory_location_id: 1.5 },
			message: 'Inventory Location ID must be a whole number of 1 or more, got "1.5"',
		},
	},
	{
		resource: 'invoice',
		module: invoice,
		path: '/v2/invoices',
		idParam: 'invoiceId',
		label: 'Invoice',
		searchMethod: 'searchInvoices',
		filters: { params: { order_id: 654321 }, q: { order_id: 654321 } },
		badFilter: { params: { order_id: 'abc' }, message: 'Order ID must be a whole number of 1 or more, got "abc"' },
	},
	{
		resource: 'item',
		module: item,
		path: '/v2/items',
		idParam: 'itemId',
		label: 'Item',
		searchMethod: 'searchItems',
		filters: {
			params: { name: ' Generic Appliance ', stocked: false, serialized: true },
			q: { name: 'Generic Appliance', stocked: false, serialized: true },
		},
	},
	{
		resource: 'shipMethod',
		module: shipMethod,
		path: '/v2/ship_methods',
		idParam: 'shipMethodId',
		label: 'Ship Method',
		searchMethod: 'searchShipMethods',
		filters: { params: { carrier: ' FedEx ' }, q: { carrier: 'FedEx' } },
	},
	{
		resource: 'automationTaskType',
		module: automationTaskType,
		path: '/v2/automation_task_types',
		idParam: 'automationTaskTypeId',
		label: 'Automation Task Type',
		searchMethod: 'searchAutomationTaskTypes',
	},
];

// More than two MBX pages (the last one short): Return All pages, and a bare list of them all is more than a page.
const rows = Array.from({ length: 2 * MBX_PAGE_SIZE + 30 }, (_, i) => ({ id: i + 1, name: `Record ${i + 1}` }));

describe.each(CASES)('MBX $resource', (c) => {
	const idValue = (value: string) => locator(value);

	it('describes Get and Get Many only for this resource', () => {
		const [selector, ...fields] = c.module.description;
		expect(selector).toMatchObject({ name: 'operation', displayOptions: { show: { resource: [c.resource] } } });
		expect((selector.options ?? []).map((o) => (o as { value: string }).value)).toEqual(['get', 'getAll']);
		for (const field of fields) expect(field.displayOptions?.show?.resource).toEqual([c.resource]);
		const idField = fields.find((f) => f.name === c.idParam);
		expect(idField).toBeDefined();
		expect(idField?.type).toBe('resourceLocator');
		expect(idField?.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(idField?.modes?.[0].typeOptions?.searchListMethod).toBe(c.searchMethod);
		expect(idField?.modes?.[1].placeholder).toBe('e.g. 12345');
		expect(idField?.description).toMatch(/MBX ID/);
	});

	it(`Get sends GET ${c.path}/{id} and returns the bare object`, async () => {
		const record = { id: 42, name: 'Answer' };
		const { calls, output } = await run({
			parameters: { resource: c.resource, operation: 'get', [c.idParam]: locator('42') },
			respond: () => record,
		});
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			credentialType: 'mbxHmacApi',
			options: { method: 'GET', url: `${c.path}/42`, baseURL: 'http://mbx.test', json: true },
		});
		expect(calls[0].options.body).toBeUndefined();
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);
	});

	it('Get takes the record out of the list envelope, as MBX shows for some single reads', async () => {
		const record = { id: 42, name: 'Answer' };
		const { output } = await run({
			parameters: { resource: c.resource, operation: 'get', [c.idParam]: locator('42') },
			respond: () => ({ count: 1, total_results: 1, offset: 0, results: [record] }),
		});
		expect(output).toEqual([{ json: record, pairedItem: { item: 0 } }]);

		const { error } = await runExpectingError({
			parameters: { resource: c.resource, operation: 'get', [c.idParam]: locator('43') },
			respond: () => ({ count: 0, total_results: 0, offset: 0, results: [] }),
		});
		expect(error.message).toBe(`MBX found nothing at ${c.path}/43`);
	});

	it('Get Many reads a bare JSON list too, and stops when MBX sent more than asked for', async () => {
		const { calls, output } = await run({
			parameters: { resource: c.resource, operation: 'getAll', returnAll: false, limit: 3 },
			respond: () => rows.slice(0, 3),
		});
		expect(output.map((o) => o.json.id)).toEqual([1, 2, 3]);
		expect(calls).toHaveLength(1);

		const everything = await run({
			parameters: { resource: c.resource, operation: 'getAll', returnAll: true, filters: {} },
			respond: () => rows,
		});
		expect(everything.output).toHaveLength(rows.length);
		expect(everything.calls).toHaveLength(1);
	});

	it('Get accepts an ID typed in "By ID" mode', async () => {
		const { calls } = await run({
			parameters: { resource: c.resource, operation: 'get', [c.idParam]: locator(' 7 ', 'id') },
			respond: () => ({ id: 7 }),
		});
		expect(calls[0].options.url).toBe(`${c.path}/7`);
	});

	it.each([
		['a number', 12],
		['numeric text (an expression’s result)', ' 12 '],
	])('Get still accepts a plain value, as saved workflows give it: %s', async (_label, value) => {
		const { calls } = await run({
			parameters: { resource: c.resource, operation: 'get', [c.idParam]: value },
			respond: () => ({ id: 12 }),
		});
		expect(calls[0].options.url).toBe(`${c.path}/12`);
	});

	it('Get rejects an ID that is not a whole number, naming the field, before any request', async () => {
		const { error, calls } = await runExpectingError({
			parameters: { resource: c.resource, operation: 'get', [c.idParam]: idValue('abc') },
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(`${c.label} must be a whole number of 1 or more, got "abc"`);
		expect(calls).toHaveLength(0);
	});

	it('Get reports the MBX message of a 404', async () => {
		const { error } = await runExpectingError({
			parameters: { resource: c.resource, operation: 'get', [c.idParam]: idValue('999') },
			respond: () => Promise.reject(httpError(404, { errors: ["Couldn't find record with 'id'=999"] })),
		});
		expect(error.message).toBe("Couldn't find record with 'id'=999");
	});

	it('Get Many with Return All pages through q limit/offset until total_results', async () => {
		const { calls, output } = await run({
			parameters: { resource: c.resource, operation: 'getAll', returnAll: true, filters: {} },
			respond: listResponder(rows),
		});
		expect(output).toHaveLength(rows.length);
		expect(output[rows.length - 1]).toEqual({ json: rows[rows.length - 1], pairedItem: { item: 0 } });
		expect(calls.map((call) => pathOf(call.options.url))).toEqual([c.path, c.path, c.path]);
		expect(calls.map((call) => qOf(call.options.url))).toEqual([
			{ limit: MBX_PAGE_SIZE, offset: 0 },
			{ limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE },
			{ limit: MBX_PAGE_SIZE, offset: 2 * MBX_PAGE_SIZE },
		]);
		expect(calls.every((call) => call.options.method === 'GET' && call.options.body === undefined)).toBe(true);
	});

	it('Get Many with a limit asks for no more than it needs', async () => {
		const { calls, output } = await run({
			parameters: { resource: c.resource, operation: 'getAll', returnAll: false, limit: 3 },
			respond: listResponder(rows),
		});
		expect(output.map((o) => o.json.id)).toEqual([1, 2, 3]);
		expect(calls.map((call) => qOf(call.options.url))).toEqual([{ limit: 3, offset: 0 }]);
	});

	if (c.filters) {
		const filters = c.filters;
		it('Get Many sends the filters as top-level keys of q, cleaned and typed, asking for a full page', async () => {
			const { calls } = await run({
				parameters: { resource: c.resource, operation: 'getAll', returnAll: false, limit: 5, filters: filters.params },
				respond: listResponder([]),
			});
			expect(calls).toHaveLength(1);
			expect(qOf(calls[0].options.url)).toEqual({ limit: MBX_PAGE_SIZE, offset: 0, ...filters.q });
		});

		it('Get Many tells the builder that filters are also checked on what comes back', () => {
			const field = c.module.description.find((f) => f.name === 'filters');
			expect(field?.hint).toBe(MBX_FILTERS_HINT);
			expect(field?.hint).toMatch(/^Filters are sent to MBX and also checked on what comes back\./);
		});

		it('Get Many leaves empty text filters out', async () => {
			const blank = Object.fromEntries(
				Object.entries(filters.params)
					.filter(([, v]) => typeof v === 'string' && Number.isNaN(Number(v)))
					.map(([k]) => [k, '  ']),
			);
			const { calls } = await run({
				parameters: { resource: c.resource, operation: 'getAll', returnAll: false, limit: 5, filters: blank },
				respond: listResponder([]),
			});
			expect(qOf(calls[0].options.url)).toEqual({ limit: 5, offset: 0 });
		});
	}

	if (c.badFilter) {
		const bad = c.badFilter;
		it('Get Many rejects a bad ID filter by name before any request', async () => {
			const { error, calls } = await runExpectingError({
				parameters: { resource: c.resource, operation: 'getAll', returnAll: true, filters: bad.params },
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(bad.message);
			expect(calls).toHaveLength(0);
		});
	}
});

describe('MBX item Get Many filters', () => {
	it('sends a false boolean filter (it is a real choice, not "unset")', async () => {
		const { calls } = await run({
			parameters: { resource: 'item', operation: 'getAll', returnAll: true, filters: { stocked: false } },
			respond: listResponder([]),
		});
		expect(qOf(calls[0].options.url)).toEqual({ limit: MBX_PAGE_SIZE, offset: 0, stocked: false });
	});

	it('handles an MBX answer with no results key as an empty list', async () => {
		const { output, calls } = await run({
			parameters: { resource: 'item', operation: 'getAll', returnAll: true, filters: {} },
			respond: () => ({ count: 0, total_results: 0, offset: 0 }),
		});
		expect(output).toEqual([]);
		expect(calls).toHaveLength(1);
	});
});
