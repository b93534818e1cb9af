/**
 * MBX customer order submissions over real HTTP: strict create/update/delete, the status
 * progression tests drive (pending -> released -> shipped), invoices created on shipping, the
 * order-update webhook, seeded data and isolation between organizations.
 */
import { MBX_DEMO, MBX_OTHER_ORG, MbxSandbox, MbxSandboxError, type MbxOrder } from './mbx/server';
import { mbxClient, q, WebhookReceiver } from './mbx/testClient';
import type { Json } from '../helpers/json';
import { MBX_DOCS_RECIPIENT } from '../fixtures/mbxDocsRecipient';

const sandbox = new MbxSandbox();
const api = mbxClient(() => sandbox.url, MBX_DEMO);
const otherApi = mbxClient(() => sandbox.url, MBX_OTHER_ORG);
const ORDERS = '/v2/customer_order_submissions';

async function control(action: string, body?: unknown, method = 'POST'): Promise<{ status: number; json: Json }> {
	const res = await fetch(`${sandbox.url}/__sandbox/${action}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

// Items from index 100 on: their names (product codes) cannot exist in the other org's 30 items.
const serializedItem = () => sandbox.items().slice(100).find((i) => i.serialized)!;
const plainItem = () => sandbox.items().slice(100).find((i) => !i.serialized)!;

const recipient = MBX_DOCS_RECIPIENT;

/** The vendor doc's example POST body, made valid for the demo org. */
function orderBody(overrides: Record<string, unknown> = {}): Record<string, Json> {
	return {
		organization_id: MBX_DEMO.organizationId,
		purchase_order: 'PO-TEST-0001',
		customer_order: 'MBX-01234-56789',
		ship_method_id: 12,
		ship_account: '333444555',
		notes: '',
		customer_rma_case: '',
		recipient: { ...recipient },
		importer_of_record: {
			name: 'Max Power',
			company: 'Generic Inc.',
			email: null,
			phone: '1-555-555-1234',
			address_1: '123 Main Street',
			address_2: 'Unit 10',
			address_3: null,
			city: 'Mississauga',
			state: 'ON',
			zip: 'L5L 123',
			country: 'CA',
		},
		duties_and_taxes_account: 10000000,
		lines: [
			{ product_code: serializedItem().name, quantity: 2, customs_declared_value: 123.4 },
			{ product_code: plainItem().name, quantity: 1, customs_declared_value: 123.4 },
		],
		...overrides,
	};
}

async function createOrder(overrides: Record<string, unknown> = {}): Promise<MbxOrder> {
	const res = await api('POST', ORDERS, orderBody(overrides));
	expect(res.status).toBe(201);
	return res.json as MbxOrder;
}

const ORDER_KEYS = [
	'id',
	'organization_id',
	'purchase_order',
	'customer_order',
	'ship_method_id',
	'ship_method',
	'ship_account',
	'end_user_po',
	'end_user_name',
	'end_user_order_dt',
	'notes',
	'customer_rma_case',
	'customer_data',
	'recipient',
	'importer_of_record',
	'duties_and_taxes_account',
	'status',
	'lines',
	'promise_date',
	'created_at',
	'updated_at',
];
const SHIPPED_ORDER_KEYS = [...ORDER_KEYS.slice(0, 16), 'invoices', 'tracking_numbers', ...ORDER_KEYS.slice(16)];

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

afterEach(() => {
	sandbox.reset();
});

describe('creating orders', () => {
	it('creates a pending order (201) in the vendor response shape, without invoices or tracking numbers', async () => {
		const before = sandbox.orders().length;
		const res = await api('POST', ORDERS, orderBody());
		expect(res.status).toBe(201);
		const order = res.json as MbxOrder;
		expect(Object.keys(order)).toEqual(ORDER_KEYS);
		expect(order).not.toHaveProperty('invoices');
		expect(order).not.toHaveProperty('tracking_numbers');
		expect(order).toMatchObject({
			organization_id: MBX_DEMO.organizationId,
			purchase_order: 'PO-TEST-0001',
			customer_order: 'MBX-01234-56789',
			ship_method_id: 12,
			ship_method: 'UPS Standard',
			ship_account: '333444555',
			end_user_po: null,
			notes: '',
			customer_rma_case: '',
			recipient,
			duties_and_taxes_account: 10000000,
			status: 'pending',
			promise_date: null,
		});
		expect(order.lines).toEqual([
			{ product_code: serializedItem().name, quantity: 2, customs_declared_value: 123.4, serial_numbers: [] },
			{ product_code: plainItem().name, quantity: 1, customs_declared_value: 123.4, serial_numbers: [] },
		]);
		expect(Number.isInteger(order.id)).toBe(true);
		expect(order.id).toBeGreaterThan(Math.max(...sandbox.orders().filter((o) => o.id !== order.id).map((o) => o.id)));
		expect(order.created_at).toBe(order.updated_at);
		expect(Date.parse(order.created_at)).toBeGreaterThan(Date.parse('2025-06-30T00:00:00Z'));

		const fetched = await api('GET', `${ORDERS}/${order.id}`);
		expect(fetched.status).toBe(200);
		expect(fetched.json).toEqual(order);
		expect(sandbox.orders()).toHaveLength(before + 1);
	});

	it('fills omitted optional fields with null, in a fixed address key order', async () => {
		const minimal = {
			organization_id: MBX_DEMO.organizationId,
			purchase_order: 'PO-MIN-1',
			customer_order: 'SO-MIN-1',
			ship_method_id: 1,
			recipient: { country: 'US', city: 'Austin', address_1: '1 Main St', name: 'Pat Doe' },
			lines: [{ product_code: plainItem().name, quantity: 1, customs_declared_value: 0 }],
		};
		const res = await api('POST', ORDERS, minimal);
		expect(res.status).toBe(201);
		expect(res.json).toMatchObject({
			ship_account: null,
			end_user_po: null,
			end_user_name: null,
			end_user_order_dt: null,
			notes: null,
			customer_rma_case: null,
			customer_data: null,
			importer_of_record: null,
			duties_and_taxes_account: null,
			promise_date: null,
		});
		expect(res.json.recipient).toEqual({
			name: 'Pat Doe',
			company: null,
			email: null,
			phone: null,
			address_1: '1 Main St',
			address_2: null,
			address_3: null,
			city: 'Austin',
			state: null,
			zip: null,
			country: 'US',
		});
		expect(Object.keys(res.json.recipient)).toEqual(Object.keys(recipient));
	});

	it('stores the promise date, end user fields and customer data it is given, and renders them on GET', async () => {
		const res = await api(
			'POST',
			ORDERS,
			orderBody({
				promise_date: '2026-12-15',
				end_user_po: '0123456789',
				end_user_name: 'Jane L. Doe',
				end_user_order_dt: '2015-04-30T14:36:13.073726',
				customer_data: '{"crm_id":"A-1001"}',
			}),
		);
		expect(res.status).toBe(201);
		const expected = {
			promise_date: '2026-12-15',
			end_user_po: '0123456789',
			end_user_name: 'Jane L. Doe',
			end_user_order_dt: '2015-04-30T14:36:13.073726',
			customer_data: '{"crm_id":"A-1001"}',
		};
		expect(res.json).toMatchObject(expected);
		const fetched = await api('GET', `${ORDERS}/${res.json.id}`);
		expect(fetched.json).toMatchObject(expected);
		expect(Object.keys(fetched.json)).toEqual(ORDER_KEYS);
	});

	it.each([
		['2026-11-24', '2026-11-24T00:00:00.000000'],
		['2026-11-24T14:30', '2026-11-24T14:30:00.000000'],
		['2026-11-24T14:30:05.5', '2026-11-24T14:30:05.500000'],
		['2026-11-24T23:30:00-05:00', '2026-11-25T04:30:00.000000'],
		['2026-11-24T14:30:00Z', '2026-11-24T14:30:00.000000'],
	])('reads end_user_order_dt %s as a datetime and renders it as %s', async (given, rendered) => {
		const res = await api('POST', ORDERS, orderBody({ end_user_order_dt: given }));
		expect(res.status).toBe(201);
		expect(res.json.end_user_order_dt).toBe(rendered);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['a promise date with a time', { promise_date: '2026-11-24T10:00:00' }, 'promise_date must be a date (YYYY-MM-DD)'],
		['a promise date that is no day', { promise_date: '2026-02-30' }, 'promise_date must be a date (YYYY-MM-DD)'],
		['a promise date in US form', { promise_date: '11/24/2026' }, 'promise_date must be a date (YYYY-MM-DD)'],
		['a promise date as a number', { promise_date: 20261124 }, 'promise_date must be a date (YYYY-MM-DD)'],
		['an end user order date that is no date', { end_user_order_dt: 'yesterday' }, 'end_user_order_dt must be a date and time (ISO 8601, e.g. 2015-04-30T14:36:13)'],
		['an end user order date at 25 o’clock', { end_user_order_dt: '2026-11-24T25:00:00' }, 'end_user_order_dt must be a date and time (ISO 8601, e.g. 2015-04-30T14:36:13)'],
		['customer data as an object', { customer_data: { crm_id: 'A-1001' } }, 'customer_data must be a string'],
		['an end user PO as a number', { end_user_po: 123 }, 'end_user_po must be a string'],
		['an end user name of 256 characters', { end_user_name: 'n'.repeat(256) }, 'end_user_name is too long (maximum is 255 characters)'],
	])('rejects %s with 422', async (_name, overrides, expected) => {
		const before = sandbox.orders();
		const res = await api('POST', ORDERS, orderBody(overrides));
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ errors: [expected] });
		expect(sandbox.orders()).toEqual(before);
	});

	it('accepts address lines of exactly 35 characters', async () => {
		const line = 'x'.repeat(35);
		const res = await api('POST', ORDERS, orderBody({ recipient: { ...recipient, address_1: line, address_3: line } }));
		expect(res.status).toBe(201);
		expect(res.json.recipient.address_1).toBe(line);
	});

	// Each case changes one thing in the valid body (undefined drops the key from the JSON).
	const to = (patch: Record<string, unknown>) => () => ({ recipient: { ...recipient, ...patch } });
	const line = (patch: Record<string, unknown>) => () => ({
		lines: [{ product_code: plainItem().name, quantity: 1, customs_declared_value: 10, ...patch }],
	});
	const tooLong = (path: string) => `${path} is too long (maximum is 35 characters)`;
	const badCountry = 'recipient.country is not a known ISO country code';
	const badQuantity = 'lines[0].quantity must be a whole number of 1 or more';
	const noShipMethod = 'ship_method_id must be the id of an existing ship method';
	const unknownProduct = 'lines[0].product_code is not a known product code';
	const badValue = 'lines[0].customs_declared_value must be a number of 0 or more';
	const noValue = "lines[0].customs_declared_value can't be blank";
	it.each<[string, () => Record<string, unknown>, string]>([
		['a 36-character address line', to({ address_1: 'y'.repeat(36) }), tooLong('recipient.address_1')],
		[
			'a 36-character importer address_2',
			() => ({ importer_of_record: { ...orderBody().importer_of_record, address_2: 'z'.repeat(36) } }),
			tooLong('importer_of_record.address_2'),
		],
		['an unknown country', to({ country: 'XX' }), badCountry],
		['a lowercase country', to({ country: 'ca' }), badCountry],
		['a country name', to({ country: 'Canada' }), badCountry],
		['a missing recipient name', to({ name: undefined }), "recipient.name can't be blank"],
		['a blank recipient city', to({ city: '  ' }), "recipient.city can't be blank"],
		['a missing recipient', () => ({ recipient: undefined }), "recipient can't be blank"],
		['a recipient that is not an object', () => ({ recipient: 'John' }), 'recipient must be an object'],
		['an unknown address attribute', to({ street: 'x' }), 'recipient.street is not a known attribute'],
		['an unknown ship method', () => ({ ship_method_id: 999 }), noShipMethod],
		['a ship method id as a string', () => ({ ship_method_id: '12' }), 'ship_method_id must be an integer'],
		['a missing ship method', () => ({ ship_method_id: undefined }), "ship_method_id can't be blank"],
		['an unknown product code', line({ product_code: 'No Such Product' }), unknownProduct],
		['quantity 0', line({ quantity: 0 }), badQuantity],
		['a fractional quantity', line({ quantity: 1.5 }), badQuantity],
		['a quantity as a string', line({ quantity: '2' }), badQuantity],
		['a missing quantity', line({ quantity: undefined }), "lines[0].quantity can't be blank"],
		['a negative customs value', line({ customs_declared_value: -1 }), badValue],
		['a missing customs value', line({ customs_declared_value: undefined }), noValue],
		['an unknown line attribute', line({ sku: 'x' }), 'lines[0].sku is not a known attribute'],
		['a line that is not an object', () => ({ lines: ['x'] }), 'lines[0] must be an object'],
		['no lines', () => ({ lines: [] }), "lines can't be blank"],
		['lines that are not an array', () => ({ lines: { product_code: 'x' } }), 'lines must be an array'],
		[
			'the wrong organization_id',
			() => ({ organization_id: MBX_OTHER_ORG.organizationId }),
			'organization_id does not match the authenticated organization',
		],
		['a missing organization_id', () => ({ organization_id: undefined }), "organization_id can't be blank"],
		['a missing purchase_order', () => ({ purchase_order: undefined }), "purchase_order can't be blank"],
		['a numeric purchase_order', () => ({ purchase_order: 56789 }), 'purchase_order must be a string'],
		['a blank customer_order', () => ({ customer_order: '' }), "customer_order can't be blank"],
		['a misspelt attribute', () => ({ ship_acount: '1' }), 'ship_acount is not a known attribute'],
		[
			'a fractional duties account',
			() => ({ duties_and_taxes_account: 1.5 }),
			'duties_and_taxes_account must be a string or a whole number',
		],
	])('rejects %s with 422 and the exact message', async (_name, overrides, expected) => {
		const before = sandbox.orders();
		const res = await api('POST', ORDERS, orderBody(overrides()));
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ errors: [expected] });
		expect(sandbox.orders()).toEqual(before);
	});

	it('lists every problem at once, in field order', async () => {
		const res = await api(
			'POST',
			ORDERS,
			orderBody({
				organization_id: 1,
				ship_method_id: 999,
				recipient: { ...recipient, name: null, address_1: 'a'.repeat(40), country: 'ZZ' },
				lines: [
					{ product_code: plainItem().name, quantity: 0, customs_declared_value: 1 },
					{ product_code: 'Nope', quantity: 1, customs_declared_value: -2 },
				],
			}),
		);
		expect(res.status).toBe(422);
		expect(res.json.errors).toEqual([
			'organization_id does not match the authenticated organization',
			'ship_method_id must be the id of an existing ship method',
			"recipient.name can't be blank",
			'recipient.address_1 is too long (maximum is 35 characters)',
			'recipient.country is not a known ISO country code',
			'lines[0].quantity must be a whole number of 1 or more',
			'lines[1].product_code is not a known product code',
			'lines[1].customs_declared_value must be a number of 0 or more',
		]);
	});

	it('rejects a duplicate purchase_order of the same organization, seeded or new', async () => {
		await createOrder();
		const again = await api('POST', ORDERS, orderBody({ customer_order: 'another' }));
		expect(again.status).toBe(422);
		expect(again.json).toEqual({ errors: ['purchase_order has already been taken'] });

		const seededPo = sandbox.orders()[0].purchase_order;
		const seeded = await api('POST', ORDERS, orderBody({ purchase_order: seededPo }));
		expect(seeded.status).toBe(422);
		expect(seeded.json).toEqual({ errors: ['purchase_order has already been taken'] });
		expect(sandbox.orders().filter((o) => o.purchase_order === 'PO-TEST-0001')).toHaveLength(1);
	});

	it('takes a duplicate purchase_order when uniquePurchaseOrders is off (MBX documents no such rule)', async () => {
		sandbox.configure({ uniquePurchaseOrders: false });
		await createOrder();
		const again = await api('POST', ORDERS, orderBody({ customer_order: 'another' }));
		expect(again.status).toBe(201);
		expect(sandbox.orders().filter((o) => o.purchase_order === 'PO-TEST-0001')).toHaveLength(2);
		sandbox.configure({ uniquePurchaseOrders: true });
	});

	it('keeps purchase orders unique per organization only', async () => {
		await createOrder();
		const otherItem = sandbox.items(MBX_OTHER_ORG.organizationId)[0];
		const res = await otherApi(
			'POST',
			ORDERS,
			orderBody({
				organization_id: MBX_OTHER_ORG.organizationId,
				lines: [{ product_code: otherItem.name, quantity: 1, customs_declared_value: 5 }],
			}),
		);
		expect(res.status).toBe(201);
		expect(res.json.organization_id).toBe(MBX_OTHER_ORG.organizationId);
	});

	it.each([
		['not JSON', '{"purchase_order": '],
		['a JSON array', '[]'],
		['a JSON string', '"order"'],
		['empty', ''],
	])('answers 400 when the body is %s', async (_name, body) => {
		const res = await api('POST', ORDERS, body);
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ errors: ['Request body must be a JSON object'] });
	});
});

describe('listing and reading orders', () => {
	it('seeds about 300 demo orders across statuses; only shipped ones carry invoices and tracking', () => {
		const orders = sandbox.orders();
		expect(orders).toHaveLength(300);
		const byStatus = (s: string) => orders.filter((o) => o.status === s);
		expect(byStatus('shipped')).toHaveLength(150);
		expect(byStatus('released').length).toBeGreaterThan(0);
		expect(byStatus('pending').length).toBeGreaterThan(0);
		expect(byStatus('shipped').length + byStatus('released').length + byStatus('pending').length).toBe(300);
		for (const order of orders) {
			if (order.status === 'shipped') {
				expect(Object.keys(order)).toEqual(SHIPPED_ORDER_KEYS);
				expect(order.invoices).toHaveLength(1);
				expect(order.tracking_numbers).toHaveLength(order.lines.length);
			} else {
				expect(Object.keys(order)).toEqual(ORDER_KEYS);
				for (const line of order.lines) expect(line.serial_numbers).toEqual([]);
			}
			for (const address of [order.recipient, order.importer_of_record]) {
				if (!address) continue;
				for (const line of [address.address_1, address.address_2, address.address_3]) {
					expect((line ?? '').length).toBeLessThanOrEqual(35);
				}
			}
		}
		const serials = byStatus('shipped').flatMap((o) => o.lines.flatMap((l) => l.serial_numbers));
		expect(serials.length).toBeGreaterThan(0);
		expect(new Set(serials).size).toBe(serials.length);
		expect(new Set(orders.map((o) => o.purchase_order)).size).toBe(300);
	});

	it('seeds several orders that share the same updated_at, and is deterministic', () => {
		const counts = new Map<string, number>();
		for (const o of sandbox.orders()) counts.set(o.updated_at, (counts.get(o.updated_at) ?? 0) + 1);
		const shared = [...counts.values()].filter((n) => n > 1);
		expect(shared.length).toBeGreaterThanOrEqual(5);
		expect(Math.max(...shared)).toBeGreaterThanOrEqual(3);
		expect(new MbxSandbox().orders()).toEqual(sandbox.orders());
	});

	it('filters with top-level q keys on status and purchase_order, case-sensitively, and pages', async () => {
		const shipped = await api('GET', ORDERS + q({ limit: 100, status: 'shipped' }));
		expect(shipped.status).toBe(200);
		expect(shipped.json).toMatchObject({ count: 100, total_results: 150, offset: 0 });
		for (const o of shipped.json.results) expect(o.status).toBe('shipped');

		const capitalised = await api('GET', ORDERS + q({ status: 'Shipped' }));
		expect(capitalised.json.total_results).toBe(0);

		const target = sandbox.orders()[42];
		const byPo = await api('GET', ORDERS + q({ purchase_order: target.purchase_order }));
		expect(byPo.json).toEqual({ count: 1, total_results: 1, offset: 0, results: [target] });

		const tail = await api('GET', ORDERS + q({ limit: 100, offset: 250 }));
		expect(tail.json).toMatchObject({ count: 50, total_results: 300, offset: 250 });

		const bad = await api('GET', ORDERS + q({ recipient: 'x' }));
		expect(bad.status).toBe(400);
		expect(bad.json.errors).toEqual([expect.stringMatching(/^Invalid q parameter: unknown key 'recipient' \(expected limit, offset or a field: id, /)]);
		// The `filters` wrapper is not in MBX's documents: a strict server does not know that key.
		const wrapped = await api('GET', ORDERS + q({ filters: { status: 'shipped' } }));
		expect(wrapped.status).toBe(400);
		expect(wrapped.json.errors).toEqual([expect.stringMatching(/^Invalid q parameter: unknown key 'filters'/)]);
	});

	it("answers 404 with Rails' message for an unknown id", async () => {
		const res = await api('GET', `${ORDERS}/999999`);
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ errors: ["Couldn't find CustomerOrderSubmission with 'id'=999999"] });
	});
});

describe('updating and deleting orders', () => {
	it('applies a partial update while pending, validates it the same way and bumps updated_at', async () => {
		const order = await createOrder();
		const res = await api('PUT', `${ORDERS}/${order.id}`, { notes: 'Leave at dock 3', ship_method_id: 24 });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			...order,
			notes: 'Leave at dock 3',
			ship_method_id: 24,
			ship_method: 'FedEx Ground Canada',
			updated_at: res.json.updated_at,
		});
		expect(Date.parse(res.json.updated_at)).toBeGreaterThan(Date.parse(order.updated_at));

		const invalid = await api('PUT', `${ORDERS}/${order.id}`, {
			recipient: { ...recipient, address_2: 'w'.repeat(36) },
			lines: [{ product_code: plainItem().name, quantity: 0, customs_declared_value: 1 }],
			purchase_order: '',
		});
		expect(invalid.status).toBe(422);
		expect(invalid.json.errors).toEqual([
			"purchase_order can't be blank",
			'recipient.address_2 is too long (maximum is 35 characters)',
			'lines[0].quantity must be a whole number of 1 or more',
		]);
		expect(sandbox.order(order.id)).toEqual(res.json);

		// Keeping its own purchase order is not a duplicate; a save that changes nothing keeps updated_at.
		const same = await api('PUT', `${ORDERS}/${order.id}`, { purchase_order: 'PO-TEST-0001', notes: 'Leave at dock 3' });
		expect(same.status).toBe(200);
		expect(same.json.updated_at).toBe(res.json.updated_at);

		const taken = await api('PUT', `${ORDERS}/${order.id}`, { purchase_order: sandbox.orders()[0].purchase_order });
		expect(taken.status).toBe(422);
		expect(taken.json).toEqual({ errors: ['purchase_order has already been taken'] });

		const wrongOrg = await api('PUT', `${ORDERS}/${order.id}`, { organization_id: 42 });
		expect(wrongOrg.json).toEqual({ errors: ['organization_id does not match the authenticated organization'] });
	});

	it('sets and clears the promise date, end user fields and customer data on update', async () => {
		const order = await createOrder();
		const set = await api('PUT', `${ORDERS}/${order.id}`, {
			promise_date: '2027-01-05',
			end_user_po: 'EU-77',
			end_user_name: 'Jane L. Doe',
			end_user_order_dt: '2026-12-01T09:15:00',
			customer_data: 'crm A-1001',
		});
		expect(set.status).toBe(200);
		expect(set.json).toMatchObject({
			promise_date: '2027-01-05',
			end_user_po: 'EU-77',
			end_user_name: 'Jane L. Doe',
			end_user_order_dt: '2026-12-01T09:15:00.000000',
			customer_data: 'crm A-1001',
		});
		expect((await api('GET', `${ORDERS}/${order.id}`)).json.promise_date).toBe('2027-01-05');

		const bad = await api('PUT', `${ORDERS}/${order.id}`, { promise_date: '2027-13-01' });
		expect(bad.json).toEqual({ errors: ['promise_date must be a date (YYYY-MM-DD)'] });

		const cleared = await api('PUT', `${ORDERS}/${order.id}`, { promise_date: null, end_user_order_dt: null, customer_data: '' });
		expect(cleared.status).toBe(200);
		expect(cleared.json).toMatchObject({ promise_date: null, end_user_order_dt: null, customer_data: '', end_user_po: 'EU-77' });
	});

	it('replaces lines and addresses whole on update', async () => {
		const order = await createOrder();
		const lines = [{ product_code: serializedItem().name, quantity: 5, customs_declared_value: 9.99 }];
		const res = await api('PUT', `${ORDERS}/${order.id}`, { lines, importer_of_record: null });
		expect(res.status).toBe(200);
		expect(res.json.lines).toEqual([{ ...lines[0], serial_numbers: [] }]);
		expect(res.json.importer_of_record).toBeNull();
	});

	it('refuses updates and deletes once an order is released or shipped', async () => {
		const order = await createOrder();
		await sandbox.advanceOrder(order.id);
		const update = await api('PUT', `${ORDERS}/${order.id}`, { notes: 'too late' });
		expect(update.status).toBe(422);
		expect(update.json).toEqual({ errors: [`Order ${order.id} can no longer be changed: it is released`] });
		const del = await api('DELETE', `${ORDERS}/${order.id}`);
		expect(del.status).toBe(422);
		expect(del.json).toEqual({ errors: [`Order ${order.id} can no longer be deleted: it is released`] });

		const shipped = sandbox.orders().find((o) => o.status === 'shipped')!;
		const late = await api('PUT', `${ORDERS}/${shipped.id}`, { notes: 'x' });
		expect(late.json).toEqual({ errors: [`Order ${shipped.id} can no longer be changed: it is shipped`] });
		expect(sandbox.order(order.id)!.notes).toBe('');
	});

	it('deletes a pending order (200 with the order), after which it is gone and its PO is free', async () => {
		const order = await createOrder();
		const res = await api('DELETE', `${ORDERS}/${order.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual(order);
		const gone = await api('GET', `${ORDERS}/${order.id}`);
		expect(gone.status).toBe(404);
		expect(gone.json).toEqual({ errors: [`Couldn't find CustomerOrderSubmission with 'id'=${order.id}`] });
		expect((await api('DELETE', `${ORDERS}/${order.id}`)).status).toBe(404);
		await createOrder();
	});
});

