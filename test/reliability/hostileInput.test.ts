/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * Hostile input, every operation (issue 14, item 4). Generated from the node descriptions: every
 * resource and operation of the four action nodes, every parameter an operation shows (and every
 * field inside its collections and fixed collections), each fed bad values in turn while the
 * other parameters hold valid ones. Each run is real: n8n-core's HTTP helpers, the real
 * credentials logic (logins, token requests) and the vendor sandboxes over HTTP.
 *
 * Every run must end in one of three ways:
 * - a NodeOperationError naming the field (its display name), with nothing written before it;
 * - a NodeApiError the vendor answered, its message readable (never `[object Object]`);
 * - a success.
 * Never another exception (a TypeError wrapped or not), never a request whose path the input
 * changed (`..`, a `/` from `%2F` or `/`, an injected `?a=b` query or `#` fragment, CR/LF),
 * never `[object Object]` sent as if the user had typed it, never a secret of the credentials
 * (or a header that authenticated a request) in the error, its description or the output.
 * An empty required field must be refused by name, before anything is sent.
 */
import { extractValue } from 'n8n-core/dist/execution-engine/node-execution-context/utils/extract-value';
import {
	NodeApiError,
	NodeHelpers,
	NodeOperationError,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyCollection,
	type INodeType,
	type NodeParameterValue,
} from 'n8n-workflow';

import { ApicbaseAccessTokenApi } from '../../credentials/ApicbaseAccessTokenApi.credentials';
import { ApicbaseSupplierApi } from '../../credentials/ApicbaseSupplierApi.credentials';
import { MbxHmacApi } from '../../credentials/MbxHmacApi.credentials';
import { OpenBoxesApi } from '../../credentials/OpenBoxesApi.credentials';
import { Apicbase } from '../../nodes/Apicbase/Apicbase.node';
import { ApicbaseSupplier } from '../../nodes/Apicbase/ApicbaseSupplier.node';
import { Mbx } from '../../nodes/Mbx/Mbx.node';
import { OpenBoxes } from '../../nodes/OpenBoxes/OpenBoxes.node';
import { liveExecuteFunctions } from '../helpers/liveContext';
import { APICBASE_DEMO, ApicbaseSandbox } from '../sandbox/apicbase/server';
import type { SandboxServer } from '../sandbox/common/server';
import { MBX_DEMO, MbxSandbox } from '../sandbox/mbx/server';
import { OPENBOXES_DEMO, OpenBoxesSandbox } from '../sandbox/openboxes/server';

jest.setTimeout(600_000);

// ---------------------------------------------------------------- the hostile values

const MARK = 'hostile';
const LONG = 'x'.repeat(10_000);
const CRLF = 'a\r\nX-Injected: 1';

interface Hostile {
	label: string;
	value: unknown;
	/** Empty or blank: a required field must refuse it by name. */
	empty?: boolean;
}

const h = (label: string, value: unknown, empty = false): Hostile => ({ label, value, empty });

/** Text that tries to move a path, add a query or a header, or is just awkward. */
const TEXT: Hostile[] = [
	h('empty', '', true),
	h('blank', '   ', true),
	h('10,000 characters', LONG),
	h('Unicode', 'Zürich 東京 🚚 \u202Eevil\u0301 \uFFFD'),
	h('../', `../${MARK}`),
	h('slash', `${MARK}/x`),
	h('?a=b', `${MARK}?a=b`),
	h('#fragment', `${MARK}#frag`),
	h('%2F', `${MARK}%2Fx`),
	h('CRLF', CRLF),
	h('dot', '.'),
	h('dot dot', '..'),
];
/** What an expression can hand a text field instead of text. */
const WRONG_TYPES: Hostile[] = [h('number', 42), h('boolean', true), h('object', { a: 1 }), h('array', ['a']), h('null', null)];
/** Ids that are not ids. */
const NOT_IDS: Hostile[] = [
	h('zero', '0'),
	h('negative', '-1'),
	h('fraction', '1.5'),
	h('exponent', '1e3'),
	h('trailing letters', '12abc'),
	h('hex', '0x1F'),
	h('40 digits', '9'.repeat(40)),
	h('spaces inside', '1 2'),
];
const NUMBERS: Hostile[] = [
	h('text', 'abc'),
	h('empty', '', true),
	h('negative', -1),
	h('zero', 0),
	h('fraction', 1.5),
	h('NaN', Number.NaN),
	h('Infinity', Number.POSITIVE_INFINITY),
	h('1e21', 1e21),
	h('trailing letters', '12abc'),
	h('../', `../${MARK}`),
	h('object', { a: 1 }),
	h('boolean', true),
	h('null', null),
];
const BOOLEANS: Hostile[] = [h('text', 'yes'), h('number', 1), h('object', { a: 1 }), h('null', null)];
const OPTIONS: Hostile[] = [h('unknown option', `${MARK}-option`), h('empty', '', true), h('number', 42), h('null', null), h('../', `../${MARK}`)];
const MULTI_OPTIONS: Hostile[] = [h('text', `${MARK}-option`), h('unknown option', [`${MARK}-option`]), h('numbers', [42]), h('null', null), h('object', { a: 1 })];
const JSON_VALUES: Hostile[] = [
	h('empty', '', true),
	h('blank', '   ', true),
	h('not JSON', 'not json'),
	h('cut short', '{"a":'),
	h('null', 'null'),
	h('number', '42'),
	h('string', '"text"'),
	h('boolean', 'true'),
	h('empty list', '[]'),
	h('list of non-objects', '[1, "a", null, [], true]'),
	h('empty object', '{}'),
	h('object', '{"a": 1}'),
	h('list of objects', '[{"a": 1}]'),
	h('__proto__', '{"__proto__": {"polluted": true}}'),
	h('10,000 characters', LONG),
	h('parsed list', []),
	h('parsed object', { a: 1 }),
	h('parsed number', 42),
	h('parsed null', null),
	h('parsed string list', ['a']),
];
const DATES: Hostile[] = [h('not a date', 'not a date'), h('impossible date', '2024-13-45T99:99:99'), h('year 0', '0000-01-01'), h('number', 1e15)];

// ---------------------------------------------------------------- the nodes and their valid values

