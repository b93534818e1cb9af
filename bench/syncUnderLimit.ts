/**
 * P3: the shipped *PO sync: OpenBoxes to MBX* over new placed purchase orders while both sandboxes
 * allow only so many requests a minute (429 with Retry-After beyond that). The wall time is set
 * against its lower bound, the minutes the busiest vendor's requests need; no run may fail and no MBX
 * order may be made twice.
 */
import { loadWorkflow, placeNewPurchaseOrders } from '../test/e2e/support/fixtures';
import type { Sandboxes } from '../test/sandbox/start';
import { runInN8n, type BenchN8n } from './n8n';
import type { Measured } from './report';

const PO_SYNC = 'po-sync-openboxes-to-mbx.json';
const RUN_NOW = 'Run Now';

export function syncWorkflows() {
	return [loadWorkflow(PO_SYNC)];
}

export async function syncUnderLimit(bench: BenchN8n, sandboxes: Sandboxes, orders: number, limitPerMinute: number): Promise<Measured[]> {
	const { openBoxes, mbx } = sandboxes;
	const workflowId = syncWorkflows()[0].id;
	// The purchase orders already placed go first, without a limit, so that the new ones are all that is left.
	await runInN8n(bench, workflowId, RUN_NOW);

	const orderNumbers = await placeNewPurchaseOrders(openBoxes, orders, 'Bench sync');

	const logs = { mbx: mbx.requests, openBoxes: openBoxes.requests };
	const before = { mbx: logs.mbx.length, openBoxes: logs.openBoxes.length };
	mbx.configure({ rateLimitPerMinute: limitPerMinute });
	openBoxes.configure({ rateLimitPerMinute: limitPerMinute });
	const started = performance.now();
	try {
		await runInN8n(bench, workflowId, RUN_NOW);
	} finally {
		mbx.configure({ rateLimitPerMinute: null });
		openBoxes.configure({ rateLimitPerMinute: null });
	}
	const wallMs = performance.now() - started;

	const sent = { mbx: logs.mbx.slice(before.mbx), openBoxes: logs.openBoxes.slice(before.openBoxes) };
	const answered = (list: Array<{ status: number }>) => list.filter((r) => r.status !== 429).length;
	const throttled = sent.mbx.length + sent.openBoxes.length - answered(sent.mbx) - answered(sent.openBoxes);
	// The sandboxes count in fixed one-minute windows, each opened by the first request after the last
	// closed: R requests need at least ceil(R / limit) windows, so the last starts (ceil(R / limit) − 1)
	// minutes after the first request. (R ÷ limit alone is no bound: a run can finish under it.)
	const busiest = Math.max(answered(sent.mbx), answered(sent.openBoxes));
	const boundMs = (Math.ceil(busiest / limitPerMinute) - 1) * 60_000;
	if (boundMs <= 0) throw new Error(`P3: ${busiest} requests never reach ${limitPerMinute} a minute: raise --sync-orders or lower --sync-limit`);
	const made = orderNumbers.map((number) => mbx.orders().filter((order) => order.purchase_order === number).length);
	const missing = made.filter((count) => count === 0).length;
	const doubled = made.filter((count) => count > 1).length;
	if (missing || doubled) throw new Error(`PO sync under a limit: ${missing} purchase orders missing in MBX, ${doubled} made twice`);
	return [
		{
			case: `P3 PO sync OpenBoxes to MBX, ${orders} orders, ${limitPerMinute} requests/min per vendor`,
			ours: wallMs / 1000,
			comparison: boundMs / 1000,
			against: 'lower bound: (ceil(requests ÷ limit) − 1) minutes, busiest vendor',
			unit: 's',
			target: 1.1,
			note: `MBX ${answered(sent.mbx)} requests, OpenBoxes ${answered(sent.openBoxes)}; ${throttled} answered 429 and retried; 0 failed runs, 0 duplicates, ${orders} MBX orders`,
		},
	];
}
