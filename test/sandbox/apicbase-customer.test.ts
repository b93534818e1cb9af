/**
 * Apicbase sandbox, assortment files and customer side: multipart upload and article validation,
 * customer purchase orders with filters, the delivery state machine, outlets, users and stock.
 */
import { APICBASE_DEMO, APICBASE_PATHS, ApicbaseSandbox, apicbasePath } from './apicbase/server';
import { withoutKeys } from '../../nodes/shared/values';
import type { Json } from '../helpers/json';

const sandbox = new ApicbaseSandbox();
let base = '';

beforeAll(async () => {
	base = await sandbox.start(0);
});
afterAll(async () => {
	await sandbox.stop();
});
beforeEach(() => sandbox.reset());

// Response bodies are checked field by field.

const P = APICBASE_PATHS;
const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };
const customerToken = () => sandbox.issueAccessToken(['procurement', 'accounts', 'inventory']);

async function call(
	path: string,
	token: string,
	init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Json }> {
	const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...init.headers };
	let body: string | Buffer | undefined;
	if (Buffer.isBuffer(init.body) || typeof init.body === 'string') body = init.body;
	else if (init.body !== undefined) {
		body = JSON.stringify(init.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const res = await fetch(path.startsWith('http') ? path : base + path, { method: init.method ?? 'GET', headers, body });
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const BOUNDARY = '----n8nApicbaseBoundary7MA4YWxk';

function multipart(fields: Array<{ name: string; value: string; filename?: string }>): Buffer {
	const chunks = fields.map((f) => {
		const disposition = `form-data; name="${f.name}"${f.filename ? `; filename="${f.filename}"` : ''}`;
		const type = f.filename ? '\r\nContent-Type: application/json' : '';
		return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n${f.value}\r\n`;
	});
	return Buffer.from(chunks.join('') + `--${BOUNDARY}--\r\n`, 'utf8');
}

const upload = async (token: string, body: Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`) =>
	await call(P.assortmentFiles, token, { method: 'POST', body, headers: { 'Content-Type': contentType } });

const article = (over: Record<string, unknown> = {}) => ({
	third_party_id: '001037',
	name: 'Crème fraîche 35% 1 l',
	brand: 'Président',
	package_type: 'tub',
	price: '6.450',
	price_type_code: 0,
	package_description: { quantity: 6, package: { quantity: 1, unit_name: 'l', gtin: '4006381333931' } },
	...over,
});

describe('assortment files (scope supplier)', () => {
	const supplier = () => sandbox.issueAccessToken(['supplier']);

	it('accepts a multipart upload as PENDING and shows it PROCESSED later', async () => {
		const token = supplier();
		const articles = [article(), article({ third_party_id: 'Ü-2', name: 'Tofu 豆腐', price_type_code: 1, price_unit: 'kg' })];
		const res = await upload(
			token,
			multipart([
				{ name: 'customer_number', value: '000417' },
				{ name: 'file', value: JSON.stringify(articles), filename: 'assortment.json' },
			]),
		);
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ id: 301, customer_number: '000417', status: 'PENDING', articles: 2 });
		expect(res.body.created).toMatch(/^\d{4}-\d\d-\d\dT/);
		const later = await call(apicbasePath(P.assortmentFile, { id: res.body.id }), token);
		expect(later.body.status).toBe('PROCESSED');
		expect(sandbox.assortmentFiles()[0].articleList).toEqual(articles);
		expect((await call(apicbasePath(P.assortmentFile, { id: 999 }), token)).status).toBe(404);
	});

	it('stays PENDING until the configured processing time has passed', async () => {
		sandbox.configure({ assortmentProcessingSeconds: 30 });
		const token = supplier();
		const res = await upload(
			token,
			multipart([
				{ name: 'file', value: JSON.stringify([article()]), filename: 'a.json' },
				{ name: 'customer_number', value: 'ALL' },
			]),
		);
		const path = apicbasePath(P.assortmentFile, { id: res.body.id });
		expect((await call(path, token)).body.status).toBe('PENDING');
		sandbox.advanceClock(31);
		expect((await call(path, token)).body.status).toBe('PROCESSED');
	});

	it('reports missing fields as DRF field errors', async () => {
		const token = supplier();
		const none = await upload(token, multipart([{ name: 'other', value: 'x' }]));
		expect(none).toEqual({
			status: 400,
			body: { file: ['No file was submitted.'], customer_number: ['This field is required.'] },
		});
		const noNumber = await upload(token, multipart([{ name: 'file', value: '[]', filename: 'a.json' }]));
		expect(noNumber.body).toEqual({ customer_number: ['This field is required.'] });
		const notAFile = await upload(
			token,
			multipart([
				{ name: 'file', value: JSON.stringify([article()]) },
				{ name: 'customer_number', value: ' ' },
			]),
		);
		expect(notAFile.body).toEqual({
			file: ['The submitted data was not a file. Check the encoding type on the form.'],
			customer_number: ['This field may not be blank.'],
		});
	});

	it('validates every article', async () => {
		const bad = [
			article(),
			article({ third_party_id: 'x'.repeat(51), brand: 'b'.repeat(151) }),
			article({ third_party_id: 'A3', name: '' }),
			article({ third_party_id: 'A4', price: '1.2345', price_type_code: 1 }),
			article({ third_party_id: 'A5', price_unit: 'kg', package_description: undefined }),
			article({ third_party_id: 'A6', package_description: { quantity: 1.5, unit_name: 'bottle', gtin: '123' } }),
			article({ third_party_id: 'A7', price_type_code: 2, package_type: 'p'.repeat(51), lead_time: 'soon' }),
			article(),
		];
		const res = await upload(
			supplier(),
			multipart([
				{ name: 'file', value: JSON.stringify(bad), filename: 'a.json' },
				{ name: 'customer_number', value: 'C-1002' },
			]),
		);
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			file: [
				'Article 2: third_party_id must be at most 50 characters',
				'Article 2: brand must be at most 150 characters',
				'Article 3: name is required',
				'Article 4: price must have at most 3 decimal places',
				'Article 4: price_unit is required when price_type_code is 1',
				'Article 5: price_unit is only allowed when price_type_code is 1',
				'Article 5: package_description or package_description_str is required',
				'Article 6: package_description.gtin is not a valid GTIN',
				'Article 6: package_description.quantity must be a positive integer',
				'Article 6: package_description.unit_name "bottle" is not a supported unit',
				'Article 7: package_type must be at most 50 characters',
				'Article 7: price_type_code must be 0 or 1',
				'Article 7: lead_time must look like [DD] [HH:[MM:]]ss[.uuuuuu]',
				'Article 8: third_party_id "001037" is already used by article 1',
			],
		});
		expect(sandbox.assortmentFiles()).toHaveLength(0);
	});

	it('accepts an article described only by package_description_str, as the older support article allows', async () => {
		const token = supplier();
		const rest = withoutKeys(article({ third_party_id: 'TXT-1' }), ['package_description']);
		const textOnly = { ...rest, package_description_str: '6 x 1 l tub' };
		expect(textOnly).not.toHaveProperty('package_description');
		const res = await upload(
			token,
			multipart([
				{ name: 'file', value: JSON.stringify([textOnly, article()]), filename: 'a.json' },
				{ name: 'customer_number', value: 'C-1002' },
			]),
		);
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ customer_number: 'C-1002', status: 'PENDING', articles: 2 });
		expect(sandbox.assortmentFiles()[0].articleList[0]).toEqual(textOnly);

		const bad = [
			{ ...textOnly, package_description_str: 6 },
			{ ...textOnly, third_party_id: 'TXT-2', package_description_str: '  ' },
			{ ...textOnly, third_party_id: 'TXT-3', package_description_str: '' },
		];
		const refused = await upload(
			token,
			multipart([
				{ name: 'file', value: JSON.stringify(bad), filename: 'a.json' },
				{ name: 'customer_number', value: 'C-1002' },
			]),
		);
		expect(refused).toEqual({
			status: 400,
			body: {
				file: [
					'Article 1: package_description_str must be a string',
					'Article 2: package_description_str may not be blank',
					'Article 3: package_description or package_description_str is required',
				],
			},
		});
	});

	it('rejects non-JSON files, non-multipart bodies and the wrong scope', async () => {
		const token = supplier();
		const notJson = await upload(
			token,
			multipart([
				{ name: 'file', value: '{"a": 1}', filename: 'a.json' },
				{ name: 'customer_number', value: '1' },
			]),
		);
		expect(notJson.body).toEqual({ file: ['The file must contain a JSON array of articles.'] });
		const asJson = await upload(token, Buffer.from('{}'), 'application/json');
		expect(asJson).toEqual({ status: 415, body: { detail: 'Unsupported media type "application/json" in request.' } });
		const truncated = await upload(token, multipart([{ name: 'customer_number', value: '1' }]).subarray(0, 60));
		expect(truncated.status).toBe(400);
		const wrongScope = await upload(customerToken(), multipart([{ name: 'customer_number', value: '1' }]));
		expect(wrongScope).toEqual({ status: 403, body: FORBIDDEN });
	});
});

