/**
 * The Purchase Order and Stock Movement pickers: their "From List" searches, their By ID and By
 * URL modes (the URL read by n8n's own extractValue), that every operation acting on one order or
 * movement uses them, and that plain values from saved workflows still work. Put-Away stays a
 * text field: OpenBoxes' API has no list of saved put-aways.
 */
import { extractValue } from 'n8n-core/dist/execution-engine/node-execution-context/utils/extract-value';
import { NodeHelpers, type GenericValue, type IDataObject, type INode, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { OpenBoxes } from '../../../nodes/OpenBoxes/OpenBoxes.node';
import * as purchaseOrder from '../../../nodes/OpenBoxes/actions/purchaseOrder';
import * as putAway from '../../../nodes/OpenBoxes/actions/putAway';
import * as stockMovement from '../../../nodes/OpenBoxes/actions/stockMovement';
import { searchPurchaseOrders, searchStockMovements } from '../../../nodes/OpenBoxes/methods/listSearch';
import { runOperations } from '../../../nodes/shared/router';
import { mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';
import { BASE, credentials, loadOptionsContext, request } from './harness';
import { withoutKeys } from '../../../nodes/shared/values';

const ID = 'ff80818155df9de40155df9e31000001';
const WEB = 'http://ob.test/openboxes';

async function run(resource: 'purchaseOrder' | 'stockMovement', parameters: IDataObject, respond: (call: RecordedCall) => unknown = () => ({ data: {} })) {
	const mock = mockExecuteFunctions({ parameters: { resource, ...parameters }, credentials, respond });
	const operations = resource === 'purchaseOrder' ? purchaseOrder.operations : stockMovement.operations;
	await runOperations.call(mock.context, { [resource]: operations });
	return mock.calls;
}

function pickers(module: { description: INodeProperties[] }, name: string): INodeProperties[] {
	return module.description.filter((property) => property.name === name);
}

describe('OpenBoxes searchPurchaseOrders', () => {
	const orders = Array.from({ length: 120 }, (_, i) => ({
		id: `po${i}`,
		orderNumber: `PO-${1000 + i}`,
		name: `Order ${i}`,
		origin: 'Acme Supplies (ACME)',
		status: i % 2 ? 'PARTIALLY_RECEIVED' : 'PLACED',
	}));
	const pager = (call: RecordedCall) => {
		const { max, offset } = call.options.qs as { max: number; offset: number };
		return { data: orders.slice(offset, offset + max), totalPrice: 0, totalCount: orders.length };
	};

	it('lists 50 orders a page, newest first, named by number, supplier and status, with a link to each', async () => {
		const { context, calls } = loadOptionsContext(pager);
		const first = await searchPurchaseOrders.call(context);
		expect(request(calls[0])).toMatchObject({ method: 'GET', path: '/purchaseOrders' });
		expect(calls[0].options.qs).toEqual({ max: 50, offset: 0, sort: 'dateCreated', order: 'desc' });
		expect(first.results[0]).toEqual({ name: 'PO-1000 · Acme Supplies (ACME) · Placed', value: 'po0', url: `${WEB}/order/show/po0` });
		expect(first.results[1].name).toBe('PO-1001 · Acme Supplies (ACME) · Partially received');
		expect(first.paginationToken).toBe('50');

		const last = await searchPurchaseOrders.call(context, '', '100');
		expect(calls[1].options.qs).toEqual({ max: 50, offset: 100, sort: 'dateCreated', order: 'desc' });
		expect(last.results).toHaveLength(20);
		expect(last.paginationToken).toBeUndefined();
	});

	it('passes the typed text as searchTerm (order number, name or description)', async () => {
		const { context, calls } = loadOptionsContext(() => ({
			data: [{ id: 'po7', orderNumber: '', name: 'Weekly vaccines', origin: null, status: { name: 'PENDING' } }],
			totalCount: 1,
		}));
		const found = await searchPurchaseOrders.call(context, ' PO-12 ');
		expect(calls[0].options.qs).toEqual({ max: 50, offset: 0, sort: 'dateCreated', order: 'desc', searchTerm: 'PO-12' });
		expect(found).toEqual({ results: [{ name: 'Weekly vaccines · Pending', value: 'po7', url: `${WEB}/order/show/po7` }] });
	});
});

describe('OpenBoxes searchStockMovements', () => {
	const outbound = Array.from({ length: 30 }, (_, i) => ({
		id: `out${i}`,
		identifier: `OUT${i}`,
		origin: { id: 'L1', name: 'Main Warehouse' },
		destination: { id: 'L2', name: 'Ward 3' },
		displayStatus: { name: 'VERIFYING', label: 'Requested' },
	}));
	const inbound = [
		{ id: 'in0', identifier: 'IN0', origin: { id: 'S1', name: 'Acme Supplies' }, destination: { id: 'L1' }, statusCode: 'PENDING' },
		{ id: 'in1', name: 'S1.L1.01Nov2026', origin: {}, destination: { id: 'L1' } },
	];
	const respond = (call: RecordedCall) => {
		const { direction, max, offset } = call.options.qs as { direction: string; max: number; offset: number };
		const rows = direction === 'OUTBOUND' ? outbound : inbound;
		return { data: rows.slice(offset, offset + max), totalCount: rows.length };
	};

	it('lists 25 outgoing and 25 incoming movements of the credential location, named for a builder', async () => {
		const { context, calls } = loadOptionsContext(respond);
		const first = await searchStockMovements.call(context);
		expect(calls.map((call) => [request(call).path, call.options.qs])).toEqual([
			['/stockMovements', { direction: 'OUTBOUND', origin: 'L1', max: 25, offset: 0 }],
			['/stockMovements', { direction: 'INBOUND', destination: 'L1', max: 25, offset: 0 }],
		]);
		expect(first.results).toHaveLength(27);
		expect(first.results[0]).toEqual({ name: 'OUT0 · to Ward 3 · Requested', value: 'out0', url: `${WEB}/stockMovement/show/out0` });
		expect(first.results[25]).toEqual({ name: 'IN0 · from Acme Supplies · Pending', value: 'in0', url: `${WEB}/stockMovement/show/in0` });
		expect(first.results[26]).toMatchObject({ name: 'S1.L1.01Nov2026', value: 'in1' });
		expect(first.paginationToken).toBe('25:-');

		const second = await searchStockMovements.call(context, undefined, first.paginationToken);
		expect(calls.slice(2).map((call) => call.options.qs)).toEqual([{ direction: 'OUTBOUND', origin: 'L1', max: 25, offset: 25 }]);
		expect(second.results.map((r) => r.value)).toEqual(['out25', 'out26', 'out27', 'out28', 'out29']);
		expect(second.paginationToken).toBeUndefined();
	});

	it('passes the typed text as q and copes with the outbound list’s empty-result shape', async () => {
		const { context, calls } = loadOptionsContext((call) =>
			(call.options.qs as IDataObject).direction === 'OUTBOUND' ? { data: [], totalCount: [] } : { data: [inbound[0]], totalCount: 1 },
		);
		const found = await searchStockMovements.call(context, ' IN0 ');
		expect(calls.map((call) => (call.options.qs as IDataObject).q)).toEqual(['IN0', 'IN0']);
		expect(found).toEqual({ results: [{ name: 'IN0 · from Acme Supplies · Pending', value: 'in0', url: `${WEB}/stockMovement/show/in0` }] });
	});

	it('explains that the list needs the credential’s Location ID, without asking OpenBoxes', async () => {
		const mock = mockExecuteFunctions({ parameters: {}, credentials: { openBoxesApi: { ...credentials.openBoxesApi, location: ' ' } } });
		const rest = withoutKeys(mock.context as unknown as IDataObject, ['getInputData']);
		const context = { ...rest, getNodeParameter: (_name: string, fallback?: unknown) => fallback } as never;
		const error = (await searchStockMovements.call(context).catch((e: unknown) => e)) as Error & { description?: string };
		expect(error.message).toMatch(/no Location ID/);
		expect(error.description).toMatch(/"By ID"/);
		expect(mock.calls).toHaveLength(0);
	});
});

describe('OpenBoxes Purchase Order and Stock Movement pickers', () => {
	const cases = [
		{
			module: purchaseOrder,
			name: 'purchaseOrderId',
			displayName: 'Purchase Order',
			method: 'searchPurchaseOrders',
			operations: ['delete', 'get', 'rollback', 'update'],
			url: `https://ob.example.org/openboxes/order/show/${ID}`,
			alsoUrls: [`https://ob.example.org/openboxes/purchaseOrder/edit/${ID}`, `http://10.0.0.5:8080/openboxes/purchaseOrder/addItems/${ID}?tab=2`],
			wrongUrl: `https://ob.example.org/openboxes/stockMovement/show/${ID}`,
		},
		{
			module: stockMovement,
			name: 'stockMovementId',
			displayName: 'Stock Movement',
			method: 'searchStockMovements',
			operations: ['delete', 'get', 'getLineItems', 'updateItems', 'updateShipment', 'updateStatus'],
			url: `https://ob.example.org/openboxes/stockMovement/show/${ID}`,
			alsoUrls: [`http://localhost:8080/openboxes/stockMovement/show/${ID}#details`],
			wrongUrl: `https://ob.example.org/openboxes/order/show/${ID}`,
		},
	];

	it.each(cases)('$name is a From List / By ID / By URL picker on every operation that acts on one record', (c) => {
		const found = pickers(c.module, c.name);
		expect(found.flatMap((p) => p.displayOptions?.show?.operation ?? []).sort()).toEqual(c.operations);
		for (const property of found) {
			expect(property).toMatchObject({ displayName: c.displayName, type: 'resourceLocator', required: true, default: { mode: 'list', value: '' } });
			expect(property.modes?.map((mode) => mode.name)).toEqual(['list', 'id', 'url']);
			expect(property.modes?.[0].typeOptions).toMatchObject({ searchListMethod: c.method, searchable: true });
			expect(property.modes?.[1].placeholder).toBe(`e.g. ${ID}`);
			expect(property.modes?.[2].placeholder).toMatch(/^e\.g\. https:\/\/openboxes\.example\.org\/openboxes\//);
			expect(property.hint).toMatch(/Get Many/);
			expect(property.description).toBeTruthy();
		}
	});

	it.each(cases)('$name By URL accepts the record’s page in the web app and refuses others (editor check)', (c) => {
		const mode = pickers(c.module, c.name)[0].modes?.[2];
		const rule = (mode?.validation?.[0] as unknown as { properties: { regex: string } }).properties.regex;
		// n8n anchors the rule: ^…$
		const valid = (value: string) => new RegExp(`^${rule}$`).test(value);
		for (const url of [c.url, ...c.alsoUrls]) expect([url, valid(url)]).toEqual([url, true]);
		for (const url of [c.wrongUrl, ID, 'https://ob.example.org/openboxes/dashboard']) expect([url, valid(url)]).toEqual([url, false]);
	});

	it.each(cases)('$name: n8n takes the ID from a URL, and passes an ID or a plain value through', (c) => {
		const nodeType = new OpenBoxes();
		const resource = c.module === purchaseOrder ? 'purchaseOrder' : 'stockMovement';
		const extract = (value: unknown) => {
			const node: INode = {
				id: 'n1',
				name: 'OpenBoxes',
				type: 'openBoxes',
				typeVersion: 1,
				position: [0, 0],
				parameters: { resource, operation: 'get', [c.name]: value as INodeParameters },
			};
			return extractValue(value as INodeParameters, c.name, node, nodeType);
		};
		expect(extract({ __rl: true, mode: 'url', value: c.url })).toBe(ID);
		for (const url of c.alsoUrls) expect(extract({ __rl: true, mode: 'url', value: url })).toBe(ID);
		expect(extract({ __rl: true, mode: 'id', value: ID })).toBe(ID);
		expect(extract({ __rl: true, mode: 'list', value: ID })).toBe(ID);
		expect(extract(ID)).toBe(ID);
	});
});

describe('OpenBoxes pickers in n8n’s parameter check (run before every execution)', () => {
	const nodeType = new OpenBoxes();
	const issues = (resource: string, name: string, value: unknown) => {
		const node: INode = {
			id: 'n1',
			name: 'OpenBoxes',
			type: 'openBoxes',
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource, operation: 'get', [name]: value as INodeParameters },
		};
		return NodeHelpers.getNodeParametersIssues(nodeType.description.properties, node, nodeType.description)?.parameters?.[name];
	};

	it.each([
		['purchaseOrder', 'purchaseOrderId', `https://ob.example.org/openboxes/order/show/${ID}`],
		['stockMovement', 'stockMovementId', `https://ob.example.org/openboxes/stockMovement/show/${ID}`],
	])('%s: a plain value or a page address passes; an empty picker or another page is flagged', (resource, name, url) => {
		expect(issues(resource, name, '={{ $json.id }}')).toBeUndefined();
		expect(issues(resource, name, ID)).toBeUndefined();
		expect(issues(resource, name, { __rl: true, mode: 'url', value: url })).toBeUndefined();
		expect(issues(resource, name, { __rl: true, mode: 'list', value: '' })).toHaveLength(1);
		expect(issues(resource, name, { __rl: true, mode: 'url', value: 'https://ob.example.org/openboxes/dashboard' })?.[0]).toMatch(/Not the address of/);
	});
});

describe('OpenBoxes operations read the picked record, or a plain value', () => {
	const values: Array<[string, IDataObject | GenericValue]> = [
		['picked from the list', { __rl: true, mode: 'list', value: ID }],
		['typed By ID', { __rl: true, mode: 'id', value: ` ${ID} ` }],
		['a plain value, as saved workflows and expressions give it', ID],
	];

	it.each(values)('Purchase Order > Get and Rollback: %s', async (_how, purchaseOrderId) => {
		expect((await run('purchaseOrder', { operation: 'get', purchaseOrderId }))[0].options.url).toBe(`${BASE}/purchaseOrders/${ID}`);
		expect((await run('purchaseOrder', { operation: 'rollback', purchaseOrderId }, () => ''))[0].options.url).toBe(`${BASE}/purchaseOrders/${ID}/rollback`);
	});

	it.each(values)('Stock Movement > Get and Delete: %s', async (_how, stockMovementId) => {
		expect((await run('stockMovement', { operation: 'get', stockMovementId }))[0].options.url).toBe(`${BASE}/stockMovements/${ID}`);
		expect((await run('stockMovement', { operation: 'delete', stockMovementId }, () => ''))[0].options).toMatchObject({
			method: 'DELETE',
			url: `${BASE}/stockMovements/${ID}`,
		});
	});

	it('an empty picker is refused before any request, naming the field', async () => {
		const mock = mockExecuteFunctions({
			parameters: { resource: 'stockMovement', operation: 'get', stockMovementId: { __rl: true, mode: 'list', value: '' } },
			credentials,
		});
		await expect(runOperations.call(mock.context, { stockMovement: stockMovement.operations })).rejects.toThrow('Stock Movement is required');
		expect(mock.calls).toHaveLength(0);
	});
});

describe('OpenBoxes Put-Away ID', () => {
	it('stays a text field (no API list of saved put-aways) that says where the ID is found', () => {
		const found = pickers(putAway, 'putAwayId');
		expect(found.flatMap((p) => p.displayOptions?.show?.operation ?? []).sort()).toEqual(['complete', 'get']);
		for (const property of found) {
			expect(property).toMatchObject({ type: 'string', required: true, placeholder: `e.g. ${ID}` });
			expect(property.hint).toMatch(/Put-Away Create/);
		}
	});
});
