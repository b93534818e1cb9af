import { NodeApiError, NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { description, operations } from '../../../nodes/Mbx/actions/customerOrderSubmission';
import { MBX_PAGE_SIZE } from '../../../nodes/Mbx/transport';
import { ADDRESS_FIELDS } from '../../../nodes/Mbx/validation/address';
import { runOperations } from '../../../nodes/shared/router';
import { httpError, mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';

const credentials = { mbxHmacApi: { environment: 'custom', customBaseUrl: 'http://mbx.test/', publicToken: 'p', secretToken: 's' } };
const PATH = '/v2/customer_order_submissions';

function setup(parameters: IDataObject | IDataObject[], respond?: (call: RecordedCall, index: number) => unknown) {
	const withResource = (p: IDataObject) => ({ resource: 'customerOrderSubmission', ...p });
	const mock = mockExecuteFunctions({
		parameters: Array.isArray(parameters) ? parameters.map(withResource) : withResource(parameters),
		credentials,
		respond,
	});
	return { ...mock, run: async () => await runOperations.call(mock.context, { customerOrderSubmission: operations }) };
}

function qOf(url: string): IDataObject {
	return JSON.parse(decodeURIComponent(url.split('?q=')[1])) as IDataObject;
}

const recipient = {
	address: {
		name: 'John L. Doe',
		company: 'John L. Doe Ltd.',
		email: 'jdoe@email.com',
		phone: '1-555-555-6789',
		address_1: '467 Highway #1',
		address_2: '',
		address_3: '',
		city: 'Toronto',
		state: 'ON',
		zip: 'M5A 1J3',
		country: ' ca ',
	},
};

const sentRecipient = {
	name: 'John L. Doe',
	company: 'John L. Doe Ltd.',
	email: 'jdoe@email.com',
	phone: '1-555-555-6789',
	address_1: '467 Highway #1',
	address_2: null,
	address_3: null,
	city: 'Toronto',
	state: 'ON',
	zip: 'M5A 1J3',
	country: 'CA',
};

const importer = {
	address: {
		name: 'Max Power',
		company: 'Generic Inc.',
		phone: '1-555-555-1234',
		address_1: '123 Main Street',
		address_2: 'Unit 10',
		city: 'Mississauga',
		state: 'ON',
		zip: 'L5L 5Z9',
		country: 'CA',
	},
};

const lines = {
	line: [
		{ product_code: 'Generic Product 1', quantity: 2, customs_declared_value: 123.4 },
		{ product_code: 'Generic Product 2', quantity: '1', customs_declared_value: '99.5' },
	],
};

const createParameters: IDataObject = {
	operation: 'create',
	organizationId: 1234,
	purchaseOrder: ' 56789 ',
	customerOrder: 'MBX-01234-56789',
	shipMethodId: 12,
	recipient,
	lines,
	additionalFields: {},
};

const order = { id: 42, purchase_order: '56789', customer_order: 'MBX-01234-56789', status: 'pending' };

describe('MBX Customer Order Submission: Create', () => {
	it('POSTs the order with nested recipient and numeric lines, and returns what MBX answers', async () => {
		const { run, calls } = setup(createParameters, () => order);
		const [output] = await run();
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			credentialType: 'mbxHmacApi',
			options: { method: 'POST', baseURL: 'http://mbx.test', url: PATH, json: true },
		});
		expect(calls[0].options.body).toEqual({
			organization_id: 1234,
			purchase_order: '56789',
			customer_order: 'MBX-01234-56789',
			ship_method_id: 12,
			recipient: sentRecipient,
			lines: [
				{ product_code: 'Generic Product 1', quantity: 2, customs_declared_value: 123.4 },
				{ product_code: 'Generic Product 2', quantity: 1, customs_declared_value: 99.5 },
			],
		});
		expect(output).toEqual([{ json: order, pairedItem: { item: 0 } }]);
	});

	it('takes the lines from a JSON list when Lines From is JSON List', async () => {
		const jsonLines = [
			{ product_code: 'Generic Product 1', quantity: 2, customs_declared_value: 123.4 },
			{ product_code: 'Generic Product 2', quantity: 1, customs_declared_value: 99.5 },
		];
		const asText = setup({ ...createParameters, lines: {}, linesFrom: 'json', linesJson: JSON.stringify(jsonLines) }, () => order);
		await asText.run();
		const asList = setup({ ...createParameters, lines: {}, linesFrom: 'json', linesJson: jsonLines }, () => order);
		await asList.run();
		expect(asText.calls[0].options.body).toMatchObject({ lines: jsonLines });
		expect(asList.calls[0].options.body).toMatchObject({ lines: jsonLines });
	});

	it('refuses Lines (JSON) that is not a list, or a line without a product code, before sending', async () => {
		for (const [linesJson, message] of [
			['{not json', 'Lines (JSON) is not valid JSON'],
			['{"product_code": "A"}', 'Lines (JSON) must be a list of lines'],
			['[{"quantity": 1}]', /Product Code/],
		] as const) {
			const { run, calls } = setup({ ...createParameters, linesFrom: 'json', linesJson }, () => order);
			await expect(run()).rejects.toThrow(message);
			expect(calls).toHaveLength(0);
		}
	});

	it('sends the additional fields that are filled in and leaves empty ones out', async () => {
		const { run, calls } = setup(
			{
				...createParameters,
				shipMethodId: '24',
				additionalFields: {
					ship_account: ' 333444555 ',
					notes: 'Leave at reception',
					customer_rma_case: '',
					duties_and_taxes_account: '10000000',
					importer_of_record: importer,
				},
			},
			() => order,
		);
		await run();
		const body = calls[0].options.body as IDataObject;
		expect(body.ship_method_id).toBe(24);
		expect(body.ship_account).toBe('333444555');
		expect(body.notes).toBe('Leave at reception');
		expect(body.duties_and_taxes_account).toBe('10000000');
		expect(body).not.toHaveProperty('customer_rma_case');
		expect(body.importer_of_record).toEqual({
			name: 'Max Power',
			company: 'Generic Inc.',
			email: null,
			phone: '1-555-555-1234',
			address_1: '123 Main Street',
			address_2: 'Unit 10',
			address_3: null,
			city: 'Mississauga',
			state: 'ON',
			zip: 'L5L 5Z9',
			country: 'CA',
		});
	});

	const withAddress = (change: IDataObject) => ({ address: { ...recipient.address, ...change } });
	it.each<[string, IDataObject, string]>([
		['a 36-character address line', { recipient: withAddress({ address_1: 'x'.repeat(36) }) }, 'Recipient › Address Line 1 is 36 characters; MBX allows at most 35'],
		['a country that is not an ISO code', { recipient: withAddress({ country: 'XX' }) }, 'Recipient › Country "XX" is not an ISO country code (use e.g. CA, US, DE)'],
		['a missing city', { recipient: withAddress({ city: '' }) }, 'Recipient › City is required'],
		['a bad email', { recipient: withAddress({ email: 'jdoe@' }) }, 'Recipient › Email "jdoe@" is not a valid email address'],
		['no recipient at all', { recipient: {} }, 'Recipient › Name is required'],
		['quantity 0', { lines: { line: [{ product_code: 'P', quantity: 0, customs_declared_value: 1 }] } }, 'Lines › Line 1 › Quantity must be a whole number of 1 or more, got "0"'],
		['no lines', { lines: {} }, 'Lines is empty; add at least one line with a product code and quantity'],
		['an empty product code', { lines: { line: [{ product_code: ' ', quantity: 1, customs_declared_value: 1 }] } }, 'Lines › Line 1 › Product Code is required'],
		['a negative customs value', { lines: { line: [{ product_code: 'P', quantity: 1, customs_declared_value: -1 }] } }, 'Lines › Line 1 › Customs Declared Value must be a number of 0 or more, got "-1"'],
		['a bad importer of record', { additionalFields: { importer_of_record: { address: { ...importer.address, address_2: 'y'.repeat(40) } } } }, 'Importer of Record › Address Line 2 is 40 characters; MBX allows at most 35'],
		['no ship method', { shipMethodId: '' }, 'Ship Method is required'],
		['no purchase order', { purchaseOrder: '  ' }, 'Purchase Order is required'],
		['organization ID 0', { organizationId: 0 }, 'Organization ID must be a whole number of 1 or more, got "0"'],
	])('refuses %s before sending anything, naming the field', async (_case, change, message) => {
		const { run, calls } = setup({ ...createParameters, ...change }, () => order);
		const result = run();
		await expect(result).rejects.toBeInstanceOf(NodeOperationError);
		await expect(result).rejects.toThrow(message);
		expect(calls).toHaveLength(0);
	});

	it('reports the item that failed, after sending the good ones before it', async () => {
		const { run, calls } = setup(
			[createParameters, { ...createParameters, recipient: withAddress({ country: 'Canada' }) }],
			() => order,
		);
		const error = await run().then(
			() => undefined,
			(e: unknown) => e as NodeOperationError,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe('Recipient › Country "CANADA" is not an ISO country code (use e.g. CA, US, DE)');
		expect(error?.context.itemIndex).toBe(1);
		expect(calls).toHaveLength(1);
	});

	it('surfaces the MBX 422 message', async () => {
		const { run, calls } = setup(createParameters, () =>
			Promise.reject(httpError(422, { errors: ['purchase_order has already been taken'] })),
		);
		const result = run();
		await expect(result).rejects.toBeInstanceOf(NodeApiError);
		await expect(result).rejects.toThrow('purchase_order has already been taken');
		expect(calls).toHaveLength(1);
	});
});

describe('MBX Customer Order Submission: only what the user gave', () => {
	it('Create with only the required fields sends exactly those (empty optional fields left out)', async () => {
		const { run, calls } = setup(
			{
				...createParameters,
				recipient: { address: { name: 'Pat Doe', address_1: '1 Main St', city: 'Austin', country: 'US', company: '', email: '', phone: '', address_2: '', address_3: '', state: '', zip: '' } },
				lines: { line: [{ product_code: 'P-1', quantity: 1, customs_declared_value: '0' }] },
				additionalFields: {},
			},
			() => order,
		);
		await run();
		// The address keeps MBX's own shape (its POST example sends unused address lines as null).
		expect(calls[0].options.body).toEqual({
			organization_id: 1234,
			purchase_order: '56789',
			customer_order: 'MBX-01234-56789',
			ship_method_id: 12,
			recipient: { name: 'Pat Doe', company: null, email: null, phone: null, address_1: '1 Main St', address_2: null, address_3: null, city: 'Austin', state: null, zip: null, country: 'US' },
			lines: [{ product_code: 'P-1', quantity: 1, customs_declared_value: 0 }],
		});
	});

	it('leaves out optional fields that were added but left empty on Create', async () => {
		const { run, calls } = setup(
			{
				...createParameters,
				additionalFields: { promise_date: '', end_user_order_dt: '', end_user_po: ' ', end_user_name: '', customer_data: '', notes: '', ship_account: '' },
			},
			() => order,
		);
		await run();
		expect(Object.keys(calls[0].options.body as IDataObject)).toEqual([
			'organization_id',
			'purchase_order',
			'customer_order',
			'ship_method_id',
			'recipient',
			'lines',
		]);
	});

	it('refuses a line without a customs value instead of sending 0, from the fields and from JSON', async () => {
		for (const [change, field] of [
			[{ lines: { line: [{ product_code: 'P-1', quantity: 1, customs_declared_value: '' }] } }, 'Lines'],
			[{ lines: { line: [{ product_code: 'P-1', quantity: 1 }] } }, 'Lines'],
			// Named after the field the lines came from.
			[{ linesFrom: 'json', linesJson: '[{"product_code": "P-1", "quantity": 1}]' }, 'Lines (JSON)'],
		] as const) {
			const { run, calls } = setup({ ...createParameters, ...change }, () => order);
			const result = run();
			await expect(result).rejects.toBeInstanceOf(NodeOperationError);
			await expect(result).rejects.toThrow(`${field} › Line 1 › Customs Declared Value is required (the customs value of one unit)`);
			expect(calls).toHaveLength(0);
		}
	});

	it('offers the customs value as a required field that starts empty', () => {
		const linesField = description.find((p) => p.name === 'lines' && p.displayOptions?.show?.operation?.includes('create'));
		const values = (linesField?.options as Array<{ values: INodeProperties[] }>)[0].values;
		expect(values.find((v) => v.name === 'customs_declared_value')).toMatchObject({ type: 'string', required: true, default: '' });
	});
});

describe('MBX Customer Order Submission: promise date, end user and customer data', () => {
	it('sends the promise date as YYYY-MM-DD and the other documented order columns on Create', async () => {
		const { run, calls } = setup(
			{
				...createParameters,
				additionalFields: {
					promise_date: '2026-12-15T00:00:00',
					end_user_po: ' 0123456789 ',
					end_user_name: 'Jane L. Doe',
					end_user_order_dt: '2015-04-30T14:36:13.073726',
					customer_data: 'crm A-1001',
				},
			},
			() => order,
		);
		await run();
		expect(calls[0].options.body).toMatchObject({
			promise_date: '2026-12-15',
			end_user_po: '0123456789',
			end_user_name: 'Jane L. Doe',
			end_user_order_dt: '2015-04-30T14:36:13.073726',
			customer_data: 'crm A-1001',
		});
	});

	it.each<[string, unknown, string]>([
		['a date from the picker', '2026-11-24T00:00:00', '2026-11-24'],
		['a bare ISO date', ' 2026-11-24 ', '2026-11-24'],
		['a time with a zone, keeping the day written', '2026-11-24T23:30:00-05:00', '2026-11-24'],
		['a Luxon DateTime from an expression', { toISO: () => '2027-01-05T18:30:00.000+01:00' }, '2027-01-05'],
		['a JavaScript Date', new Date('2027-02-03T10:00:00Z'), '2027-02-03'],
	])('reads %s as a promise date', async (_case, promise_date, sent) => {
		const { run, calls } = setup({ operation: 'update', orderId: { __rl: true, mode: 'id', value: '42' }, updateFields: { promise_date } }, () => order);
		await run();
		expect(calls[0].options.body).toEqual({ promise_date: sent });
	});

	it.each<[string, unknown, string]>([
		['the picker', '2026-11-24T14:30:00', '2026-11-24T14:30:00'],
		['a time without seconds and with a zone', '2026-11-24 14:30z', '2026-11-24T14:30:00Z'],
		['a bare date', '2026-11-24', '2026-11-24'],
		['a Luxon DateTime', { toISO: () => '2026-11-24T14:30:00.000-05:00' }, '2026-11-24T14:30:00.000-05:00'],
	])('reads the end user order date from %s', async (_case, end_user_order_dt, sent) => {
		const { run, calls } = setup({ operation: 'update', orderId: { __rl: true, mode: 'id', value: '42' }, updateFields: { end_user_order_dt } }, () => order);
		await run();
		expect(calls[0].options.body).toEqual({ end_user_order_dt: sent });
	});

	it.each<[string, IDataObject, string]>([
		['a promise date that is no date', { promise_date: 'next Friday' }, 'Promise Date "next Friday" is not a date MBX can read'],
		['a promise date that is no day', { promise_date: '2026-02-30' }, 'Promise Date "2026-02-30" is not a date MBX can read'],
		['a promise date in US form', { promise_date: '11/24/2026' }, 'Promise Date "11/24/2026" is not a date MBX can read'],
		['a promise date as a number', { promise_date: 20261124 }, 'Promise Date "20261124" is not a date MBX can read'],
		['an invalid JavaScript Date', { promise_date: new Date('nope') as unknown as string }, 'Promise Date'],
		['an end user order date at 24 o’clock', { end_user_order_dt: '2026-11-24T24:00:00' }, 'End User Order Date "2026-11-24T24:00:00" is not a date and time MBX can read'],
	])('refuses %s before sending, naming the field', async (_case, additionalFields, message) => {
		const { run, calls } = setup({ ...createParameters, additionalFields }, () => order);
		const result = run();
		await expect(result).rejects.toBeInstanceOf(NodeOperationError);
		await expect(result).rejects.toThrow(message);
		expect(calls).toHaveLength(0);
	});

	it('sends customer data an expression gives as an object as JSON text', async () => {
		const { run, calls } = setup({ ...createParameters, additionalFields: { customer_data: { crm_id: 'A-1001', tags: ['vip'] } } }, () => order);
		await run();
		expect((calls[0].options.body as IDataObject).customer_data).toBe('{"crm_id":"A-1001","tags":["vip"]}');
	});

	it('clears an added but empty date with null, and empty text with "", on Update', async () => {
		const { run, calls } = setup(
			{ operation: 'update', orderId: { __rl: true, mode: 'id', value: '42' }, updateFields: { promise_date: '', end_user_order_dt: '', customer_data: '', end_user_po: '' } },
			() => order,
		);
		await run();
		expect(calls[0].options.body).toEqual({ promise_date: null, end_user_order_dt: null, customer_data: '', end_user_po: '' });
	});

	it('offers the new fields with hints, as date pickers where MBX keeps dates', () => {
		const create = description.find((p) => p.name === 'additionalFields')?.options as INodeProperties[];
		const field = (name: string) => create.find((o) => o.name === name);
		expect(field('promise_date')).toMatchObject({ displayName: 'Promise Date', type: 'dateTime', default: '' });
		expect(field('end_user_order_dt')).toMatchObject({ displayName: 'End User Order Date', type: 'dateTime', default: '' });
		expect(field('customer_data')).toMatchObject({ type: 'string', default: '' });
		for (const name of ['promise_date', 'end_user_order_dt', 'customer_data']) expect(field(name)?.hint).toBeTruthy();
		for (const name of ['end_user_po', 'end_user_name']) expect(field(name)?.description).toBeTruthy();
	});
});

describe('MBX Customer Order Submission: Get', () => {
	it('GETs the order picked in the list and returns it as it is', async () => {
		const { run, calls } = setup({ operation: 'get', orderId: { __rl: true, mode: 'list', value: '42' } }, () => order);
		const [output] = await run();
		expect(calls[0].options).toMatchObject({ method: 'GET', url: `${PATH}/42` });
		expect(output).toEqual([{ json: order, pairedItem: { item: 0 } }]);
	});

	it('refuses an ID that is not a whole number before sending anything', async () => {
		const { run, calls } = setup({ operation: 'get', orderId: { __rl: true, mode: 'id', value: 'PO-1' } });
		await expect(run()).rejects.toThrow('Order ID must be a whole number of 1 or more, got "PO-1"');
		expect(calls).toHaveLength(0);
	});
});

describe('MBX Customer Order Submission: Get Many', () => {
	// A server that ignores filters: every third order is SO-1, every second one shipped. One full MBX page and part of a second.
	const all = Array.from({ length: MBX_PAGE_SIZE + 20 }, (_, i) => ({
		id: i + 1,
		purchase_order: `PO-${i + 1}`,
		customer_order: i % 3 === 0 ? 'SO-1' : `SO-${i + 1}`,
		status: i % 2 ? 'shipped' : 'pending',
	}));
	const listResponder = (call: RecordedCall) => {
		const q = qOf(call.options.url) as { limit: number; offset: number };
		const results = all.slice(q.offset, q.offset + q.limit);
		return { count: results.length, total_results: all.length, offset: q.offset, results };
	};

	it('sends the filters as keys of q, status in lowercase, and stops at the limit', async () => {
		const { run, calls } = setup(
			{
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { status: 'Shipped', customer_order: ' SO-1 ', purchase_order: '' },
			},
			listResponder,
		);
		const [output] = await run();
		expect(output.map((o) => o.json.id)).toEqual([4, 10, 16, 22, 28]);
		expect(calls).toHaveLength(1);
		expect(calls[0].options.method).toBe('GET');
		expect(calls[0].options.url.startsWith(`${PATH}?q=`)).toBe(true);
		expect(qOf(calls[0].options.url)).toEqual({ limit: MBX_PAGE_SIZE, offset: 0, status: 'shipped', customer_order: 'SO-1' });
	});

	it('pages through every order with Return All, keeping the matching ones', async () => {
		const { run, calls } = setup({ operation: 'getAll', returnAll: true, filters: { customer_order: 'SO-1' } }, listResponder);
		const [output] = await run();
		// Every third order, from the first: orders 1, 4, 7, …
		expect(output).toHaveLength(Math.ceil(all.length / 3));
		expect(output.every((o) => o.json.customer_order === 'SO-1')).toBe(true);
		expect(calls.map((c) => qOf(c.options.url))).toEqual([
			{ limit: MBX_PAGE_SIZE, offset: 0, customer_order: 'SO-1' },
			{ limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE, customer_order: 'SO-1' },
		]);
	});

	it('sends no filters when none are given', async () => {
		const { run, calls } = setup({ operation: 'getAll', returnAll: false, limit: 2, filters: {} }, listResponder);
		await run();
		expect(qOf(calls[0].options.url)).toEqual({ limit: 2, offset: 0 });
	});
});

describe('MBX Customer Order Submission: Update', () => {
	const orderId = { __rl: true, mode: 'id', value: ' 42 ' };

	it('PUTs only the fields given', async () => {
		const { run, calls } = setup(
			{ operation: 'update', orderId, updateFields: { notes: 'Ship Monday', ship_method_id: '7', customer_rma_case: '' } },
			() => ({ ...order, notes: 'Ship Monday' }),
		);
		const [output] = await run();
		expect(calls[0].options).toMatchObject({ method: 'PUT', url: `${PATH}/42` });
		expect(calls[0].options.body).toEqual({ notes: 'Ship Monday', ship_method_id: 7, customer_rma_case: '' });
		expect(output[0].json).toEqual({ ...order, notes: 'Ship Monday' });
	});

	it('replaces the recipient and the lines when they are given', async () => {
		const { run, calls } = setup(
			{
				operation: 'update',
				orderId,
				updateFields: { recipient, lines: { line: [{ product_code: 'P-9', quantity: '4', customs_declared_value: 10 }] }, organization_id: '1234' },
			},
			() => order,
		);
		await run();
		expect(calls[0].options.body).toEqual({
			organization_id: 1234,
			recipient: sentRecipient,
			lines: [{ product_code: 'P-9', quantity: 4, customs_declared_value: 10 }],
		});
	});

	it.each<[string, IDataObject, string]>([
		['a 36-character address line', { recipient: { address: { ...recipient.address, address_1: 'z'.repeat(36) } } }, 'Recipient › Address Line 1 is 36 characters; MBX allows at most 35'],
		['a bad country', { importer_of_record: { address: { ...importer.address, country: 'ZZ' } } }, 'Importer of Record › Country "ZZ" is not an ISO country code (use e.g. CA, US, DE)'],
		['no lines', { lines: { line: [] } }, 'Lines is empty; add at least one line with a product code and quantity'],
		['an emptied purchase order', { purchase_order: '' }, 'Purchase Order is required'],
		['nothing to change', {}, 'Update Fields is empty; add at least one field to change'],
	])('refuses %s before sending anything', async (_case, updateFields, message) => {
		const { run, calls } = setup({ operation: 'update', orderId, updateFields });
		const result = run();
		await expect(result).rejects.toBeInstanceOf(NodeOperationError);
		await expect(result).rejects.toThrow(message);
		expect(calls).toHaveLength(0);
	});

	it('surfaces MBX refusing a change to an order that is no longer pending', async () => {
		const { run } = setup({ operation: 'update', orderId, updateFields: { notes: 'x' } }, () =>
			Promise.reject(httpError(422, { errors: ['Order can only be changed while pending'] })),
		);
		await expect(run()).rejects.toThrow('Order can only be changed while pending');
	});
});

describe('MBX Customer Order Submission: Delete', () => {
	it('DELETEs the order and outputs deleted and the ID when MBX answers with no body', async () => {
		const { run, calls } = setup({ operation: 'delete', orderId: { __rl: true, mode: 'list', value: '42' } }, () => '');
		const [output] = await run();
		expect(calls[0].options).toMatchObject({ method: 'DELETE', url: `${PATH}/42` });
		expect(calls[0].options.body).toBeUndefined();
		expect(output).toEqual([{ json: { deleted: true, id: 42 }, pairedItem: { item: 0 } }]);
	});

	it('merges the object MBX answers with', async () => {
		const { run } = setup({ operation: 'delete', orderId: { __rl: true, mode: 'id', value: '42' } }, () => order);
		const [output] = await run();
		expect(output[0].json).toEqual({ ...order, deleted: true, id: 42 });
	});
});

describe('MBX Customer Order Submission: parameters', () => {
	const byName = (name: string, operation: string) =>
		description.find((p) => p.name === name && p.displayOptions?.show?.operation?.includes(operation));

	it('offers the five operations, Create by default', () => {
		const selector = description.find((p) => p.name === 'operation');
		expect(selector?.default).toBe('create');
		expect(selector?.displayOptions?.show?.resource).toEqual(['customerOrderSubmission']);
		expect((selector?.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['create', 'delete', 'get', 'getAll', 'update']);
	});

	it('shows each operation the parameters the lead wires workflows with', () => {
		const names = (operation: string) =>
			description.filter((p) => p.displayOptions?.show?.operation?.includes(operation)).map((p) => p.name);
		expect(names('create')).toEqual(['organizationId', 'purchaseOrder', 'customerOrder', 'shipMethodId', 'recipient', 'linesFrom', 'lines', 'linesJson', 'additionalFields']);
		expect(names('get')).toEqual(['orderId']);
		expect(names('getAll')).toEqual(['returnAll', 'limit', 'filters']);
		expect(names('update')).toEqual(['updateNotice', 'orderId', 'updateFields']);
		expect(names('delete')).toEqual(['deleteNotice', 'orderId']);
		for (const p of description.filter((p) => p.name !== 'operation')) {
			expect(p.displayOptions?.show?.resource).toEqual(['customerOrderSubmission']);
		}
	});

	it('lists collection options sorted by display name, as n8n lint requires', () => {
		for (const [name, operation] of [
			['additionalFields', 'create'],
			['updateFields', 'update'],
			['filters', 'getAll'],
		]) {
			const shown = (byName(name, operation)?.options as INodeProperties[]).map((o) => o.displayName);
			expect(shown).toEqual([...shown].sort((a, b) => a.localeCompare(b)));
		}
		const update = byName('updateFields', 'update')?.options as INodeProperties[];
		expect(update.map((o) => o.name)).toEqual([
			'customer_data',
			'customer_order',
			'duties_and_taxes_account',
			'end_user_name',
			'end_user_order_dt',
			'end_user_po',
			'importer_of_record',
			'lines',
			'notes',
			'organization_id',
			'promise_date',
			'purchase_order',
			'recipient',
			'customer_rma_case',
			'ship_account',
			'ship_method_id',
		]);
		expect(update.some((o) => o.required)).toBe(false);
	});

	it('names the address fields as the validation messages do', () => {
		const recipientField = byName('recipient', 'create');
		const values = (recipientField?.options as Array<{ values: INodeProperties[] }>)[0].values;
		expect(values.map((v) => [v.name, v.displayName])).toEqual(ADDRESS_FIELDS.map((f) => [f.key, f.label]));
		expect(values.filter((v) => v.required).map((v) => v.name)).toEqual(['name', 'address_1', 'city', 'country']);
		const country = values.find((v) => v.name === 'country');
		expect(country).toMatchObject({ type: 'string', placeholder: 'CA', hint: 'Two-letter ISO code' });
	});

	it('loads ship methods with getShipMethods and searches orders with searchOrders', () => {
		expect(byName('shipMethodId', 'create')).toMatchObject({
			displayName: 'Ship Method Name or ID',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getShipMethods' },
		});
		for (const operation of ['get', 'update', 'delete']) {
			const locator = byName('orderId', operation);
			expect(locator?.type).toBe('resourceLocator');
			expect(locator?.modes?.[0].typeOptions?.searchListMethod).toBe('searchOrders');
		}
	});
});
