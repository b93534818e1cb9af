/**
 * The Apicbase node in a real n8n: every supplier operation with the client-credentials token
 * (which renews itself after expiry), every customer-side operation through n8n's own OAuth2
 * connect flow, the reads again with a token generated in the Apicbase UI, and bad input refused
 * before anything is sent.
 */
import { APICBASE_DEMO } from '../sandbox/apicbase/server';
import type { Sandboxes } from '../sandbox/start';
import { sandboxCredentials, startE2eSandboxes } from './support/fixtures';
import { N8nInstance, type ExecutionResult } from './support/instance';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { packPackage } from './support/package';
import { N8nRest } from './support/rest';
import { ensureN8nRuntime } from './support/runtime';
import { chain, manualTrigger, MANUAL_TRIGGER, ours, workflow } from './support/workflow';

jest.setTimeout(30 * 60 * 1000);

const N8N_PORT = 5689;
const SUPPLIER = { apicbaseSupplierApi: { id: 'scApicbaseSupplier', name: 'Apicbase supplier account' } };
const OAUTH2 = { apicbaseOAuth2Api: { id: 'scApicbaseOAuth2', name: 'Apicbase OAuth2 account' } };
const TOKEN = { apicbaseAccessTokenApi: { id: 'scApicbaseToken', name: 'Apicbase access token' } };

const ARTICLES = [
	{ third_party_id: 'E2E-001', name: 'Crème fraîche 30% “bio”', price: 4.25, package_description: { quantity: 500, unit_name: 'ml' } },
	{
		third_party_id: 'E2E-002',
		name: 'Tomatoes, case of 6 × 1 kg',
		package_type: 'Case',
		price: 11.9,
		package_description: { quantity: 6, package: { quantity: 1, unit_name: 'kg' } },
	},
];

let sandboxes: Sandboxes;
let n8n: N8nInstance;
let rest: N8nRest;

async function run(workflowId: string): Promise<ExecutionResult> {
	return await n8n.executeOrThrow(workflowId);
}

const grantTypes = () =>
	sandboxes.apicbase.logged({ method: 'POST', pathPrefix: APICBASE_DEMO.tokenPath }).map((r) => new URLSearchParams(r.body).get('grant_type'));

beforeAll(async () => {
	sandboxes = await startE2eSandboxes();
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: N8N_PORT });
	await n8n.installPackage(packPackage());
	const site = { environment: 'custom', customBaseUrl: sandboxes.apicbase.url };
	await n8n.importCredentials([
		...sandboxCredentials(sandboxes).filter((c) => c.type === 'apicbaseSupplierApi'),
		{
			id: OAUTH2.apicbaseOAuth2Api.id,
			name: OAUTH2.apicbaseOAuth2Api.name,
			type: 'apicbaseOAuth2Api',
			data: { ...site, clientId: APICBASE_DEMO.customerClientId, clientSecret: APICBASE_DEMO.customerClientSecret, scopes: ['accounts', 'inventory', 'procurement'] },
		},
		{
			id: TOKEN.apicbaseAccessTokenApi.id,
			name: TOKEN.apicbaseAccessTokenApi.name,
			type: 'apicbaseAccessTokenApi',
			data: { ...site, accessToken: sandboxes.apicbase.issueAccessToken(['accounts', 'inventory', 'procurement']) },
		},
	]);
	rest = new N8nRest(await n8n.start());
	await rest.setupOwner();
});

afterAll(async () => {
	await n8n?.stop();
	await sandboxes?.stop();
});

