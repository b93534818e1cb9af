/**
 * OpenBoxes in a real n8n: every resource through the login credential, and the API-key
 * credential of hosted plans.
 */
import { OPENBOXES_DEMO, PRODUCT_CATEGORIES } from '../sandbox/openboxes/seed';
import type { Sandboxes } from '../sandbox/start';
import { sandboxCredentials, startE2eSandboxes } from './support/fixtures';
import { N8nInstance, type ExecutionResult } from './support/instance';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { packPackage } from './support/package';
import { ensureN8nRuntime } from './support/runtime';
import { byId, chain, manualTrigger, MANUAL_TRIGGER, ours, workflow } from './support/workflow';

jest.setTimeout(30 * 60 * 1000);

const OB = { openBoxesApi: { id: 'scOpenBoxes', name: 'OpenBoxes account' } };
const OB_KEY = { openBoxesApiKeyApi: { id: 'scOpenBoxesKey', name: 'OpenBoxes API key' } };

let sandboxes: Sandboxes;
let n8n: N8nInstance;

async function run(workflowId: string): Promise<ExecutionResult> {
	return await n8n.executeOrThrow(workflowId);
}

beforeAll(async () => {
	sandboxes = await startE2eSandboxes();
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: 5685 });
	await n8n.installPackage(packPackage());
	await n8n.importCredentials([
		...sandboxCredentials(sandboxes).filter((c) => c.type === 'openBoxesApi'),
		{
			id: OB_KEY.openBoxesApiKeyApi.id,
			name: OB_KEY.openBoxesApiKeyApi.name,
			type: 'openBoxesApiKeyApi',
			data: {
				baseUrl: `${sandboxes.openBoxes.url}/openboxes`,
				apiKey: OPENBOXES_DEMO.apiKey,
				headerName: 'X-API-Key',
				location: OPENBOXES_DEMO.locationId,
				requestBudget: '60',
			},
		},
	]);
});

afterAll(async () => {
	await sandboxes?.stop();
});