describe('status progression', () => {
	it('advances pending -> released -> shipped over the control API, adding invoices, tracking and serials', async () => {
		const order = await createOrder();
		const released = await control(`orders/${order.id}/advance`);
		expect(released.status).toBe(200);
		expect(released.json.status).toBe('released');
		expect(released.json.promise_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(Object.keys(released.json)).toEqual(ORDER_KEYS);
		expect(Date.parse(released.json.updated_at)).toBeGreaterThan(Date.parse(order.updated_at));
		expect((await api('GET', `${ORDERS}/${order.id}`)).json).toEqual(released.json);

		const invoicesBefore = sandbox.invoices().length;
		const shipped = await control(`orders/${order.id}/advance`);
		expect(shipped.status).toBe(200);
		const body = shipped.json as MbxOrder;
		expect(Object.keys(body)).toEqual(SHIPPED_ORDER_KEYS);
		expect(body.status).toBe('shipped');
		expect(Date.parse(body.updated_at)).toBeGreaterThan(Date.parse(released.json.updated_at));
		expect(body.lines[0].serial_numbers).toHaveLength(2);
		expect(new Set(body.lines[0].serial_numbers).size).toBe(2);
		expect(body.lines[1].serial_numbers).toEqual([]);
		expect(body.tracking_numbers).toEqual([
			{ tracking_number: expect.stringMatching(/^1Z[0-9A-Z]{16}$/), weight: expect.any(Number) },
			{ tracking_number: expect.stringMatching(/^1Z[0-9A-Z]{16}$/), weight: expect.any(Number) },
		]);
		expect(body.invoices).toEqual([{ invoice_number: expect.any(Number) }]);

		const invoiceId = body.invoices![0].invoice_number;
		expect(sandbox.invoices()).toHaveLength(invoicesBefore + 1);
		const invoice = await api('GET', `/v2/invoices/${invoiceId}`);
		expect(invoice.status).toBe(200);
		const prices = new Map(sandbox.catalogItems().map((c) => [c.item_id, c.price]));
		const total = 2 * prices.get(serializedItem().id)! + prices.get(plainItem().id)!;
		expect(invoice.json).toEqual({
			id: invoiceId,
			order_id: order.id,
			billed_at: body.updated_at,
			total: Math.round(total * 100) / 100,
			created_at: body.updated_at,
			updated_at: body.updated_at,
		});
		expect((await api('GET', `${ORDERS}/${order.id}`)).json).toEqual(body);
		const filtered = await api('GET', ORDERS + q({ status: 'shipped', purchase_order: 'PO-TEST-0001' }));
		expect(filtered.json.total_results).toBe(1);

		const third = await control(`orders/${order.id}/advance`);
		expect(third.status).toBe(422);
		expect(third.json).toEqual({ errors: [`Order ${order.id} has already shipped`] });
		const unknown = await control('orders/999999/advance');
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ errors: ["Couldn't find CustomerOrderSubmission with 'id'=999999"] });
	});

	it('keeps the promise date the customer gave when the order is released', async () => {
		const order = await createOrder({ promise_date: '2031-03-03' });
		const released = await sandbox.advanceOrder(order.id);
		expect(released).toMatchObject({ status: 'released', promise_date: '2031-03-03' });
	});

	it('advanceOrder returns the order as GET renders it and rejects unknown or shipped orders', async () => {
		const order = await createOrder();
		const released = await sandbox.advanceOrder(order.id);
		expect(released).toEqual(sandbox.order(order.id));
		const shipped = await sandbox.advanceOrder(order.id);
		expect(shipped.status).toBe('shipped');
		await expect(sandbox.advanceOrder(order.id)).rejects.toThrow(MbxSandboxError);
		await expect(sandbox.advanceOrder(1)).rejects.toMatchObject({ status: 404 });
	});

	it('never hands out the same timestamp twice, even for changes in the same millisecond', async () => {
		const a = await createOrder({ purchase_order: 'PO-A' });
		const b = await createOrder({ purchase_order: 'PO-B' });
		const stamps = [a.updated_at, b.updated_at];
		stamps.push((await sandbox.advanceOrder(a.id)).updated_at);
		stamps.push((await sandbox.advanceOrder(b.id)).updated_at);
		stamps.push((await sandbox.advanceOrder(a.id)).updated_at);
		stamps.push((await sandbox.advanceOrder(b.id)).updated_at);
		const ms = stamps.map((s) => Date.parse(s));
		for (let i = 1; i < ms.length; i++) expect(ms[i]).toBeGreaterThan(ms[i - 1]);
	});
});

