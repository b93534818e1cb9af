/**
 * The "From List" searches behind the MBX Country, Ship Method, Automation Task Type and Customer
 * Catalog Item pickers, and that every MBX picker points at a registered search.
 */
import { NodeHelpers, type IDataObject, type INode } from 'n8n-workflow';

import { Mbx } from '../../../nodes/Mbx/Mbx.node';
import { searchCustomerCatalogItems } from '../../../nodes/Mbx/methods/searchCustomerCatalogItems';
import { searchAutomationTaskTypes, searchCountries, searchShipMethods } from '../../../nodes/Mbx/methods/searchReferenceLists';
import { MBX_PAGE_SIZE } from '../../../nodes/Mbx/transport';
import { asLoadOptions, listResponder, mockContext, pathOf, qOf } from './resourceHarness';
import { withoutKeys } from '../../../nodes/shared/values';

function loadOptionsContext(respond: Parameters<typeof mockContext>[0]['respond']) {
	const mock = mockContext({ parameters: {}, respond });
	return { ...mock, context: asLoadOptions(mock.context) };
}

describe('MBX reference-list pickers (Country, Ship Method, Automation Task Type)', () => {
	const countries = [
		{ id: 39, name: 'Canada', iso_code: 'CA' },
		{ id: 1, name: 'Jersey', iso_code: 'JE' },
		{ id: 3, name: 'Australia', iso_code: 'AU' },
		{ id: 5, name: 'Cameroon', iso_code: 'CM' },
	];

	it('searchCountries reads the whole list and keeps the countries whose name or ISO code contains the text', async () => {
		const { context, calls } = loadOptionsContext(listResponder(countries));
		expect(await searchCountries.call(context)).toEqual({
			results: [
				{ name: 'Australia (AU)', value: '3' },
				{ name: 'Cameroon (CM)', value: '5' },
				{ name: 'Canada (CA)', value: '39' },
				{ name: 'Jersey (JE)', value: '1' },
			],
		});
		expect(pathOf(calls[0].options.url)).toBe('/v2/countries');
		expect(qOf(calls[0].options.url)).toEqual({ limit: MBX_PAGE_SIZE, offset: 0 });

		expect((await searchCountries.call(context, ' ca ')).results).toEqual([
			{ name: 'Cameroon (CM)', value: '5' },
			{ name: 'Canada (CA)', value: '39' },
		]);
		expect((await searchCountries.call(context, 'CANAD')).results).toEqual([{ name: 'Canada (CA)', value: '39' }]);
		expect((await searchCountries.call(context, '(au)')).results.map((r) => r.value)).toEqual(['3']);
		expect((await searchCountries.call(context, 'je')).results.map((r) => r.value)).toEqual(['1']);
	});

	it('searchCountries finds a country by its MBX ID, with or without #', async () => {
		const { context } = loadOptionsContext(listResponder(countries));
		expect((await searchCountries.call(context, '3')).results).toEqual([{ name: 'Australia (AU)', value: '3' }]);
		expect((await searchCountries.call(context, '#39')).results).toEqual([{ name: 'Canada (CA)', value: '39' }]);
		expect((await searchCountries.call(context, 'Atlantis')).results).toEqual([]);
	});

	it('searchCountries pages through a list longer than one MBX page', async () => {
		const many = Array.from({ length: 2 * MBX_PAGE_SIZE + 32 }, (_, i) => ({ id: i + 1, name: `Land ${i + 1}`, iso_code: `L${i}` }));
		const { context, calls } = loadOptionsContext(listResponder(many));
		expect((await searchCountries.call(context)).results).toHaveLength(many.length);
		expect(calls.map((c) => qOf(c.options.url)?.offset)).toEqual([0, MBX_PAGE_SIZE, 2 * MBX_PAGE_SIZE]);
	});

	it('searchShipMethods names methods as MBX does and finds them by name, carrier or ID', async () => {
		const methods = [
			{ id: 12, name: 'UPS Standard', carrier: 'UPS' },
			{ id: 1, name: 'FedEx Ground', carrier: 'FedEx' },
			{ id: 24, name: 'FedEx Ground Canada', carrier: 'FedEx' },
			{ id: 25, name: 'Customer Pickup', carrier: '' },
		];
		const { context, calls } = loadOptionsContext(listResponder(methods));
		expect((await searchShipMethods.call(context)).results).toEqual([
			{ name: 'Customer Pickup', value: '25' },
			{ name: 'FedEx Ground', value: '1' },
			{ name: 'FedEx Ground Canada', value: '24' },
			{ name: 'UPS Standard', value: '12' },
		]);
		expect(pathOf(calls[0].options.url)).toBe('/v2/ship_methods');
		expect((await searchShipMethods.call(context, 'canada')).results).toEqual([{ name: 'FedEx Ground Canada', value: '24' }]);
		expect((await searchShipMethods.call(context, 'UPS')).results.map((r) => r.value)).toEqual(['12']);
		expect((await searchShipMethods.call(context, '24')).results.map((r) => r.value)).toEqual(['24']);
	});

	it('searchAutomationTaskTypes finds task types by name or description', async () => {
		const types = [
			{ id: 2, name: 'Flash BIOS', description: 'Update the firmware to the pinned version' },
			{ id: 1, name: 'Burn-in', description: 'Stress test for 24 hours' },
		];
		const { context, calls } = loadOptionsContext(listResponder(types));
		expect((await searchAutomationTaskTypes.call(context)).results).toEqual([
			{ name: 'Burn-in', value: '1' },
			{ name: 'Flash BIOS', value: '2' },
		]);
		expect(pathOf(calls[0].options.url)).toBe('/v2/automation_task_types');
		expect((await searchAutomationTaskTypes.call(context, 'firmware')).results).toEqual([{ name: 'Flash BIOS', value: '2' }]);
	});
});