describe('every OpenBoxes resource with the login credential', () => {
	it('runs each operation against the sandbox and gets OpenBoxes\' real answers', async () => {
		const ob = sandboxes.openBoxes;
		const stocked = ob.reorderReportItems('ALL_PRODUCTS')[0].product.id as string;
		const category = PRODUCT_CATEGORIES.find((c) => c.id !== 'ROOT')!.id;
		const nodes = [
			manualTrigger(),
			ours('Create Product', 'openBoxes', { resource: 'product', operation: 'create', name: 'E2E Widget', categoryId: category, productType: 'DEFAULT', additionalFields: { productCode: 'EZ01', unitOfMeasure: 'EA' } }, OB),
			ours('Update Product', 'openBoxes', { resource: 'product', operation: 'update', productId: byId(), updateFields: { description: 'updated by e2e' } }, OB),
			ours('Get Product', 'openBoxes', { resource: 'product', operation: 'get', productId: byId() }, OB),
			ours('Delete Product', 'openBoxes', { resource: 'product', operation: 'delete', productId: byId() }, OB),
			ours('Search Products', 'openBoxes', { resource: 'product', operation: 'search', name: 'amox', returnAll: true, options: {} }, OB),
			ours('Availability', 'openBoxes', { resource: 'product', operation: 'getAvailability', productId: byId(`{{ "${stocked}" }}`) }, OB),
			ours('Summary', 'openBoxes', { resource: 'product', operation: 'getSummary', productId: byId(`{{ "${stocked}" }}`) }, OB),
			ours('Create Location', 'openBoxes', { resource: 'location', operation: 'create', name: 'E2E Ward', locationTypeId: '3', organizationId: '', additionalFields: { description: 'created by e2e' } }, OB),
			ours('Get Location', 'openBoxes', { resource: 'location', operation: 'get', locationId: byId() }, OB),
			ours('Update Location', 'openBoxes', { resource: 'location', operation: 'update', locationId: byId(), updateFields: { description: 'updated by e2e' } }, OB),
			ours('Delete Location', 'openBoxes', { resource: 'location', operation: 'delete', locationId: byId() }, OB),
			ours('Depots', 'openBoxes', { resource: 'location', operation: 'getAll', returnAll: true, filters: { locationTypeCode: 'DEPOT' } }, OB),
			ours('Find Users', 'openBoxes', { resource: 'user', operation: 'getAll', returnAll: true, filters: { searchTerm: 'Administrator' } }, OB),
			ours('Create User', 'openBoxes', { resource: 'user', operation: 'create', username: 'e2e.user', firstName: 'E2E', lastName: 'User', email: 'e2e.user@example.com', password: 'Secret-123', additionalFields: {} }, OB),
			ours('Categories', 'openBoxes', { resource: 'genericApi', operation: 'getAll', resourceName: 'category', returnAll: false, limit: 3, options: {} }, OB),
			ours('Search Generic', 'openBoxes', { resource: 'genericApi', operation: 'search', resourceName: 'product', returnAll: true, searchAttributes: { attribute: [{ property: 'name', operator: 'ilike', value: 'Amox%' }] } }, OB),
			ours('Create Generic', 'openBoxes', { resource: 'genericApi', operation: 'create', resourceName: 'category', jsonBody: '{"name":"E2E Category","parentCategory":{"id":"ROOT"}}' }, OB),
			ours('Update Generic', 'openBoxes', { resource: 'genericApi', operation: 'update', resourceName: 'category', recordId: '={{ $json.id }}', jsonBody: '{"name":"E2E Category Renamed"}' }, OB),
			ours('Get Generic', 'openBoxes', { resource: 'genericApi', operation: 'get', resourceName: 'category', recordId: '={{ $json.id }}' }, OB),
			ours('Delete Generic', 'openBoxes', { resource: 'genericApi', operation: 'delete', resourceName: 'category', recordId: '={{ $json.id }}' }, OB),
			ours('Inbound Movements', 'openBoxes', { resource: 'stockMovement', operation: 'getAll', direction: 'INBOUND', returnAll: true, filters: { createdAfter: '2000-01-01' } }, OB),
			ours('Create Movement', 'openBoxes', {
				resource: 'stockMovement',
				operation: 'create',
				origin: byId(`{{ "${OPENBOXES_DEMO.supplierId}" }}`),
				destination: { __rl: true, mode: 'id', value: '' },
				requestedBy: OPENBOXES_DEMO.userId,
				dateRequested: '={{ $today.toISODate() }}',
				lines: { line: [{ productId: stocked, quantityRequested: 5 }] },
				additionalFields: { description: 'e2e inbound' },
			}, OB),
			ours('Get Movement', 'openBoxes', { resource: 'stockMovement', operation: 'get', stockMovementId: '={{ $json.id }}' }, OB),
			ours('Movement Lines', 'openBoxes', { resource: 'stockMovement', operation: 'getLineItems', stockMovementId: '={{ $("Create Movement").item.json.id }}', returnAll: true }, OB),
			ours('Check Movement', 'openBoxes', { resource: 'stockMovement', operation: 'updateStatus', stockMovementId: '={{ $("Create Movement").item.json.id }}', status: 'CHECKING' }, OB),
			ours('Ship Details', 'openBoxes', { resource: 'stockMovement', operation: 'updateShipment', stockMovementId: '={{ $("Create Movement").item.json.id }}', updateFields: { trackingNumber: 'E2E-TRACK-1', dateShipped: '2026-11-24T10:00:00Z' } }, OB),
			ours('Dispatch Movement', 'openBoxes', { resource: 'stockMovement', operation: 'updateStatus', stockMovementId: '={{ $("Create Movement").item.json.id }}', status: 'DISPATCHED' }, OB),
			ours('Placed Orders', 'openBoxes', { resource: 'purchaseOrder', operation: 'getAll', returnAll: true, filters: { status: ['PLACED'] } }, OB),
			ours('Create Order', 'openBoxes', {
				resource: 'purchaseOrder',
				operation: 'create',
				name: 'E2E order',
				supplier: OPENBOXES_DEMO.supplierId,
				destination: { __rl: true, mode: 'id', value: '' },
				orderedBy: OPENBOXES_DEMO.userId,
				dateOrdered: '',
				lines: { line: [{ productId: stocked, quantity: 10, unitPrice: 2.5 }] },
				additionalFields: {},
			}, OB),
			ours('Get Order', 'openBoxes', { resource: 'purchaseOrder', operation: 'get', purchaseOrderId: '={{ $json.id }}' }, OB),
			ours('Update Order', 'openBoxes', { resource: 'purchaseOrder', operation: 'update', purchaseOrderId: '={{ $json.id }}', updateFields: { name: 'E2E order renamed' } }, OB),
			ours('Delete Order', 'openBoxes', { resource: 'purchaseOrder', operation: 'delete', purchaseOrderId: '={{ $json.id }}' }, OB),
			ours('Put-Away Candidates', 'openBoxes', { resource: 'putAway', operation: 'getCandidates', location: { __rl: true, mode: 'id', value: '' }, returnAll: true }, OB),
			ours('Below Reorder', 'openBoxes', { resource: 'inventory', operation: 'getItemsBelowLevel', level: 'reorder', options: {} }, OB),
			ours('On Hand', 'openBoxes', { resource: 'inventory', operation: 'getQuantityOnHand', scope: 'all', returnAll: true }, OB),
			ours('Lots And Bins', 'openBoxes', { resource: 'inventory', operation: 'getAvailability', productId: byId(`{{ "${stocked}" }}`), location: { __rl: true, mode: 'id', value: '' } }, OB),
		];
		const edges: Array<[string, string]> = [
			...chain(MANUAL_TRIGGER, 'Create Product', 'Update Product', 'Get Product', 'Delete Product'),
			...chain(MANUAL_TRIGGER, 'Search Products'),
			...chain(MANUAL_TRIGGER, 'Availability'),
			...chain(MANUAL_TRIGGER, 'Summary'),
			...chain(MANUAL_TRIGGER, 'Create Location', 'Get Location', 'Update Location', 'Delete Location'),
			...chain(MANUAL_TRIGGER, 'Depots'),
			...chain(MANUAL_TRIGGER, 'Find Users'),
			...chain(MANUAL_TRIGGER, 'Create User'),
			...chain(MANUAL_TRIGGER, 'Categories'),
			...chain(MANUAL_TRIGGER, 'Search Generic'),
			...chain(MANUAL_TRIGGER, 'Create Generic', 'Update Generic', 'Get Generic', 'Delete Generic'),
			...chain(MANUAL_TRIGGER, 'Inbound Movements'),
			...chain(MANUAL_TRIGGER, 'Create Movement', 'Get Movement', 'Movement Lines'),
			...chain('Get Movement', 'Check Movement', 'Ship Details', 'Dispatch Movement'),
			...chain(MANUAL_TRIGGER, 'Placed Orders'),
			...chain(MANUAL_TRIGGER, 'Create Order', 'Get Order', 'Update Order', 'Delete Order'),
			...chain(MANUAL_TRIGGER, 'Put-Away Candidates'),
			...chain(MANUAL_TRIGGER, 'Below Reorder'),
			...chain(MANUAL_TRIGGER, 'On Hand'),
			...chain(MANUAL_TRIGGER, 'Lots And Bins'),
		];
		await n8n.importWorkflow(workflow('scObEveryResource', 'OpenBoxes: every resource', nodes, edges));
		const out = (await run('scObEveryResource')).nodes;

		const created = out['Create Product'][0];
		expect(created).toMatchObject({ name: 'E2E Widget', productCode: 'EZ01' });
		expect(out['Update Product'][0].description).toBe('updated by e2e');
		expect(out['Get Product'][0].id).toBe(created.id);
		expect(out['Delete Product'][0]).toMatchObject({ deleted: true, id: created.id });
		expect(ob.products().some((p) => p.id === created.id)).toBe(false);
		expect(out['Search Products'].length).toBeGreaterThan(0);
		expect(out['Search Products'].every((p) => /amox/i.test(String(p.name)))).toBe(true);
		expect(out['Availability'].length).toBeGreaterThan(0);
		expect(out['Summary'][0]).toMatchObject({ product: { id: stocked } });

		expect(out['Get Location'][0].name).toBe('E2E Ward');
		expect(out['Update Location'][0].description).toBe('updated by e2e');
		expect(out['Delete Location'][0]).toMatchObject({ deleted: true });
		expect(out['Depots'].map((l) => l.id)).toContain(OPENBOXES_DEMO.locationId);

		expect(out['Find Users'].map((u) => u.username)).toContain('admin');
		expect(out['Create User'][0]).toMatchObject({ username: 'e2e.user' });

		expect(out['Categories']).toHaveLength(3);
		expect(out['Search Generic'].every((p) => /^amox/i.test(String(p.name)))).toBe(true);
		expect(out['Get Generic'][0].name).toBe('E2E Category Renamed');
		expect(out['Delete Generic'][0]).toMatchObject({ deleted: true });

		expect(out['Inbound Movements'].length).toBeGreaterThan(0);
		const movement = out['Create Movement'][0];
		expect(out['Get Movement'][0].id).toBe(movement.id);
		expect(out['Movement Lines'].length).toBe(1);
		expect(out['Dispatch Movement'][0]).toMatchObject({ id: movement.id, status: 'DISPATCHED', success: true });

		expect(out['Placed Orders'].every((o) => o.status === 'PLACED')).toBe(true);
		const order = out['Create Order'][0];
		expect(order.name).toBe('E2E order');
		expect(out['Update Order'][0].name).toBe('E2E order renamed');
		expect(out['Delete Order'][0]).toMatchObject({ deleted: true, id: order.id });

		expect(Array.isArray(out['Put-Away Candidates'])).toBe(true);
		const below = out['Below Reorder'];
		expect(below.map((i) => i.productId).sort()).toEqual(ob.reorderReportItems('BELOW_REORDER').map((i) => i.product.id).sort());
		expect(below.every((i) => i.source === 'reorderReport' && typeof i.suggestedOrderQuantity === 'number')).toBe(true);
		expect(out['On Hand'].length).toBeGreaterThan(0);
		expect(out['Lots And Bins'].length).toBeGreaterThan(0);
	});
});

