/**
 * "Never send a value the user did not give", for every body builder of the three vendors. Each
 * case fills in only the fields a builder must fill (as a saved workflow stores them), lets n8n's
 * own NodeHelpers.getNodeParameters add every default exactly as n8n does before a run, runs the
 * node, and checks that the request carries exactly those values: nothing left empty, no 0, "",
 * [] or false the builder did not choose, no collection option that was not added.
 *
 * The only values in a body the builder did not type are ones the node shows filled in on its
 * form (a visible default such as Quantity 1, Sequence 1, Product Type "Default", Update Stock on,
 * Operator "Equals") or that the builder set in the credential (OpenBoxes' Location ID, used for an
 * empty location picker as the field says). Each case names them.
 */
import {
	NodeHelpers,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { Apicbase } from '../../nodes/Apicbase/Apicbase.node';
import { ApicbaseSupplier } from '../../nodes/Apicbase/ApicbaseSupplier.node';
import { Mbx } from '../../nodes/Mbx/Mbx.node';
import { OpenBoxes } from '../../nodes/OpenBoxes/OpenBoxes.node';
import { mockExecuteFunctions, type RecordedCall } from '../helpers/mockContext';

const credentials = {
	mbxHmacApi: { environment: 'custom', customBaseUrl: 'http://mbx.test/', publicToken: 'p', secretToken: 's' },
	openBoxesApi: { baseUrl: 'http://ob.test/openboxes/', username: 'u', password: 'p', location: 'L1', sessionCookie: 'JSESSIONID=A' },
	apicbaseOAuth2Api: { environment: 'custom', customBaseUrl: 'http://ap.test' },
	apicbaseSupplierApi: { environment: 'custom', customBaseUrl: 'http://ap.test', clientId: 'c', clientSecret: 's' },
};

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The parameters n8n hands the node for what a workflow stores: every default filled in. */
function resolved(nodeType: INodeType, values: INodeParameters): IDataObject {
	const { description } = nodeType;
	const node: INode = { id: 'n', name: 'n', type: description.name, typeVersion: 1, position: [0, 0], parameters: values };
	return (NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description) ?? {}) as IDataObject;
}

interface Sent {
	method: string;
	/** The path after the vendor's base URL, with its query. */
	path: string;
	body: unknown;
}

function sent(call: RecordedCall): Sent {
	const { method = 'GET', url, baseURL, body } = call.options;
	const full = new URL(url, baseURL ?? 'http://none');
	const path = `${full.pathname}${full.search}`.replace(/^\/openboxes\/api/, '');
	return { method, path, body: Buffer.isBuffer(body) ? body.toString('utf8') : body };
}

async function runNode(
	nodeType: INodeType,
	values: INodeParameters,
	respond: (request: Sent) => unknown = () => ({}),
	items?: INodeExecutionData[],
) {
	const mock = mockExecuteFunctions({
		parameters: resolved(nodeType, values),
		credentials,
		items,
		respond: (call) => respond(sent(call)),
	});
	const output = await nodeType.execute!.call(mock.context);
	return { requests: mock.calls.map(sent), responses: mock.responses, output };
}

/** The write requests (everything but GET) a run sent. */
const writes = (requests: Sent[]) => requests.filter((request) => request.method !== 'GET');

