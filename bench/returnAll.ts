/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a benchmark, never published: n8n's rules for node code do not apply */
/**
 * P1: Return All of a big list, inside n8n, against the floor (a plain Node loop fetching the same
 * pages with the same sign-in) and, for Apicbase, against n8n's own HTTP Request node following
 * `next` (what a builder would use instead). P5: n8n's peak memory while the same list is read.
 */
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';

import { APICBASE_PAGE_SIZE } from '../nodes/Apicbase/transport';
import { MBX_PAGE_SIZE } from '../nodes/Mbx/transport';
import { OPENBOXES_PAGE_SIZE } from '../nodes/OpenBoxes/transport';
import { CREDENTIAL_IDS } from '../test/e2e/support/fixtures';
import { base, chain, manualTrigger, ours, workflow, MANUAL_TRIGGER } from '../test/e2e/support/workflow';
import { APICBASE_DEMO } from '../test/sandbox/apicbase/server';
import { fetchSupplierToken } from '../test/sandbox/apicbase/testClient';
import { MBX_DEMO } from '../test/sandbox/mbx/server';
import { mbxClient } from '../test/sandbox/mbx/testClient';
import { openBoxesClient } from '../test/sandbox/openboxes/testClient';
import type { Sandboxes } from '../test/sandbox/start';
import { peakResidentDuring, residentBytes, runInN8n, startBenchN8n, type BenchN8n } from './n8n';
import { median, type Measured } from './report';

export const HEADER_AUTH_ID = 'benchApicbaseBearer';

/** Runs `work` with fetch opening a new connection for every request (undici: pipelining 0 turns keep-alive off). */
async function withoutKeepAlive<T>(work: () => Promise<T>): Promise<T> {
	const before = getGlobalDispatcher();
	const fresh = new Agent({ pipelining: 0 });
	setGlobalDispatcher(fresh);
	try {
		return await work();
	} finally {
		setGlobalDispatcher(before);
		await fresh.close();
	}
}
const PEER_ID = 'benchP1HttpRequest';

const SUPPLIER = { apicbaseSupplierApi: { id: CREDENTIAL_IDS.apicbaseSupplier, name: 'Apicbase supplier account' } };
const HMAC = { mbxHmacApi: { id: CREDENTIAL_IDS.mbxHmac, name: 'MBX account' } };
const OPENBOXES = { openBoxesApi: { id: CREDENTIAL_IDS.openBoxes, name: 'OpenBoxes account' } };