describe('supplier side with the client-credentials token', () => {
	it('runs every supplier operation and gets Apicbase\'s real answers', async () => {
		const apicbase = sandboxes.apicbase;
		const viewedId = apicbase.purchaseOrders().filter((o) => o.status === 'ORDERED')[5].id;
		const nodes = [
			manualTrigger(),
			ours('Unfetched Orders', 'apicbaseSupplier', { resource: 'supplierPurchaseOrder', operation: 'getAll', limit: 3, filters: { status: 'ORDERED', fetchedBySupplier: 'false' } }, SUPPLIER),
			ours('Mark Fetched', 'apicbaseSupplier', { resource: 'supplierPurchaseOrder', operation: 'markFetched', orderIds: '={{ $json.id }}' }, SUPPLIER),
			ours('Mark Viewed', 'apicbaseSupplier', { resource: 'supplierPurchaseOrder', operation: 'markViewed', orderIds: viewedId }, SUPPLIER),
			ours('All Orders', 'apicbaseSupplier', { resource: 'supplierPurchaseOrder', operation: 'getAll', returnAll: true, filters: {} }, SUPPLIER),
			ours('Customers', 'apicbaseSupplier', { resource: 'supplierCustomer', operation: 'getAll', returnAll: true }, SUPPLIER),
			ours('Customer Packages', 'apicbaseSupplier', { resource: 'supplierCustomerPackage', operation: 'getAll', customerNumber: '={{ $json.customer_number }}', returnAll: true }, SUPPLIER),
			ours('Upload Assortment', 'apicbaseSupplier', {
				resource: 'supplierAssortmentFile',
				operation: 'upload',
				customerNumber: apicbase.customers()[0].customer_number,
				articlesFrom: 'json',
				articles: JSON.stringify(ARTICLES),
			}, SUPPLIER),
		];
		const edges: Array<[string, string]> = [
			...chain(MANUAL_TRIGGER, 'Unfetched Orders', 'Mark Fetched'),
			...chain(MANUAL_TRIGGER, 'Mark Viewed'),
			...chain(MANUAL_TRIGGER, 'All Orders'),
			...chain(MANUAL_TRIGGER, 'Customers', 'Customer Packages'),
			...chain(MANUAL_TRIGGER, 'Upload Assortment'),
		];
		await n8n.importWorkflow(workflow('scApSupplierEvery', 'Apicbase: every supplier operation', nodes, edges));
		const out = (await run('scApSupplierEvery')).nodes;

		const fetchedIds = out['Unfetched Orders'].map((o) => o.id);
		expect(fetchedIds).toHaveLength(3);
		expect(out['Mark Fetched'].map((o) => o.id)).toEqual(fetchedIds);
		const after = new Map(apicbase.purchaseOrders().map((o) => [o.id, o]));
		expect(fetchedIds.every((id) => after.get(String(id))?.fetched_by_supplier === true)).toBe(true);
		expect(after.get(viewedId)?.viewed_by_supplier).toBe(true);
		// Paged through DRF's `next` links (200 a page) to the last order.
		expect(out['All Orders']).toHaveLength(apicbase.purchaseOrders().length);
		expect(out['All Orders'].length).toBeGreaterThan(APICBASE_DEMO.seededOrderCount - 1);

		const customers = apicbase.customers();
		expect(out['Customers'].map((c) => c.customer_number).sort()).toEqual(customers.map((c) => c.customer_number).sort());
		expect(out['Customer Packages'].length).toBeGreaterThan(customers.length);
		expect(out['Customer Packages'][0]).toHaveProperty('package.third_party_id');

		expect(out['Upload Assortment'][0]).toMatchObject({ customerNumber: customers[0].customer_number, articleCount: 2 });
		const [file] = apicbase.assortmentFiles();
		expect(file.articleList).toEqual(ARTICLES);
		expect(apicbase.requests.filter((r) => r.status === 401 || r.status === 400)).toEqual([]);
	});

	it('renews the supplier token by itself when Apicbase expires it', async () => {
		const path = APICBASE_DEMO.customersPath;
		const nodes = [manualTrigger(), ours('Customers', 'apicbaseSupplier', { resource: 'supplierCustomer', operation: 'getAll', returnAll: true }, SUPPLIER)];
		await n8n.importWorkflow(workflow('scApSupplierRenew', 'Apicbase: supplier token renewal', nodes, chain(MANUAL_TRIGGER, 'Customers')));
		const before = grantTypes().filter((g) => g === 'client_credentials').length;
		sandboxes.apicbase.injectFault({ kind: 'expireAuth', pathPrefix: path, times: 1 });
		const out = (await run('scApSupplierRenew')).nodes;
		expect(out['Customers']).toHaveLength(sandboxes.apicbase.customers().length);
		expect(grantTypes().filter((g) => g === 'client_credentials').length).toBe(before + 1);
		const calls = sandboxes.apicbase.logged({ pathPrefix: path });
		expect(calls.slice(-2).map((r) => r.status)).toEqual([401, 200]);
	});

	it('refuses an invalid assortment before uploading anything, naming the article and field', async () => {
		const nodes = [
			manualTrigger(),
			ours('Upload Assortment', 'apicbaseSupplier', {
				resource: 'supplierAssortmentFile',
				operation: 'upload',
				customerNumber: sandboxes.apicbase.customers()[0].customer_number,
				articlesFrom: 'json',
				articles: JSON.stringify([ARTICLES[0], { ...ARTICLES[1], name: '' }]),
			}, SUPPLIER),
		];
		await n8n.importWorkflow(workflow('scApBadAssortment', 'Apicbase: bad assortment', nodes, chain(MANUAL_TRIGGER, 'Upload Assortment')));
		const uploads = () => sandboxes.apicbase.logged({ method: 'POST', pathPrefix: '/api/v2/integrations/suppliers/files/' }).length;
		const before = uploads();
		const result = await n8n.execute('scApBadAssortment');
		expect(result.ok).toBe(false);
		expect(result.error?.message).toMatch(/1 problem in the articles; nothing was uploaded/);
		expect(result.error?.message).toMatch(/name/);
		expect(uploads()).toBe(before);
	});
});