interface Vendor {
	title: string;
	node: INodeType;
	/** Parameters every run has (the authentication choice). */
	base: IDataObject;
	credentials: Record<string, IDataObject>;
	credentialTypes: Record<string, ICredentialType>;
	sandbox: () => SandboxServer;
	/** Resets the sandbox, then whatever the credentials need after it. */
	reset: () => Promise<void>;
	/** Valid values of the operation's parameters, by `resource.operation` (records made for it if need be). */
	valid: Record<string, () => IDataObject | Promise<IDataObject>>;
	/** Valid values for fields inside collections that the valid parameters leave out, by field name. */
	samples?: Record<string, unknown>;
	/** Operations whose valid run uses up its record (completes it, takes its name): the sandbox is reset before every case. */
	fresh?: Set<string>;
	/** Input items the operation gets (default: one empty item). */
	items?: Record<string, () => INodeExecutionData[]>;
}

const mbx = new MbxSandbox();
const openBoxes = new OpenBoxesSandbox();
// Thousands of requests a minute: the rate limit is tested elsewhere.
const apicbase = new ApicbaseSandbox({ rateLimitPerMinute: 1_000_000 });

/** The OpenBoxes admin's password, made distinctive so that a leak is found by text search. */
const OPENBOXES_PASSWORD = 'ob-admin-Pa55-Hostile-Check';

const rl = (value: string | number, mode = 'id') => ({ __rl: true, mode, value });

const MBX_ADDRESS = { address: { name: 'Ada Lovelace', address_1: '1 Main St', city: 'Boston', state: 'MA', zip: '02110', country: 'US' } };

const BHQ = OPENBOXES_DEMO.locationId;
const OB_WARD = 'ff80818190a1c3b10190a1c4e2a50011';
const OB_CLOSED_WARD = 'ff80818190a1c3b10190a1c4e2a50014';
const OB_PRODUCT = 'ff8081818c1f2b7a016d42d9c8c0021e';
const OB_CATEGORY = 'ff80818190a1c3b10190a1c4e2a50402';
const ARTICLES = [{ third_party_id: 'ART-1', name: 'Flour 25 kg', package_description_str: '1 x 25 kg', price: '19.90' }];

function stockedProduct() {
	return openBoxes.productAvailability().find((row) => row.location.id === BHQ && row.lotNumber)!;
}
function purchaseOrderIn(status: string): string {
	return String(openBoxes.purchaseOrders().find((o) => o.status === status)!.id);
}
function putawayIn(status: string): string {
	return (openBoxes.putaways() as Array<{ id: string; putawayStatus: string }>).find((p) => p.putawayStatus === status)!.id;
}
function createdMovement(): string {
	return (openBoxes.stockMovements() as Array<{ id: string; associations?: { requisition?: { status?: string } } }>).find(
		(m) => m.associations?.requisition?.status === 'CREATED',
	)!.id;
}
function orderedPackage(): string {
	const order = apicbase.customerPurchaseOrders().find((o) => o.id === APICBASE_DEMO.orderedPurchaseOrderId) as {
		packages: Array<{ supplier_package: { id: number } }>;
	};
	return String(order.packages[0].supplier_package.id);
}

