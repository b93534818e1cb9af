import { getAutomationTaskTypes, getCountries, getShipMethods } from '../../../nodes/Mbx/methods/loadOptions';
import { searchInventories } from '../../../nodes/Mbx/methods/searchInventories';
import { searchInvoices } from '../../../nodes/Mbx/methods/searchInvoices';
import { searchItems } from '../../../nodes/Mbx/methods/searchItems';
import { MBX_PAGE_SIZE } from '../../../nodes/Mbx/transport';
import { httpError } from '../../helpers/mockContext';
import type { IDataObject } from 'n8n-workflow';

import { asLoadOptions, listResponder, mockContext, pathOf, qOf } from './resourceHarness';

function loadOptionsContext(respond: Parameters<typeof mockContext>[0]['respond']) {
	const mock = mockContext({ parameters: {}, respond });
	return { ...mock, context: asLoadOptions(mock.context) };
}

describe('MBX loadOptions', () => {
	it('getCountries lists every country as "Name (ISO)" sorted by name, paging through all of them', async () => {
		// One full MBX page and part of a second.
		const total = MBX_PAGE_SIZE + 50;
		const countries = Array.from({ length: total }, (_, i) => ({ id: i + 1, name: `Land ${total - i}`, iso_code: `L${i}` }));
		countries[0] = { id: 39, name: 'Canada', iso_code: 'CA' };
		countries[1] = { id: 1, name: 'Jersey', iso_code: 'JE' };
		countries[2] = { id: 3, name: 'Australia', iso_code: 'AU' };
		const { context, calls } = loadOptionsContext(listResponder(countries));
		const options = await getCountries.call(context);
		expect(calls.map((c) => [pathOf(c.options.url), qOf(c.options.url)])).toEqual([
			['/v2/countries', { limit: MBX_PAGE_SIZE, offset: 0 }],
			['/v2/countries', { limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE }],
		]);
		expect(options).toHaveLength(total);
		expect(options.slice(0, 2)).toEqual([
			{ name: 'Australia (AU)', value: 3 },
			{ name: 'Canada (CA)', value: 39 },
		]);
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
		expect(names.indexOf(`Land 2 (L${total - 2})`)).toBeLessThan(names.indexOf(`Land 10 (L${total - 10})`));
	});

	it('getShipMethods lists methods by name with the carrier as description', async () => {
		const { context } = loadOptionsContext(
			listResponder([
				{ id: 24, name: 'FedEx Ground Canada', carrier: 'FedEx', description: 'Ground' },
				{ id: 12, name: 'DHL Express', carrier: 'DHL' },
				{ id: 30, name: 'Customer Pickup', carrier: null, description: 'Collected at MBX' },
			]),
		);
		expect(await getShipMethods.call(context)).toEqual([
			{ name: 'Customer Pickup', value: 30, description: 'Collected at MBX' },
			{ name: 'DHL Express', value: 12, description: 'DHL' },
			{ name: 'FedEx Ground Canada', value: 24, description: 'FedEx' },
		]);
	});

	it('getAutomationTaskTypes lists task types by name with their description', async () => {
		const { context, calls } = loadOptionsContext(
			listResponder([
				{ id: 2, name: 'Run-In', description: 'Burn-in test' },
				{ id: 1, name: 'Image', description: null },
			]),
		);
		expect(await getAutomationTaskTypes.call(context)).toEqual([
			{ name: 'Image', value: 1 },
			{ name: 'Run-In', value: 2, description: 'Burn-in test' },
		]);
		expect(pathOf(calls[0].options.url)).toBe('/v2/automation_task_types');
	});

	it('surfaces the MBX message when the list cannot be loaded', async () => {
		const { context } = loadOptionsContext(() => Promise.reject(httpError(401, { errors: ['Signature does not match'] })));
		await expect(getCountries.call(context)).rejects.toThrow('Signature does not match');
	});
});

