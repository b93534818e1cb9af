/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- a benchmark, never published: n8n's rules for node code do not apply */
/**
 * `npm run bench`: performance where users feel it, measured in a real n8n 2.41.0 with the packed
 * package against the sandboxes, each case side by side with what a user would otherwise use (or
 * the floor: a plain loop doing the same HTTP) in the same run. Prints one line per case with the
 * ratio; the raw figures go to bench/results/latest.json. Ratios carry over between machines,
 * absolute times do not.
 *
 *   npm run bench                      every case (about 15 minutes on 2 cores)
 *   npm run bench -- --only P1,P4      some cases
 *   npm run bench -- --records 2000    smaller lists (P1), --memory-records, --webhooks, --senders, --sizes 1000,5000
 *   npm run bench -- --cpu-prof <dir>  V8 CPU profiles of the n8n that runs P1–P3, written there when it stops
 */
import { startSandboxes } from '../test/sandbox/start';
import { startBenchN8n } from './n8n';
import { pollCost } from './pollCost';
import { printLine, writeResults, type Measured } from './report';
import { apicbaseToken, headerAuthCredential, memory, returnAll, returnAllWorkflows } from './returnAll';
import { syncUnderLimit, syncWorkflows } from './syncUnderLimit';
import { WEBHOOK_HEADER_CREDENTIAL, webhookRate, webhookWorkflows } from './webhooks';

const BENCH_PORT = 5731;

function option(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const settings = {
	only: option('only', 'P1,P2,P3,P4,P5').split(','),
	records: Number(option('records', '10000')),
	rounds: Number(option('rounds', '3')),
	memoryRecords: Number(option('memory-records', '100000')),
	webhooks: Number(option('webhooks', '2000')),
	senders: Number(option('senders', '8')),
	sizes: option('sizes', '1000,10000,50000').split(',').map(Number),
	syncOrders: Number(option('sync-orders', '100')),
	syncLimitPerMinute: Number(option('sync-limit', '60')),
	cpuProfileDir: option('cpu-prof', ''),
};
const wanted = (name: string) => settings.only.includes(name);
const log = (line: string) => console.error(`[bench] ${line}`);

async function main(): Promise<void> {
	const results: Measured[] = [];
	const sandboxes = await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 });
	try {
		// Return All and the poll-cost case read far more than Apicbase's 100 requests a minute.
		sandboxes.apicbase.configure({ rateLimitPerMinute: null });
		if (wanted('P4')) {
			log(`P4: poll cost at ${settings.sizes.join(', ')} records`);
			// Sandboxes of their own: the lists grow to each size in turn.
			const own = await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 });
			try {
				own.apicbase.configure({ rateLimitPerMinute: null });
				const p4 = await pollCost(own, settings.sizes);
				p4.forEach(printLine);
				results.push(...p4);
			} finally {
				await own.stop();
			}
		}
		if (!['P1', 'P2', 'P3', 'P5'].some(wanted)) return;

		if (wanted('P1')) {
			log(`Growing each list to ${settings.records.toLocaleString('en')} records`);
			sandboxes.mbx.addItems(Math.max(0, settings.records - sandboxes.mbx.items().length));
			sandboxes.openBoxes.addProducts(Math.max(0, settings.records - sandboxes.openBoxes.products().length));
			sandboxes.apicbase.addOrders(Math.max(0, settings.records - sandboxes.apicbase.purchaseOrders().length));
		}
		const bearer = await apicbaseToken(sandboxes);
		if (['P1', 'P2', 'P3'].some(wanted)) {
			const bench = await startBenchN8n(
				sandboxes,
				BENCH_PORT,
				[
					headerAuthCredential(bearer),
					{ id: WEBHOOK_HEADER_CREDENTIAL.id, name: WEBHOOK_HEADER_CREDENTIAL.name, type: 'httpHeaderAuth', data: { name: WEBHOOK_HEADER_CREDENTIAL.header, value: WEBHOOK_HEADER_CREDENTIAL.value } },
				],
				[...returnAllWorkflows(sandboxes), ...webhookWorkflows(), ...syncWorkflows()],
				log,
				settings.cpuProfileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${settings.cpuProfileDir}` } : {},
			);
			try {
				if (wanted('P1')) {
					log(`P1: Return All of ${settings.records.toLocaleString('en')}, ${settings.rounds} rounds`);
					const p1Started = performance.now();
					const p1 = await returnAll(bench, sandboxes, settings.records, settings.rounds, bearer);
					log(`P1 took ${((performance.now() - p1Started) / 1000).toFixed(1)} s`);
					p1.forEach(printLine);
					results.push(...p1);
				}
				if (wanted('P2')) {
					log(`P2: ${settings.webhooks} signed webhooks a side, ${settings.senders} senders`);
					const p2 = await webhookRate(bench, sandboxes, settings.webhooks, settings.senders);
					p2.forEach(printLine);
					results.push(...p2);
				}
				if (wanted('P3')) {
					log(`P3: PO sync of ${settings.syncOrders} orders under ${settings.syncLimitPerMinute} requests a minute`);
					const p3 = await syncUnderLimit(bench, sandboxes, settings.syncOrders, settings.syncLimitPerMinute);
					p3.forEach(printLine);
					results.push(...p3);
				}
			} finally {
				await bench.stop();
			}
		}
		if (wanted('P5')) {
			log(`P5: memory while reading ${settings.memoryRecords.toLocaleString('en')} Apicbase orders, each side in a fresh n8n`);
			sandboxes.apicbase.addOrders(Math.max(0, settings.memoryRecords - sandboxes.apicbase.purchaseOrders().length));
			const p5 = await memory(sandboxes, BENCH_PORT + 10, settings.memoryRecords, bearer, log);
			p5.forEach(printLine);
			results.push(...p5);
		}
	} finally {
		await sandboxes.stop();
		if (results.length) log(`Raw figures: ${writeResults(results, settings)}`);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