const vendors: Vendor[] = [
	{
		title: 'MBX',
		node: new Mbx(),
		base: { authentication: 'hmac' },
		credentials: {},
		credentialTypes: { mbxHmacApi: new MbxHmacApi() },
		sandbox: () => mbx,
		async reset() {
			mbx.reset();
			this.credentials.mbxHmacApi = {
				environment: 'custom',
				customBaseUrl: mbx.url,
				publicToken: MBX_DEMO.publicToken,
				secretToken: MBX_DEMO.secretToken,
			};
		},
		samples: {
			recipient: MBX_ADDRESS,
			importer_of_record: MBX_ADDRESS,
			lines: { line: [{ product_code: 'Server Chassis 1U #0001', quantity: 1, customs_declared_value: '12.50' }] },
		},
		valid: {
			'automationQueue.create': () => ({
				manufacturerSerial: 'SN-HOSTILE-1',
				ipAddress: '10.0.0.9',
				tasks: { task: [{ taskTypeId: 1, sequence: 1, assigneeId: 0 }] },
			}),
			...Object.fromEntries(
				['complete', 'fail', 'notify', 'start'].map((operation) => [
					`automationTask.${operation}`,
					() => {
						const queue = mbx.queues().find((q) => !q.finished)!;
						const task = queue.automation_tasks.find((t) => !t.completed_at && !t.failed) ?? queue.automation_tasks[0];
						return { manufacturerSerial: queue.manufacturer_serial, ipAddress: queue.ip_address, sequence: task.sequence, message: 'Working' };
					},
				]),
			),
			'automationTaskType.get': () => ({ automationTaskTypeId: rl(mbx.taskTypes()[0].id) }),
			'country.get': () => ({ countryId: rl(mbx.countries()[0].id) }),
			'customerCatalogItem.get': () => ({ customerCatalogItemId: rl(mbx.catalogItems()[0].id) }),
			'customerOrderSubmission.create': () => ({
				organizationId: MBX_DEMO.organizationId,
				purchaseOrder: 'PO-HOSTILE-1',
				customerOrder: 'CO-HOSTILE-1',
				shipMethodId: mbx.shipMethods()[0].id,
				recipient: MBX_ADDRESS,
				lines: { line: [{ product_code: mbx.items()[0].name, quantity: 1, customs_declared_value: '12.50' }] },
			}),
			'customerOrderSubmission.delete': () => ({ orderId: rl(pendingOrder()) }),
			'customerOrderSubmission.get': () => ({ orderId: rl(mbx.orders()[0].id) }),
			'customerOrderSubmission.update': () => ({ orderId: rl(pendingOrder()), updateFields: { notes: 'Leave at the door', end_user_name: 'Ada' } }),
			'inventory.get': () => ({ inventoryId: rl(mbx.inventories()[0].id) }),
			'invoice.get': () => ({ invoiceId: rl(mbx.invoices()[0].id) }),
			'item.get': () => ({ itemId: rl(mbx.items()[0].id) }),
			'serialData.create': () => ({ manufacturerSerial: mbx.queues()[0].manufacturer_serial, serialDataTypeId: 1, value: '3c:ec:ef:00:00:01' }),
			'shipMethod.get': () => ({ shipMethodId: rl(mbx.shipMethods()[0].id) }),
		},
	},
	{
		title: 'OpenBoxes',
		node: new OpenBoxes(),
		base: { authentication: 'session' },
		credentials: {},
		credentialTypes: { openBoxesApi: new OpenBoxesApi() },
		sandbox: () => openBoxes,
		async reset() {
			openBoxes.reset();
			await setOpenBoxesPassword();
			this.credentials.openBoxesApi = {
				baseUrl: `${openBoxes.url}/openboxes/`,
				username: OPENBOXES_DEMO.username,
				password: OPENBOXES_PASSWORD,
				location: OPENBOXES_DEMO.locationId,
				sessionCookie: '',
			};
		},
		samples: { lines: { line: [{ productId: OB_PRODUCT, quantity: 2, unitPrice: '1.50' }] } },
		fresh: new Set(['putAway.complete', 'user.create', 'stockMovement.updateStatus']),
		valid: {
			'inventory.getAvailability': () => ({ productId: rl(stockedProduct().product.id), location: rl(BHQ) }),
			'inventory.getQuantityOnHand': () => ({ scope: 'product', productId: rl(stockedProduct().product.id) }),
			'inventory.lookUpLot': () => ({ productId: rl(stockedProduct().product.id), lotNumber: stockedProduct().lotNumber }),
			'location.create': () => ({ name: 'Hostile Ward', locationTypeId: '3', additionalFields: { city: 'Boston' } }),
			'location.delete': () => ({ locationId: rl(OB_CLOSED_WARD) }),
			'location.get': () => ({ locationId: rl(BHQ) }),
			'location.update': () => ({ locationId: rl(OB_CLOSED_WARD), updateFields: { description: 'Closed for works', city: 'Boston' } }),
			'product.create': () => ({ name: 'Hostile gauze', categoryId: OB_CATEGORY }),
			'product.delete': async () => ({ productId: rl(await openBoxesCreate('/products', { name: 'Hostile delete me', category: { id: OB_CATEGORY }, productType: { id: 'DEFAULT' } })) }),
			'product.get': () => ({ productId: rl(OB_PRODUCT) }),
			'product.getAvailability': () => ({ productId: rl(OB_PRODUCT) }),
			'product.getSummary': () => ({ productId: rl(OB_PRODUCT) }),
			'product.search': () => ({ name: 'alcohol' }),
			'product.update': () => ({ productId: rl(OB_PRODUCT), updateFields: { description: 'Keep dry', brandName: 'Acme' } }),
			'purchaseOrder.create': () => ({
				name: 'Hostile order',
				supplier: OPENBOXES_DEMO.supplierId,
				destination: rl(BHQ),
				orderedBy: OPENBOXES_DEMO.userId,
				lines: { line: [{ productId: OB_PRODUCT, quantity: 2, unitPrice: '1.50' }] },
			}),
			'purchaseOrder.delete': async () => ({ purchaseOrderId: rl(await newPurchaseOrder()) }),
			'purchaseOrder.get': () => ({ purchaseOrderId: rl(purchaseOrderIn('PLACED')) }),
			'purchaseOrder.rollback': () => ({
				purchaseOrderId: rl(String(openBoxes.purchaseOrders().find((o) => o.status === 'PLACED' && o.shipmentsCount === 0)!.id)),
			}),
			'purchaseOrder.update': () => ({ purchaseOrderId: rl(purchaseOrderIn('PENDING')), updateFields: { name: 'Renamed order', orderNumber: 'PO-HOSTILE-2' } }),
			'putAway.complete': () => ({ putAwayId: putawayIn('PENDING') }),
			'putAway.get': () => ({ putAwayId: putawayIn('PENDING') }),
			'genericApi.create': () => ({ resourceName: 'category', jsonBody: '{"name": "Hostile category"}' }),
			'genericApi.delete': async () => ({ resourceName: 'category', recordId: await openBoxesCreate('/generic/category', { name: 'Hostile delete me' }) }),
			'genericApi.get': () => ({ resourceName: 'category', recordId: OB_CATEGORY }),
			'genericApi.getAll': () => ({ resourceName: 'category' }),
			'genericApi.search': () => ({ resourceName: 'category', searchAttributes: { attribute: [{ operator: 'eq', property: 'name', value: 'Vaccines' }] } }),
			'genericApi.update': () => ({ resourceName: 'category', recordId: OB_CATEGORY, jsonBody: '{"name": "Vaccines (cold)"}' }),
			'stockMovement.create': () => ({
				origin: rl(BHQ),
				destination: rl(OB_WARD),
				requestedBy: OPENBOXES_DEMO.userId,
				dateRequested: '2025-06-20T00:00:00',
				lines: { line: [{ productId: OB_PRODUCT, quantityRequested: 2 }] },
			}),
			'stockMovement.delete': () => ({ stockMovementId: rl(createdMovement()) }),
			'stockMovement.get': () => ({ stockMovementId: rl(createdMovement()) }),
			'stockMovement.getLineItems': () => ({ stockMovementId: rl(createdMovement()) }),
			'stockMovement.getAll': () => ({ direction: 'OUTBOUND', origin: rl(BHQ) }),
			'stockMovement.updateItems': () => ({ stockMovementId: rl(createdMovement()), lines: { line: [{ productId: OB_PRODUCT, quantityRequested: 3 }] } }),
			'stockMovement.updateShipment': () => ({ stockMovementId: rl(createdMovement()), updateFields: { driverName: 'Sam', trackingNumber: 'TRK-1' } }),
			'stockMovement.updateStatus': () => ({ stockMovementId: rl(createdMovement()), status: 'REQUESTED' }),
			'user.create': () => ({ username: 'hostile.user', firstName: 'Hos', lastName: 'Tile', email: 'hostile@example.com', password: 'user-pass-123' }),
		},
	},
	{
		title: 'Apicbase',
		node: new Apicbase(),
		base: { authentication: 'accessToken' },
		credentials: {},
		credentialTypes: { apicbaseAccessTokenApi: new ApicbaseAccessTokenApi() },
		sandbox: () => apicbase,
		async reset() {
			apicbase.reset();
			this.credentials.apicbaseAccessTokenApi = {
				environment: 'custom',
				customBaseUrl: apicbase.url,
				accessToken: apicbase.issueAccessToken([...APICBASE_DEMO.customerScopes]),
			};
		},
		fresh: new Set(['delivery.submit']),
		valid: {
			'delivery.closeDeliveries': () => ({ purchaseOrderId: rl(APICBASE_DEMO.deliveredPurchaseOrderId) }),
			'delivery.createDraft': () => ({ purchaseOrderId: rl(APICBASE_DEMO.orderedPurchaseOrderId), deliveredPackages: { package: [{ packageId: orderedPackage(), quantity: 1 }] } }),
			'delivery.submit': async () => ({ deliveryId: await deliveryDraft() }),
			'purchaseOrder.get': () => ({ purchaseOrderId: rl(APICBASE_DEMO.orderedPurchaseOrderId) }),
			'stockItem.getAll': () => ({ outletId: String(APICBASE_DEMO.outletId) }),
			'stockItem.getStock': () => ({ outletId: String(APICBASE_DEMO.outletId), stockItemId: rl(APICBASE_DEMO.stockItemId) }),
		},
	},
	{
		title: 'Apicbase Supplier',
		node: new ApicbaseSupplier(),
		base: {},
		credentials: {},
		credentialTypes: { apicbaseSupplierApi: new ApicbaseSupplierApi() },
		sandbox: () => apicbase,
		async reset() {
			apicbase.reset();
			this.credentials.apicbaseSupplierApi = {
				environment: 'custom',
				customBaseUrl: apicbase.url,
				clientId: APICBASE_DEMO.supplierClientId,
				clientSecret: APICBASE_DEMO.supplierClientSecret,
				accessToken: '',
			};
		},
		valid: {
			'supplierAssortmentFile.upload': () => ({ customerNumber: apicbase.customers()[0].customer_number, articlesFrom: 'json', articles: JSON.stringify(ARTICLES) }),
			'supplierCustomerPackage.getAll': () => ({ customerNumber: apicbase.customers()[0].customer_number }),
			'supplierPurchaseOrder.respond': () => ({ answer: 'refuse', reason: 'Out of stock', statusCode: 422 }),
			'supplierPurchaseOrder.markFetched': () => ({ orderIds: apicbase.purchaseOrders()[0].id }),
			'supplierPurchaseOrder.markViewed': () => ({ orderIds: apicbase.purchaseOrders()[0].id }),
		},
		items: { 'supplierPurchaseOrder.respond': () => [{ json: { id: 'order-1' } }] },
	},
];