describe('MBX Customer Catalog Item picker (searchCustomerCatalogItems)', () => {
	const entries = Array.from({ length: 120 }, (_, i) => ({
		id: i + 1,
		customer_sku: i === 3 ? '' : `ACME-${String(10000 + i).padStart(6, '0')}`,
		item_id: 127000 + (i % 7),
		price: i % 2 ? '12.5' : 3,
	}));
	const respond = (call: { options: { url: string } }) => {
		const filters = withoutKeys(qOf(call.options.url) ?? {}, ['limit', 'offset']);
		const matching = entries.filter((e) => Object.entries(filters).every(([k, v]) => (e as IDataObject)[k] === v));
		return listResponder(matching)(call as never);
	};

	it('lists 50 entries a page, named by SKU, MBX item and price, with the next offset as token', async () => {
		const { context, calls } = loadOptionsContext(respond);
		const first = await searchCustomerCatalogItems.call(context);
		expect(pathOf(calls[0].options.url)).toBe('/v2/customer_catalog_items');
		expect(qOf(calls[0].options.url)).toEqual({ limit: 50, offset: 0 });
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'ACME-010000 · item 127000 · 3.00', value: '1' });
		expect(first.results[1]).toEqual({ name: 'ACME-010001 · item 127001 · 12.50', value: '2' });
		expect(first.results[3]).toEqual({ name: 'Entry #4 · item 127003 · 12.50', value: '4' });
		expect(first.paginationToken).toBe('50');

		const last = await searchCustomerCatalogItems.call(context, undefined, '100');
		expect(qOf(calls[1].options.url)).toEqual({ limit: 50, offset: 100 });
		expect(last.results).toHaveLength(20);
		expect(last.paginationToken).toBeUndefined();
	});

	it('narrows to an MBX item when digits are typed, and to an exact SKU otherwise', async () => {
		const { context, calls } = loadOptionsContext(respond);
		const byItem = await searchCustomerCatalogItems.call(context, ' #127002 ');
		expect(qOf(calls[0].options.url)).toEqual({ limit: 50, offset: 0, item_id: 127002 });
		expect(byItem.results.every((r) => r.name.includes('item 127002'))).toBe(true);

		const bySku = await searchCustomerCatalogItems.call(context, ' ACME-010042 ');
		expect(qOf(calls[1].options.url)).toEqual({ limit: 50, offset: 0, customer_sku: 'ACME-010042' });
		expect(bySku).toEqual({ results: [{ name: 'ACME-010042 · item 127000 · 3.00', value: '43' }] });
	});
});

describe('MBX node: every picker points at a registered search', () => {
	const node = new Mbx();

	it('registers the new searches next to the existing ones', () => {
		expect(Object.keys(node.methods.listSearch).sort()).toEqual([
			'searchAutomationTaskTypes',
			'searchCountries',
			'searchCustomerCatalogItems',
			'searchInventories',
			'searchInvoices',
			'searchItems',
			'searchOrders',
			'searchShipMethods',
		]);
	});

	it.each([
		['country', 'countryId', 'searchCountries'],
		['shipMethod', 'shipMethodId', 'searchShipMethods'],
		['automationTaskType', 'automationTaskTypeId', 'searchAutomationTaskTypes'],
		['customerCatalogItem', 'customerCatalogItemId', 'searchCustomerCatalogItems'],
	])('%s > Get picks %s From List (%s) or By ID', (resource, name, method) => {
		const property = node.description.properties.find((p) => p.name === name && p.displayOptions?.show?.resource?.includes(resource));
		expect(property?.type).toBe('resourceLocator');
		expect(property?.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(property?.modes?.[0].typeOptions).toMatchObject({ searchListMethod: method, searchable: true });
		expect(property?.modes?.[1]).toMatchObject({ placeholder: 'e.g. 12345' });
		expect(property?.description).toMatch(/Get Many/);
	});

	it.each([
		['country', 'countryId', '={{ $json.id }}'],
		['shipMethod', 'shipMethodId', 24],
		['automationTaskType', 'automationTaskTypeId', 3],
		['customerCatalogItem', 'customerCatalogItemId', '={{ $json.id }}'],
	])('n8n finds no issue with a plain value in %s > Get (saved workflows run as before)', (resource, name, value) => {
		const issues = (parameter: unknown) => {
			const parameters = { authentication: 'hmac', resource, operation: 'get', [name]: parameter as string };
			const workflowNode: INode = { id: 'n1', name: 'MBX', type: 'mbx', typeVersion: 1, position: [0, 0], parameters };
			return NodeHelpers.getNodeParametersIssues(node.description.properties, workflowNode, node.description);
		};
		expect(issues(value)).toBeNull();
		expect(issues({ __rl: true, mode: 'list', value: '' })?.parameters?.[name]).toHaveLength(1);
	});

	it('has no picker pointing at a search the node does not have', () => {
		for (const property of node.description.properties) {
			for (const mode of property.modes ?? []) {
				const method = mode.typeOptions?.searchListMethod;
				if (method) expect(Object.keys(node.methods.listSearch)).toContain(method);
			}
		}
	});
});
