/**
 * A poll that cannot read the whole list in its time (issue 14, item 3). n8n 2.41's scheduler
 * abandons a poll that runs past its timeout (45 s by default) and keeps none of its work; the next
 * poll would start over and fail the same way, for ever. The MBX sandbox is slowed down here until
 * reading all its orders takes longer than the poll's budget (what `getPollBudgetMs()` says), and
 * the MBX Trigger's real poll code runs against it over real HTTP: each poll reads what fits, stops
 * in time, and the next goes on from there. Orders are created, edited and moved on between and
 * during the polls, on pages already read and pages still to come: each change must be reported
 * exactly once, under the right event.
 */
import type { IDataObject } from 'n8n-workflow';

import { MbxHmacApi } from '../../credentials/MbxHmacApi.credentials';
import { MbxTrigger } from '../../nodes/Mbx/MbxTrigger.node';
import { MBX_DOCS_RECIPIENT } from '../fixtures/mbxDocsRecipient';
import { livePoller } from '../helpers/livePoll';
import { MBX_DEMO } from '../sandbox/mbx/server';
import { mbxClient } from '../sandbox/mbx/testClient';
import { startSandboxes, type Sandboxes } from '../sandbox/start';

jest.setTimeout(300_000);

const ORDERS = '/v2/customer_order_submissions';
/** Each list page takes this long to come back. */
const PAGE_DELAY_MS = 300;
/** The poll's budget: two pages fit, the whole list (five pages) does not. */
const POLL_BUDGET_MS = 1200;

let sandboxes: Sandboxes;

beforeAll(async () => {
	sandboxes = await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 });
});

afterAll(async () => {
	await sandboxes?.stop();
});

it('reads a list too long for one poll over several, stopping in time, and reports every change once', async () => {
	const { mbx } = sandboxes;
	const api = mbxClient(() => mbx.url, MBX_DEMO);
	const plainItem = mbx.items().find((item) => !item.serialized)!;
	let made = 0;
	const createOrder = async (): Promise<string> => {
		const reply = await api('POST', ORDERS, {
			organization_id: MBX_DEMO.organizationId,
			purchase_order: `PO-BUDGET-${++made}`,
			customer_order: `CO-BUDGET-${made}`,
			ship_method_id: 12,
			recipient: MBX_DOCS_RECIPIENT,
			lines: [{ product_code: plainItem.name, quantity: 1, customs_declared_value: 10 }],
		});
		if (reply.status !== 201) throw new Error(`MBX order: ${reply.status} ${reply.text}`);
		return String((reply.json as { id: number }).id);
	};
	const editOrder = async (id: string): Promise<void> => {
		const reply = await api('PUT', `${ORDERS}/${id}`, { notes: `edited ${++made}` });
		if (reply.status !== 200) throw new Error(`MBX edit: ${reply.status} ${reply.text}`);
	};
	// The demo organization's list: 300 seeded orders and 150 more, five pages of 100.
	for (let i = 0; i < 150; i++) await createOrder();
	const demoOrders = () => mbx.orders().filter((o) => o.organization_id === MBX_DEMO.organizationId);
	expect(demoOrders().length).toBeGreaterThan(400);

	mbx.injectFault({ kind: 'slow', delayMs: PAGE_DELAY_MS, method: 'GET', pathPrefix: ORDERS, times: 100_000 });
	const trigger = livePoller(new MbxTrigger(), {
		parameters: { authentication: 'hmac', events: ['created', 'statusChanged', 'updated'], statuses: [] },
		credentials: { mbxHmacApi: { environment: 'custom', customBaseUrl: mbx.url, publicToken: MBX_DEMO.publicToken, secretToken: MBX_DEMO.secretToken } },
		credentialTypes: { mbxHmacApi: new MbxHmacApi() },
		pollBudgetMs: POLL_BUDGET_MS,
	});
	const listReads = () => mbx.requests.filter((r) => r.method === 'GET' && r.path === ORDERS).length;
	const passDone = () => trigger.staticData.pass === undefined;
	const reported: IDataObject[] = [];
	const pollTimes: number[] = [];
	const readsPerPoll: number[] = [];
	const poll = async () => {
		const reads = listReads();
		const started = Date.now();
		reported.push(...(await trigger.poll()));
		pollTimes.push(Date.now() - started);
		readsPerPoll.push(listReads() - reads);
	};

	// The first pass records what exists, over several polls, and reports nothing.
	do await poll();
	while (!passDone());
	expect(reported).toEqual([]);
	expect(pollTimes.length).toBeGreaterThanOrEqual(3);

	// Changes between and during polls: new orders at the end, edits and status moves on every page.
	const expected = new Map<string, { event: string; updatedAt: string }>();
	const note = (id: string, event: string) => {
		const order = mbx.orders().find((o) => String(o.id) === id)!;
		expected.set(`${id}@${String(order.updated_at)}`, { event, updatedAt: String(order.updated_at) });
	};
	const ids = demoOrders().map((o) => String(o.id));
	const touched = new Set<string>();
	for (let round = 0; round < 8; round++) {
		const created = await createOrder();
		note(created, 'created');
		touched.add(created);
		for (const index of [round * 3, 120 + round * 7, 250 + round * 11, 390 + round]) {
			const id = ids[index];
			const order = mbx.orders().find((o) => String(o.id) === id)!;
			if (touched.has(id) || order.status === 'shipped') continue;
			touched.add(id);
			// MBX takes edits to pending orders only.
			if (order.status === 'pending' && round % 2 === 1) {
				await editOrder(id);
				note(id, 'updated');
			} else {
				await mbx.advanceOrder(Number(id));
				note(id, 'statusChanged');
			}
		}
		await poll();
	}
	// Quiet polls until two more passes have read the whole list.
	for (let passes = 0; passes < 2; ) {
		await poll();
		if (passDone()) passes++;
	}

	// Every poll stopped within its budget (a page's worth of slack for the one it was reading), and read less than the list.
	expect(Math.max(...pollTimes)).toBeLessThan(POLL_BUDGET_MS + PAGE_DELAY_MS);
	const pages = Math.ceil(demoOrders().length / 100);
	expect(Math.max(...readsPerPoll)).toBeLessThan(pages);
	expect(pages * PAGE_DELAY_MS).toBeGreaterThan(POLL_BUDGET_MS);

	const got = reported.map((item) => `${String(item.id)}@${String(item.updated_at)}`);
	expect(new Set(got).size).toBe(got.length);
	expect(new Set(got)).toEqual(new Set(expected.keys()));
	for (const item of reported) {
		const want = expected.get(`${String(item.id)}@${String(item.updated_at)}`)!;
		expect([item.id, item.event]).toEqual([item.id, want.event]);
	}
});
