/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * The n8n versions the README says we support, oldest and newest: on each, the packed package
 * installs as users install it, and one workflow per vendor (the starter workflows) runs against the
 * sandboxes. The rest of the e2e and browser tests run on the oldest, N8N_VERSION.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from '../helpers/paths';
import type { Sandboxes } from '../sandbox/start';
import { loadWorkflow, sandboxCredentials, startE2eSandboxes } from './support/fixtures';
import { N8nInstance } from './support/instance';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { packPackage } from './support/package';
import { ensureN8nRuntime, SUPPORTED_N8N_VERSIONS } from './support/runtime';

jest.setTimeout(40 * 60 * 1000);

const STARTERS = ['starter-mbx-countries.json', 'starter-openboxes-products.json', 'starter-apicbase-supplier-orders.json'];

let sandboxes: Sandboxes;
let tarball: string;

beforeAll(async () => {
	sandboxes = await startE2eSandboxes();
	tarball = packPackage();
});

afterAll(async () => {
	await sandboxes?.stop();
});

const ids = (items: Array<Record<string, unknown>>) => items.map((item) => item.id);

it('the README names the same supported versions', () => {
	const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
	const [oldest, newest] = [SUPPORTED_N8N_VERSIONS[0], SUPPORTED_N8N_VERSIONS.at(-1)];
	expect(readme).toContain(`Supported: n8n ${oldest} to ${newest}**`);
});

describe.each(SUPPORTED_N8N_VERSIONS)('n8n %s', (version) => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = new N8nInstance(await ensureN8nRuntime(undefined, version), { port: 5691 });
		await n8n.installPackage(tarball);
		await n8n.importCredentials(sandboxCredentials(sandboxes));
		await n8n.importWorkflows(STARTERS.map(loadWorkflow));
	});

	beforeEach(() => {
		sandboxes.mbx.reset();
		sandboxes.openBoxes.reset();
		sandboxes.apicbase.reset();
	});

	it('is the version it claims to be', async () => {
		expect((await n8n.cli(['--version'])).stdout.trim()).toBe(version);
	});

	it('MBX: the countries starter lists, filters and gets countries, signed', async () => {
		const result = await n8n.executeOrThrow('scStarterMbx');
		const countries = sandboxes.mbx.countries();
		expect(result.nodes['All Countries']).toEqual(countries);
		expect(result.nodes['Get Country by ID']).toEqual([countries.find((c) => c.iso_code === 'CA')]);
	});

	it('OpenBoxes: the products starter logs in and reads every product', async () => {
		const result = await n8n.executeOrThrow('scStarterOpenBoxes');
		const active = sandboxes.openBoxes.products().filter((p) => p.active);
		expect(ids(result.nodes['All Products'])).toEqual(ids(active as unknown as Array<Record<string, unknown>>));
	});

	it('Apicbase: the supplier orders starter reads every open order with the client credentials', async () => {
		const result = await n8n.executeOrThrow('scStarterApicbase');
		const ordered = sandboxes.apicbase.purchaseOrders().filter((o) => o.status === 'ORDERED');
		expect(new Set(ids(result.nodes['Open Orders']))).toEqual(new Set(ordered.map((o) => o.id)));
		expect(result.nodes['Open Orders']).toHaveLength(ordered.length);
	});

	it('leaks no secret or token of the sandboxes or the credentials into n8n\'s logs, database or files', async () => {
		await expectNoSecretsLeaked(n8n, sandboxSecrets(sandboxes));
	});
});