describe('the API-key credential of hosted plans', () => {
	it('reads products with the key in the header and no login', async () => {
		await n8n.importWorkflow(
			workflow('scObApiKey', 'OpenBoxes: API key', [
				manualTrigger(),
				ours('Products', 'openBoxes', { authentication: 'apiKey', resource: 'product', operation: 'getAll', limit: 5, filters: {}, sort: {} }, OB_KEY),
				ours('Below Reorder', 'openBoxes', { authentication: 'apiKey', resource: 'inventory', operation: 'getItemsBelowLevel', level: 'reorder', options: {} }, OB_KEY),
			], [...chain(MANUAL_TRIGGER, 'Products'), ...chain(MANUAL_TRIGGER, 'Below Reorder')]),
		);
		sandboxes.openBoxes.reset();
		const out = (await run('scObApiKey')).nodes;
		expect(out['Products']).toHaveLength(5);
		expect(out['Below Reorder'].length).toBe(sandboxes.openBoxes.reorderReportItems('BELOW_REORDER').length);
		const requests = sandboxes.openBoxes.requests;
		expect(requests.some((r) => r.path.endsWith('/api/login'))).toBe(false);
		expect(requests.every((r) => r.headers['x-api-key'] === OPENBOXES_DEMO.apiKey)).toBe(true);
	});
});

it('leaks no secret or token of the sandboxes or the credentials into n8n\'s logs, database or files', async () => {
	await n8n.stop();
	await expectNoSecretsLeaked(n8n, sandboxSecrets(sandboxes));
});
