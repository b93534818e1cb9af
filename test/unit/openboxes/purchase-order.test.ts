import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';

import { operations } from '../../../nodes/OpenBoxes/actions/purchaseOrder';
import { runOperations } from '../../../nodes/shared/router';
import { httpError, mockExecuteFunctions, type RecordedCall } from '../../helpers/mockContext';

const API = 'http://ob.test/openboxes/api';
const credentials = { openBoxesApi: { baseUrl: 'http://ob.test/openboxes', username: 'u', password: 'p', location: 'L1', sessionCookie: 'JSESSIONID=A' } };

const locator = (value: string) => ({ __rl: true, mode: 'list', value });

function setup(parameters: IDataObject, respond?: (call: RecordedCall, index: number) => unknown) {
	const mock = mockExecuteFunctions({ parameters: { resource: 'purchaseOrder', ...parameters }, credentials, respond });
	return { ...mock, run: async () => (await runOperations.call(mock.context, { purchaseOrder: operations }))[0] };
}

async function refused(parameters: IDataObject) {
	const mock = setup(parameters, () => ({}));
	const error = await mock.run().then(
		() => undefined,
		(e: unknown) => e as NodeOperationError,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(mock.calls).toHaveLength(0);
	return error as NodeOperationError;
}

describe('OpenBoxes Purchase Order: Get Many', () => {
	const orders = Array.from({ length: 120 }, (_, i) => ({ id: `po${i}`, status: 'PLACED' }));
	const pager = (call: RecordedCall) => {
		const { max, offset } = call.options.qs as { max: number; offset: number };
		return { data: orders.slice(offset, offset + max), totalPrice: 0, totalCount: orders.length };
	};

	it('sends every filter (statuses repeated, dates as MM/dd/yyyy) and pages to totalCount', async () => {
		const { run, calls } = setup(
			{
				operation: 'getAll',
				returnAll: true,
				filters: {
					status: ['PENDING', 'PLACED'],
					searchTerm: ' PO-12 ',
					origin: 'SUP1',
					destination: 'L2',
					statusStartDate: '2026-11-01T00:00:00',
					statusEndDate: '2026-11-30',
					orderedBy: 'U1',
				},
			},
			pager,
		);
		const output = await run();
		expect(output).toHaveLength(120);
		expect(calls.map((c) => c.options.url)).toEqual([
			`${API}/purchaseOrders?status=PENDING&status=PLACED`,
			`${API}/purchaseOrders?status=PENDING&status=PLACED`,
		]);
		expect(calls.map((c) => c.options.qs)).toEqual(
			[0, 100].map((offset) => ({
				searchTerm: 'PO-12',
				origin: 'SUP1',
				destination: 'L2',
				orderedBy: 'U1',
				statusStartDate: '11/01/2026',
				statusEndDate: '11/30/2026',
				max: 100,
				offset,
			})),
		);
	});

	it('without filters asks only for a page', async () => {
		const { run, calls } = setup({ operation: 'getAll', returnAll: false, limit: 5, filters: {} }, pager);
		expect(await run()).toHaveLength(5);
		expect(calls[0].options).toMatchObject({ method: 'GET', url: `${API}/purchaseOrders`, qs: { max: 5, offset: 0 } });
	});

	it('refuses unreadable and reversed dates before any request', async () => {
		expect((await refused({ operation: 'getAll', returnAll: true, filters: { statusStartDate: '1st of May' } })).message).toMatch(/Ordered After "1st of May"/);
		const reversed = await refused({ operation: 'getAll', returnAll: true, filters: { statusStartDate: '2026-12-01', statusEndDate: '2026-11-01' } });
		expect(reversed.message).toBe('Ordered After is later than Ordered Before');
	});
});

describe('OpenBoxes Purchase Order: Get, Delete, Rollback', () => {
	it('Get unwraps the data envelope', async () => {
		const { run, calls } = setup({ operation: 'get', purchaseOrderId: 'po1' }, () => ({
			data: { id: 'po1', status: { enumType: 'org.pih.warehouse.order.OrderStatus', name: 'PLACED' } },
		}));
		expect((await run())[0].json).toEqual({ id: 'po1', status: { enumType: 'org.pih.warehouse.order.OrderStatus', name: 'PLACED' } });
		expect(calls[0].options).toMatchObject({ method: 'GET', url: `${API}/purchaseOrders/po1` });
	});

	it('Delete sends DELETE; OpenBoxes’ refusal of a non-pending order comes through', async () => {
		const ok = setup({ operation: 'delete', purchaseOrderId: 'po1' }, () => '');
		expect((await ok.run())[0].json).toEqual({ deleted: true, id: 'po1' });
		expect(ok.calls[0].options).toMatchObject({ method: 'DELETE', url: `${API}/purchaseOrders/po1` });

		const placed = setup({ operation: 'delete', purchaseOrderId: 'po2' }, () =>
			Promise.reject(httpError(400, { errorMessages: ['Order PO-2 could not be deleted'] })),
		);
		await expect(placed.run()).rejects.toThrow(/Order PO-2 could not be deleted/);
	});

	it('Rollback posts to /rollback and outputs success for the empty 200 answer', async () => {
		const { run, calls } = setup({ operation: 'rollback', purchaseOrderId: 'po1' }, () => '');
		expect((await run())[0].json).toEqual({ id: 'po1', rolledBack: true, success: true });
		expect(calls[0].options).toMatchObject({ method: 'POST', url: `${API}/purchaseOrders/po1/rollback` });
	});

	it('refuses an empty ID before any request', async () => {
		expect((await refused({ operation: 'rollback', purchaseOrderId: '' })).message).toBe('Purchase Order is required');
	});
});

describe('OpenBoxes Purchase Order: Create', () => {
	const base = {
		operation: 'create',
		name: ' Monthly restock ',
		supplier: 'SUP1',
		destination: locator(''),
		orderedBy: 'U1',
		dateOrdered: '2026-11-24T10:00:00',
		lines: {
			line: [
				{ productId: 'p1', quantity: 10, unitPrice: 1.25 },
				{ productId: ' p2 ', quantity: '4', unitPrice: '0' },
			],
		},
		additionalFields: { orderNumber: ' PO-1001 ' },
	};

	it('posts the order (destination defaults to the credential location) and unwraps the answer', async () => {
		const { run, calls } = setup(base, () => ({ data: { id: 'po9', orderNumber: 'PO-1001' } }));
		expect((await run())[0].json).toEqual({ id: 'po9', orderNumber: 'PO-1001' });
		expect(calls[0].options).toMatchObject({ method: 'POST', url: `${API}/purchaseOrders` });
		expect(calls[0].options.body).toEqual({
			name: 'Monthly restock',
			origin: { id: 'SUP1' },
			destination: { id: 'L1' },
			orderedBy: { id: 'U1' },
			dateOrdered: '11/24/2026',
			orderItems: [
				{ product: { id: 'p1' }, quantity: 10, unitPrice: 1.25 },
				{ product: { id: 'p2' }, quantity: 4, unitPrice: 0 },
			],
			orderNumber: 'PO-1001',
		});
	});

	it('explains a 404 as a server without the purchase order API', async () => {
		const { run, calls } = setup({ ...base, destination: locator('L7') }, () =>
			Promise.reject(httpError(404, { errorCode: 404, errorMessage: 'Resource not found' })),
		);
		const error = (await run().catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('This OpenBoxes server has no API for creating purchase orders (it answered 404 Not Found)');
		expect(error.description).toMatch(/open-source OpenBoxes server/);
		expect(calls).toHaveLength(1);
		expect((calls[0].options.body as IDataObject).destination).toEqual({ id: 'L7' });
	});

	it('passes on other errors unchanged', async () => {
		const { run } = setup(base, () => Promise.reject(httpError(400, { errorCode: 400, errorMessage: 'Validation error. Supplier is required' })));
		await expect(run()).rejects.toThrow(/Validation error. Supplier is required/);
	});

	it('refuses empty lines, quantity below 1, a negative price and a missing supplier or description before any request', async () => {
		expect((await refused({ ...base, name: '  ' })).message).toBe('Description is required');
		expect((await refused({ ...base, lines: {} })).message).toBe('Lines is empty; add at least one line');
		expect((await refused({ ...base, lines: { line: [{ productId: 'p1', quantity: 0, unitPrice: 1 }] } })).message).toMatch(/Quantity \(line 1\)/);
		expect((await refused({ ...base, lines: { line: [{ productId: 'p1', quantity: 1, unitPrice: -1 }] } })).message).toMatch(/Unit Price \(line 1\) must be a number of 0 or more/);
		expect((await refused({ ...base, supplier: '' })).message).toBe('Supplier is required');
		expect((await refused({ ...base, orderedBy: '' })).message).toBe('Ordered By is required');
		expect((await refused({ ...base, dateOrdered: '24.11.2026' })).message).toMatch(/Date Ordered "24.11.2026"/);
	});
});

describe('OpenBoxes Purchase Order: Update', () => {
	it('posts only the fields given to /purchaseOrders/:id', async () => {
		const { run, calls } = setup(
			{
				operation: 'update',
				purchaseOrderId: 'po1',
				updateFields: { supplier: 'SUP2', orderNumber: '', lines: { line: [{ productId: 'p3', quantity: 2, unitPrice: 9.5 }] }, dateOrdered: '2026-12-01' },
			},
			() => ({ data: { id: 'po1' } }),
		);
		expect((await run())[0].json).toEqual({ id: 'po1' });
		expect(calls[0].options).toMatchObject({ method: 'POST', url: `${API}/purchaseOrders/po1` });
		expect(calls[0].options.body).toEqual({
			origin: { id: 'SUP2' },
			dateOrdered: '12/01/2026',
			orderNumber: '',
			orderItems: [{ product: { id: 'p3' }, quantity: 2, unitPrice: 9.5 }],
		});
	});

	it('outputs the ID when the server answers without a body', async () => {
		const { run } = setup({ operation: 'update', purchaseOrderId: 'po1', updateFields: { name: 'x' } }, () => '');
		expect((await run())[0].json).toEqual({ id: 'po1' });
	});

	it('explains a 404, and refuses an empty update before any request', async () => {
		const { run } = setup({ operation: 'update', purchaseOrderId: 'po1', updateFields: { orderedBy: 'U2' } }, () => Promise.reject(httpError(404, 'Not Found')));
		await expect(run()).rejects.toThrow(/no API for changing purchase orders, or there is no purchase order with this ID/);
		expect((await refused({ operation: 'update', purchaseOrderId: 'po1', updateFields: {} })).message).toMatch(/Update Fields is empty/);
		expect((await refused({ operation: 'update', purchaseOrderId: 'po1', updateFields: { lines: { line: [] } } })).message).toMatch(/Lines is empty/);
	});
});
