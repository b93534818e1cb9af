/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a benchmark, never published: n8n's rules for node code do not apply */
/**
 * P4: what one poll costs as the vendor's data grows. Each polling trigger's real poll code runs
 * against the sandboxes over real HTTP (as in test/reliability), first noting what exists, then
 * polling once after 10 changes: the requests and the time that poll took, at each data size.
 */
import path from 'node:path';

import type { IDataObject, INodeType } from 'n8n-workflow';

import { ApicbaseSupplierApi } from '../credentials/ApicbaseSupplierApi.credentials';
import { MbxHmacApi } from '../credentials/MbxHmacApi.credentials';
import { OpenBoxesApi } from '../credentials/OpenBoxesApi.credentials';
import { livePoller } from '../test/helpers/livePoll';
import { repoRoot } from '../test/helpers/paths';
import { APICBASE_DEMO } from '../test/sandbox/apicbase/server';
import { MBX_DEMO } from '../test/sandbox/mbx/server';
import { OPENBOXES_DEMO } from '../test/sandbox/openboxes/server';
import { openBoxesClient } from '../test/sandbox/openboxes/testClient';
import type { Sandboxes } from '../test/sandbox/start';
import type { Measured } from './report';

const CHANGES = 10;

/**
 * A trigger as built into dist/ (what users install). Not from nodes/: tsx resolves a node's source
 * path to the codex JSON file that sits beside it under the same name.
 */
async function builtTrigger(file: string, name: string): Promise<INodeType> {
	const module = (await import(path.join(repoRoot, 'dist', 'nodes', file))) as Record<string, new () => INodeType>;
	return new module[name]();
}

interface Watched {
	name: string;
	/** Grows the vendor's data to `size` records. */
	grow: (size: number) => void;
	/** Makes CHANGES changes the trigger reports. */
	change: () => Promise<void>;
	poller: () => Promise<{ poll: () => Promise<IDataObject[]> }>;
	requests: () => number;
	/** Whether the vendor gives a cursor (a sort by change time or a "since" filter), so cost can follow the changes. */
	cursor: boolean;
}

