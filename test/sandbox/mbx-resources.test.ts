/**
 * The MBX sandbox's read-only resources over real HTTP: customer catalog items, inventories,
 * invoices and ship methods (list envelope, q, get by id, 404s, isolation), and 405 for every verb
 * an endpoint does not support.
 */
import { MBX_DEMO, MBX_OTHER_ORG, MbxSandbox } from './mbx/server';
import { mbxClient, q } from './mbx/testClient';
import type { Json } from '../helpers/json';

const sandbox = new MbxSandbox();
const api = mbxClient(() => sandbox.url, MBX_DEMO);
const otherApi = mbxClient(() => sandbox.url, MBX_OTHER_ORG);

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

afterEach(() => {
	sandbox.reset();
});

/** Every row of a list endpoint, paging with q limit/offset. */
async function listAll(call: typeof api, path: string, filters?: Record<string, unknown>): Promise<Json[]> {
	const rows: Json[] = [];
	for (let offset = 0; ; offset += 100) {
		const res = await call('GET', path + q({ limit: 100, offset, ...filters }));
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual(['count', 'total_results', 'offset', 'results']);
		if (res.json.count === 0) return rows;
		rows.push(...res.json.results);
	}
}

describe('customer_catalog_items', () => {
	it('has one catalog item per demo item, with the documented fields', async () => {
		const rows = await listAll(api, '/v2/customer_catalog_items');
		expect(rows).toHaveLength(1200);
		expect(rows).toEqual(sandbox.catalogItems());
		expect(new Set(rows.map((r) => r.item_id))).toEqual(new Set(sandbox.items().map((i) => i.id)));
		for (const row of rows.slice(0, 50)) {
			expect(Object.keys(row)).toEqual(['id', 'customer_sku', 'price', 'item_id']);
			expect(row.price).toBeGreaterThan(0);
			expect(Math.round(row.price * 100) / 100).toBe(row.price);
		}
	});

	it('gets one by id, filters on item_id and 404s unknown ids', async () => {
		const row = sandbox.catalogItems()[7];
		const res = await api('GET', `/v2/customer_catalog_items/${row.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual(row);
		const filtered = await api('GET', '/v2/customer_catalog_items' + q({ item_id: row.item_id }));
		expect(filtered.json).toEqual({ count: 1, total_results: 1, offset: 0, results: [row] });
		const missing = await api('GET', '/v2/customer_catalog_items/1');
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ errors: ["Couldn't find CustomerCatalogItem with 'id'=1"] });
	});

	it("shows each organization only its own catalog", async () => {
		const rows = await listAll(otherApi, '/v2/customer_catalog_items');
		expect(rows).toEqual(sandbox.catalogItems(MBX_OTHER_ORG.organizationId));
		expect(rows).toHaveLength(30);
		const demoRow = sandbox.catalogItems()[0];
		expect((await otherApi('GET', `/v2/customer_catalog_items/${demoRow.id}`)).status).toBe(404);
	});
});

describe('inventories', () => {
	const FIELDS = [
		'id',
		'item_id',
		'inventory_location_id',
		'quantity_on_hand',
		'quantity_allocated',
		'quantity_on_order',
		'average_cost',
		'last_cost',
		'reorder_level',
		'order_up_to_level',
		'lead_time',
		'created_at',
		'updated_at',
	];

	it('has one inventory per demo item, with the fields of the documented response', async () => {
		const page = await api('GET', '/v2/inventories' + q({ limit: 100 }));
		expect(page.json.total_results).toBe(1200);
		for (const row of page.json.results) {
			expect(Object.keys(row).sort()).toEqual([...FIELDS].sort());
			expect(row.quantity_allocated).toBeLessThanOrEqual(row.quantity_on_hand);
			expect(row.lead_time === null || Number.isInteger(row.lead_time)).toBe(true);
			expect(Date.parse(row.updated_at)).toBeGreaterThanOrEqual(Date.parse(row.created_at));
		}
		const itemIds = sandbox.inventories().map((i) => i.item_id);
		expect(new Set(itemIds)).toEqual(new Set(sandbox.items().map((i) => i.id)));
	});

	it('gets by id, filters on location and null lead time, and keeps organizations apart', async () => {
		const row = sandbox.inventories()[3];
		expect((await api('GET', `/v2/inventories/${row.id}`)).json).toEqual(row);
		const missing = await api('GET', '/v2/inventories/7');
		expect(missing.json).toEqual({ errors: ["Couldn't find Inventory with 'id'=7"] });

		const expected = sandbox.inventories().filter((i) => i.inventory_location_id === 2 && i.lead_time === null);
		const filtered = await listAll(api, '/v2/inventories', { inventory_location_id: 2, lead_time: null });
		expect(filtered).toEqual(expected);
		expect(filtered.length).toBeGreaterThan(0);

		expect((await otherApi('GET', `/v2/inventories/${row.id}`)).status).toBe(404);
		const other = await otherApi('GET', '/v2/inventories' + q({ limit: 100 }));
		expect(other.json.total_results).toBe(30);
	});
});

describe('invoices', () => {
	it('has about 150 invoices, one per shipped demo order, matching the order\'s invoice number', async () => {
		const rows = await listAll(api, '/v2/invoices');
		expect(rows).toHaveLength(150);
		expect(rows).toEqual(sandbox.invoices());
		const orders = new Map(sandbox.orders().map((o) => [o.id, o]));
		for (const invoice of rows) {
			expect(Object.keys(invoice)).toEqual(['id', 'order_id', 'billed_at', 'total', 'created_at', 'updated_at']);
			const order = orders.get(invoice.order_id)!;
			expect(order.status).toBe('shipped');
			expect(order.invoices).toEqual([{ invoice_number: invoice.id }]);
			expect(invoice.total).toBeGreaterThan(0);
		}
	});

	it('gets by id, filters on order_id and keeps organizations apart', async () => {
		const invoice = sandbox.invoices()[10];
		expect((await api('GET', `/v2/invoices/${invoice.id}`)).json).toEqual(invoice);
		const byOrder = await api('GET', '/v2/invoices' + q({ order_id: invoice.order_id }));
		expect(byOrder.json.results).toEqual([invoice]);
		const missing = await api('GET', '/v2/invoices/abc');
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ errors: ["Couldn't find Invoice with 'id'=abc"] });

		const other = await listAll(otherApi, '/v2/invoices');
		expect(other).toEqual(sandbox.invoices(MBX_OTHER_ORG.organizationId));
		expect(other).toHaveLength(3);
		expect((await otherApi('GET', `/v2/invoices/${invoice.id}`)).status).toBe(404);
	});
});

describe('ship_methods', () => {
	it('lists the 25 ship methods, the same for every organization', async () => {
		const page = await api('GET', '/v2/ship_methods' + q({ limit: 100 }));
		expect(page.json.total_results).toBe(25);
		expect(page.json.results).toEqual(sandbox.shipMethods());
		expect(page.json.results.map((m: Json) => m.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
		for (const m of page.json.results) expect(Object.keys(m)).toEqual(['id', 'name', 'description', 'carrier']);
		const names = page.json.results.map((m: Json) => m.name);
		for (const name of ['FedEx Ground', 'UPS Worldwide Express', 'DHL Express', 'Freight LTL', 'Customer Pickup']) {
			expect(names).toContain(name);
		}
		expect((await otherApi('GET', '/v2/ship_methods' + q({ limit: 100 }))).json).toEqual(page.json);
	});

	it('gets the ids the vendor doc uses and filters on carrier', async () => {
		const canada = await api('GET', '/v2/ship_methods/24');
		expect(canada.json).toEqual({
			id: 24,
			name: 'FedEx Ground Canada',
			description: expect.any(String),
			carrier: 'FedEx',
		});
		expect((await api('GET', '/v2/ship_methods/12')).status).toBe(200);
		const missing = await api('GET', '/v2/ship_methods/26');
		expect(missing.json).toEqual({ errors: ["Couldn't find ShipMethod with 'id'=26"] });
		const dhl = await api('GET', '/v2/ship_methods' + q({ carrier: 'DHL' }));
		expect(dhl.json.total_results).toBe(2);
	});
});

describe('unsupported verbs', () => {
	it.each([
		['POST', '/v2/countries', 'GET'],
		['PUT', '/v2/countries/1', 'GET'],
		['DELETE', '/v2/items/100001', 'GET'],
		['POST', '/v2/customer_catalog_items', 'GET'],
		['PUT', '/v2/inventories/22001', 'GET'],
		['DELETE', '/v2/invoices/123001', 'GET'],
		['POST', '/v2/invoices', 'GET'],
		['POST', '/v2/ship_methods', 'GET'],
		['POST', '/v2/automation_task_types', 'GET'],
		['DELETE', '/v2/automation_queues/510001', 'GET'],
		['PUT', '/v2/serial_data/990001', 'GET'],
		['GET', '/v2/automation_tasks', 'PUT'],
		['POST', '/v2/automation_tasks', 'PUT'],
		['POST', '/v2/automation_tasks/details.csv', 'GET'],
		['PUT', '/v2/authenticate', 'GET, POST'],
	])('%s %s answers 405 (Allow: %s) once authenticated', async (method, path, allow) => {
		const res = await api(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe(allow);
		expect(res.json).toEqual({ errors: ['Method not allowed'] });

		const anonymous = await fetch(`${sandbox.url}${path}`, { method });
		expect(anonymous.status).toBe(401);
	});

	it('still answers 404 for paths that are not routes at all', async () => {
		for (const path of ['/v2/orders', '/v2/automation_tasks/1', '/v2/invoices/1/lines']) {
			const res = await api('GET', path);
			expect(res.status).toBe(404);
			expect(res.json).toEqual({ errors: ['Not found'] });
		}
	});
});