describe('customer purchase orders (scope procurement)', () => {
	it('lists ~150 seeded orders newest first with DRF pagination', async () => {
		const token = customerToken();
		const first = await call(`${P.purchaseOrders}?page_size=50`, token);
		expect(first.status).toBe(200);
		expect(first.body.count).toBe(150);
		expect(first.body.results).toHaveLength(50);
		expect(first.body.results[0].id).toBe(7150);
		expect(first.body.next).toBe(`${base}${P.purchaseOrders}?page=2&page_size=50`);
		const last = await call(first.body.next.replace('page=2', 'page=3'), token);
		expect(last.body.next).toBeNull();
		expect(last.body.results.at(-1).id).toBe(7001);
		expect((await call(`${P.purchaseOrders}?page=4&page_size=50`, token)).body).toEqual({ detail: 'Invalid page.' });
		const statuses = new Set(sandbox.customerPurchaseOrders().map((o) => o.status));
		expect([...statuses].sort()).toEqual(['DELIVERED', 'IN_PROGRESS', 'ORDERED']);
		const outlets = new Set(sandbox.customerPurchaseOrders().map((o) => (o.outlet as Json).id));
		expect(outlets.size).toBe(3);
	});

	it('filters by status, status__in, supplier, outlet, order number, flags and dates', async () => {
		const token = customerToken();
		const all = sandbox.customerPurchaseOrders() as Json[];
		const count = async (query: string) => (await call(`${P.purchaseOrders}?${query}`, token)).body.count;
		expect(await count('status=ORDERED')).toBe(all.filter((o) => o.status === 'ORDERED').length);
		expect(await count('status__in=ORDERED,DELIVERED')).toBe(all.filter((o) => o.status !== 'IN_PROGRESS').length);
		expect(await count('supplier=202')).toBe(all.filter((o) => o.supplier.id === 202).length);
		expect(await count('outlet=101&status=DELIVERED')).toBe(
			all.filter((o) => o.outlet.id === 101 && o.status === 'DELIVERED').length,
		);
		expect(await count('order_number=PO-20250001')).toBe(1);
		expect(await count('order_number__icontains=po-2025001')).toBe(10);
		expect(await count('delivery_closed=true')).toBe(all.filter((o) => o.delivery_closed).length);
		expect(await count('viewed_by_supplier=false')).toBe(all.filter((o) => !o.viewed_by_supplier).length);
		expect(await count('fetched_by_supplier=1')).toBe(all.filter((o) => o.fetched_by_supplier).length);
		const mid = '2025-03-24T00:00:00Z';
		expect(await count(`ordered_on__gt=${mid}`)).toBe(all.filter((o) => o.ordered_on && o.ordered_on > mid).length);
		expect(await count(`ordered_on__lt=${mid}`)).toBe(all.filter((o) => o.ordered_on && o.ordered_on < mid).length);
		expect(await count(`expected_delivery_date__gt=${mid}&expected_delivery_date__lt=2025-04-01`)).toBe(
			all.filter((o) => o.expected_delivery_date && o.expected_delivery_date > mid && o.expected_delivery_date < '2025-04-01')
				.length,
		);
		const asc = await call(`${P.purchaseOrders}?ordering=order_number`, token);
		expect(asc.body.results[0].order_number).toBe('PO-20250001');
	});

	it('answers DRF errors for invalid filters, unknown ids and missing scope', async () => {
		const token = customerToken();
		const bad = await call(`${P.purchaseOrders}?status=SENT&status__in=ORDERED,X&supplier=999&ordered_on__gt=yesterday`, token);
		expect(bad).toEqual({
			status: 400,
			body: {
				status: ['Select a valid choice. SENT is not one of the available choices.'],
				status__in: ['Select a valid choice. X is not one of the available choices.'],
				supplier: ['Select a valid choice. That choice is not one of the available choices.'],
				ordered_on__gt: ['Enter a valid date/time.'],
			},
		});
		const one = await call(apicbasePath(P.purchaseOrder, { id: APICBASE_DEMO.orderedPurchaseOrderId }), token);
		expect(one.body).toMatchObject({ id: 7001, status: 'ORDERED', delivery_closed: false });
		expect(one.body.packages.length).toBeGreaterThan(0);
		expect(await call(apicbasePath(P.purchaseOrder, { id: 1 }), token)).toEqual({
			status: 404,
			body: { detail: 'Not found.' },
		});
		const noScope = sandbox.issueAccessToken(['library']);
		expect(await call(P.purchaseOrders, noScope)).toEqual({ status: 403, body: FORBIDDEN });
		expect((await call(P.purchaseOrders, 'nope')).status).toBe(401);
	});
});