function pendingOrder(): number {
	return mbx.orders().find((o) => o.status === 'pending')!.id;
}

/** A POST to the OpenBoxes sandbox as the admin, outside the node (setting up records). */
async function openBoxesPost(path: string, body: unknown, password: string = OPENBOXES_PASSWORD): Promise<IDataObject> {
	const api = `${openBoxes.url}/openboxes/api`;
	const json = { 'Content-Type': 'application/json', Accept: 'application/json' };
	const login = await fetch(`${api}/login`, {
		method: 'POST',
		headers: json,
		body: JSON.stringify({ username: OPENBOXES_DEMO.username, password, location: OPENBOXES_DEMO.locationId }),
		redirect: 'manual',
	});
	const cookie = /JSESSIONID=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
	if (!cookie) throw new Error(`OpenBoxes sandbox login failed: ${login.status}`);
	const answer = await fetch(`${api}${path}`, { method: 'POST', headers: { ...json, Cookie: cookie }, body: JSON.stringify(body), redirect: 'manual' });
	if (answer.status !== 200 && answer.status !== 201) throw new Error(`OpenBoxes sandbox POST ${path} failed: ${answer.status} ${await answer.text()}`);
	openBoxes.requests.length = 0;
	const record = (await answer.json()) as IDataObject;
	// Most answers wrap the record in `data`; a new product comes as `product`.
	return ((record.data ?? record.product) as IDataObject | undefined) ?? record;
}

/** A new OpenBoxes record, for an operation that deletes one. */
async function openBoxesCreate(path: string, body: IDataObject): Promise<string> {
	return String((await openBoxesPost(path, body)).id);
}

/** A pending, unpaid purchase order: one OpenBoxes lets delete. */
async function newPurchaseOrder(): Promise<string> {
	return await openBoxesCreate('/purchaseOrders', {
		name: 'Hostile delete me',
		origin: { id: OPENBOXES_DEMO.supplierId },
		destination: { id: BHQ },
		orderedBy: { id: OPENBOXES_DEMO.userId },
		orderItems: [{ product: { id: OB_PRODUCT }, quantity: 1 }],
	});
}

/** Gives the OpenBoxes admin a distinctive password, through OpenBoxes' own generic API. */
async function setOpenBoxesPassword(): Promise<void> {
	await openBoxesPost(`/generic/user/${OPENBOXES_DEMO.userId}`, { password: OPENBOXES_PASSWORD }, OPENBOXES_DEMO.password);
}

/** A delivery draft on the ordered purchase order, for Submit. */
async function deliveryDraft(): Promise<string> {
	const answer = await fetch(`${apicbase.url}/api/v2/procurement/deliveries/`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			Accept: 'application/json',
			Authorization: `Bearer ${String(vendors[2].credentials.apicbaseAccessTokenApi.accessToken)}`,
		},
		body: JSON.stringify({ purchase_order: APICBASE_DEMO.orderedPurchaseOrderId, update_stock: true }),
	});
	if (answer.status !== 201 && answer.status !== 200) throw new Error(`Apicbase sandbox draft failed: ${answer.status} ${await answer.text()}`);
	apicbase.requests.length = 0;
	return String(((await answer.json()) as { id: unknown }).id);
}

// ---------------------------------------------------------------- operations and their fields, from the descriptions

interface OperationRef {
	resource: string;
	operation: string;
}

function operationsOf(node: INodeType): OperationRef[] {
	const properties = node.description.properties;
	const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
	return resources.flatMap(({ value: resource }) => {
		const selector = properties.find(
			(p) => p.name === 'operation' && ((p.displayOptions?.show?.resource ?? []) as string[]).includes(resource),
		);
		return ((selector?.options ?? []) as Array<{ value: string }>).map(({ value: operation }) => ({ resource, operation }));
	});
}

interface Target {
	/** Display names from the top-level parameter down, e.g. Filters > Work Order ID. */
	labels: string[];
	path: Array<string | number>;
	property: INodeProperties;
	required: boolean;
	/** Parameter values that make the top-level parameter show (e.g. Return All off for Limit). */
	context: IDataObject;
}

const SKIPPED_TYPES = new Set(['notice', 'hidden', 'button', 'callout']);