describe('order-update webhook', () => {
	const receiver = new WebhookReceiver();

	beforeEach(async () => {
		receiver.received.length = 0;
		receiver.status = 200;
		await receiver.start();
	});

	afterEach(async () => {
		await receiver.stop();
	});

	it('POSTs the full order to each subscriber on every status change, with its extra headers', async () => {
		const subscribed = await control('webhooks', { url: receiver.url, headers: { 'X-Webhook-Secret': 's3cret' } });
		expect(subscribed.status).toBe(201);
		expect(subscribed.json).toEqual({
			id: 1,
			url: receiver.url,
			headers: { 'X-Webhook-Secret': 's3cret' },
			organizationId: MBX_DEMO.organizationId,
		});
		expect((await control('webhooks', undefined, 'GET')).json).toEqual([subscribed.json]);

		const order = await createOrder();
		// Edits are not status changes.
		await api('PUT', `${ORDERS}/${order.id}`, { notes: 'edited' });
		expect(receiver.received).toHaveLength(0);

		await control(`orders/${order.id}/advance`);
		expect(receiver.received).toHaveLength(1);
		const releasedNow = (await api('GET', `${ORDERS}/${order.id}`)).json;
		await control(`orders/${order.id}/advance`);
		expect(receiver.received).toHaveLength(2);
		const shippedNow = (await api('GET', `${ORDERS}/${order.id}`)).json;

		for (const request of receiver.received) {
			expect(request.method).toBe('POST');
			expect(request.url).toBe('/hooks/mbx');
			expect(request.headers['content-type']).toBe('application/json');
			expect(request.headers['x-mbx-event']).toBe('order.updated');
			expect(request.headers['x-webhook-secret']).toBe('s3cret');
		}
		expect(JSON.parse(receiver.received[0].body)).toEqual(releasedNow);
		expect(JSON.parse(receiver.received[1].body)).toEqual(shippedNow);
		expect(JSON.parse(receiver.received[1].body)).toHaveProperty('invoices');

		const deliveries = (await control('webhooks/deliveries', undefined, 'GET')).json;
		expect(deliveries).toEqual(sandbox.webhookDeliveries());
		expect(deliveries.map((d: Json) => [d.url, d.status, d.orderId, d.event])).toEqual([
			[receiver.url, 200, order.id, 'order.updated'],
			[receiver.url, 200, order.id, 'order.updated'],
		]);
		expect(deliveries[1].body).toBe(receiver.received[1].body);
		expect(deliveries[0].headers['X-Webhook-Secret']).toBe('s3cret');
	});

	it('records a failed delivery without retrying it', async () => {
		receiver.status = 500;
		sandbox.subscribeWebhook({ url: receiver.url });
		const dead = new WebhookReceiver();
		const deadUrl = await dead.start();
		await dead.stop();
		sandbox.subscribeWebhook({ url: deadUrl });

		const order = await createOrder();
		const advanced = await control(`orders/${order.id}/advance`);
		expect(advanced.status).toBe(200);
		expect(receiver.received).toHaveLength(1);
		const deliveries = sandbox.webhookDeliveries();
		expect(deliveries).toHaveLength(2);
		expect(deliveries[0]).toMatchObject({ url: receiver.url, status: 500, responseBody: 'nope' });
		expect(deliveries[1]).toMatchObject({ url: deadUrl, status: 0, error: expect.any(String) });
		expect(sandbox.order(order.id)!.status).toBe('released');
	});

	it("delivers only the subscription's organization's orders", async () => {
		sandbox.subscribeWebhook({ url: receiver.url, organizationId: MBX_OTHER_ORG.organizationId });
		const demoOrder = sandbox.orders().find((o) => o.status === 'pending')!;
		await sandbox.advanceOrder(demoOrder.id);
		expect(receiver.received).toHaveLength(0);
		const otherOrder = sandbox.orders(MBX_OTHER_ORG.organizationId).find((o) => o.status === 'pending')!;
		await sandbox.advanceOrder(otherOrder.id);
		expect(receiver.received).toHaveLength(1);
		expect(JSON.parse(receiver.received[0].body).organization_id).toBe(MBX_OTHER_ORG.organizationId);
	});

	it('rejects invalid subscriptions', async () => {
		for (const body of [
			{ url: 'ftp://example.test/hook' },
			{ url: receiver.url, headers: { 'Content-Type': 'text/plain' } },
			{ url: receiver.url, headers: { 'X-Secret': 42 } },
			{ url: receiver.url, organizationId: 999 },
			{ headers: {} },
		]) {
			const res = await control('webhooks', body);
			expect(res.status).toBe(400);
			expect(res.json.errors).toEqual([expect.any(String)]);
		}
		expect(sandbox.webhookSubscriptions()).toEqual([]);
	});

	it('reset restores the seeded orders and invoices and clears subscriptions and deliveries', async () => {
		const seeded = sandbox.orders();
		const seededInvoices = sandbox.invoices();
		sandbox.subscribeWebhook({ url: receiver.url });
		const order = await createOrder();
		await sandbox.advanceOrder(order.id);
		await sandbox.advanceOrder(seeded.find((o) => o.status === 'released')!.id);
		await api('DELETE', `${ORDERS}/${seeded.find((o) => o.status === 'pending')!.id}`);
		expect(sandbox.webhookDeliveries()).toHaveLength(2);

		expect((await control('reset')).status).toBe(204);
		expect(sandbox.orders()).toEqual(seeded);
		expect(sandbox.invoices()).toEqual(seededInvoices);
		expect(sandbox.webhookSubscriptions()).toEqual([]);
		expect(sandbox.webhookDeliveries()).toEqual([]);
		// Ids start over too.
		expect((await createOrder()).id).toBe(order.id);
	});
});