describe('deliveries (scope procurement)', () => {
	const po = async (token: string, id: number) => (await call(apicbasePath(P.purchaseOrder, { id }), token)).body;

	it('creates a draft, submits it once and closes the purchase order', async () => {
		const token = customerToken();
		const order = await po(token, APICBASE_DEMO.orderedPurchaseOrderId);
		const pkg = order.packages[0];
		const created = await call(P.deliveries, token, {
			method: 'POST',
			body: {
				purchase_order: order.id,
				remarks: 'Two crates damaged',
				delivered_packages: [{ supplier_package: pkg.supplier_package.id, quantity: '1.5', price: 7.25, intake_reason: 'damaged' }],
				total_discount: '2.50',
			},
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			id: 4001,
			purchase_order: 7001,
			status: 'DRAFT',
			update_stock: true,
			total_discount: '2.50',
			delivery_date: null,
			delivered_packages: [{ supplier_package: pkg.supplier_package.id, quantity: '1.500', price: '7.25', intake_reason: 'damaged' }],
		});
		expect(Object.keys(created.body.delivered_packages[0])).not.toContain('package');
		expect((await po(token, order.id)).status).toBe('ORDERED');

		const submitPath = apicbasePath(P.submitDelivery, { id: created.body.id });
		const badDate = await call(submitPath, token, { method: 'POST', body: { delivery_date: '24/03/2025' } });
		expect(badDate.status).toBe(400);
		expect(badDate.body.delivery_date[0]).toMatch(/^Datetime has wrong format/);
		const submitted = await call(submitPath, token, { method: 'POST', body: { delivery_date: '2025-03-24T08:30:00' } });
		expect(submitted.status).toBe(200);
		expect(submitted.body).toMatchObject({ status: 'SUBMITTED', delivery_date: '2025-03-24T08:30:00Z' });
		const again = await call(submitPath, token, { method: 'POST' });
		expect(again).toEqual({ status: 400, body: { detail: 'Only draft deliveries can be submitted.' } });

		const delivered = await po(token, order.id);
		expect(delivered).toMatchObject({ status: 'DELIVERED', delivery_closed: false, deliveries: [4001] });
		expect(delivered.packages[0].quantity_delivered).toBe('1.500');

		const close = apicbasePath(P.closeDeliveries, { id: order.id });
		const closed = await call(close, token, { method: 'POST' });
		expect(closed.status).toBe(200);
		expect(closed.body.delivery_closed).toBe(true);
		expect((await call(close, token, { method: 'POST' })).status).toBe(400);
		const afterClose = await call(P.deliveries, token, { method: 'POST', body: { purchase_order: order.id } });
		expect(afterClose.status).toBe(400);
		expect(Object.keys(afterClose.body)).toEqual(['purchase_order']);
	});

	it('accepts deliveries only for ORDERED or open DELIVERED orders', async () => {
		const token = customerToken();
		const create = async (id: number) =>
			await call(P.deliveries, token, { method: 'POST', body: { purchase_order: id } });
		expect((await create(APICBASE_DEMO.deliveredPurchaseOrderId)).status).toBe(201);
		for (const id of [APICBASE_DEMO.inProgressPurchaseOrderId, APICBASE_DEMO.closedPurchaseOrderId]) {
			const res = await create(id);
			expect(res.status).toBe(400);
			expect(res.body.purchase_order[0]).toMatch(/^Deliveries can only be created for ordered purchase orders/);
		}
		expect((await create(12345)).body).toEqual({ purchase_order: ['Invalid pk "12345" - object does not exist.'] });
		const closeOrdered = await call(apicbasePath(P.closeDeliveries, { id: APICBASE_DEMO.orderedPurchaseOrderId }), token, {
			method: 'POST',
		});
		expect(closeOrdered.status).toBe(400);
	});

	it('validates the delivery body field by field', async () => {
		const token = customerToken();
		const missing = await call(P.deliveries, token, { method: 'POST', body: { update_stock: 'yes' } });
		expect(missing).toEqual({
			status: 400,
			body: { purchase_order: ['This field is required.'], update_stock: ['Must be a valid boolean.'] },
		});
		const lines = await call(P.deliveries, token, {
			method: 'POST',
			body: {
				purchase_order: APICBASE_DEMO.orderedPurchaseOrderId,
				delivered_packages: [
					{ supplier_package: 1, quantity: 'abc' },
					{ quantity: -1 },
					'x',
					{ supplier_package: { id: 1 }, quantity: 1 },
				],
			},
		});
		expect(lines.body).toEqual({
			delivered_packages: [
				{ supplier_package: ['Invalid pk "1" - object does not exist.'], quantity: ['A valid number is required.'] },
				{ supplier_package: ['This field is required.'], quantity: ['Ensure this value is greater than or equal to 0.'] },
				{ non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] },
				{ supplier_package: ['Incorrect type. Expected pk value, received dict.'] },
			],
		});
		const form = await call(P.deliveries, token, {
			method: 'POST',
			body: 'purchase_order=7001',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(form.status).toBe(415);
		expect(await call(P.deliveries, sandbox.issueAccessToken(['inventory']), { method: 'POST', body: {} })).toEqual({
			status: 403,
			body: FORBIDDEN,
		});
		expect((await call(apicbasePath(P.submitDelivery, { id: 9 }), token, { method: 'POST' })).status).toBe(404);
	});
});

describe('delivered packages name the supplier package (supplier_package)', () => {
	it('refuses the old "package" key with a DRF field error and creates nothing', async () => {
		const token = customerToken();
		const order = (await call(apicbasePath(P.purchaseOrder, { id: APICBASE_DEMO.orderedPurchaseOrderId }), token)).body;
		const line = order.packages[0];
		const before = sandbox.customerDeliveries().length;
		// Neither the order line's id nor its supplier package id is accepted under "package".
		for (const id of [line.id, line.supplier_package.id]) {
			const res = await call(P.deliveries, token, {
				method: 'POST',
				body: { purchase_order: order.id, delivered_packages: [{ package: id, quantity: 1 }] },
			});
			expect(res).toEqual({ status: 400, body: { delivered_packages: [{ supplier_package: ['This field is required.'] }] } });
		}
		expect(sandbox.customerDeliveries()).toHaveLength(before);
	});

	it('requires supplier_package to be a supplier package on the order, not the order line id', async () => {
		const token = customerToken();
		const order = (await call(apicbasePath(P.purchaseOrder, { id: APICBASE_DEMO.orderedPurchaseOrderId }), token)).body;
		const line = order.packages[0];
		expect(line.id).not.toBe(line.supplier_package.id);
		const byLineId = await call(P.deliveries, token, {
			method: 'POST',
			body: { purchase_order: order.id, delivered_packages: [{ supplier_package: line.id, quantity: 1 }] },
		});
		expect(byLineId).toEqual({
			status: 400,
			body: { delivered_packages: [{ supplier_package: [`Invalid pk "${line.id}" - object does not exist.`] }] },
		});
		// As text, the way the node sends what the builder typed.
		const created = await call(P.deliveries, token, {
			method: 'POST',
			body: { purchase_order: order.id, delivered_packages: [{ supplier_package: String(line.supplier_package.id), quantity: 2 }] },
		});
		expect(created.status).toBe(201);
		expect(created.body.delivered_packages).toEqual([
			{ id: expect.any(Number), supplier_package: line.supplier_package.id, quantity: '2.000', price: null, intake_reason: null },
		]);
		expect(sandbox.customerDeliveries().at(-1)).toMatchObject({ delivered_packages: [{ supplier_package: line.supplier_package.id }] });

		// Submitting books the quantity on the order line that holds this supplier package.
		const submitted = await call(apicbasePath(P.submitDelivery, { id: created.body.id }), token, { method: 'POST' });
		expect(submitted.status).toBe(200);
		const after = (await call(apicbasePath(P.purchaseOrder, { id: order.id }), token)).body;
		expect(after.packages.find((p: Json) => p.id === line.id).quantity_delivered).toBe('2.000');
	});
});

describe('outlets, users and stock', () => {
	it('lists outlets and users with scope accounts only', async () => {
		const token = sandbox.issueAccessToken(['accounts']);
		const outlets = await call(P.outlets, token);
		expect(outlets.body.count).toBe(3);
		expect(outlets.body.results[0]).toMatchObject({ id: APICBASE_DEMO.outletId, name: 'Brasserie Lumière' });
		expect(outlets.body.results[0].address).toBeTruthy();
		const users = await call(P.users, token);
		expect(users.status).toBe(200);
		expect(users.body.results.map((u: Json) => u.username)).toContain(APICBASE_DEMO.customerUsername);
		expect(await call(P.users, sandbox.issueAccessToken(['inventory']))).toEqual({ status: 403, body: FORBIDDEN });
	});

	it('lists stock items per outlet, filters on modified_date__gt and returns stock levels', async () => {
		const token = sandbox.issueAccessToken(['inventory']);
		const path = apicbasePath(P.stockItems, { outlet_id: APICBASE_DEMO.outletId });
		const page = await call(`${path}?page_size=200`, token);
		expect(page.status).toBe(200);
		expect(page.body.count).toBeGreaterThan(15);
		const dates = page.body.results.map((i: Json) => i.modified_date).sort();
		const mid = dates[Math.floor(dates.length / 2)];
		const newer = await call(`${path}?modified_date__gt=${mid}&page_size=200`, token);
		expect(newer.body.count).toBe(dates.filter((d: string) => d > mid).length);
		expect((await call(`${path}?modified_date__gt=nope`, token)).status).toBe(400);

		const item = page.body.results[0];
		const stock = await call(apicbasePath(P.stockItemStock, { outlet_id: 101, stock_item_id: item.id }), token);
		expect(Object.keys(stock.body).sort()).toEqual([
			'aggregated_quantity',
			'aggregated_stock_value',
			'quantity',
			'stock_value',
		]);
		expect(stock.body.quantity).toMatch(/^\d+\.\d{3}$/);
		expect((await call(apicbasePath(P.stockItems, { outlet_id: 999 }), token)).status).toBe(404);
		expect((await call(apicbasePath(P.stockItemStock, { outlet_id: 101, stock_item_id: 1 }), token)).status).toBe(404);
		expect((await call(path, sandbox.issueAccessToken(['procurement']))).status).toBe(403);
	});
});

describe('customer tokens', () => {
	it('grants the customer scopes through the authorization-code flow', async () => {
		const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
		const url = new URL(base + APICBASE_DEMO.authorizePath);
		url.search = new URLSearchParams({
			response_type: 'code',
			client_id: APICBASE_DEMO.customerClientId,
			redirect_uri: redirectUri,
			scope: 'procurement accounts inventory',
		}).toString();
		const code = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!;
		const res = await fetch(base + APICBASE_DEMO.tokenPath, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: redirectUri,
				client_id: APICBASE_DEMO.customerClientId,
				client_secret: APICBASE_DEMO.customerClientSecret,
			}).toString(),
		});
		const token = ((await res.json()) as Json).access_token;
		for (const path of [P.purchaseOrders, P.outlets, apicbasePath(P.stockItems, { outlet_id: 102 })]) {
			expect((await call(path, token)).status).toBe(200);
		}
		expect((await call(P.assortmentFiles, token)).status).toBe(403);
	});

	it('issues plain UI tokens directly and over the control API', async () => {
		expect(() => sandbox.issueAccessToken(['everything'])).toThrow('unknown scope');
		const res = await fetch(`${base}/__sandbox/access-token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ scopes: ['accounts'] }),
		});
		const { access_token: token } = (await res.json()) as Json;
		expect((await call(P.outlets, token)).status).toBe(200);
		expect((await call(P.purchaseOrders, token)).status).toBe(403);
	});
});