function isShown(node: INodeType, property: INodeProperties, values: IDataObject): boolean {
	return NodeHelpers.displayParameter(values as never, property, null, node.description);
}

/** What the other show rules of a parameter need (resource and operation are already set). */
function showContext(property: INodeProperties): IDataObject {
	const context: IDataObject = {};
	for (const [key, allowed] of Object.entries(property.displayOptions?.show ?? {})) {
		if (key === 'resource' || key === 'operation' || !Array.isArray(allowed) || allowed.length === 0) continue;
		const first = allowed[0];
		if (typeof first !== 'object' || first === null) context[key] = first as NodeParameterValue;
	}
	return context;
}

function nestedTargets(property: INodeProperties, labels: string[], path: Array<string | number>, required: boolean, context: IDataObject): Target[] {
	if (SKIPPED_TYPES.has(property.type)) return [];
	const own: Target = { labels, path, property, required, context };
	if (property.type === 'collection') {
		const options = (property.options ?? []) as INodeProperties[];
		return [own, ...options.flatMap((option) => nestedTargets(option, [...labels, option.displayName], [...path, option.name], false, context))];
	}
	if (property.type === 'fixedCollection') {
		const groups = (property.options ?? []) as INodePropertyCollection[];
		const multiple = property.typeOptions?.multipleValues === true;
		return [
			own,
			...groups.flatMap((group) =>
				(group.values ?? []).flatMap((value) =>
					nestedTargets(
						value,
						[...labels, value.displayName],
						multiple ? [...path, group.name, 0, value.name] : [...path, group.name, value.name],
						value.required === true,
						context,
					),
				),
			),
		];
	}
	return [own];
}

function targetsOf(node: INodeType, ref: OperationRef, values: IDataObject): Target[] {
	const fixed = new Set(['resource', 'operation', 'authentication']);
	return node.description.properties.flatMap((property) => {
		if (fixed.has(property.name) || SKIPPED_TYPES.has(property.type)) return [];
		const resources = property.displayOptions?.show?.resource as string[] | undefined;
		const operations = property.displayOptions?.show?.operation as string[] | undefined;
		if (!resources?.includes(ref.resource) || (operations && !operations.includes(ref.operation))) return [];
		const context = showContext(property);
		if (!isShown(node, property, { ...values, ...context })) return [];
		return nestedTargets(property, [property.displayName], [property.name], property.required === true, context);
	});
}

/** The full parameters n8n stores for a node: every shown parameter, defaults filled in. */
function fullParameters(node: INodeType, values: IDataObject): IDataObject {
	const nodeStub = { name: 'Hostile', type: node.description.name, typeVersion: 1, parameters: values } as never;
	return (NodeHelpers.getNodeParameters(node.description.properties, values as never, true, false, nodeStub, node.description) ??
		{}) as IDataObject;
}

// ---------------------------------------------------------------- the values to feed each field

const looksLikeId = (property: INodeProperties) => /(Id|Ids|ID|Number|Serial)$/.test(property.name) || /(^| )(ID|Number)s?$/.test(property.displayName);

function hostileValues(target: Target): Hostile[] {
	const { property } = target;
	const ids = looksLikeId(property) ? NOT_IDS : [];
	switch (property.type) {
		case 'string':
			return [...TEXT, ...ids, ...WRONG_TYPES];
		case 'number':
			return [...NUMBERS, ...(looksLikeId(property) ? [h('huge id', 1e20), ...TEXT.filter((v) => typeof v.value === 'string' && v.value.includes(MARK))] : [])];
		case 'boolean':
			return BOOLEANS;
		case 'options':
			return property.typeOptions?.loadOptionsMethod ? [...TEXT, ...NOT_IDS, ...WRONG_TYPES] : OPTIONS;
		case 'multiOptions':
			return MULTI_OPTIONS;
		case 'json':
			return JSON_VALUES;
		case 'dateTime':
			return [...TEXT, ...DATES, ...WRONG_TYPES];
		case 'resourceLocator': {
			const modes = (property.modes ?? []).map((m) => m.name);
			const inId = [...TEXT, ...NOT_IDS, ...WRONG_TYPES].map((v) => h(`by ID: ${v.label}`, rl(v.value as string, 'id'), v.empty));
			const inList = modes.includes('list') ? [...TEXT.slice(0, 2), h('../', `../${MARK}`), h('number', 42)].map((v) => h(`from list: ${v.label}`, rl(v.value as string, 'list'), v.empty)) : [];
			const inUrl = modes.includes('url')
				? ['', 'not a url', `https://example.com/../${MARK}`, `https://example.com/x/${MARK}%2Fx?a=b`].map((v) => h(`by URL: ${v || 'empty'}`, rl(v, 'url'), v === ''))
				: [];
			return [...inId, ...inList, ...inUrl, h('plain text', `../${MARK}`), h('null', null)];
		}
		case 'collection':
			return [h('nothing added', {})];
		case 'fixedCollection': {
			const groups = (property.options ?? []) as INodePropertyCollection[];
			const multiple = property.typeOptions?.multipleValues === true;
			return [h('nothing added', {}, true), ...groups.flatMap((g) => (multiple ? [h(`no ${g.displayName}`, { [g.name]: [] }, true)] : []))];
		}
		default:
			return [...TEXT, ...WRONG_TYPES];
	}
}

// ---------------------------------------------------------------- running one case

interface Outcome {
	error?: unknown;
	output?: INodeExecutionData[][];
	requests: SandboxServer['requests'];
	/** What the node answered a waiting trigger call with (n8n's response channel). */
	responses: Array<{ statusCode?: unknown }>;
	secrets: string[];
}

function setAt(target: IDataObject, path: Array<string | number>, value: unknown, samples: Record<string, unknown> = {}): void {
	let current = target as Record<string | number, unknown>;
	for (let i = 0; i < path.length - 1; i++) {
		const key = path[i];
		const nextKey = path[i + 1];
		if (current[key] === undefined && typeof key === 'string' && samples[key] !== undefined) current[key] = structuredClone(samples[key]);
		const existing = current[key];
		if (typeof nextKey === 'number') {
			if (!Array.isArray(existing) || existing.length === 0) current[key] = [{}];
			else current[key] = [{ ...(existing[0] as object) }];
		} else if (existing === null || typeof existing !== 'object' || Array.isArray(existing)) {
			current[key] = {};
		} else {
			current[key] = Array.isArray(existing) ? existing : { ...(existing as object) };
		}
		current = current[key] as Record<string | number, unknown>;
	}
	current[path[path.length - 1]] = value;
}