describe('organizations and verbs', () => {
	it('keeps orders apart between organizations', async () => {
		const order = await createOrder();
		const list = await otherApi('GET', ORDERS + q({ limit: 100 }));
		expect(list.json.total_results).toBe(6);
		for (const o of list.json.results) expect(o.organization_id).toBe(MBX_OTHER_ORG.organizationId);

		for (const [method, body] of [['GET'], ['PUT', { notes: 'x' }], ['DELETE']] as const) {
			const res = await otherApi(method, `${ORDERS}/${order.id}`, body);
			expect(res.status).toBe(404);
			expect(res.json).toEqual({ errors: [`Couldn't find CustomerOrderSubmission with 'id'=${order.id}`] });
		}
		expect(sandbox.order(order.id)).toEqual(order);

		// The demo org's product codes are not the other org's.
		const foreign = await otherApi('POST', ORDERS, orderBody({ organization_id: MBX_OTHER_ORG.organizationId }));
		expect(foreign.status).toBe(422);
		expect(foreign.json.errors).toEqual([
			'lines[0].product_code is not a known product code',
			'lines[1].product_code is not a known product code',
		]);
	});

	it.each([
		['POST', `${ORDERS}/654001`, 'GET, PUT, DELETE'],
		['PUT', ORDERS, 'GET, POST'],
		['DELETE', ORDERS, 'GET, POST'],
		['PATCH', `${ORDERS}/654001`, 'GET, PUT, DELETE'],
	])('answers 405 to %s %s (Allow: %s)', async (method, target, allow) => {
		const res = await api(method, target, method === 'DELETE' ? undefined : {});
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe(allow);
		expect(res.json).toEqual({ errors: ['Method not allowed'] });
	});

	it('authenticates before answering 405', async () => {
		const res = await fetch(`${sandbox.url}${ORDERS}`, { method: 'DELETE' });
		expect(res.status).toBe(401);
	});
});