describe('MBX: a run with only the required fields sends exactly those', () => {
	const mbx = new Mbx();

	it('Customer Order Submission › Create', async () => {
		const { requests } = await runNode(mbx, {
			resource: 'customerOrderSubmission',
			operation: 'create',
			organizationId: 1234,
			purchaseOrder: 'PO-1',
			customerOrder: 'SO-1',
			shipMethodId: 12,
			recipient: { address: { name: 'Pat Doe', address_1: '1 Main St', city: 'Austin', country: 'US' } },
			lines: { line: [{ product_code: 'P-1', quantity: 2, customs_declared_value: '12.50' }] },
		});
		expect(requests).toEqual([
			{
				method: 'POST',
				path: '/v2/customer_order_submissions',
				body: {
					organization_id: 1234,
					purchase_order: 'PO-1',
					customer_order: 'SO-1',
					ship_method_id: 12,
					// MBX's own example sends the unused address fields as null; nothing else is added.
					recipient: { name: 'Pat Doe', company: null, email: null, phone: null, address_1: '1 Main St', address_2: null, address_3: null, city: 'Austin', state: null, zip: null, country: 'US' },
					lines: [{ product_code: 'P-1', quantity: 2, customs_declared_value: 12.5 }],
				},
			},
		]);
	});

	it('Customer Order Submission › Create refuses a line whose customs value was left empty', async () => {
		await expect(
			runNode(mbx, {
				resource: 'customerOrderSubmission',
				operation: 'create',
				organizationId: 1234,
				purchaseOrder: 'PO-1',
				customerOrder: 'SO-1',
				shipMethodId: 12,
				recipient: { address: { name: 'Pat Doe', address_1: '1 Main St', city: 'Austin', country: 'US' } },
				lines: { line: [{ product_code: 'P-1' }] },
			}),
		).rejects.toThrow('Lines › Line 1 › Customs Declared Value is required (the customs value of one unit)');
	});

	it('Customer Order Submission › Update (one field)', async () => {
		const { requests } = await runNode(mbx, {
			resource: 'customerOrderSubmission',
			operation: 'update',
			orderId: byId('42'),
			updateFields: { promise_date: '2026-12-15T00:00:00' },
		});
		expect(requests).toEqual([{ method: 'PUT', path: '/v2/customer_order_submissions/42', body: { promise_date: '2026-12-15' } }]);
	});

	it('Automation Queue › Create (Sequence 1 is the visible default of a task)', async () => {
		const { requests } = await runNode(mbx, {
			resource: 'automationQueue',
			operation: 'create',
			manufacturerSerial: 'S-1',
			ipAddress: '10.0.0.5',
			tasks: { task: [{ taskTypeId: 3 }] },
		});
		expect(requests).toEqual([
			{
				method: 'POST',
				path: '/v2/automation_queues',
				body: { manufacturer_serial: 'S-1', ip_address: '10.0.0.5', automation_tasks: [{ task_type_id: 3, sequence: 1 }] },
			},
		]);
	});

	it.each(['start', 'complete', 'fail'])('Automation Task › %s (no message: none sent)', async (operation) => {
		const { requests } = await runNode(mbx, { resource: 'automationTask', operation, manufacturerSerial: 'S-1', ipAddress: '10.0.0.5', sequence: 2 });
		expect(requests).toEqual([
			{ method: 'PUT', path: '/v2/automation_tasks', body: { manufacturer_serial: 'S-1', ip_address: '10.0.0.5', sequence: 2, message_type: operation } },
		]);
	});

	it('Automation Task › notify (its message is required)', async () => {
		const { requests } = await runNode(mbx, { resource: 'automationTask', operation: 'notify', manufacturerSerial: 'S-1', ipAddress: '10.0.0.5', sequence: 2, message: 'Imaging 40%' });
		expect(requests.map((r) => r.body)).toEqual([
			{ manufacturer_serial: 'S-1', ip_address: '10.0.0.5', sequence: 2, message_type: 'notify', message: 'Imaging 40%' },
		]);
	});

	it('Serial Data › Create (and an untouched Serial Data Type ID is refused, not sent)', async () => {
		const { requests } = await runNode(mbx, { resource: 'serialData', operation: 'create', manufacturerSerial: 'S-1', serialDataTypeId: 3, value: 'BIOS 2.1.7' });
		expect(requests).toEqual([{ method: 'POST', path: '/v2/serial_data', body: { manufacturer_serial: 'S-1', serial_data_type_id: 3, value: 'BIOS 2.1.7' } }]);
		await expect(runNode(mbx, { resource: 'serialData', operation: 'create', manufacturerSerial: 'S-1', value: 'BIOS 2.1.7' })).rejects.toThrow(
			'Serial Data Type ID is required',
		);
	});
});