/** The credential fields that are secrets: passwords and the tokens or sessions n8n stores. */
function credentialSecrets(vendor: Vendor): string[] {
	const secrets: string[] = [];
	for (const [type, data] of Object.entries(vendor.credentials)) {
		for (const property of vendor.credentialTypes[type].properties) {
			const secret = property.typeOptions?.password === true || property.typeOptions?.expirable === true;
			const value = data[property.name];
			if (secret && typeof value === 'string' && value !== '') secrets.push(value);
		}
	}
	return secrets;
}

/** What authenticated the requests: bearer tokens, session cookies, signatures. */
function headerSecrets(requests: SandboxServer['requests']): string[] {
	const secrets: string[] = [];
	for (const request of requests) {
		for (const [name, raw] of Object.entries(request.headers)) {
			if (!/^(authorization|cookie|mbx-auth|x-api-key)$/i.test(name) || raw === undefined) continue;
			for (const value of Array.isArray(raw) ? raw : [raw]) {
				secrets.push(value);
				// The token, cookie or signature alone, without its scheme or name.
				for (const part of value.split(/[\s;:=]+/)) if (part.length >= 12) secrets.push(part);
			}
		}
	}
	return secrets;
}

async function run(vendor: Vendor, parameters: IDataObject, items?: INodeExecutionData[]): Promise<Outcome> {
	const sandbox = vendor.sandbox();
	sandbox.requests.length = 0;
	const { context, node } = liveExecuteFunctions({
		parameters,
		credentials: vendor.credentials,
		credentialTypes: vendor.credentialTypes,
	});
	node.parameters = parameters as never;
	node.type = vendor.node.description.name;
	const mutable = context as unknown as Record<string, unknown>;
	const read = context.getNodeParameter.bind(context) as (...args: unknown[]) => unknown;
	// n8n's own extractValue: a locator's URL mode runs its regex, as in a real execution.
	mutable.getNodeParameter = (name: string, itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }) => {
		const value = read(name, itemIndex, fallback);
		return options?.extractValue ? extractValue(value as never, name, node, vendor.node, itemIndex) : value;
	};
	if (items) mutable.getInputData = () => items;
	// n8n's default binary mode keeps the file in the item, base64-encoded.
	(mutable.helpers as Record<string, unknown>).prepareBinaryData = async (data: Buffer, fileName?: string, mimeType?: string) => ({
		data: data.toString('base64'),
		fileName,
		mimeType,
		fileSize: String(data.length),
	});
	const outcome: Outcome = { requests: sandbox.requests, responses: [], secrets: [] };
	mutable.sendResponse = async (response: { statusCode?: unknown }) => {
		outcome.responses.push(response);
	};
	try {
		outcome.output = (await vendor.node.execute!.call(context as IExecuteFunctions)) as INodeExecutionData[][];
	} catch (error) {
		outcome.error = error;
	}
	outcome.requests = [...sandbox.requests];
	outcome.secrets = [...credentialSecrets(vendor), ...headerSecrets(outcome.requests)];
	return outcome;
}

// ---------------------------------------------------------------- judging an outcome

const LOGIN_PATHS = /\/(login|oauth\/token|api\/login)\/?$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function text(value: unknown): string {
	const seen = new WeakSet();
	try {
		return (
			JSON.stringify(value, (_key, v: unknown) => {
				if (typeof v === 'object' && v !== null) {
					if (seen.has(v)) return undefined;
					seen.add(v);
				}
				return typeof v === 'bigint' ? String(v) : v;
			}) ?? ''
		);
	} catch {
		return String(value);
	}
}

