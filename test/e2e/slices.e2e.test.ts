/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * The packed tarball, installed into a real n8n 2.41.0 as users install it, runs the starter
 * workflows against the sandboxes. Faults are injected in the middle of runs to prove the
 * behaviour users depend on: re-login, token renewal and 429 handling inside n8n itself.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { MBX_PAGE_SIZE } from '../../nodes/Mbx/transport';
import type { Sandboxes } from '../sandbox/start';
import { CREDENTIAL_IDS, loadWorkflow, sandboxCredentials, startE2eSandboxes } from './support/fixtures';
import { N8nInstance, PACKAGE_NAME, type ExecutionResult } from './support/instance';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { packPackage } from './support/package';
import { ensureN8nRuntime, nodeVersion } from './support/runtime';

jest.setTimeout(30 * 60 * 1000);

let sandboxes: Sandboxes;
let n8n: N8nInstance;

function ids(items: Array<Record<string, unknown>>): unknown[] {
	return items.map((item) => item.id);
}

async function run(workflowId: string): Promise<ExecutionResult> {
	return await n8n.executeOrThrow(workflowId);
}

beforeAll(async () => {
	sandboxes = await startE2eSandboxes();
	const runtime = await ensureN8nRuntime();
	expect(nodeVersion(runtime)).toMatch(/^v24\./);
	n8n = new N8nInstance(runtime);
	await n8n.installPackage(packPackage());
	await n8n.importCredentials(sandboxCredentials(sandboxes));
	for (const file of ['starter-mbx-countries.json', 'starter-openboxes-products.json', 'starter-apicbase-supplier-orders.json']) {
		await n8n.importWorkflow(loadWorkflow(file));
	}
});

afterAll(async () => {
	await sandboxes?.stop();
});

beforeEach(() => {
	sandboxes.mbx.reset();
	sandboxes.openBoxes.reset();
	sandboxes.apicbase.reset();
});

describe('the package as installed in n8n', () => {
	it('holds only the compiled dist folder, as npm pack publishes it', () => {
		const installed = path.join(n8n.userFolder, '.n8n/nodes/node_modules', PACKAGE_NAME);
		expect(readdirSync(installed).sort()).toEqual(['LICENSE.md', 'README.md', 'dist', 'package.json']);
		expect(existsSync(path.join(installed, 'dist/nodes/Mbx/Mbx.node.js'))).toBe(true);
		expect(existsSync(path.join(installed, 'dist/icons/mbx.svg'))).toBe(true);
		expect(existsSync(path.join(installed, 'node_modules'))).toBe(false);
	});

	it('fails a workflow whose node type n8n does not know, so the slices below prove loading', async () => {
		const workflow = loadWorkflow('starter-mbx-countries.json');
		const nodes = (workflow.nodes as Array<Record<string, unknown>>).map((node) =>
			String(node.type).startsWith(PACKAGE_NAME) ? { ...node, type: `${PACKAGE_NAME}.doesNotExist` } : node,
		);
		await n8n.importWorkflow({ ...workflow, id: 'scUnknownType', name: 'Unknown node type', nodes });
		const result = await n8n.execute('scUnknownType');
		expect(result.ok).toBe(false);
	});
});

