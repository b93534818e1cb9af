/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/** Credentials that point the shipped workflows at the sandboxes, and the workflows themselves. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from '../../helpers/paths';
import { APICBASE_DEMO } from '../../sandbox/apicbase/server';
import { MBX_DEMO } from '../../sandbox/mbx/server';
import { OPENBOXES_DEMO, type OpenBoxesSandbox } from '../../sandbox/openboxes/server';
import { openBoxesClient } from '../../sandbox/openboxes/testClient';
import { startSandboxes, type Sandboxes } from '../../sandbox/start';
import type { CredentialImport } from './instance';

/** Ids and names match the credential references in workflows/*.json. */
export const CREDENTIAL_IDS = {
	mbxHmac: 'scMbxHmac',
	openBoxes: 'scOpenBoxes',
	apicbaseSupplier: 'scApicbaseSupplier',
} as const;

/**
 * The OpenBoxes admin's password in the e2e sandboxes. The demo's own ("password") is a word n8n's
 * database and logs contain anyway, so a leak of it could not be searched for (see leaks.ts).
 */
export const E2E_OPENBOXES_PASSWORD = 'e2e-openboxes-admin-password';

/** The sandboxes on free ports, as the e2e tests run them. */
export async function startE2eSandboxes(): Promise<Sandboxes> {
	return await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 }, { openBoxes: { passwords: { [OPENBOXES_DEMO.username]: E2E_OPENBOXES_PASSWORD } } });
}

export function sandboxCredentials(s: Sandboxes): CredentialImport[] {
	return [
		{
			id: CREDENTIAL_IDS.mbxHmac,
			name: 'MBX account',
			type: 'mbxHmacApi',
			data: { environment: 'custom', customBaseUrl: s.mbx.url, publicToken: MBX_DEMO.publicToken, secretToken: MBX_DEMO.secretToken },
		},
		{
			id: CREDENTIAL_IDS.openBoxes,
			name: 'OpenBoxes account',
			type: 'openBoxesApi',
			data: {
				baseUrl: `${s.openBoxes.url}/openboxes/`,
				username: OPENBOXES_DEMO.username,
				password: s.openBoxes.options.passwords[OPENBOXES_DEMO.username] ?? OPENBOXES_DEMO.password,
				location: OPENBOXES_DEMO.locationId,
				sessionCookie: '',
			},
		},
		{
			id: CREDENTIAL_IDS.apicbaseSupplier,
			name: 'Apicbase supplier account',
			type: 'apicbaseSupplierApi',
			data: {
				environment: 'custom',
				customBaseUrl: s.apicbase.url,
				clientId: APICBASE_DEMO.supplierClientId,
				clientSecret: APICBASE_DEMO.supplierClientSecret,
				accessToken: '',
			},
		},
	];
}

export const workflowsDir = path.join(repoRoot, 'workflows');

export function loadWorkflow(file: string): Record<string, unknown> & { id: string; name: string } {
	return JSON.parse(readFileSync(path.join(workflowsDir, file), 'utf8'));
}

export function workflowFiles(): string[] {
	return readdirSync(workflowsDir).filter((file) => file.endsWith('.json')).sort();
}

/** Every minute instead of a workflow's shipped poll interval, so tests and the demo finish in minutes. */
export const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };

/** A shipped workflow with its polling triggers set to every minute. */
export function withFastPolling(workflow: ReturnType<typeof loadWorkflow>): ReturnType<typeof loadWorkflow> {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes as Array<{ parameters: Record<string, unknown> }>) {
		if (node.parameters.pollTimes) node.parameters.pollTimes = EVERY_MINUTE;
	}
	return copy;
}

/** The production webhook URL of a workflow's webhook trigger, on a running n8n. */
export function productionWebhookUrl(baseUrl: string, workflow: ReturnType<typeof loadWorkflow>, path: string): string {
	const webhookId = (workflow.nodes as Array<{ webhookId?: string }>).find((node) => node.webhookId)?.webhookId;
	if (!webhookId) throw new Error(`${workflow.name} has no webhook trigger`);
	return `${baseUrl}/webhook/${webhookId}/${path}`;
}

/**
 * n8n answers its REST API before activation has registered production webhooks: probe the URL
 * (with an empty body, which a signed trigger refuses and never runs) until it stops answering 404.
 */
export async function waitForWebhook(url: string, describeOnTimeout = () => ''): Promise<number> {
	for (let probe = 0; ; probe++) {
		const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		if (answer.status !== 404) return answer.status;
		if (probe > 120) throw new Error(`The webhook ${url} was never registered\n${describeOnTimeout()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** OpenBoxes products the shipped "Map to MBX" table (PO sync: OpenBoxes to MBX) knows, so every new purchase order can go. */
export const MAPPED_PRODUCT_CODES = ['SK53', 'JK14', 'CA14', 'UJ37', 'KN99'];

/**
 * `count` new purchase orders from MBX's supplier, created through OpenBoxes' API with one mapped
 * product each and then placed (as a buyer does in the UI). Returns their order numbers.
 */
export async function placeNewPurchaseOrders(openBoxes: OpenBoxesSandbox, count: number, name: string): Promise<string[]> {
	const client = openBoxesClient(openBoxes);
	const cookie = await client.login();
	const products = openBoxes.products().filter((p) => MAPPED_PRODUCT_CODES.includes(String(p.productCode)));
	if (products.length !== MAPPED_PRODUCT_CODES.length) throw new Error(`OpenBoxes has ${products.length} of the ${MAPPED_PRODUCT_CODES.length} mapped products`);
	const orderNumbers: string[] = [];
	for (let n = 0; n < count; n++) {
		const reply = await client.call('/purchaseOrders', {
			cookie,
			body: {
				name: `${name} ${n + 1}`,
				origin: { id: OPENBOXES_DEMO.supplierId },
				destination: { id: OPENBOXES_DEMO.locationId },
				orderedBy: { id: OPENBOXES_DEMO.userId },
				orderItems: [{ product: { id: products[n % products.length].id }, quantity: 1 + (n % 4), unitPrice: 12.5 + n }],
			},
		});
		if (reply.status >= 300) throw new Error(`OpenBoxes purchase order: ${reply.status} ${reply.text}`);
		const { id, orderNumber } = (reply.json as { data: { id: string; orderNumber: string } }).data;
		openBoxes.setPurchaseOrderStatus(id, 'PLACED');
		orderNumbers.push(orderNumber);
	}
	return orderNumbers;
}
