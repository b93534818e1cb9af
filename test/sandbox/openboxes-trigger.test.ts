/**
 * The OpenBoxes Trigger polling the OpenBoxes sandbox over real HTTP (n8n-core's request helper,
 * test/helpers/liveContext.ts): purchase-order and stock-movement list rows carry no lastUpdated,
 * as in the open-source server, and the events still fire exactly once.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { OpenBoxesApi } from '../../credentials/OpenBoxesApi.credentials';
import { OpenBoxesTrigger } from '../../nodes/OpenBoxes/OpenBoxesTrigger.node';
import { liveExecuteFunctions } from '../helpers/liveContext';
import { OPENBOXES_DEMO, OpenBoxesSandbox } from './openboxes/server';
import { openBoxesClient } from './openboxes/testClient';

const sandbox = new OpenBoxesSandbox();
const { call, login } = openBoxesClient(sandbox);
const BHQ = OPENBOXES_DEMO.locationId;

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

beforeEach(() => {
	sandbox.reset();
});

/** Polls as n8n would, the static data kept between polls; each call returns the items emitted. */
function poller(parameters: IDataObject, mode: 'trigger' | 'manual' = 'trigger') {
	const staticData: IDataObject = {};
	const credentials = {
		baseUrl: `${sandbox.url}/openboxes/`,
		username: OPENBOXES_DEMO.username,
		password: OPENBOXES_DEMO.password,
		location: BHQ,
		sessionCookie: '',
	};
	const { context } = liveExecuteFunctions({
		parameters: {},
		credentials: { openBoxesApi: credentials },
		credentialTypes: { openBoxesApi: new OpenBoxesApi() },
	});
	const poll = context as unknown as Record<string, unknown>;
	delete poll.getInputData;
	Object.assign(poll, {
		getMode: () => mode,
		getNodeParameter: (name: string, fallback?: unknown) => ({ authentication: 'session', ...parameters })[name] ?? fallback,
		getWorkflowStaticData: () => staticData,
	});
	const trigger = new OpenBoxesTrigger();
	return async () => ((await trigger.poll.call(context as unknown as IPollFunctions)) ?? [[]])[0].map((item) => item.json);
}

const listRequests = (path: string) => sandbox.requests.filter((r) => r.method === 'GET' && r.path === `/openboxes/api${path}`);

describe('OpenBoxes Trigger against the sandbox', () => {
	it('purchaseOrder.placed: an approved order placed in OpenBoxes is reported once, with its previous status', async () => {
		const poll = poller({ event: 'purchaseOrder.placed' });
		expect(await poll()).toEqual([]);
		const approved = sandbox.purchaseOrders().find((o) => o.status === 'APPROVED')!;
		sandbox.setPurchaseOrderStatus(String(approved.id), 'PLACED');
		const placed = await poll();
		expect(placed.map((o) => [o.id, o.event, o.status, o.previousStatus])).toEqual([[approved.id, 'purchaseOrder.placed', 'PLACED', 'APPROVED']]);
		expect(placed[0]).not.toHaveProperty('lastUpdated');
		expect(await poll()).toEqual([]);
		// OpenBoxes was asked only for the open statuses on the way to PLACED, with no sort.
		const targets = listRequests('/purchaseOrders').map((r) => r.target);
		expect(targets.length).toBeGreaterThanOrEqual(3);
		expect(targets.every((t) => t.includes('status=PENDING&status=APPROVED&status=PLACED') && !t.includes('sort='))).toBe(true);
	});

	it('purchaseOrder.created: an order created through the API is reported once', async () => {
		const poll = poller({ event: 'purchaseOrder.created' });
		expect(await poll()).toEqual([]);
		const [p1] = sandbox.products().filter((p) => p.active);
		const created = await call('/purchaseOrders', {
			cookie: await login(),
			body: {
				name: 'Gloves for Q3',
				origin: { id: OPENBOXES_DEMO.supplierId },
				destination: { id: BHQ },
				orderedBy: { id: OPENBOXES_DEMO.userId },
				dateOrdered: '07/01/2025',
				orderItems: [{ product: { id: p1.id }, quantity: 10, unitPrice: 2 }],
			},
		});
		expect(created.status).toBe(201);
		expect((await poll()).map((o) => [o.id, o.event, o.previousStatus])).toEqual([[created.json.data.id, 'purchaseOrder.created', null]]);
		expect(await poll()).toEqual([]);
	});

	it('stockMovement.received (inbound): a shipment received at the credential’s location is reported once', async () => {
		const poll = poller({ event: 'stockMovement.received', direction: 'INBOUND' });
		expect(await poll()).toEqual([]);
		const underway = sandbox.stockMovements().find((m) => (m.destination as IDataObject).id === BHQ && m.currentStatus === 'SHIPPED')!;
		sandbox.receiveStockMovement(String(underway.id));
		const received = await poll();
		expect(received.map((m) => [m.id, m.event, m.isReceived, m.previousStatus])).toEqual([[underway.id, 'stockMovement.received', true, 'shipped']]);
		expect(typeof received[0].dateCreated).toBe('string');
		expect(await poll()).toEqual([]);
	});

	it('stockMovement.shipped (outbound): a request dispatched from the credential’s location is reported once', async () => {
		const poll = poller({ event: 'stockMovement.shipped', direction: 'OUTBOUND' });
		expect(await poll()).toEqual([]);
		const cookie = await login();
		const listed = (await call(`/stockMovements?direction=OUTBOUND&origin=${BHQ}`, { cookie })).json.data as IDataObject[];
		const packed = listed.find((m) => m.status === 'CHECKING')!;
		expect((await call(`/stockMovements/${String(packed.id)}/status`, { cookie, body: { status: 'DISPATCHED' } })).status).toBe(200);
		const shipped = await poll();
		expect(shipped.map((m) => [m.id, m.event, m.statusCode, m.previousStatus])).toEqual([[packed.id, 'stockMovement.shipped', 'DISPATCHED', 'open']]);
		expect(shipped[0].dateCreated).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
		expect(await poll()).toEqual([]);
	});

	it('a manual test returns one record that is the event now', async () => {
		const sample = await poller({ event: 'purchaseOrder.received' }, 'manual')();
		expect(sample).toHaveLength(1);
		expect(sample[0]).toMatchObject({ event: 'purchaseOrder.received', status: 'RECEIVED', previousStatus: null });
	});
});