describe('MBX slice: Country Get and Get Many with the HMAC credential', () => {
	it('lists every country, filters by ISO code and gets one by ID, all signed', async () => {
		const result = await run('scStarterMbx');
		const expected = sandboxes.mbx.countries();
		expect(result.nodes['All Countries']).toEqual(expected);
		expect(result.nodes['Find Canada']).toEqual([expected.find((c) => c.iso_code === 'CA')]);
		expect(result.nodes['Get Country by ID']).toEqual(result.nodes['Find Canada']);

		const requests = sandboxes.mbx.logged({ pathPrefix: '/v2/' });
		// Every page of countries (the sandbox's 249 are one page of MBX_PAGE_SIZE, 250) + filtered list + get.
		expect(requests.length).toBe(Math.ceil(expected.length / MBX_PAGE_SIZE) + 2);
		expect(requests.every((r) => r.status === 200)).toBe(true);
		expect(requests.every((r) => String(r.headers['mbx-auth']).startsWith('demo-public-token:'))).toBe(true);
		expect(requests.every((r) => r.body === '')).toBe(true);
	});

	it('shows MBX\'s own reason when the secret is wrong, and never the secret', async () => {
		const wrongSecret = 'wrong-secret-value-for-e2e';
		const [mbx] = sandboxCredentials(sandboxes);
		await n8n.importCredentials([{ ...mbx, id: 'scMbxWrong', name: 'MBX wrong secret', data: { ...mbx.data, secretToken: wrongSecret } }]);
		const workflow = loadWorkflow('starter-mbx-countries.json');
		const nodes = (workflow.nodes as Array<Record<string, unknown>>).map((node) =>
			node.credentials ? { ...node, credentials: { mbxHmacApi: { id: 'scMbxWrong', name: 'MBX wrong secret' } } } : node,
		);
		await n8n.importWorkflow({ ...workflow, id: 'scMbxWrongSecret', name: 'MBX wrong secret', nodes });

		const result = await n8n.execute('scMbxWrongSecret');
		expect(result.ok).toBe(false);
		expect(result.error?.message).toBe('Signature does not match');
		expect(result.error?.description).toMatch(/Check the Public Token and Secret Token/);
		expect(result.error?.httpCode).toBe('401');
		expect(result.stdout + result.stderr).not.toContain(wrongSecret);
		expect(sandboxes.mbx.logged({ pathPrefix: '/v2/' }).every((r) => r.status === 401)).toBe(true);
	});
});

describe('OpenBoxes slice: Product Get and Get Many with the login credential', () => {
	it('completes a Return All of every product although the session dies in the middle', async () => {
		// The session is destroyed just before the 5th page of products.
		sandboxes.openBoxes.injectFault({ kind: 'expireAuth', pathPrefix: '/openboxes/api/products', method: 'GET', after: 4 });
		const result = await run('scStarterOpenBoxes');

		const active = sandboxes.openBoxes.products().filter((p) => p.active);
		expect(active.length).toBeGreaterThan(1000);
		const all = result.nodes['All Products'];
		expect(ids(all)).toEqual(ids(active as unknown as Array<Record<string, unknown>>));
		expect(new Set(ids(all)).size).toBe(all.length);

		const log = sandboxes.openBoxes.requests;
		expect(log.some((r) => r.status === 302 && r.path === '/openboxes/api/products')).toBe(true);
		expect(log.filter((r) => r.path === '/openboxes/api/login').length).toBeGreaterThanOrEqual(2);
		const byCode = [...active].sort((a, b) => a.productCode.localeCompare(b.productCode)).slice(0, 3);
		expect(ids(result.nodes['Get Product'])).toEqual(byCode.map((p) => p.id));
	});
});

describe('Apicbase slice: Supplier Purchase Order Get Many with the client-credentials token', () => {
	it('lists every open order exactly once, renewing an expired token and waiting out a 429', async () => {
		const path = '/api/v2/integrations/suppliers/purchase_orders/';
		sandboxes.apicbase.injectFault({ kind: 'expireAuth', pathPrefix: path, after: 2 });
		sandboxes.apicbase.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1, pathPrefix: path, after: 1 });
		const result = await run('scStarterApicbase');

		const ordered = sandboxes.apicbase.purchaseOrders().filter((o) => o.status === 'ORDERED');
		const received = result.nodes['Open Orders'];
		expect(received).toHaveLength(ordered.length);
		expect(new Set(ids(received))).toEqual(new Set(ordered.map((o) => o.id)));
		expect(received.every((o) => o.status === 'ORDERED')).toBe(true);

		const log = sandboxes.apicbase.requests;
		expect(log.filter((r) => r.path === '/oauth/token/').length).toBe(2);
		expect(log.some((r) => r.status === 429)).toBe(true);
		expect(log.some((r) => r.status === 401)).toBe(true);
		expect(CREDENTIAL_IDS.apicbaseSupplier).toBe('scApicbaseSupplier');
	});
});

it('leaks no secret or token of the sandboxes or the credentials into n8n\'s logs, database or files', async () => {
	await n8n.stop();
	await expectNoSecretsLeaked(n8n, sandboxSecrets(sandboxes));
});
