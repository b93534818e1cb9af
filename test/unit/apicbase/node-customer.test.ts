import type { IDataObject } from 'n8n-workflow';

import * as delivery from '../../../nodes/Apicbase/actions/delivery';
import { toApicbaseDeliveryDate } from '../../../nodes/Apicbase/actions/delivery/submit';
import * as outlet from '../../../nodes/Apicbase/actions/outlet';
import * as purchaseOrder from '../../../nodes/Apicbase/actions/purchaseOrder';
import * as stockItem from '../../../nodes/Apicbase/actions/stockItem';
import { runOperations } from '../../../nodes/shared/router';
import { mockExecuteFunctions, type MockOptions } from '../../helpers/mockContext';

const site = { environment: 'custom', customBaseUrl: 'http://ap.test' };
const credentials = { apicbaseOAuth2Api: site, apicbaseAccessTokenApi: site };
const resources = {
	purchaseOrder: purchaseOrder.operations,
	delivery: delivery.operations,
	outlet: outlet.operations,
	stockItem: stockItem.operations,
};
const emptyPage = { count: 0, next: null, previous: null, results: [] };

async function run(parameters: IDataObject, respond: MockOptions['respond'] = () => ({})) {
	const mock = mockExecuteFunctions({ parameters: { authentication: 'oAuth2', ...parameters }, credentials, respond });
	const [output] = await runOperations.call(mock.context, resources);
	return { output, calls: mock.calls };
}

async function rejects(parameters: IDataObject, message: string | RegExp) {
	const mock = mockExecuteFunctions({ parameters: { authentication: 'oAuth2', ...parameters }, credentials });
	await expect(runOperations.call(mock.context, resources)).rejects.toThrow(message);
	expect(mock.calls).toHaveLength(0);
}

describe('Apicbase node: Purchase Order', () => {
	it('Get Many maps every filter to its query parameter, with the OAuth2 credential', async () => {
		const { calls } = await run(
			{
				resource: 'purchaseOrder',
				operation: 'getAll',
				returnAll: true,
				filters: {
					status: 'ORDERED',
					statusIn: ['ORDERED', 'DELIVERED'],
					supplierId: 'sup-1',
					outletId: 'out-1',
					orderNumber: 'PO-7',
					orderNumberContains: 'PO',
					deliveryClosed: 'false',
					orderedAfter: '2026-11-01T00:00:00Z',
					orderedBefore: '2026-12-01T00:00:00Z',
					expectedDeliveryAfter: '2026-11-05T00:00:00',
					expectedDeliveryBefore: '2026-11-09',
					viewedBySupplier: 'true',
					fetchedBySupplier: 'false',
					ordering: '-ordered_on',
				},
			},
			() => emptyPage,
		);
		expect(calls).toHaveLength(1);
		expect(calls[0].credentialType).toBe('apicbaseOAuth2Api');
		expect(calls[0].options.url).toBe('http://ap.test/api/v2/procurement/purchase_orders/');
		expect(calls[0].options.qs).toEqual({
			status: 'ORDERED',
			status__in: 'ORDERED,DELIVERED',
			supplier: 'sup-1',
			outlet: 'out-1',
			order_number: 'PO-7',
			order_number__icontains: 'PO',
			delivery_closed: 'false',
			ordered_on__gt: '2026-11-01T00:00:00Z',
			ordered_on__lt: '2026-12-01T00:00:00Z',
			expected_delivery_date__gt: '2026-11-05',
			expected_delivery_date__lt: '2026-11-09',
			viewed_by_supplier: 'true',
			fetched_by_supplier: 'false',
			ordering: '-ordered_on',
			page: 1,
			page_size: 200,
		});
	});

	it('uses the access-token credential when Authentication says so', async () => {
		const { calls } = await run({ authentication: 'accessToken', resource: 'outlet', operation: 'getAll', returnAll: true }, () => emptyPage);
		expect(calls[0].credentialType).toBe('apicbaseAccessTokenApi');
	});

	it('rejects a bad expected delivery date before any request', async () => {
		await rejects(
			{ resource: 'purchaseOrder', operation: 'getAll', returnAll: true, filters: { expectedDeliveryAfter: 'next week' } },
			'Expected Delivery After must be a date',
		);
	});

	it('Get reads one order by its ID', async () => {
		const { output, calls } = await run({ resource: 'purchaseOrder', operation: 'get', purchaseOrderId: 'po 1' }, () => ({ id: 'po 1' }));
		expect(calls[0].options).toMatchObject({ method: 'GET', url: 'http://ap.test/api/v2/procurement/purchase_orders/po%201/' });
		expect(calls[0].credentialType).toBe('apicbaseOAuth2Api');
		expect(output[0].json).toEqual({ id: 'po 1' });
	});

	it.each([
		['picked from the list', { __rl: true, mode: 'list', value: '48213' }],
		['typed By ID', { __rl: true, mode: 'id', value: ' 48213 ' }],
		['given as a plain number, as saved workflows give it', 48213],
	])('Get reads the order %s', async (_how, purchaseOrderId) => {
		const { calls } = await run({ resource: 'purchaseOrder', operation: 'get', purchaseOrderId }, () => ({ id: 48213 }));
		expect(calls[0].options.url).toBe('http://ap.test/api/v2/procurement/purchase_orders/48213/');
	});

	it.each([
		['an empty text', ''],
		['an empty picker', { __rl: true, mode: 'list', value: '' }],
	])('Get needs an ID: refuses %s', async (_what, purchaseOrderId) => {
		await rejects({ resource: 'purchaseOrder', operation: 'get', purchaseOrderId }, 'Purchase Order is required');
	});
});

