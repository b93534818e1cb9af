import type { IDataObject } from 'n8n-workflow';

import * as customerPackage from '../../../nodes/Apicbase/actions/supplierCustomerPackage';
import * as supplierCustomer from '../../../nodes/Apicbase/actions/supplierCustomer';
import * as supplierPurchaseOrder from '../../../nodes/Apicbase/actions/supplierPurchaseOrder';
import { runOperations } from '../../../nodes/shared/router';
import { mockExecuteFunctions, type MockOptions } from '../../helpers/mockContext';

const credentials = { apicbaseSupplierApi: { environment: 'custom', customBaseUrl: 'http://ap.test/', clientId: 'c', clientSecret: 's' } };
const resources = {
	supplierPurchaseOrder: supplierPurchaseOrder.operations,
	supplierCustomer: supplierCustomer.operations,
	supplierCustomerPackage: customerPackage.operations,
};

async function run(parameters: IDataObject | IDataObject[], respond?: MockOptions['respond']) {
	const mock = mockExecuteFunctions({ parameters, credentials, respond });
	const [output] = await runOperations.call(mock.context, resources);
	return { output, calls: mock.calls };
}

describe('Apicbase node: Supplier Purchase Order marks', () => {
	it('lists every operation in the resource description', () => {
		const selector = supplierPurchaseOrder.description.find((p) => p.name === 'operation');
		expect(selector?.options?.map((o) => (o as { value: string }).value)).toEqual(['respond', 'getAll', 'markFetched', 'markViewed']);
		expect(Object.keys(supplierPurchaseOrder.operations)).toEqual(['getAll', 'markFetched', 'markViewed', 'respond']);
		const notices = supplierPurchaseOrder.description.filter((p) => p.type === 'notice');
		expect(notices.map((n) => n.name)).toEqual(['markFetchedNotice', 'markViewedNotice', 'respondNotice']);
		const markNotices = notices.filter((n) => n.name !== 'respondNotice');
		expect(markNotices.every((n) => /cannot be undone/.test(n.displayName))).toBe(true);
	});

	it('Mark as Fetched PATCHes a JSON list of {id, fetched_by_supplier: true} from a comma list', async () => {
		const { output, calls } = await run(
			{ resource: 'supplierPurchaseOrder', operation: 'markFetched', orderIds: ' po-1, po-2 ,po-1,' },
			({ options }) => options.body,
		);
		expect(calls).toHaveLength(1);
		expect(calls[0].credentialType).toBe('apicbaseSupplierApi');
		expect(calls[0].options).toMatchObject({
			method: 'PATCH',
			url: 'http://ap.test/api/v2/integrations/suppliers/purchase_orders/',
			body: [
				{ id: 'po-1', fetched_by_supplier: true },
				{ id: 'po-2', fetched_by_supplier: true },
			],
		});
		expect(output.map((i) => i.json.id)).toEqual(['po-1', 'po-2']);
	});

	it('Mark as Viewed takes a list from an expression and outputs the sent rows when the answer is empty', async () => {
		const { output, calls } = await run({ resource: 'supplierPurchaseOrder', operation: 'markViewed', orderIds: ['a', 7] }, () => '');
		expect(calls[0].options.body).toEqual([
			{ id: 'a', viewed_by_supplier: true },
			{ id: '7', viewed_by_supplier: true },
		]);
		expect(output.map((i) => i.json)).toEqual([
			{ id: 'a', viewed_by_supplier: true },
			{ id: '7', viewed_by_supplier: true },
		]);
	});

	it.each([
		['', 'Order IDs is required'],
		[' , ', 'Order IDs is required'],
		['po 1, po-2', 'Order ID "po 1" contains spaces'],
		[[{ id: 1 }], 'Order IDs must be IDs separated by commas or a list of IDs'],
	])('rejects Order IDs %j before any request', async (orderIds, message) => {
		const { calls, context } = mockExecuteFunctions({
			parameters: { resource: 'supplierPurchaseOrder', operation: 'markViewed', orderIds } as IDataObject,
			credentials,
		});
		await expect(runOperations.call(context, resources)).rejects.toThrow(message);
		expect(calls).toHaveLength(0);
	});
});

describe('Apicbase node: Customer and Customer Package', () => {
	it('Customer > Get Many lists the supplier customers with the limit as page size', async () => {
		const { output, calls } = await run({ resource: 'supplierCustomer', operation: 'getAll', returnAll: false, limit: 2 }, () => ({
			count: 3,
			next: 'http://ap.test/api/v2/integrations/suppliers/customers/?page=2',
			results: [
				{ customer_number: 'C1', supplier_outlet_id: null },
				{ customer_number: 'C2', supplier_outlet_id: 'o' },
			],
		}));
		expect(output.map((i) => i.json.customer_number)).toEqual(['C1', 'C2']);
		expect(calls).toHaveLength(1);
		expect(calls[0].options).toMatchObject({
			url: 'http://ap.test/api/v2/integrations/suppliers/customers/',
			qs: { page: 1, page_size: 2 },
		});
	});

	it('Customer Package > Get Many encodes the customer number in the path', async () => {
		const { output, calls } = await run(
			{ resource: 'supplierCustomerPackage', operation: 'getAll', customerNumber: ' AB/12 ', returnAll: true },
			() => ({ count: 1, next: null, results: [{ supplier_outlet_id: null, package: { third_party_id: 'A1' } }] }),
		);
		expect(calls[0].options.url).toBe('http://ap.test/api/v2/integrations/suppliers/customers/AB%2F12/packages');
		expect(calls[0].credentialType).toBe('apicbaseSupplierApi');
		expect(output).toHaveLength(1);
	});

	it('Customer Package > Get Many needs a customer number', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'supplierCustomerPackage', operation: 'getAll', customerNumber: '  ', returnAll: true },
			credentials,
		});
		await expect(runOperations.call(context, resources)).rejects.toThrow('Customer Number is required');
		expect(calls).toHaveLength(0);
	});
});
