/**
 * MBX list filters under the three ways a server may treat them. MBX documents only that lists
 * take `q` as URI-escaped JSON (`{"limit":5}`); the sandbox reads filter fields as top-level keys
 * of `q` and, by its `filterBehaviour` option, honours them, ignores them, or refuses them (400).
 * The MBX node, run over real HTTP with the HMAC credential, must return the same records in all
 * three.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeExecutionData } from 'n8n-workflow';

import { MbxHmacApi } from '../../credentials/MbxHmacApi.credentials';
import { Mbx } from '../../nodes/Mbx/Mbx.node';
import { searchOrders } from '../../nodes/Mbx/methods/searchOrders';
import { MBX_PAGE_SIZE } from '../../nodes/Mbx/transport';
import { liveExecuteFunctions, runNode } from '../helpers/liveContext';
import { MBX_DEMO, MBX_FILTER_BEHAVIOURS, MbxSandbox, type MbxFilterBehaviour } from './mbx/server';
import { mbxClient, q } from './mbx/testClient';
import type { Json } from '../helpers/json';

const sandbox = new MbxSandbox();
const api = mbxClient(() => sandbox.url, MBX_DEMO);
const ORDERS = '/v2/customer_order_submissions';

const hmac = () => ({
	credentials: {
		mbxHmacApi: { environment: 'custom', customBaseUrl: sandbox.url, publicToken: MBX_DEMO.publicToken, secretToken: MBX_DEMO.secretToken },
	},
	credentialTypes: { mbxHmacApi: new MbxHmacApi() },
});

/** Runs the MBX node for one item and gives its output records. */
async function node(parameters: IDataObject): Promise<IDataObject[]> {
	const [output] = (await runNode(new Mbx(), { parameters, ...hmac() })) as INodeExecutionData[][];
	return output.map((item) => item.json);
}

/** The `q` of every list request the sandbox received for `path`, with the answer's status. */
function listRequests(path: string): Array<{ q: IDataObject; status: number }> {
	return sandbox
		.logged({ method: 'GET', pathPrefix: path })
		.filter((r) => r.path === path)
		.map((r) => ({ q: JSON.parse(new URL(r.target, 'http://x').searchParams.get('q') ?? '{}') as IDataObject, status: r.status }));
}