describe('Apicbase node: Delivery', () => {
	it('Create Draft posts the order, packages (as supplier_package, Apicbase\'s name), remarks and update-stock flag', async () => {
		const { output, calls } = await run(
			{
				resource: 'delivery',
				operation: 'createDraft',
				purchaseOrderId: 'po-1',
				deliveredPackages: {
					package: [
						{ packageId: 'pk-1', quantity: 2, price: '12.50', intakeReason: 'damaged box' },
						{ packageId: 'pk-2', quantity: 0, price: '', intakeReason: '' },
					],
				},
				remarks: ' left at back door ',
				updateStock: false,
			},
			({ options }) => ({ id: 'del-1', status: 'DRAFT', ...(options.body as IDataObject) }),
		);
		expect(calls[0].options).toMatchObject({
			method: 'POST',
			url: 'http://ap.test/api/v2/procurement/deliveries/',
			body: {
				purchase_order: 'po-1',
				remarks: 'left at back door',
				update_stock: false,
			},
		});
		// Exactly these keys: the package goes as supplier_package, never under the old name "package".
		expect((calls[0].options.body as IDataObject).delivered_packages).toEqual([
			{ supplier_package: 'pk-1', quantity: 2, price: 12.5, intake_reason: 'damaged box' },
			{ supplier_package: 'pk-2', quantity: 0 },
		]);
		expect(calls[0].credentialType).toBe('apicbaseOAuth2Api');
		expect(output[0].json.id).toBe('del-1');
	});

	it('Create Draft updates stock by default and sends no package list when no rows are given', async () => {
		const { calls } = await run({ resource: 'delivery', operation: 'createDraft', purchaseOrderId: 'po-1' });
		expect(calls[0].options.body).toEqual({ purchase_order: 'po-1', update_stock: true });
	});

	it.each([
		[{ packageId: '', quantity: 1 }, 'Delivered package 1: Supplier Package ID is required'],
		[{ packageId: '  ', quantity: 1 }, 'Delivered package 1: Supplier Package ID is required'],
		[{ packageId: 'p', quantity: -1 }, 'Delivered package 1: Quantity must be a number of 0 or more'],
		[{ packageId: 'p', quantity: 1, price: '12,50' }, 'Delivered package 1: Price must be a number of 0 or more'],
	])('Create Draft rejects %j before any request', async (row, message) => {
		await rejects({ resource: 'delivery', operation: 'createDraft', purchaseOrderId: 'po-1', deliveredPackages: { package: [row] } }, message);
	});

	it.each([
		['2026-11-05', '2026-11-05'],
		['2026-11-05T14:30', '2026-11-05T14:30:00'],
		['2026-11-05T14:30:15.123', '2026-11-05T14:30:15'],
		['2026-11-05T14:30:00Z', '2026-11-05T14:30:00'],
		['2026-11-05T01:30:00+02:00', '2026-11-04T23:30:00'],
		['2026-11-05 08:00:00-0500', '2026-11-05T13:00:00'],
		['05/11/2026', undefined],
		['2026-13-05', undefined],
	])('delivery date %s becomes %s', (input, expected) => {
		expect(toApicbaseDeliveryDate(input)).toBe(expected);
	});

	it('Submit posts the date in UTC without a time zone', async () => {
		const { output, calls } = await run(
			{ resource: 'delivery', operation: 'submit', deliveryId: 'del-1', deliveryDate: '2026-11-05T10:00:00+01:00' },
			() => '',
		);
		expect(calls[0].options).toMatchObject({
			method: 'POST',
			url: 'http://ap.test/api/v2/procurement/deliveries/del-1/submit/',
			body: { delivery_date: '2026-11-05T09:00:00' },
		});
		expect(output[0].json).toEqual({ id: 'del-1', submitted: true });
	});

	it('Submit without a date sends an empty body', async () => {
		const { calls } = await run({ resource: 'delivery', operation: 'submit', deliveryId: 'del-1', deliveryDate: '' });
		expect(calls[0].options.body).toEqual({});
	});

	it('Submit rejects a bad date before any request', async () => {
		await rejects({ resource: 'delivery', operation: 'submit', deliveryId: 'del-1', deliveryDate: 'tomorrow' }, 'Delivery Date must be a date');
	});

	it('Close Deliveries posts to the order', async () => {
		const { output, calls } = await run({ resource: 'delivery', operation: 'closeDeliveries', purchaseOrderId: 'po-1' }, () => undefined);
		expect(calls[0].options).toMatchObject({ method: 'POST', url: 'http://ap.test/api/v2/procurement/purchase_orders/po-1/close_deliveries/' });
		expect(output[0].json).toEqual({ id: 'po-1', delivery_closed: true });
	});

	it('Create Draft and Close Deliveries take the order picked in the locator', async () => {
		const picked = { __rl: true, mode: 'list', value: '48213' };
		const draft = await run({ resource: 'delivery', operation: 'createDraft', purchaseOrderId: picked });
		expect(draft.calls[0].options.body).toMatchObject({ purchase_order: '48213' });
		const close = await run({ resource: 'delivery', operation: 'closeDeliveries', purchaseOrderId: { ...picked, mode: 'id' } }, () => undefined);
		expect(close.calls[0].options.url).toBe('http://ap.test/api/v2/procurement/purchase_orders/48213/close_deliveries/');
		await rejects({ resource: 'delivery', operation: 'closeDeliveries', purchaseOrderId: { ...picked, value: ' ' } }, 'Purchase Order is required');
	});
});