describe('OpenBoxes: a run with only the required fields sends exactly those', () => {
	const openBoxes = new OpenBoxes();

	it('Product › Create (Product Type "Default" is the visible default OpenBoxes requires)', async () => {
		const { requests } = await runNode(openBoxes, { resource: 'product', operation: 'create', name: 'Gloves', categoryId: 'ROOT' });
		expect(requests).toEqual([{ method: 'POST', path: '/products', body: { name: 'Gloves', category: { id: 'ROOT' }, productType: { id: 'DEFAULT' } } }]);
	});

	it('Product › Update (one field)', async () => {
		const { requests } = await runNode(openBoxes, { resource: 'product', operation: 'update', productId: byId('p1'), updateFields: { name: 'Gloves L' } });
		expect(requests).toEqual([{ method: 'POST', path: '/products/p1', body: { name: 'Gloves L' } }]);
	});

	it('Location › Create', async () => {
		const { requests } = await runNode(openBoxes, { resource: 'location', operation: 'create', name: 'Ward 3', locationTypeId: 'T1' }, (request) =>
			request.method === 'GET' ? { data: [{ id: 'T1', locationTypeCode: 'WARD' }] } : { data: { id: 'loc1' } },
		);
		expect(writes(requests)).toEqual([{ method: 'POST', path: '/locations', body: { name: 'Ward 3', locationType: { id: 'T1' } } }]);
	});

	it('Location › Update (one field)', async () => {
		const { requests } = await runNode(openBoxes, { resource: 'location', operation: 'update', locationId: byId('loc1'), updateFields: { city: 'Boston' } });
		expect(requests).toEqual([{ method: 'POST', path: '/locations/loc1', body: { address: { city: 'Boston' } } }]);
	});

	it('Purchase Order › Create: no unit price, no order date, no order number (Quantity 1 is visible; Destination is the credential location, as the field says)', async () => {
		const { requests } = await runNode(openBoxes, {
			resource: 'purchaseOrder',
			operation: 'create',
			name: 'Restock',
			supplier: 'SUP',
			orderedBy: 'U1',
			lines: { line: [{ productId: 'p1' }] },
		});
		expect(requests).toEqual([
			{
				method: 'POST',
				path: '/purchaseOrders',
				body: { name: 'Restock', origin: { id: 'SUP' }, destination: { id: 'L1' }, orderedBy: { id: 'U1' }, orderItems: [{ product: { id: 'p1' }, quantity: 1 }] },
			},
		]);
	});

	it('Purchase Order › Update (new lines without prices)', async () => {
		const { requests } = await runNode(openBoxes, {
			resource: 'purchaseOrder',
			operation: 'update',
			purchaseOrderId: byId('po1'),
			updateFields: { lines: { line: [{ productId: 'p2', quantity: 3 }] } },
		});
		expect(requests).toEqual([{ method: 'POST', path: '/purchaseOrders/po1', body: { orderItems: [{ product: { id: 'p2' }, quantity: 3 }] } }]);
	});

	it('Stock Movement › Create (Destination is the credential location, as the field says)', async () => {
		const { requests } = await runNode(openBoxes, { resource: 'stockMovement', operation: 'create', origin: byId('L2'), requestedBy: 'U1', dateRequested: '2026-11-24' });
		expect(requests).toEqual([
			{
				method: 'POST',
				path: '/stockMovements',
				body: { origin: { id: 'L2' }, destination: { id: 'L1' }, requestedBy: { id: 'U1' }, dateRequested: '11/24/2026' },
			},
		]);
	});

	it('Stock Movement › Create refuses an empty Date Requested instead of sending today', async () => {
		await expect(runNode(openBoxes, { resource: 'stockMovement', operation: 'create', origin: byId('L2'), requestedBy: 'U1' })).rejects.toThrow(
			'Date Requested is required',
		);
	});

	it('Stock Movement › Update Items (Quantity Requested 1 is visible)', async () => {
		const { requests } = await runNode(openBoxes, { resource: 'stockMovement', operation: 'updateItems', stockMovementId: byId('sm1'), lines: { line: [{ productId: 'p1' }] } });
		expect(requests).toEqual([{ method: 'POST', path: '/stockMovements/sm1/updateItems', body: { lineItems: [{ product: { id: 'p1' }, quantityRequested: 1 }] } }]);
	});

	it('Stock Movement › Update Status (the Status shown, and Create Picklist only where it is shown and on)', async () => {
		const requested = await runNode(openBoxes, { resource: 'stockMovement', operation: 'updateStatus', stockMovementId: byId('sm1') });
		expect(requested.requests).toEqual([{ method: 'POST', path: '/stockMovements/sm1/status', body: { status: 'REQUESTED' } }]);
		const picking = await runNode(openBoxes, { resource: 'stockMovement', operation: 'updateStatus', stockMovementId: byId('sm1'), status: 'PICKING' });
		expect(picking.requests.map((r) => r.body)).toEqual([{ status: 'PICKING', createPicklist: true }]);
		const noPicklist = await runNode(openBoxes, { resource: 'stockMovement', operation: 'updateStatus', stockMovementId: byId('sm1'), status: 'PICKING', createPicklist: false });
		expect(noPicklist.requests.map((r) => r.body)).toEqual([{ status: 'PICKING' }]);
	});

	it('Stock Movement › Update Shipment (one field)', async () => {
		const { requests } = await runNode(openBoxes, { resource: 'stockMovement', operation: 'updateShipment', stockMovementId: byId('sm1'), updateFields: { trackingNumber: 'T-1' } });
		expect(requests).toEqual([{ method: 'POST', path: '/stockMovements/sm1/updateShipment', body: { trackingNumber: 'T-1' } }]);
	});

	it('Put-Away › Create (the rows OpenBoxes listed, as its web app sends them, and no bin)', async () => {
		const row = { 'product.id': 'p1', 'currentLocation.id': 'recv', quantity: 5 };
		const { requests } = await runNode(openBoxes, { resource: 'putAway', operation: 'create' }, (request) =>
			request.method === 'GET' ? { data: [row] } : { data: { id: 'pa1' } },
		);
		expect(writes(requests)).toEqual([
			{
				method: 'POST',
				path: '/putaways',
				body: { putawayStatus: 'PENDING', putawayItems: [{ product: { id: 'p1' }, currentLocation: { id: 'recv' }, quantity: 5, putawayStatus: 'PENDING' }] },
			},
		]);
	});

	it('Put-Away › Complete (the put-away as read, completed; no bin added when none is given)', async () => {
		const putaway = { id: 'pa1', putawayStatus: 'PENDING', putawayItems: [{ id: 'i1', 'putawayLocation.id': 'bin-1', quantity: 5 }] };
		const { requests } = await runNode(openBoxes, { resource: 'putAway', operation: 'complete', putAwayId: 'pa1' }, (request) =>
			request.method === 'GET' ? { data: putaway } : { data: { id: 'pa1' } },
		);
		expect(writes(requests)).toEqual([
			{
				method: 'POST',
				path: '/putaways',
				body: { id: 'pa1', putawayStatus: 'COMPLETED', putawayItems: [{ id: 'i1', putawayLocation: { id: 'bin-1' }, quantity: 5, putawayStatus: 'COMPLETED' }] },
			},
		]);
	});

	it('User › Create (Active is not sent unless added)', async () => {
		const user = { username: 'jdoe', firstName: 'Jane', lastName: 'Doe', email: 'jdoe@example.com', password: 'secret1' };
		const { requests } = await runNode(openBoxes, { resource: 'user', operation: 'create', ...user });
		expect(requests).toEqual([{ method: 'POST', path: '/users', body: user }]);
	});

	it('Record (Generic API) › Create and Update send the JSON as given, and refuse the untouched default', async () => {
		const created = await runNode(openBoxes, { resource: 'genericApi', operation: 'create', resourceName: 'category', jsonBody: '{"name": "Vaccines"}' });
		expect(created.requests).toEqual([{ method: 'POST', path: '/generic/category', body: { name: 'Vaccines' } }]);
		const updated = await runNode(openBoxes, { resource: 'genericApi', operation: 'update', resourceName: 'category', recordId: 'c1', jsonBody: '{"name": "Vaccines 2"}' });
		expect(updated.requests).toEqual([{ method: 'POST', path: '/generic/category/c1', body: { name: 'Vaccines 2' } }]);
		for (const operation of ['create', 'update']) {
			await expect(runNode(openBoxes, { resource: 'genericApi', operation, resourceName: 'category', recordId: 'c1' })).rejects.toThrow(
				'JSON Body is an empty object; add the fields to send',
			);
		}
	});

	it('Record (Generic API) › Search (Operator "Equals" is visible) and refuses an empty value', async () => {
		const { requests } = await runNode(openBoxes, { resource: 'genericApi', operation: 'search', resourceName: 'product', searchAttributes: { attribute: [{ property: 'name', value: 'Ibu%' }] } }, () => ({ data: [] }));
		expect(requests).toEqual([{ method: 'POST', path: '/generic/product/search', body: { searchAttributes: [{ property: 'name', operator: 'eq', value: 'Ibu%' }] } }]);
		await expect(
			runNode(openBoxes, { resource: 'genericApi', operation: 'search', resourceName: 'product', searchAttributes: { attribute: [{ property: 'name' }] } }),
		).rejects.toThrow('Search Attributes 1: Value is required');
	});
});