/** The Header Auth credential n8n's HTTP Request node reads the Apicbase list with. */
export const headerAuthCredential = (bearer: string) => ({ id: HEADER_AUTH_ID, name: 'Apicbase bearer (bench)', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${bearer}` } });

/** A supplier token, as the floor and the HTTP Request node use it. */
export const apicbaseToken = async (sandboxes: Sandboxes) => await fetchSupplierToken(sandboxes.apicbase.url);

interface Vendor {
	name: string;
	/** The list path in the sandbox's request log. */
	path: string;
	pageSize: number;
	/** Our node's workflow: a manual trigger and the Return All node. */
	workflow: ReturnType<typeof workflow>;
	/** The floor: every page fetched by a plain loop; returns the records read. */
	floor: () => Promise<number>;
	requests: () => number;
}

function vendors(sandboxes: Sandboxes, apicbaseBearer: string): Vendor[] {
	const mbxApi = mbxClient(() => sandboxes.mbx.url, MBX_DEMO);
	const openBoxes = openBoxesClient(sandboxes.openBoxes);
	let cookie = '';
	const count = (log: Array<{ path: string; method: string }>, path: string) => log.filter((r) => r.method === 'GET' && r.path === path).length;
	return [
		{
			name: 'MBX items',
			path: '/v2/items',
			pageSize: MBX_PAGE_SIZE,
			workflow: workflow('benchP1Mbx', 'Bench: MBX items', [manualTrigger(), ours('Return All', 'mbx', { resource: 'item', operation: 'getAll', returnAll: true, filters: {} }, HMAC)], chain(MANUAL_TRIGGER, 'Return All')),
			floor: async () => {
				let read = 0;
				for (let offset = 0; ; offset += MBX_PAGE_SIZE) {
					const reply = await mbxApi('GET', `/v2/items?q=${encodeURIComponent(JSON.stringify({ limit: MBX_PAGE_SIZE, offset }))}`);
					const page = reply.json as { results: unknown[]; total_results: number };
					read += page.results.length;
					if (offset + MBX_PAGE_SIZE >= page.total_results) return read;
				}
			},
			requests: () => count(sandboxes.mbx.requests, '/v2/items'),
		},
		{
			name: 'OpenBoxes products',
			path: '/openboxes/api/products',
			pageSize: OPENBOXES_PAGE_SIZE,
			workflow: workflow(
				'benchP1OpenBoxes',
				'Bench: OpenBoxes products',
				[manualTrigger(), ours('Return All', 'openBoxes', { authentication: 'session', resource: 'product', operation: 'getAll', returnAll: true, filters: {} }, OPENBOXES)],
				chain(MANUAL_TRIGGER, 'Return All'),
			),
			floor: async () => {
				cookie ||= await openBoxes.login();
				let read = 0;
				for (let offset = 0; ; offset += OPENBOXES_PAGE_SIZE) {
					const reply = await openBoxes.call(`/products?max=${OPENBOXES_PAGE_SIZE}&offset=${offset}`, { cookie });
					const page = reply.json as { data: unknown[]; totalCount: number };
					read += page.data.length;
					if (offset + OPENBOXES_PAGE_SIZE >= page.totalCount) return read;
				}
			},
			requests: () => count(sandboxes.openBoxes.requests, '/openboxes/api/products'),
		},
		{
			name: 'Apicbase supplier orders',
			path: APICBASE_DEMO.purchaseOrdersPath,
			pageSize: APICBASE_PAGE_SIZE,
			workflow: workflow(
				'benchP1Apicbase',
				'Bench: Apicbase supplier orders',
				[manualTrigger(), ours('Return All', 'apicbaseSupplier', { resource: 'supplierPurchaseOrder', operation: 'getAll', returnAll: true, filters: {} }, SUPPLIER)],
				chain(MANUAL_TRIGGER, 'Return All'),
			),
			floor: async () => {
				let read = 0;
				for (let url: string | null = `${sandboxes.apicbase.url}${APICBASE_DEMO.purchaseOrdersPath}?page_size=${APICBASE_PAGE_SIZE}&page=1`; url; ) {
					const reply = await fetch(url, { headers: { Authorization: `Bearer ${apicbaseBearer}`, Accept: 'application/json' } });
					const page = JSON.parse(await reply.text()) as { results: unknown[]; next: string | null };
					read += page.results.length;
					url = page.next;
				}
				return read;
			},
			requests: () => count(sandboxes.apicbase.requests, APICBASE_DEMO.purchaseOrdersPath),
		},
	];
}

/** n8n's HTTP Request node reading the Apicbase list by following `next`, then Split Out to one item per order. */
export function httpRequestPeer(sandboxes: Sandboxes, id: string) {
	const request = base('HTTP Request', 'httpRequest', 4.2, {
		url: `${sandboxes.apicbase.url}${APICBASE_DEMO.purchaseOrdersPath}`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'page_size', value: String(APICBASE_PAGE_SIZE) }] },
		options: {
			pagination: {
				pagination: {
					paginationMode: 'responseContainsNextURL',
					nextURL: '={{ $response.body.next }}',
					paginationCompleteWhen: 'other',
					completeExpression: '={{ !$response.body.next }}',
				},
			},
		},
	});
	request.credentials = { httpHeaderAuth: { id: HEADER_AUTH_ID, name: 'Apicbase bearer (bench)' } };
	const split = base('Split Out', 'splitOut', 1, { fieldToSplitOut: 'results', options: {} });
	return workflow(id, 'Bench: HTTP Request node, Apicbase orders', [manualTrigger(), request, split], chain(MANUAL_TRIGGER, 'HTTP Request', 'Split Out'));
}

/** The workflows P1 and P5 run, to import before n8n starts. */
export function returnAllWorkflows(sandboxes: Sandboxes) {
	return [...vendors(sandboxes, '').map((vendor) => vendor.workflow), httpRequestPeer(sandboxes, PEER_ID)];
}


export async function returnAll(bench: BenchN8n, sandboxes: Sandboxes, records: number, rounds: number, bearer: string): Promise<Measured[]> {
	const results: Measured[] = [];
	for (const vendor of vendors(sandboxes, bearer)) {
		const ours: number[] = [];
		const floor: number[] = [];
		let requests = 0;
		let items = 0;
		let listed = 0;
		const freshFloor: number[] = [];
		// One round first that is not counted, on each side: the first run of a workflow after n8n starts
		// also pays for compiling its code paths (and n8n's own start-up tasks may still be running).
		await runInN8n(bench, vendor.workflow.id, MANUAL_TRIGGER);
		await vendor.floor();
		for (let round = 0; round < rounds; round++) {
			const before = vendor.requests();
			const run = await runInN8n(bench, vendor.workflow.id, MANUAL_TRIGGER);
			requests = vendor.requests() - before;
			items = run['Return All'].items;
			ours.push(run['Return All'].executionTime);
			const started = performance.now();
			listed = await vendor.floor();
			floor.push(performance.now() - started);
			freshFloor.push(await withoutKeepAlive(async () => {
				const fresh = performance.now();
				await vendor.floor();
				return performance.now() - fresh;
			}));
		}
		// OpenBoxes lists only active products: the floor's count is what the list holds.
		if (items !== listed || listed < records * 0.9) throw new Error(`${vendor.name}: Return All gave ${items} items, the list holds ${listed}`);
		const expectedRequests = Math.ceil(listed / vendor.pageSize);
		results.push({
			case: `P1 Return All ${listed.toLocaleString('en')} ${vendor.name}`,
			ours: median(ours),
			comparison: median(floor),
			against: 'plain Node loop (floor)',
			unit: 'ms',
			target: 1.15,
			note: `${requests} requests of ${vendor.pageSize} (ceil(N/page) = ${expectedRequests})`,
		});
		results.push({
			case: `P1 Return All ${listed.toLocaleString('en')} ${vendor.name}`,
			ours: median(ours),
			comparison: median(freshFloor),
			against: 'plain Node loop, a new connection per request (as n8n 2.41 sends every request)',
			unit: 'ms',
			target: 1.15,
			note: "n8n's request helper builds a new HTTP agent for each request, so no connection is reused",
		});
		if (vendor.name.startsWith('Apicbase')) {
			const peerTimes: number[] = [];
			await runInN8n(bench, PEER_ID, MANUAL_TRIGGER);
			for (let round = 0; round < rounds; round++) {
				const run = await runInN8n(bench, PEER_ID, MANUAL_TRIGGER);
				if (run['Split Out'].items !== listed) throw new Error(`HTTP Request + Split Out gave ${run['Split Out'].items} items, the list holds ${listed}`);
				peerTimes.push(run['HTTP Request'].executionTime + run['Split Out'].executionTime);
			}
			results.push({
				case: `P1 Return All ${listed.toLocaleString('en')} ${vendor.name}`,
				ours: median(ours),
				comparison: median(peerTimes),
				against: "n8n's HTTP Request node + Split Out",
				unit: 'ms',
				target: 1.0,
				note: 'the node builders would use instead',
			});
		}
	}
	return results;
}

/**
 * P5: peak resident memory of n8n while Return All reads `records` Apicbase orders, ours and the HTTP
 * Request node's, each in an n8n of its own started for it (so neither pays for the other's garbage
 * or caches), against that n8n idle just before.
 */
export async function memory(sandboxes: Sandboxes, port: number, records: number, bearer: string, log: (line: string) => void): Promise<Measured[]> {
	const apicbase = vendors(sandboxes, bearer).find((vendor) => vendor.name.startsWith('Apicbase'))!;
	const listPages = apicbase.requests;
	const measure = async (side: 'ours' | 'peer') => {
		const own = side === 'ours' ? apicbase.workflow : httpRequestPeer(sandboxes, PEER_ID);
		const node = side === 'ours' ? 'Return All' : 'Split Out';
		const bench = await startBenchN8n(sandboxes, port, [headerAuthCredential(bearer)], [own], log);
		try {
			const pid = bench.n8n.serverPid;
			// Idle: after start-up has settled, the lowest of a few samples a second apart.
			await new Promise((resolve) => setTimeout(resolve, 10_000));
			const samples: number[] = [];
			for (let i = 0; i < 5; i++) {
				samples.push(residentBytes(pid));
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
			const idle = Math.min(...samples);
			const pagesBefore = listPages();
			const { result, peakBytes } = await peakResidentDuring(pid, async () => await runInN8n(bench, own.id, MANUAL_TRIGGER));
			// n8n 2.41 keeps no run data of an execution this big; then every page served shows the whole list was read.
			const pages = listPages() - pagesBefore;
			if (result[node] ? result[node].items !== records : pages !== Math.ceil(records / APICBASE_PAGE_SIZE)) {
				throw new Error(`${own.id}: ${result[node]?.items ?? 'no run data kept'} items, ${pages} pages served, for ${records} records`);
			}
			return { idle, peakBytes };
		} finally {
			await bench.stop();
		}
	};
	const ours = await measure('ours');
	const peer = await measure('peer');
	const perItem = (m: { idle: number; peakBytes: number }) => (m.peakBytes - m.idle) / records;
	const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
	return [
		{
			case: `P5 memory, Return All ${records.toLocaleString('en')} Apicbase orders`,
			ours: perItem(ours),
			comparison: perItem(peer),
			against: "n8n's HTTP Request node + Split Out",
			unit: 'bytes/item',
			target: 1.0,
			note: `each in a fresh n8n: peak ${mb(ours.peakBytes)} MB over idle ${mb(ours.idle)} MB (HTTP Request: ${mb(peer.peakBytes)} over ${mb(peer.idle)})`,
		},
	];
}