describe('Apicbase node: Outlet and Stock Item', () => {
	it('Outlet > Get Many lists outlets', async () => {
		const { output, calls } = await run({ resource: 'outlet', operation: 'getAll', returnAll: false, limit: 5 }, () => ({
			count: 1,
			next: null,
			results: [{ id: 'o1', name: 'Kitchen' }],
		}));
		expect(calls[0].options).toMatchObject({ url: 'http://ap.test/api/v2/accounts/outlets/', qs: { page: 1, page_size: 5 } });
		expect(output[0].json).toEqual({ id: 'o1', name: 'Kitchen' });
	});

	it('Stock Item > Get Many lists the items of an outlet, modified after a moment', async () => {
		const { calls } = await run(
			{ resource: 'stockItem', operation: 'getAll', outletId: 'o1', returnAll: true, filters: { modifiedAfter: '2026-11-01T00:00:00Z' } },
			() => emptyPage,
		);
		expect(calls[0].options).toMatchObject({
			url: 'http://ap.test/api/v2/inventory/outlets/o1/stock_items/',
			qs: { modified_date__gt: '2026-11-01T00:00:00Z', page: 1, page_size: 200 },
		});
	});

	it('Stock Item > Get Stock reads the stock of one item', async () => {
		const { output, calls } = await run({ resource: 'stockItem', operation: 'getStock', outletId: 'o1', stockItemId: 's9' }, () => ({
			quantity: 4,
			stock_value: 10.5,
		}));
		expect(calls[0].options).toMatchObject({ method: 'GET', url: 'http://ap.test/api/v2/inventory/outlets/o1/stock_items/s9/stock/' });
		expect(output[0].json).toEqual({ outlet_id: 'o1', stock_item_id: 's9', quantity: 4, stock_value: 10.5 });
	});

	it('Stock Item > Get Stock takes the stock item picked in the locator', async () => {
		const { calls } = await run({ resource: 'stockItem', operation: 'getStock', outletId: 'o1', stockItemId: { __rl: true, mode: 'id', value: '5001' } }, () => ({}));
		expect(calls[0].options.url).toBe('http://ap.test/api/v2/inventory/outlets/o1/stock_items/5001/stock/');
	});

	it.each([
		[{ operation: 'getAll', outletId: ' ', returnAll: true }, 'Outlet ID is required'],
		[{ operation: 'getStock', outletId: 'o1', stockItemId: '' }, 'Stock Item is required'],
		[{ operation: 'getStock', outletId: 'o1', stockItemId: { __rl: true, mode: 'list', value: '' } }, 'Stock Item is required'],
	])('Stock Item rejects %j before any request', async (parameters, message) => {
		await rejects({ resource: 'stockItem', ...parameters }, message);
	});
});