describe('Apicbase: a run with only the required fields sends exactly those', () => {
	const kitchen = new Apicbase();
	const supplier = new ApicbaseSupplier();

	it('Delivery › Create Draft (no package list when no rows; Update Stock is the visible default, on as in Apicbase)', async () => {
		const { requests } = await runNode(kitchen, { resource: 'delivery', operation: 'createDraft', purchaseOrderId: byId('po-1') });
		expect(requests).toEqual([{ method: 'POST', path: expect.stringContaining('deliver'), body: { purchase_order: 'po-1', update_stock: true } }]);
	});

	it('Delivery › Submit (no delivery date unless given)', async () => {
		const { requests } = await runNode(kitchen, { resource: 'delivery', operation: 'submit', deliveryId: 'd1' });
		expect(requests).toHaveLength(1);
		expect(requests[0].method).toBe('POST');
		expect(requests[0].body ?? {}).toEqual({});
	});

	it('Delivery › Close Deliveries (no body)', async () => {
		const { requests } = await runNode(kitchen, { resource: 'delivery', operation: 'closeDeliveries', purchaseOrderId: byId('po-1') });
		expect(requests).toHaveLength(1);
		expect(requests[0].body ?? {}).toEqual({});
	});

	it.each([
		['markFetched', 'fetched_by_supplier'],
		['markViewed', 'viewed_by_supplier'],
	])('Purchase Order › %s (only the orders and their one flag)', async (operation, flag) => {
		const { requests } = await runNode(supplier, { resource: 'supplierPurchaseOrder', operation, orderIds: 'a1, b2' }, () => []);
		expect(writes(requests)).toEqual([
			{ method: 'PATCH', path: expect.stringContaining('purchase_orders'), body: [{ id: 'a1', [flag]: true }, { id: 'b2', [flag]: true }] },
		]);
	});

	it('Purchase Order › Accept or Refuse (Answer "Accept" is the visible default; refusing sends only the reason given)', async () => {
		const accepted = await runNode(supplier, { resource: 'supplierPurchaseOrder', operation: 'respond' });
		expect(accepted.responses).toEqual([{ body: { status: 'accepted' }, headers: { 'content-type': 'application/json' }, statusCode: 200 }]);
		const refused = await runNode(supplier, { resource: 'supplierPurchaseOrder', operation: 'respond', answer: 'refuse', reason: 'Out of stock' });
		expect(refused.responses).toEqual([{ body: { status: 'refused', reason: 'Out of stock' }, headers: { 'content-type': 'application/json' }, statusCode: 422 }]);
	});

	it('Assortment File › Upload (the articles as given, nothing added)', async () => {
		const article = { third_party_id: 'T-1', name: 'Cola', package_description_str: '6 x 33 cl' };
		const { requests } = await runNode(supplier, { resource: 'supplierAssortmentFile', operation: 'upload', customerNumber: 'C-1' }, () => ({ id: 'f1' }), [
			{ json: article },
		]);
		expect(requests).toHaveLength(1);
		const body = String(requests[0].body);
		expect(body).toContain('name="customer_number"\r\n\r\nC-1\r\n');
		expect(body).toContain(`filename="assortment.json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify([article])}\r\n`);
	});
});
