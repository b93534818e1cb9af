/**
 * P2: signed Apicbase webhooks a second. The Apicbase Supplier Trigger (signature checked) and
 * n8n's built-in Webhook node (nothing checked) in the same n8n, both answering at once, take the
 * same signed payloads from the same concurrent senders; executions are saved as n8n does by default.
 */
import { createHmac } from 'node:crypto';

import { CREDENTIAL_IDS, waitForWebhook } from '../test/e2e/support/fixtures';
import { base, ours, workflow } from '../test/e2e/support/workflow';
import { APICBASE_DEMO } from '../test/sandbox/apicbase/server';
import type { Sandboxes } from '../test/sandbox/start';
import type { BenchN8n } from './n8n';
import { percentile, type Measured } from './report';

const OURS_WEBHOOK_ID = '6b1f2f34-0c2e-4bde-9f57-b3c1bench0001';
const PEER_WEBHOOK_ID = '6b1f2f34-0c2e-4bde-9f57-b3c1bench0002';
const CHECKED_PEER_WEBHOOK_ID = '6b1f2f34-0c2e-4bde-9f57-b3c1bench0003';
const PEER_PATH = 'bench-peer';
const CHECKED_PEER_PATH = 'bench-peer-header-auth';
/** The Header Auth credential n8n's Webhook node checks in the second comparison. */
export const WEBHOOK_HEADER_CREDENTIAL = { id: 'benchWebhookHeader', name: 'Webhook header (bench)', header: 'X-Bench-Secret', value: 'bench-webhook-header-value' };

export function webhookWorkflows() {
	const trigger = {
		...ours('Apicbase Trigger', 'apicbaseSupplierTrigger', { secretSource: 'supplierCredential', responseMode: 'onReceived', output: 'order' }, {
			apicbaseSupplierApi: { id: CREDENTIAL_IDS.apicbaseSupplier, name: 'Apicbase supplier account' },
		}, 1.1),
		webhookId: OURS_WEBHOOK_ID,
	};
	const webhook = { ...base('Webhook', 'webhook', 2, { httpMethod: 'POST', path: PEER_PATH, responseMode: 'onReceived', options: {} }), webhookId: PEER_WEBHOOK_ID };
	const checked = {
		...base('Webhook', 'webhook', 2, { httpMethod: 'POST', path: CHECKED_PEER_PATH, authentication: 'headerAuth', responseMode: 'onReceived', options: {} }),
		webhookId: CHECKED_PEER_WEBHOOK_ID,
		credentials: { httpHeaderAuth: { id: WEBHOOK_HEADER_CREDENTIAL.id, name: WEBHOOK_HEADER_CREDENTIAL.name } },
	};
	return [
		workflow('benchP2Ours', 'Bench: Apicbase Supplier Trigger', [trigger], []),
		workflow('benchP2Peer', "Bench: n8n's Webhook node", [webhook], []),
		workflow('benchP2PeerChecked', "Bench: n8n's Webhook node with Header Auth", [checked], []),
	];
}

interface Payload {
	body: string;
	signature: string;
}

/** Orders as Apicbase sends them, signed with the supplier's client secret. */
function payloads(sandboxes: Sandboxes, count: number): Payload[] {
	const template = sandboxes.apicbase.purchaseOrders()[0];
	return Array.from({ length: count }, (_, i) => {
		const body = JSON.stringify({ ...template, id: `bench-${i}`, order_number: `BENCH-${i}` });
		return { body, signature: createHmac('sha256', APICBASE_DEMO.supplierClientSecret).update(body).digest('hex') };
	});
}

/** `senders` concurrent senders post every payload once; the rate and each call's latency. */
async function flood(url: string, list: Payload[], senders: number): Promise<{ perSecond: number; latencies: number[]; failures: number }> {
	const latencies: number[] = [];
	let next = 0;
	let failures = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: senders }, async () => {
			while (next < list.length) {
				const payload = list[next++];
				const sent = performance.now();
				const response = await fetch(url, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						[APICBASE_DEMO.webhookSignatureHeader]: payload.signature,
						[WEBHOOK_HEADER_CREDENTIAL.header]: WEBHOOK_HEADER_CREDENTIAL.value,
					},
					body: payload.body,
				});
				await response.text();
				latencies.push(performance.now() - sent);
				if (response.status !== 200) failures++;
			}
		}),
	);
	return { perSecond: (list.length / (performance.now() - started)) * 1000, latencies, failures };
}

/** P2, in alternating rounds so that every side sees the same machine state. */
export async function webhookRate(bench: BenchN8n, sandboxes: Sandboxes, requests: number, senders: number, rounds = 4): Promise<Measured[]> {
	const urls = {
		ours: `${bench.baseUrl}/webhook/${OURS_WEBHOOK_ID}/purchase-order`,
		plain: `${bench.baseUrl}/webhook/${PEER_PATH}`,
		checked: `${bench.baseUrl}/webhook/${CHECKED_PEER_PATH}`,
	};
	const list = payloads(sandboxes, Math.ceil(requests / rounds));
	// Published workflows register their webhooks a moment after n8n answers.
	for (const url of Object.values(urls)) await waitForWebhook(url);
	// Warm every path up (first calls load and compile code).
	for (const url of Object.values(urls)) await flood(url, list.slice(0, 50), senders);
	const sides = Object.fromEntries(Object.keys(urls).map((side) => [side, { time: 0, latencies: [] as number[], failures: 0 }]));
	for (let round = 0; round < rounds; round++) {
		for (const [side, url] of Object.entries(urls)) {
			const result = await flood(url, list, senders);
			sides[side].time += (list.length / result.perSecond) * 1000;
			sides[side].latencies.push(...result.latencies);
			sides[side].failures += result.failures;
		}
	}
	const failed = Object.entries(sides).filter(([, side]) => side.failures > 0);
	if (failed.length) throw new Error(`webhook calls failed: ${failed.map(([name, side]) => `${name} ${side.failures}`).join(', ')}`);
	const rate = (side: { time: number; latencies: number[] }) => (side.latencies.length / side.time) * 1000;
	const latency = (side: { latencies: number[] }) => `p50 ${percentile(side.latencies, 50).toFixed(0)} ms, p99 ${percentile(side.latencies, 99).toFixed(0)} ms`;
	const title = `P2 signed Apicbase webhooks, ${senders} senders, ${sides.ours.latencies.length} calls a side, executions saved`;
	return [
		{
			case: title,
			ours: rate(sides.ours),
			comparison: rate(sides.plain),
			against: "n8n's Webhook node (no check)",
			unit: 'calls/s',
			target: 0.95,
			higherIsBetter: true,
			note: `ours ${latency(sides.ours)}; Webhook node ${latency(sides.plain)}`,
		},
		{
			case: title,
			ours: rate(sides.ours),
			comparison: rate(sides.checked),
			against: "n8n's Webhook node with Header Auth (a check, like ours)",
			unit: 'calls/s',
			higherIsBetter: true,
			note: `Webhook node with Header Auth ${latency(sides.checked)}`,
		},
	];
}