describe('MBX listSearch', () => {
	const items = Array.from({ length: 120 }, (_, i) => ({ id: 1000 + i, name: `Appliance ${i}` }));

	it('searchItems shows "<name> (#<id>)", 50 a page, with the next offset as pagination token', async () => {
		const { context, calls } = loadOptionsContext(listResponder(items));
		const first = await searchItems.call(context);
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'Appliance 0 (#1000)', value: '1000' });
		expect(first.paginationToken).toBe('50');
		const second = await searchItems.call(context, undefined, first.paginationToken);
		expect(second.paginationToken).toBe('100');
		const last = await searchItems.call(context, '', second.paginationToken);
		expect(last.results).toHaveLength(20);
		expect(last.results[19]).toEqual({ name: 'Appliance 119 (#1119)', value: '1119' });
		expect(last.paginationToken).toBeUndefined();
		expect(calls.map((c) => [pathOf(c.options.url), qOf(c.options.url)])).toEqual([
			['/v2/items', { limit: 50, offset: 0 }],
			['/v2/items', { limit: 50, offset: 50 }],
			['/v2/items', { limit: 50, offset: 100 }],
		]);
	});

	it('searchItems filters on the typed name', async () => {
		const { context, calls } = loadOptionsContext(() => ({
			count: 1,
			total_results: 1,
			offset: 0,
			results: [{ id: 7, name: 'Generic Appliance' }],
		}));
		const result = await searchItems.call(context, ' Generic Appliance ');
		expect(qOf(calls[0].options.url)).toEqual({ limit: 50, offset: 0, name: 'Generic Appliance' });
		expect(result).toEqual({ results: [{ name: 'Generic Appliance (#7)', value: '7' }] });
	});

	it('searchInventories shows id, item and quantity on hand, and filters on a typed item ID', async () => {
		const inventories = [
			{ id: 22742, item_id: 127188, quantity_on_hand: 12.0 },
			{ id: 22743, item_id: 127188, quantity_on_hand: 0.5 },
		];
		const { context, calls } = loadOptionsContext((call) => {
			const q = qOf(call.options.url) ?? {};
			const rows = inventories.filter((r) => q.item_id === undefined || r.item_id === (q as IDataObject).item_id);
			return listResponder(rows)(call);
		});
		const result = await searchInventories.call(context, '#127188');
		expect(qOf(calls[0].options.url)).toEqual({ limit: 50, offset: 0, item_id: 127188 });
		expect(result).toEqual({
			results: [
				{ name: 'Inventory #22742 · item 127188 · on hand 12', value: '22742' },
				{ name: 'Inventory #22743 · item 127188 · on hand 0.5', value: '22743' },
			],
		});
	});

	it('searchInventories pages by total_results', async () => {
		const inventories = Array.from({ length: 51 }, (_, i) => ({ id: i + 1, item_id: 5, quantity_on_hand: i }));
		const { context, calls } = loadOptionsContext(listResponder(inventories));
		const first = await searchInventories.call(context);
		expect(first.paginationToken).toBe('50');
		const second = await searchInventories.call(context, undefined, '50');
		expect(second).toEqual({ results: [{ name: 'Inventory #51 · item 5 · on hand 50', value: '51' }] });
		expect(qOf(calls[1].options.url)).toEqual({ limit: 50, offset: 50 });
	});

	it('searchInvoices shows id, order and total, and filters on a typed order ID', async () => {
		const { context, calls } = loadOptionsContext((call) => {
			const offset = Number(qOf(call.options.url)?.offset);
			const results = offset === 0 ? [{ id: 123456, order_id: 654321, total: 1234.5 }] : [];
			return { count: results.length, total_results: 123, offset, results };
		});
		const result = await searchInvoices.call(context, ' 654321 ');
		expect(qOf(calls[0].options.url)).toEqual({ limit: 50, offset: 0, order_id: 654321 });
		expect(result.results).toEqual([{ name: 'Invoice #123456 · order 654321 · 1234.50', value: '123456' }]);
		// MBX's own sample says total_results 123 while returning one row: the next request starts
		// after it (fewer than 50 matched), and an empty page ends the list.
		expect(qOf(calls[1].options.url)).toEqual({ limit: 50, offset: 1, order_id: 654321 });
		expect(result.paginationToken).toBeUndefined();
	});

	it('searchInvoices formats a total sent as text', async () => {
		const { context } = loadOptionsContext(listResponder([{ id: 1, order_id: 2, total: '0.0' }]));
		expect((await searchInvoices.call(context)).results[0].name).toBe('Invoice #1 · order 2 · 0.00');
	});

	it.each([
		['searchInventories', searchInventories],
		['searchInvoices', searchInvoices],
	])('%s answers text that is not an ID with no results, without asking MBX', async (_name, search) => {
		const { context, calls } = loadOptionsContext(listResponder([]));
		expect(await search.call(context, 'abc')).toEqual({ results: [] });
		expect(calls).toHaveLength(0);
	});

	it('ignores a pagination token that is not an offset', async () => {
		const { context, calls } = loadOptionsContext(listResponder(items));
		await searchItems.call(context, undefined, 'garbage');
		expect(qOf(calls[0].options.url)).toEqual({ limit: 50, offset: 0 });
	});

	it('stops paging on an empty page even when total_results claims more', async () => {
		const { context } = loadOptionsContext(() => ({ count: 0, total_results: 500, offset: 50, results: [] }));
		expect(await searchItems.call(context, undefined, '50')).toEqual({ results: [] });
	});
});