function watched(sandboxes: Sandboxes): Watched[] {
	const { mbx, openBoxes, apicbase } = sandboxes;
	const ob = openBoxesClient(openBoxes);
	let cookie = '';
	let edits = 0;
	const gets = (log: Array<{ method: string }>) => log.filter((r) => r.method === 'GET').length;
	const demoOrders = () => mbx.orders().filter((o) => o.organization_id === MBX_DEMO.organizationId);
	return [
		{
			name: 'MBX Trigger (orders; MBX documents no sort and no "changed since")',
			grow: (size) => mbx.addOrders(Math.max(0, size - demoOrders().length)),
			change: async () => {
				const open = demoOrders().filter((o) => o.status !== 'shipped').slice(-CHANGES);
				for (const order of open) await mbx.advanceOrder(Number(order.id));
			},
			poller: async () =>
				livePoller(await builtTrigger('Mbx/MbxTrigger.node.js', 'MbxTrigger'), {
					parameters: { authentication: 'hmac', events: ['created', 'statusChanged', 'updated'], statuses: [] },
					credentials: { mbxHmacApi: { environment: 'custom', customBaseUrl: mbx.url, publicToken: MBX_DEMO.publicToken, secretToken: MBX_DEMO.secretToken } },
					credentialTypes: { mbxHmacApi: new MbxHmacApi() },
				}),
			requests: () => gets(mbx.requests),
			cursor: false,
		},
		{
			name: 'OpenBoxes Trigger, Product Updated (sorted by lastUpdated)',
			grow: (size) => {
				// A hundred products a second, ending a moment ago: not thousands stamped with one second.
				const more = Math.max(0, size - openBoxes.products().length);
				const seconds = Math.ceil(more / 100);
				const start = Date.now() - (seconds + 2) * 1000;
				for (let second = 0; second < seconds; second++) {
					openBoxes.clock.set(start + second * 1000);
					openBoxes.addProducts(Math.min(100, more - second * 100));
				}
				openBoxes.clock.set(null);
			},
			change: async () => {
				// OpenBoxes times are whole seconds: a second change in a second already read moves no time (ASSUMPTIONS O22).
				await new Promise((resolve) => setTimeout(resolve, 1100));
				cookie ||= await ob.login();
				for (const product of openBoxes.products().slice(0, CHANGES)) {
					const reply = await ob.call(`/products/${product.id}`, { cookie, method: 'PUT', body: { description: `bench edit ${++edits}` } });
					if (reply.status !== 200) throw new Error(`OpenBoxes edit: ${reply.status} ${reply.text}`);
				}
			},
			poller: async () =>
				livePoller(await builtTrigger('OpenBoxes/OpenBoxesTrigger.node.js', 'OpenBoxesTrigger'), {
					parameters: { authentication: 'session', event: 'product.updated' },
					credentials: {
						openBoxesApi: {
							baseUrl: `${openBoxes.url}/openboxes/`,
							username: OPENBOXES_DEMO.username,
							password: openBoxes.options.passwords[OPENBOXES_DEMO.username] ?? OPENBOXES_DEMO.password,
							location: OPENBOXES_DEMO.locationId,
							sessionCookie: '',
						},
					},
					credentialTypes: { openBoxesApi: new OpenBoxesApi() },
				}),
			requests: () => gets(openBoxes.requests),
			cursor: true,
		},
		{
			name: 'Apicbase Supplier Polling Trigger (ordered_on__gt)',
			grow: (size) => {
				// Orders a few seconds apart, as a busy supplier gets them, not thousands in one moment.
				const more = Math.max(0, size - apicbase.purchaseOrders().length);
				apicbase.advanceClock(more * 3);
				apicbase.addOrders(more);
			},
			change: async () => {
				apicbase.advanceClock(5);
				apicbase.addOrders(CHANGES);
			},
			poller: async () =>
				livePoller(await builtTrigger('Apicbase/ApicbaseSupplierPollingTrigger.node.js', 'ApicbaseSupplierPollingTrigger'), {
					parameters: { markAsFetched: false, output: 'order' },
					credentials: {
						apicbaseSupplierApi: { environment: 'custom', customBaseUrl: apicbase.url, clientId: APICBASE_DEMO.supplierClientId, clientSecret: APICBASE_DEMO.supplierClientSecret },
					},
					credentialTypes: { apicbaseSupplierApi: new ApicbaseSupplierApi() },
				}),
			requests: () => gets(apicbase.requests),
			cursor: true,
		},
	];
}

/** P4 at each size (ascending): one line per trigger, the poll at the largest size against the smallest. */
export async function pollCost(sandboxes: Sandboxes, sizes: number[]): Promise<Measured[]> {
	const results: Measured[] = [];
	for (const trigger of watched(sandboxes)) {
		const costs: Array<{ size: number; requests: number; ms: number; reported: number }> = [];
		for (const size of sizes) {
			trigger.grow(size);
			const poller = await trigger.poller();
			// The first poll notes what exists (a long list over several, as n8n would run them).
			await poller.poll();
			await trigger.change();
			const before = trigger.requests();
			const started = performance.now();
			const reported = await poller.poll();
			costs.push({ size, requests: trigger.requests() - before, ms: performance.now() - started, reported: reported.length });
			if (reported.length < CHANGES) throw new Error(`${trigger.name} at ${size}: ${reported.length} of ${CHANGES} changes reported`);
		}
		const [smallest, largest] = [costs[0], costs[costs.length - 1]];
		results.push({
			case: `P4 poll after ${CHANGES} changes, ${trigger.name}: ${largest.size.toLocaleString('en')} records`,
			// Requests are what the trigger decides; its time also holds the sandbox's own work on N rows
			// (sorting, filtering), which a real server does with an index.
			ours: largest.requests,
			comparison: smallest.requests,
			against: `the same poll at ${smallest.size.toLocaleString('en')}`,
			unit: 'requests',
			...(trigger.cursor ? { target: 1.5 } : {}),
			note: costs.map((c) => `${c.size.toLocaleString('en')}: ${c.requests} requests, ${c.ms.toFixed(0)} ms`).join(' · '),
			extra: { costs },
		});
	}
	return results;
}
