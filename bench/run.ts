/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- a benchmark, never published: n8n's rules for node code do not apply */
/**
 * `npm run bench`: what our code costs per request, as ratios to the bare work it wraps, so the
 * numbers mean the same on any machine. Each case runs a warm-up, then the best of 5 rounds.
 */
import { createHmac } from 'node:crypto';

import { signMbxRequest } from '../credentials/MbxHmacApi.credentials';
import { nextOffset, readPages } from '../nodes/shared/pagination';
import { pythonJsonDumps } from '../nodes/shared/pythonJson';
import { ApicbaseSandbox } from '../test/sandbox/apicbase/server';

function bestOf(rounds: number, work: () => void): number {
	work();
	let best = Infinity;
	for (let round = 0; round < rounds; round++) {
		const started = process.hrtime.bigint();
		work();
		best = Math.min(best, Number(process.hrtime.bigint() - started));
	}
	return best;
}

async function bestOfAsync(rounds: number, work: () => Promise<void>): Promise<number> {
	await work();
	let best = Infinity;
	for (let round = 0; round < rounds; round++) {
		const started = process.hrtime.bigint();
		await work();
		best = Math.min(best, Number(process.hrtime.bigint() - started));
	}
	return best;
}

function line(name: string, ours: number, baseline: number, note: string): void {
	console.log(`${name.padEnd(44)} ${(ours / baseline).toFixed(2).padStart(7)}x   ${note}`);
}

async function main(): Promise<void> {
	const N = 20_000;
	const credentials = { publicToken: 'bench-public', secretToken: 'bench-secret' };
	const body = { purchase_order: 'PO-1', lines: Array.from({ length: 20 }, (_, i) => ({ product_code: `P${i}`, quantity: i + 1 })) };
	const signing = bestOf(5, () => {
		for (let i = 0; i < N; i++) {
			signMbxRequest(credentials, { method: 'POST', baseURL: 'https://api-sandbox.mbx.com', url: '/v2/customer_order_submissions', body });
		}
	});
	const bareHmac = bestOf(5, () => {
		const text = JSON.stringify(body);
		for (let i = 0; i < N; i++) createHmac('sha1', 'bench-secret').update(`POST\n${text}\n2026-01-01T00:00:00.000Z\n/v2/x`).digest('base64');
	});
	line('MBX request signing / bare HMAC-SHA1', signing, bareHmac, 'whole authenticate() (URL, body, md5, headers) per request');

	const sandbox = new ApicbaseSandbox();
	const order = sandbox.purchaseOrders()[0];
	const dumps = bestOf(5, () => {
		for (let i = 0; i < N; i++) pythonJsonDumps(order);
	});
	const stringify = bestOf(5, () => {
		for (let i = 0; i < N; i++) JSON.stringify(order);
	});
	line('Python json.dumps re-serialisation / JSON.stringify', dumps, stringify, 'the webhook-signature fallback per order');

	const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i }));
	const paging = await bestOfAsync(5, async () => {
		await readPages(0, async (offset: number) => {
			const items = rows.slice(offset, offset + 100);
			return { items, next: nextOffset({ offset, received: items.length, requested: 100, total: rows.length }) };
		});
	});
	const copying = await bestOfAsync(5, async () => {
		const out: unknown[] = [];
		for (let offset = 0; offset < rows.length; offset += 100) out.push(...rows.slice(offset, offset + 100));
	});
	line('readPages over 100 pages / plain page loop', paging, copying, 'bookkeeping of Return All, excluding HTTP');
}

void main();