const NATIVE_ERRORS = new Set(['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'URIError', 'EvalError', 'AggregateError']);

/** A JavaScript error the node did not mean to throw: native, or a bare Error. */
function isAccident(error: unknown): boolean {
	if (!(error instanceof Error)) return error !== undefined && error !== null;
	return NATIVE_ERRORS.has(error.name) || error.constructor.name === 'Error';
}

/** The string value of a hostile input as it would be sent (trimmed or not). */
function markerTexts(value: unknown): string[] {
	const values: string[] = [];
	const collect = (v: unknown) => {
		if (typeof v === 'string' && v.includes(MARK)) values.push(v);
		else if (Array.isArray(v)) v.forEach(collect);
		else if (v && typeof v === 'object') Object.values(v).forEach(collect);
	};
	collect(value);
	return values;
}

function safeDecode(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

/** Problems with the requests a run sent: paths the input moved, injected queries, headers or CR/LF. */
function requestProblems(requests: SandboxServer['requests'], value: unknown, baseline: SandboxServer['requests'], validValue: unknown): string[] {
	const problems: string[] = [];
	const marked = markerTexts(value);
	for (const request of requests) {
		const where = `${request.method} ${request.target.slice(0, 200)}`;
		const [rawPath, ...rest] = request.target.split('?');
		const rawQuery = rest.join('?');
		if (/[\r\n\s]/.test(request.target)) problems.push(`CR, LF or a space in the request target: ${where}`);
		if (Object.keys(request.headers).some((name) => name.toLowerCase() === 'x-injected')) problems.push(`a header was injected: ${where}`);
		if (request.body.includes('[object Object]')) problems.push(`[object Object] sent in the body: ${where}`);
		if (request.target.includes('%5Bobject%20Object%5D') || request.target.includes('[object')) problems.push(`[object Object] sent in the URL: ${where}`);
		for (const segment of rawPath.split('/')) {
			const decoded = safeDecode(segment);
			if (decoded === undefined) {
				problems.push(`a path segment is not valid percent-encoding (a raw %): ${where}`);
				continue;
			}
			if (decoded.includes(MARK) && !marked.some((m) => decoded.includes(m.trim()))) {
				problems.push(`the input was split across path segments or cut short: ${where}`);
			}
		}
		for (const [key, val] of new URLSearchParams(rawQuery)) {
			if (key === 'a' || key.includes(MARK)) problems.push(`a query parameter was injected: ${where}`);
			if (val.includes(MARK) && !marked.some((m) => val.includes(m.trim()) || val.includes(JSON.stringify(m.trim()).slice(1, -1)))) {
				problems.push(`the input was cut short in the query: ${where}`);
			}
		}
	}
	// "." and ".." cannot be sent as a path segment (URLs resolve them): the path they would give.
	const dots = typeof value === 'string' ? value : (value as { value?: unknown } | null)?.value;
	if ((dots === '.' || dots === '..') && (typeof validValue === 'string' || typeof validValue === 'number') && String(validValue).trim() !== '') {
		const valid = encodeURIComponent(String(validValue));
		const moved = new Set<string>();
		for (const request of baseline) {
			const segments = request.target.split('?')[0].split('/');
			segments.forEach((segment, index) => {
				if (segment !== valid) return;
				const replaced = [...segments];
				replaced[index] = dots;
				const resolved = new URL(replaced.join('/'), 'http://sandbox.local').pathname;
				if (resolved !== replaced.join('/')) moved.add(resolved);
			});
		}
		for (const request of requests) {
			if (moved.has(request.target.split('?')[0])) problems.push(`"${dots}" moved the request path: ${request.method} ${request.target}`);
		}
	}
	return problems;
}

function judge(outcome: Outcome, target: Target, hostile: Hostile, baseline: SandboxServer['requests'], validValue: unknown): string[] {
	const problems = requestProblems(outcome.requests, hostile.value, baseline, validValue);
	for (const { statusCode } of outcome.responses) {
		if (statusCode !== undefined && !(Number.isInteger(statusCode) && (statusCode as number) >= 100 && (statusCode as number) <= 599)) {
			problems.push(`answered the waiting call with the HTTP status ${String(statusCode)}`);
		}
	}
	const { error } = outcome;
	let shown = '';
	if (error instanceof NodeOperationError) {
		shown = `${error.message}\n${error.description ?? ''}`;
		const cause = (error as { cause?: unknown }).cause;
		if (isAccident(cause)) {
			problems.push(`a ${(cause as Error).name ?? typeof cause} escaped: ${(cause as Error).message ?? String(cause)}`);
		} else {
			const lower = shown.toLowerCase();
			// n8n's convention names a dropdown with choices loaded from the vendor "X Name or ID".
			const names = [target.labels[target.labels.length - 1].replace(/ Name or ID$/, '')];
			if (!names.some((name) => lower.includes(name.toLowerCase()))) {
				problems.push(`NodeOperationError does not name "${target.labels.join(' > ')}": ${error.message} | ${error.description ?? ''}`);
			}
			const writes = outcome.requests.filter((r) => WRITES.has(r.method) && !LOGIN_PATHS.test(r.path));
			if (writes.length > 0) problems.push(`refused only after writing: ${writes.map((r) => `${r.method} ${r.path}`).join(', ')}`);
		}
	} else if (error instanceof NodeApiError) {
		shown = `${error.message}\n${error.description ?? ''}`;
		if (shown.includes('[object Object]')) problems.push(`NodeApiError shows [object Object]: ${shown}`);
		if (!error.httpCode) problems.push(`NodeApiError without an answer from the vendor: ${error.message}`);
		if (!error.message.trim()) problems.push('NodeApiError with an empty message');
		if (hostile.empty && target.required) problems.push(`an empty required field was sent to the vendor: ${error.message}`);
	} else if (error !== undefined) {
		problems.push(`${(error as Error)?.name ?? typeof error} thrown: ${(error as Error)?.message ?? String(error)}`);
	} else if (hostile.empty && target.required) {
		problems.push('an empty required field was accepted');
	}
	const prototype = Object.prototype as Record<string, unknown>;
	if (prototype.polluted !== undefined) {
		delete prototype.polluted;
		problems.push('the input changed Object.prototype');
	}
	return [...problems, ...secretProblems(outcome)];
}

/** Secrets in what n8n shows or stores: the error (message, description, its details) and the output. */
function secretProblems(outcome: Outcome): string[] {
	const { error } = outcome;
	const visible = [
		text(outcome.output),
		error instanceof Error
			? text({
					message: error.message,
					description: (error as NodeApiError).description,
					context: (error as NodeApiError).context,
					messages: (error as NodeApiError).messages,
					errorResponse: (error as { errorResponse?: unknown }).errorResponse,
					cause: (error as { cause?: unknown }).cause,
				})
			: '',
	].join('\n');
	return [...new Set(outcome.secrets)]
		.filter((secret) => secret.length >= 6 && visible.includes(secret))
		.map((secret) => `a secret appears in the error or output: ${secret.slice(0, 4)}…`);
}

function describeOutcome(outcome: Outcome): string {
	const { error } = outcome;
	if (error === undefined) return 'success';
	const e = error as NodeApiError;
	return `${e.constructor?.name} ${e.httpCode ?? ''} ${e.message} | ${e.description ?? ''}`;
}

// ---------------------------------------------------------------- the test

beforeAll(async () => {
	await Promise.all([mbx.start(0), openBoxes.start(0), apicbase.start(0)]);
});
afterAll(async () => {
	await Promise.all([mbx.stop(), openBoxes.stop(), apicbase.stop()]);
});

const walked = { operations: 0, fields: 0, runs: 0 };
afterAll(() => {
	process.stdout.write(`hostile input: ${walked.operations} operations, ${walked.fields} fields, ${walked.runs} operation × field × value runs\n`);
});

describe.each(vendors)('$title', (vendor) => {
	const operations = operationsOf(vendor.node);

	test.each(operations)('$resource $operation', async (ref) => {
		await vendor.reset();
		const key = `${ref.resource}.${ref.operation}`;
		const given = { ...vendor.base, resource: ref.resource, operation: ref.operation, ...((await vendor.valid[key]?.()) ?? {}) };
		const items = vendor.items?.[key]?.();
		const valid = { ...given, ...fullParameters(vendor.node, given) };
		const problems: string[] = [];

		const baseline = await run(vendor, valid, items);
		if (baseline.error !== undefined) problems.push(`the valid parameters fail: ${describeOutcome(baseline)}`);
		problems.push(...secretProblems(baseline));
		// The secret check has something to look for: every credential's password, token or session.
		expect(baseline.secrets.length).toBeGreaterThan(0);

		let cases = 0;
		walked.operations++;
		for (const target of targetsOf(vendor.node, ref, valid)) {
			walked.fields++;
			const contextual = { ...given, ...target.context };
			const parameters = { ...contextual, ...fullParameters(vendor.node, contextual) };
			const validValue = target.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], parameters);
			const validId = (validValue as { value?: unknown } | null)?.value ?? validValue;
			for (const hostile of hostileValues(target)) {
				let values = structuredClone(parameters);
				if (vendor.fresh?.has(key)) {
					await vendor.reset();
					const renewed = { ...given, ...((await vendor.valid[key]?.()) ?? {}), ...target.context };
					values = { ...renewed, ...fullParameters(vendor.node, renewed) };
				}
				setAt(values, target.path, hostile.value, vendor.samples);
				walked.runs++;
				cases++;
				const outcome = await run(vendor, values, items);
				for (const problem of judge(outcome, target, hostile, baseline.requests, validId)) {
					problems.push(`${target.labels.join(' > ')} = ${hostile.label}: ${problem}`);
				}
			}
		}
		expect(problems).toEqual([]);
		// Every operation has fields: none may slip through the walk.
		expect(cases).toBeGreaterThan(0);
	});
});

/** The checks themselves: each kind of failure the walk looks for is found. */
describe('the checks', () => {
	const node: INode = { id: 'n', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
	const target: Target = {
		labels: ['Product'],
		path: ['productId'],
		property: { displayName: 'Product', name: 'productId', type: 'string', default: '', required: true },
		required: true,
		context: {},
	};
	const request = (method: string, target: string, headers: Record<string, string> = {}, body = '') => ({
		seq: 1,
		at: '',
		method,
		target,
		path: target.split('?')[0],
		headers,
		body,
		status: 200,
	});
	const outcome = (parts: Partial<Outcome>): Outcome => ({ requests: [], responses: [], secrets: [], ...parts });
	const problemsOf = (parts: Partial<Outcome>, value: unknown, baseline: Outcome['requests'] = [], valid: unknown = 'abc') =>
		judge(outcome(parts), target, h('value', value, value === ''), baseline, valid);

	it('passes a refusal naming the field, a clean vendor error and a success', () => {
		expect(problemsOf({ error: new NodeOperationError(node, 'Product is required') }, '')).toEqual([]);
		const notFound = new NodeApiError(node, { message: 'x' }, { httpCode: '404', message: 'No product hostile%2Fx' });
		expect(problemsOf({ error: notFound, requests: [request('GET', '/api/products/hostile%252Fx')] }, 'hostile%2Fx')).toEqual([]);
		expect(problemsOf({ output: [[{ json: { id: 1 } }]] }, 'hostile/x')).toEqual([]);
	});

	it('finds an escaped TypeError, a refusal naming another field, an unreadable or unanswered vendor error', () => {
		const typeError = new NodeOperationError(node, new TypeError("Cannot read properties of undefined (reading 'id')"));
		expect(problemsOf({ error: typeError }, 'x')).toEqual([expect.stringContaining('TypeError escaped')]);
		expect(problemsOf({ error: new TypeError('x') }, 'x')).toEqual([expect.stringContaining('TypeError thrown')]);
		expect(problemsOf({ error: new NodeOperationError(node, 'Lot Number is required') }, 'x')).toEqual([expect.stringContaining('does not name "Product"')]);
		const unreadable = new NodeApiError(node, { message: 'x' }, { httpCode: '404', message: 'No product [object Object]' });
		expect(problemsOf({ error: unreadable }, 'x')).toEqual([expect.stringContaining('shows [object Object]')]);
		const unanswered = new NodeApiError(node, { message: 'x' }, { message: 'Request path contains unescaped characters' });
		expect(problemsOf({ error: unanswered }, 'x')).toEqual([expect.stringContaining('without an answer')]);
	});

	it('finds an empty required field that was sent or accepted, and a refusal after a write', () => {
		expect(problemsOf({ output: [[]] }, '')).toEqual(['an empty required field was accepted']);
		const refused = new NodeOperationError(node, 'Product is required');
		expect(problemsOf({ error: refused, requests: [request('POST', '/api/products')] }, 'x')).toEqual([expect.stringContaining('refused only after writing')]);
	});

	it('finds paths, queries and headers the input changed', () => {
		const sent = (target: string, value: unknown, headers: Record<string, string> = {}) => problemsOf({ requests: [request('GET', target, headers)] }, value);
		expect(sent('/api/products/hostile/x', 'hostile/x')).toEqual([expect.stringContaining('split across path segments')]);
		expect(sent('/api/products/hostile%2Fx', 'hostile%2Fx')).toEqual([expect.stringContaining('split across path segments')]);
		expect(sent('/api/hostile', '../hostile')).toEqual([expect.stringContaining('split across path segments')]);
		expect(sent('/api/products/hostile?a=b', 'hostile?a=b')).toEqual([
			expect.stringContaining('split across path segments'),
			expect.stringContaining('query parameter was injected'),
		]);
		expect(sent('/api/products?q=hostile&a=b', 'hostile&a=b')).toEqual([
			expect.stringContaining('cut short in the query'),
			expect.stringContaining('query parameter was injected'),
		]);
		expect(sent('/api/products/a', 'a\r\nX-Injected: 1', { 'x-injected': '1' })).toEqual([expect.stringContaining('header was injected')]);
		expect(sent('/api/products/%5Bobject%20Object%5D', { a: 1 })).toEqual([expect.stringContaining('[object Object] sent in the URL')]);
		const baseline = [request('GET', '/api/products/abc/summary')];
		expect(problemsOf({ requests: [request('GET', '/api/summary')] }, '..', baseline)).toEqual([expect.stringContaining('".." moved the request path')]);
		expect(problemsOf({ requests: [request('GET', '/api/products/summary')] }, '.', baseline)).toEqual([expect.stringContaining('"." moved the request path')]);
	});

	it('finds a secret in the error, its details or the output, and a bad status answered to a waiting call', () => {
		const secrets = ['demo-secret-token'];
		const leaked = new NodeApiError(node, { message: 'x' }, { httpCode: '401', message: 'Denied', description: 'signed with demo-secret-token' });
		expect(problemsOf({ error: leaked, secrets }, 'x')).toEqual([expect.stringContaining('a secret appears')]);
		expect(problemsOf({ output: [[{ json: { token: 'demo-secret-token' } }]], secrets }, 'x')).toEqual([expect.stringContaining('a secret appears')]);
		expect(problemsOf({ output: [[]], responses: [{ statusCode: Number.NaN }] }, 'x')).toEqual([expect.stringContaining('HTTP status NaN')]);
	});
});