describe('customer side', () => {
	it('connects the OAuth2 credential through n8n and runs every customer operation with it', async () => {
		const apicbase = sandboxes.apicbase;
		const connected = await rest.connectOAuth2(OAUTH2.apicbaseOAuth2Api.id);
		expect(connected.authorizeUrl).toContain(`${apicbase.url}${APICBASE_DEMO.authorizePath}?`);
		expect(new URL(connected.authorizeUrl).searchParams.get('scope')).toBe('accounts inventory procurement');
		expect(connected.callbackStatus).toBe(200);
		expect(connected.callbackBody).not.toMatch(/error/i);
		expect(grantTypes()).toContain('authorization_code');

		const orderId = APICBASE_DEMO.orderedPurchaseOrderId;
		const order = apicbase.customerPurchaseOrders().find((o) => o.id === orderId) as {
			packages: Array<{ id: number; stock_item: { id: number }; supplier_package: { id: number } }>;
		};
		const [firstPackage, secondPackage] = order.packages;
		const stockBefore = (await stockOf(firstPackage.stock_item.id)).quantity;
		const oauth = (name: string, parameters: Record<string, unknown>) => ours(name, 'apicbase', { authentication: 'oAuth2', ...parameters }, OAUTH2);
		const nodes = [
			manualTrigger(),
			oauth('Outlets', { resource: 'outlet', operation: 'getAll', returnAll: true }),
			oauth('Ordered POs', { resource: 'purchaseOrder', operation: 'getAll', returnAll: true, filters: { outletId: String(APICBASE_DEMO.outletId), status: 'ORDERED' } }),
			oauth('PO', { resource: 'purchaseOrder', operation: 'get', purchaseOrderId: String(orderId) }),
			oauth('Create Draft', {
				resource: 'delivery',
				operation: 'createDraft',
				purchaseOrderId: '={{ $json.id }}',
				deliveredPackages: {
					package: [
						{ packageId: String(firstPackage.supplier_package.id), quantity: 2, price: '12.50', intakeReason: '' },
						{
							packageId: String((secondPackage ?? firstPackage).supplier_package.id),
							quantity: 0,
							price: '',
							intakeReason: 'Out of stock at the supplier',
						},
					],
				},
				remarks: 'Delivered by e2e — “quotes” and ü',
				updateStock: true,
			}),
			oauth('Submit', { resource: 'delivery', operation: 'submit', deliveryId: '={{ $json.id }}', deliveryDate: '2026-11-20T10:30:00' }),
			oauth('Close', { resource: 'delivery', operation: 'closeDeliveries', purchaseOrderId: '={{ $json.purchase_order }}' }),
			oauth('Stock Items', { resource: 'stockItem', operation: 'getAll', outletId: String(APICBASE_DEMO.outletId), limit: 5, filters: {} }),
			oauth('Stock', { resource: 'stockItem', operation: 'getStock', outletId: String(APICBASE_DEMO.outletId), stockItemId: String(APICBASE_DEMO.stockItemId) }),
		];
		const edges: Array<[string, string]> = [
			...chain(MANUAL_TRIGGER, 'Outlets'),
			...chain(MANUAL_TRIGGER, 'Ordered POs'),
			...chain(MANUAL_TRIGGER, 'PO', 'Create Draft', 'Submit', 'Close'),
			...chain(MANUAL_TRIGGER, 'Stock Items'),
			...chain(MANUAL_TRIGGER, 'Stock'),
		];
		await n8n.importWorkflow(workflow('scApCustomerEvery', 'Apicbase: every customer operation (OAuth2)', nodes, edges));
		const out = (await run('scApCustomerEvery')).nodes;

		expect(out['Outlets'].map((o) => o.id)).toContain(APICBASE_DEMO.outletId);
		expect(out['Ordered POs'].map((o) => o.id)).toContain(orderId);
		expect(out['Ordered POs'].every((o) => o.status === 'ORDERED')).toBe(true);
		expect(out['PO'][0]).toMatchObject({ id: orderId, status: 'ORDERED' });
		expect(out['Create Draft'][0]).toMatchObject({ purchase_order: orderId, status: 'DRAFT', remarks: 'Delivered by e2e — “quotes” and ü', update_stock: true });
		// The sandbox stored the packages under Apicbase's name, supplier_package, with the IDs given.
		const stored = apicbase.customerDeliveries().find((d) => d.id === out['Create Draft'][0].id);
		expect(stored?.delivered_packages).toEqual([
			{ id: expect.any(Number), supplier_package: firstPackage.supplier_package.id, quantity: '2.000', price: '12.50', intake_reason: null },
			{
				id: expect.any(Number),
				supplier_package: (secondPackage ?? firstPackage).supplier_package.id,
				quantity: '0.000',
				price: null,
				intake_reason: 'Out of stock at the supplier',
			},
		]);
		expect(out['Submit'][0]).toMatchObject({ status: 'SUBMITTED' });
		expect(String(out['Submit'][0].delivery_date)).toMatch(/^2026-11-20T10:30:00/);
		expect(apicbase.customerPurchaseOrders().find((o) => o.id === orderId)).toMatchObject({ status: 'DELIVERED', delivery_closed: true });
		expect(out['Stock Items']).toHaveLength(5);
		expect(out['Stock'][0]).toHaveProperty('quantity');

		const bearerCalls = apicbase.logged({ pathPrefix: APICBASE_DEMO.apiPrefix }).filter((r) => !r.path.includes('/integrations/suppliers/'));
		expect(bearerCalls.every((r) => String(r.headers.authorization).startsWith('Bearer '))).toBe(true);
		expect(bearerCalls.filter((r) => r.status >= 400)).toEqual([]);
		// Submitting with Update Stock booked the two delivered packages into the outlet's stock.
		expect((await stockOf(firstPackage.stock_item.id)).quantity).toBeCloseTo(stockBefore + 2, 3);
	});

	it('reads with a token generated in the Apicbase UI', async () => {
		const token = (name: string, parameters: Record<string, unknown>) => ours(name, 'apicbase', { authentication: 'accessToken', ...parameters }, TOKEN);
		const nodes = [
			manualTrigger(),
			token('Outlets', { resource: 'outlet', operation: 'getAll', returnAll: true }),
			token('PO', { resource: 'purchaseOrder', operation: 'get', purchaseOrderId: String(APICBASE_DEMO.deliveredPurchaseOrderId) }),
			token('POs', { resource: 'purchaseOrder', operation: 'getAll', limit: 2, filters: { statusIn: ['ORDERED', 'DELIVERED'] } }),
			token('Stock', { resource: 'stockItem', operation: 'getStock', outletId: String(APICBASE_DEMO.outletId), stockItemId: String(APICBASE_DEMO.stockItemId) }),
		];
		const edges: Array<[string, string]> = ['Outlets', 'PO', 'POs', 'Stock'].map((name) => [MANUAL_TRIGGER, name]);
		await n8n.importWorkflow(workflow('scApCustomerToken', 'Apicbase: customer reads (access token)', nodes, edges));
		const before = grantTypes().length;
		const out = (await run('scApCustomerToken')).nodes;
		expect(out['Outlets'].map((o) => o.id)).toContain(APICBASE_DEMO.outletId);
		expect(out['PO'][0]).toMatchObject({ id: APICBASE_DEMO.deliveredPurchaseOrderId, status: 'DELIVERED' });
		expect(out['POs']).toHaveLength(2);
		expect(out['Stock'][0]).toHaveProperty('stock_value');
		expect(grantTypes()).toHaveLength(before);
	});

	it('turns a refused delivery into an error carrying Apicbase\'s own message', async () => {
		const nodes = [
			manualTrigger(),
			ours('Create Draft', 'apicbase', {
				authentication: 'accessToken',
				resource: 'delivery',
				operation: 'createDraft',
				purchaseOrderId: String(APICBASE_DEMO.inProgressPurchaseOrderId),
				deliveredPackages: {},
				remarks: '',
				updateStock: true,
			}, TOKEN),
		];
		await n8n.importWorkflow(workflow('scApRefusedDelivery', 'Apicbase: refused delivery', nodes, chain(MANUAL_TRIGGER, 'Create Draft')));
		const result = await n8n.execute('scApRefusedDelivery');
		expect(result.ok).toBe(false);
		expect(JSON.stringify(result.error)).toMatch(/Deliveries can only be created for ordered purchase orders/);
		expect(JSON.stringify(result)).not.toContain('Bearer ');
	});
});

/** The outlet's stock of an item as Apicbase reports it; an item never stocked there has none. */
async function stockOf(stockItemId: number): Promise<{ quantity: number }> {
	const token = sandboxes.apicbase.issueAccessToken(['inventory']);
	const response = await fetch(`${sandboxes.apicbase.url}/api/v2/inventory/outlets/${APICBASE_DEMO.outletId}/stock_items/${stockItemId}/stock/`, {
		headers: { Authorization: `Bearer ${token}` },
	});
	if (response.status === 404) return { quantity: 0 };
	return { quantity: Number(((await response.json()) as { quantity: string }).quantity) };
}

it('leaks no secret or token of the sandboxes or the credentials into n8n\'s logs, database or files', async () => {
	await n8n.stop();
	await expectNoSecretsLeaked(n8n, sandboxSecrets(sandboxes));
});
