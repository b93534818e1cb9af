import { NodeApiError, NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { description, operations } from '../../../nodes/OpenBoxes/actions/stockMovement';
import { toOpenBoxesDateTime } from '../../../nodes/OpenBoxes/dates';
import { runOperations } from '../../../nodes/shared/router';
import { httpError, mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';

const API = 'http://ob.test/openboxes/api';
const credentials = { openBoxesApi: { baseUrl: 'http://ob.test/openboxes/', username: 'u', password: 'p', location: 'L1', sessionCookie: 'JSESSIONID=A' } };

const locator = (value: string) => ({ __rl: true, mode: 'list', value });

function setup(parameters: IDataObject, respond?: (call: RecordedCall, index: number) => unknown, creds: Record<string, IDataObject> = credentials) {
	const mock = mockExecuteFunctions({ parameters: { resource: 'stockMovement', ...parameters }, credentials: creds, respond });
	return { ...mock, run: async () => (await runOperations.call(mock.context, { stockMovement: operations }))[0] };
}

/** Runs and expects a refusal before any request; returns the error. */
async function refused(parameters: IDataObject, creds?: Record<string, IDataObject>) {
	const mock = setup(parameters, () => ({}), creds);
	const error = await mock.run().then(
		() => undefined,
		(e: unknown) => e as NodeOperationError,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(mock.calls).toHaveLength(0);
	return error as NodeOperationError;
}

describe('OpenBoxes Stock Movement: descriptions', () => {
	it('offers exactly the operations it implements, each shown only for this resource', () => {
		const selector = description[0];
		expect(selector.name).toBe('operation');
		const values = (selector.options as Array<{ value: string }>).map((o) => o.value);
		expect(values.sort()).toEqual(Object.keys(operations).sort());
		for (const property of description.slice(1) as INodeProperties[]) {
			expect(property.displayOptions?.show?.resource).toEqual(['stockMovement']);
		}
	});
});

describe('OpenBoxes Stock Movement: Create', () => {
	const lines = {
		line: [
			{ productId: ' p1 ', quantityRequested: 5, lotNumber: '', expirationDate: '', id: '' },
			{ productId: 'p2', quantityRequested: '2', lotNumber: ' LOT-9 ', expirationDate: '2027-01-31T00:00:00', id: 'line-7' },
		],
	};

	it('sends origin, destination, requester, date and lines; an empty origin is the credential location', async () => {
		const { run, calls } = setup(
			{
				operation: 'create',
				origin: locator(''),
				destination: locator('L2'),
				requestedBy: 'U1',
				dateRequested: '2026-11-24T09:00:00',
				lines,
				additionalFields: { description: ' weekly top-up ', stocklistId: 'SL1', dateDeliveryRequested: '2026-12-01' },
			},
			() => ({ data: { id: 'sm1', statusCode: 'CREATED' } }),
		);
		const output = await run();
		expect(output.map((i) => i.json)).toEqual([{ id: 'sm1', statusCode: 'CREATED' }]);
		expect(calls).toHaveLength(1);
		expect(calls[0].options).toMatchObject({ method: 'POST', url: `${API}/stockMovements` });
		expect(calls[0].options.body).toEqual({
			origin: { id: 'L1' },
			destination: { id: 'L2' },
			requestedBy: { id: 'U1' },
			dateRequested: '11/24/2026',
			description: 'weekly top-up',
			stocklist: { id: 'SL1' },
			dateDeliveryRequested: '12/01/2026',
			lineItems: [
				{ product: { id: 'p1' }, quantityRequested: 5 },
				{ product: { id: 'p2' }, quantityRequested: 2, id: 'line-7', lotNumber: 'LOT-9', expirationDate: '01/31/2027' },
			],
		});
	});

	it('refuses an empty Date Requested instead of making one up, and sends no lines when none are given', async () => {
		const error = await refused({ operation: 'create', origin: locator('L3'), destination: locator(''), requestedBy: 'U1', dateRequested: '' });
		expect(error.message).toBe('Date Requested is required');
		const { run, calls } = setup(
			{ operation: 'create', origin: locator('L3'), destination: locator(''), requestedBy: 'U1', dateRequested: { toString: () => '2026-11-24T00:00:00.000+01:00' } as unknown as string },
			() => ({ data: { id: 'sm2' } }),
		);
		await run();
		expect(calls[0].options.body).toEqual({
			origin: { id: 'L3' },
			destination: { id: 'L1' },
			requestedBy: { id: 'U1' },
			dateRequested: '11/24/2026',
		});
	});

	it('refuses origin = destination (both empty means both are the credential location)', async () => {
		const error = await refused({ operation: 'create', origin: locator(''), destination: locator(''), requestedBy: 'U1' });
		expect(error.message).toMatch(/Origin and Destination are the same/);
		await refused({ operation: 'create', origin: locator('L2'), destination: locator('L2'), requestedBy: 'U1' });
	});

	it('refuses a missing requester, a bad date and a line with quantity below 1, naming the field', async () => {
		const base = { operation: 'create', origin: locator(''), destination: locator('L2'), requestedBy: 'U1', dateRequested: '2026-11-24' };
		expect((await refused({ ...base, requestedBy: ' ' })).message).toBe('Requested By is required');
		expect((await refused({ ...base, dateRequested: 'next tuesday' })).message).toMatch(/Date Requested "next tuesday"/);
		const quantity = await refused({ ...base, lines: { line: [{ productId: 'p1', quantityRequested: 1 }, { productId: 'p2', quantityRequested: 0 }] } });
		expect(quantity.message).toMatch(/Quantity Requested \(line 2\) must be a whole number of 1 or more/);
		expect((await refused({ ...base, lines: { line: [{ productId: '', quantityRequested: 1 }] } })).message).toBe('Product ID is required (line 1)');
	});

	it('says which field to fill when the origin is empty and the credential has no location', async () => {
		const noLocation = { openBoxesApi: { ...credentials.openBoxesApi, location: '' } };
		const error = await refused({ operation: 'create', origin: locator(''), destination: locator('L2'), requestedBy: 'U1' }, noLocation);
		expect(error.message).toMatch(/^Origin is empty and the credential has no Location ID/);
	});
});

describe('OpenBoxes Stock Movement: Get and Delete', () => {
	it('Get unwraps the data envelope (dropping the line count)', async () => {
		const { run, calls } = setup({ operation: 'get', stockMovementId: 'sm 1' }, () => ({ data: { id: 'sm 1', lineItems: [] }, totalCount: 0 }));
		const output = await run();
		expect(output[0].json).toEqual({ id: 'sm 1', lineItems: [] });
		expect(calls[0].options).toMatchObject({ method: 'GET', url: `${API}/stockMovements/sm%201` });
	});

	it('Delete sends DELETE and reports the deletion (OpenBoxes answers 204 without a body)', async () => {
		const { run, calls } = setup({ operation: 'delete', stockMovementId: 'sm1' }, () => '');
		const output = await run();
		expect(output[0].json).toEqual({ deleted: true, id: 'sm1' });
		expect(calls[0].options).toMatchObject({ method: 'DELETE', url: `${API}/stockMovements/sm1` });
	});

	it('Delete passes on OpenBoxes’ refusal', async () => {
		const { run } = setup({ operation: 'delete', stockMovementId: 'sm1' }, () =>
			Promise.reject(httpError(400, { errorMessage: 'You cannot delete a shipment with status SHIPPED' })),
		);
		await expect(run()).rejects.toThrow(/You cannot delete a shipment with status SHIPPED/);
	});

	it('refuses an empty Stock Movement ID before any request', async () => {
		expect((await refused({ operation: 'get', stockMovementId: '  ' })).message).toBe('Stock Movement is required');
	});
});

describe('OpenBoxes Stock Movement: Get Many', () => {
	const rows = Array.from({ length: 130 }, (_, i) => ({ id: `sm${i}` }));
	const pager = (call: RecordedCall) => {
		const { max, offset } = call.options.qs as { max: number; offset: number };
		return { data: rows.slice(offset, offset + max), totalCount: rows.length };
	};

	it('outbound: origin defaults to the credential location; filters and dates are converted; pages to totalCount', async () => {
		const { run, calls } = setup(
			{
				operation: 'getAll',
				direction: 'OUTBOUND',
				origin: locator(''),
				destination: locator(''),
				returnAll: true,
				filters: {
					q: ' 483ZSA ',
					createdAfter: '2026-11-01T00:00:00',
					createdBefore: '11/30/2026',
					receiptStatusCode: ['PENDING', 'SHIPPED'],
					requisitionStatusCode: ['PICKING'],
				},
			},
			pager,
		);
		const output = await run();
		expect(output).toHaveLength(130);
		expect(calls.map((c) => c.options.qs)).toEqual(
			[0, 100].map((offset) => ({
				direction: 'OUTBOUND',
				origin: 'L1',
				q: '483ZSA',
				createdAfter: '11/01/2026',
				createdBefore: '11/30/2026',
				max: 100,
				offset,
			})),
		);
		// Repeated parameters go into the path: OpenBoxes reads status=A&status=B, not status[0]=A.
		expect(calls[0].options.url).toBe(`${API}/stockMovements?receiptStatusCode=PENDING&receiptStatusCode=SHIPPED&requisitionStatusCode=PICKING`);
		expect(calls[0].options.method).toBe('GET');
	});

	it('inbound: destination defaults to the credential location and a chosen origin is kept', async () => {
		const { run, calls } = setup(
			{ operation: 'getAll', direction: 'INBOUND', origin: locator('SUP1'), destination: locator(''), returnAll: false, limit: 3, filters: {} },
			pager,
		);
		const output = await run();
		expect(output.map((i) => i.json.id)).toEqual(['sm0', 'sm1', 'sm2']);
		expect(calls).toHaveLength(1);
		expect(calls[0].options.url).toBe(`${API}/stockMovements`);
		expect(calls[0].options.qs).toEqual({ direction: 'INBOUND', origin: 'SUP1', destination: 'L1', max: 3, offset: 0 });
	});

	it('an empty outbound list ({"data":[],"totalCount":[]}) gives no items', async () => {
		const { run, calls } = setup(
			{ operation: 'getAll', direction: 'OUTBOUND', origin: locator('L5'), destination: locator('L6'), returnAll: true, filters: {} },
			() => ({ data: [], totalCount: [] }),
		);
		expect(await run()).toEqual([]);
		expect(calls[0].options.qs).toEqual({ direction: 'OUTBOUND', origin: 'L5', destination: 'L6', max: 100, offset: 0 });
	});

	it('refuses origin = destination, a missing direction, bad dates and reversed dates before any request', async () => {
		const base = { operation: 'getAll', origin: locator(''), destination: locator(''), returnAll: true, filters: {} };
		expect((await refused({ ...base, direction: 'OUTBOUND', destination: locator('L1') })).message).toMatch(/Origin and Destination are the same/);
		expect((await refused({ ...base, direction: 'INBOUND', origin: locator('L1') })).message).toMatch(/Origin and Destination are the same/);
		expect((await refused({ ...base, direction: '' })).message).toBe('Direction is required');
		expect((await refused({ ...base, direction: 'sideways' })).message).toMatch(/Direction "SIDEWAYS" is not Inbound or Outbound/);
		expect((await refused({ ...base, direction: 'OUTBOUND', filters: { createdAfter: '31.12.2026' } })).message).toMatch(/Created After "31.12.2026"/);
		const reversed = await refused({ ...base, direction: 'OUTBOUND', filters: { createdAfter: '2026-12-02', createdBefore: '2026-12-01' } });
		expect(reversed.message).toBe('Created After is later than Created Before');
	});

	it('accepts the direction in lower case (from an expression)', async () => {
		const { run, calls } = setup(
			{ operation: 'getAll', direction: 'inbound', origin: locator(''), destination: locator(''), returnAll: true, filters: {} },
			() => ({ data: [], totalCount: 0 }),
		);
		await run();
		expect(calls[0].options.qs).toMatchObject({ direction: 'INBOUND', destination: 'L1' });
	});
});

describe('OpenBoxes Stock Movement: Update Items and Get Line Items', () => {
	it('Update Items posts lineItems and unwraps the answer', async () => {
		const { run, calls } = setup(
			{ operation: 'updateItems', stockMovementId: 'sm1', lines: { line: { productId: 'p1', quantityRequested: 3, lotNumber: 'A1', expirationDate: '2027-05-01' } } },
			() => ({ data: { id: 'sm1', lineItems: [{ id: 'li1' }] } }),
		);
		const output = await run();
		expect(output[0].json).toEqual({ id: 'sm1', lineItems: [{ id: 'li1' }] });
		expect(calls[0].options).toMatchObject({ method: 'POST', url: `${API}/stockMovements/sm1/updateItems` });
		expect(calls[0].options.body).toEqual({
			lineItems: [{ product: { id: 'p1' }, quantityRequested: 3, lotNumber: 'A1', expirationDate: '05/01/2027' }],
		});
	});

	it('Update Items refuses empty lines, a quantity below 1 and a bad expiry date', async () => {
		expect((await refused({ operation: 'updateItems', stockMovementId: 'sm1', lines: {} })).message).toBe('Lines is empty; add at least one line');
		const quantity = await refused({ operation: 'updateItems', stockMovementId: 'sm1', lines: { line: [{ productId: 'p1', quantityRequested: -2 }] } });
		expect(quantity.message).toMatch(/Quantity Requested \(line 1\)/);
		const expiry = await refused({ operation: 'updateItems', stockMovementId: 'sm1', lines: { line: [{ productId: 'p1', quantityRequested: 1, expirationDate: 'soon' }] } });
		expect(expiry.message).toMatch(/Expiry Date \(line 1\) "soon"/);
	});

	it('Get Line Items pages with max/offset and stops at a short page (no totalCount here)', async () => {
		const items = Array.from({ length: 150 }, (_, i) => ({ id: `li${i}` }));
		const { run, calls } = setup({ operation: 'getLineItems', stockMovementId: 'sm1', returnAll: true }, (call) => {
			const { max, offset } = call.options.qs as { max: number; offset: number };
			return { data: items.slice(offset, offset + max) };
		});
		expect(await run()).toHaveLength(150);
		expect(calls.map((c) => [c.options.url, c.options.qs])).toEqual([
			[`${API}/stockMovements/sm1/stockMovementItems`, { max: 100, offset: 0 }],
			[`${API}/stockMovements/sm1/stockMovementItems`, { max: 100, offset: 100 }],
		]);
	});
});

describe('OpenBoxes Stock Movement: Update Status', () => {
	it.each([
		[{ status: 'REQUESTED' }, { status: 'REQUESTED' }],
		[{ status: 'PICKING', createPicklist: true }, { status: 'PICKING', createPicklist: true }],
		[{ status: 'PICKING', createPicklist: false }, { status: 'PICKING' }],
		[{ status: 'PICKED' }, { status: 'PICKED' }],
		[{ status: 'CHECKING' }, { status: 'CHECKING' }],
		[{ status: 'DISPATCHED', createPicklist: true }, { status: 'DISPATCHED' }],
		[{ status: 'ROLLBACK' }, { rollback: true }],
	])('%j sends %j and outputs success although OpenBoxes answers 200 with an empty body', async (parameters, body) => {
		const { run, calls } = setup({ operation: 'updateStatus', stockMovementId: 'sm1', ...parameters }, () => '');
		const output = await run();
		expect(output.map((i) => i.json)).toEqual([{ id: 'sm1', status: parameters.status, success: true }]);
		expect(calls[0].options).toMatchObject({ method: 'POST', url: `${API}/stockMovements/sm1/status` });
		expect(calls[0].options.body).toEqual(body);
	});

	it('refuses a status OpenBoxes cannot move to', async () => {
		expect((await refused({ operation: 'updateStatus', stockMovementId: 'sm1', status: 'CANCELED' })).message).toMatch(/Status "CANCELED" is not one/);
	});

	it('passes on OpenBoxes’ error (e.g. not enough stock to pick)', async () => {
		const { run } = setup({ operation: 'updateStatus', stockMovementId: 'sm1', status: 'PICKING', createPicklist: true }, () =>
			Promise.reject(httpError(400, { errorCode: 400, errorMessage: 'Validation error. Product 00001 has no available inventory.' })),
		);
		const error = await run().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/has no available inventory/);
	});
});

describe('OpenBoxes Stock Movement: Update Shipment', () => {
	it('sends only the fields given, dates as MM/dd/yyyy HH:mm with the workflow time zone’s offset', async () => {
		const mock = setup(
			{
				operation: 'updateShipment',
				stockMovementId: 'sm1',
				updateFields: {
					dateShipped: '2026-11-24T14:30:00',
					expectedDeliveryDate: '2026-07-01T09:05:00',
					shipmentTypeId: ' 5 ',
					trackingNumber: ' 1Z999 ',
					driverName: 'Ana',
					comments: '',
				},
			},
			() => '',
		);
		(mock.context as unknown as { getTimezone: () => string }).getTimezone = () => 'America/New_York';
		const output = await mock.run();
		const body = {
			dateShipped: '11/24/2026 14:30 -05:00',
			shipmentType: { id: '5' },
			trackingNumber: '1Z999',
			driverName: 'Ana',
			comments: '',
			expectedDeliveryDate: '07/01/2026 09:05 -04:00',
		};
		expect(mock.calls[0].options).toMatchObject({ method: 'POST', url: `${API}/stockMovements/sm1/updateShipment` });
		expect(mock.calls[0].options.body).toEqual(body);
		expect(output[0].json).toEqual({ id: 'sm1', success: true, ...body });
	});

	it('refuses an empty update and an unreadable date', async () => {
		expect((await refused({ operation: 'updateShipment', stockMovementId: 'sm1', updateFields: {} })).message).toMatch(/Update Fields is empty/);
		const date = await refused({ operation: 'updateShipment', stockMovementId: 'sm1', updateFields: { dateShipped: '2026-02-30T10:00:00' } });
		expect(date.message).toMatch(/Date Shipped "2026-02-30T10:00:00" is not a date and time/);
	});
});

describe('toOpenBoxesDateTime', () => {
	const { context } = mockExecuteFunctions({ parameters: {} });
	const convert = (value: unknown) => toOpenBoxesDateTime(context, value, 'When', 0);

	it('keeps offsets that are given and reads times without one in the workflow zone (UTC here)', () => {
		expect(convert('2026-11-24T14:30:00.000+01:00')).toBe('11/24/2026 14:30 +01:00');
		expect(convert('2026-11-24T14:30:00Z')).toBe('11/24/2026 14:30 +00:00');
		expect(convert('2026-11-24T14:30-0330')).toBe('11/24/2026 14:30 -03:30');
		expect(convert('2026-11-24T14:30:00')).toBe('11/24/2026 14:30 +00:00');
		expect(convert('2026-11-24')).toBe('11/24/2026 00:00 +00:00');
		expect(convert('11/24/2026 14:30 -05:00')).toBe('11/24/2026 14:30 -05:00');
		expect(convert('')).toBeUndefined();
		expect(convert(undefined)).toBeUndefined();
	});

	it('refuses what is not a date and time', () => {
		expect(() => convert('tomorrow')).toThrow(/When "tomorrow" is not a date and time/);
		expect(() => convert('2026-13-01')).toThrow(NodeOperationError);
		expect(() => convert('2026-11-24T25:00:00')).toThrow(NodeOperationError);
	});
});