async function control(action: string, body?: unknown): Promise<{ status: number; json: Json }> {
	const res = await fetch(`${sandbox.url}/__sandbox/${action}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

afterEach(() => {
	sandbox.reset();
});

describe('the sandbox reads filters as top-level keys of q', () => {
	it('honour (default): only rows whose field equals the value', async () => {
		expect(sandbox.options.filterBehaviour).toBe('honour');
		const res = await api('GET', ORDERS + q({ limit: 100, offset: 0, status: 'pending' }));
		expect(res.status).toBe(200);
		expect(res.json.total_results).toBe(sandbox.orders().filter((o) => o.status === 'pending').length);
		for (const order of res.json.results) expect(order.status).toBe('pending');
	});

	it('ignore: known keys are accepted and every row comes back; unknown keys are still a 400', async () => {
		sandbox.configure({ filterBehaviour: 'ignore' });
		const res = await api('GET', ORDERS + q({ limit: 100, offset: 0, status: 'pending' }));
		expect(res.status).toBe(200);
		expect(res.json.total_results).toBe(sandbox.orders().length);
		expect(res.json.results[0].status).toBe('shipped');
		const unknown = await api('GET', ORDERS + q({ colour: 'red' }));
		expect(unknown.status).toBe(400);
		expect(unknown.json.errors).toEqual([expect.stringMatching(/^Invalid q parameter: unknown key 'colour'/)]);
	});

	it('refuse: Json key besides limit and offset is a 400 in the MBX error envelope; limit and offset alone are fine', async () => {
		sandbox.configure({ filterBehaviour: 'refuse' });
		const res = await api('GET', ORDERS + q({ limit: 100, offset: 0, status: 'pending' }));
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ errors: ["Invalid q parameter: unknown key 'status' (expected limit, offset)"] });
		expect((await api('GET', ORDERS + q({ limit: 5, offset: 10 }))).json).toMatchObject({ count: 5, offset: 10 });
	});

	it('switches by the control API, refuses an unknown behaviour, and reset brings back honour', async () => {
		expect((await control('config', { filterBehaviour: 'refuse' })).json).toMatchObject({ filterBehaviour: 'refuse' });
		expect((await control('config', { filterBehaviour: 'sometimes' })).status).toBe(400);
		expect(() => sandbox.configure({ filterBehaviour: 'ignored' as MbxFilterBehaviour })).toThrow(/filterBehaviour/);
		expect(sandbox.options.filterBehaviour).toBe('refuse');
		sandbox.reset();
		expect(sandbox.options.filterBehaviour).toBe('honour');
		expect(new MbxSandbox({ filterBehaviour: 'ignore' }).options.filterBehaviour).toBe('ignore');
	});
});

describe.each(MBX_FILTER_BEHAVIOURS)('the MBX node when the server %ss filter keys', (behaviour) => {
	beforeEach(() => {
		sandbox.configure({ filterBehaviour: behaviour });
	});

	// The first 150 seeded orders are shipped: a server that ignores the filter hands them back first.
	const pending = () => sandbox.orders().filter((o) => o.status === 'pending');

	it('Get Many returns exactly the matching orders (Return All)', async () => {
		const records = await node({ resource: 'customerOrderSubmission', operation: 'getAll', returnAll: true, filters: { status: 'pending' } });
		expect(records).toEqual(pending());
	});

	it('a limit counts matching orders', async () => {
		const records = await node({ resource: 'customerOrderSubmission', operation: 'getAll', returnAll: false, limit: 7, filters: { status: 'pending' } });
		expect(records).toEqual(pending().slice(0, 7));
	});

	it('the PO sync lookup by purchase order (limit 1) finds that order, and nothing when nothing matches', async () => {
		const target = sandbox.orders()[242];
		const lookup = (purchaseOrder: string) =>
			node({ resource: 'customerOrderSubmission', operation: 'getAll', returnAll: false, limit: 1, filters: { purchase_order: purchaseOrder } });
		expect(await lookup(target.purchase_order)).toEqual([target]);
		expect(await lookup('PO-NOT-IN-MBX-1')).toEqual([]);
	});

	it('numeric and boolean filters: inventories at one location, unfinished automation queues', async () => {
		const atLocation = await node({ resource: 'inventory', operation: 'getAll', returnAll: true, filters: { inventory_location_id: 2 } });
		expect(atLocation).toEqual(sandbox.inventories().filter((i) => i.inventory_location_id === 2));
		expect(atLocation.length).toBeGreaterThan(0);
		const unfinished = await node({ resource: 'automationQueue', operation: 'getAll', returnAll: true, filters: { finished: false } });
		expect(unfinished.length).toBeGreaterThan(0);
		expect(unfinished.every((queue) => queue.finished === false)).toBe(true);
	});

	it('the Order picker finds the typed purchase order only', async () => {
		const target = sandbox.orders()[260];
		const { context } = liveExecuteFunctions({ parameters: {}, ...hmac() });
		const found = await searchOrders.call(context as unknown as ILoadOptionsFunctions, target.purchase_order);
		expect(found.results.map((r) => r.value)).toEqual([String(target.id)]);
		expect((await searchOrders.call(context as unknown as ILoadOptionsFunctions, 'PO-NOT-IN-MBX-1')).results).toEqual([]);
	});
});

describe('what the node sends', () => {
	const getMany = { resource: 'customerOrderSubmission', operation: 'getAll', returnAll: false, limit: 1, filters: { purchase_order: 'PO-NOT-IN-MBX-1' } };
	// The sandbox's 300 demo orders are two pages of MBX_PAGE_SIZE (250): 0 and 250.
	const pageOffsets = [0, MBX_PAGE_SIZE];

	it('the demo orders span more than one page, so reading every page means more than one request', () => {
		expect(sandbox.orders().length).toBeGreaterThan(MBX_PAGE_SIZE);
		expect(sandbox.orders().length).toBeLessThanOrEqual(pageOffsets.length * MBX_PAGE_SIZE);
	});

	it('honour: the filter as a top-level key of q, one request', async () => {
		await node(getMany);
		expect(listRequests(ORDERS)).toEqual([{ q: { limit: MBX_PAGE_SIZE, offset: 0, purchase_order: 'PO-NOT-IN-MBX-1' }, status: 200 }]);
	});

	it('ignore: the same key on every page, and every page read', async () => {
		sandbox.configure({ filterBehaviour: 'ignore' });
		await node(getMany);
		expect(listRequests(ORDERS)).toEqual(
			pageOffsets.map((offset) => ({ q: { limit: MBX_PAGE_SIZE, offset, purchase_order: 'PO-NOT-IN-MBX-1' }, status: 200 })),
		);
	});

	it('refuse: the 400 to the key, then every page without it', async () => {
		sandbox.configure({ filterBehaviour: 'refuse' });
		await node(getMany);
		expect(listRequests(ORDERS)).toEqual([
			{ q: { limit: MBX_PAGE_SIZE, offset: 0, purchase_order: 'PO-NOT-IN-MBX-1' }, status: 400 },
			...pageOffsets.map((offset) => ({ q: { limit: MBX_PAGE_SIZE, offset }, status: 200 })),
		]);
	});
});
