/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * n8n's verification wants usage, example workflows and authentication for every node, reachable
 * from the node's Docs link (its codex file's primaryDocumentation) and from each credential's
 * documentationUrl. These all point at pages in docs/ of this repository; this test checks that
 * every link names a page that exists, that each node page lists every operation (or trigger
 * event) the node offers and links to the pages of its credentials, and that the relative links
 * inside docs/ lead somewhere.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

import { ApicbaseAccessTokenApi } from '../../credentials/ApicbaseAccessTokenApi.credentials';
import { ApicbaseOAuth2Api } from '../../credentials/ApicbaseOAuth2Api.credentials';
import { ApicbaseSupplierApi } from '../../credentials/ApicbaseSupplierApi.credentials';
import { ApicbaseWebhookApi } from '../../credentials/ApicbaseWebhookApi.credentials';
import { MbxHmacApi } from '../../credentials/MbxHmacApi.credentials';
import { MbxOAuth2Api } from '../../credentials/MbxOAuth2Api.credentials';
import { MbxWebhookApi } from '../../credentials/MbxWebhookApi.credentials';
import { OpenBoxesApi } from '../../credentials/OpenBoxesApi.credentials';
import { OpenBoxesApiKeyApi } from '../../credentials/OpenBoxesApiKeyApi.credentials';
import { OpenBoxesWebhookApi } from '../../credentials/OpenBoxesWebhookApi.credentials';
import { Apicbase } from '../../nodes/Apicbase/Apicbase.node';
import { ApicbaseSupplier } from '../../nodes/Apicbase/ApicbaseSupplier.node';
import { ApicbaseSupplierPollingTrigger } from '../../nodes/Apicbase/ApicbaseSupplierPollingTrigger.node';
import { ApicbaseSupplierTrigger } from '../../nodes/Apicbase/ApicbaseSupplierTrigger.node';
import { Mbx } from '../../nodes/Mbx/Mbx.node';
import { MbxTrigger } from '../../nodes/Mbx/MbxTrigger.node';
import { MbxWebhookTrigger } from '../../nodes/Mbx/MbxWebhookTrigger.node';
import { OpenBoxes } from '../../nodes/OpenBoxes/OpenBoxes.node';
import { OpenBoxesTrigger } from '../../nodes/OpenBoxes/OpenBoxesTrigger.node';
import { OpenBoxesWebhookTrigger } from '../../nodes/OpenBoxes/OpenBoxesWebhookTrigger.node';
import { operationRows } from '../../scripts/operations-table';
import { repoRoot } from '../helpers/paths';

interface PackageJson {
	repository: { url: string };
	n8n: { nodes: string[]; credentials: string[] };
}
interface Codex {
	resources?: { primaryDocumentation?: Array<{ url: string }>; credentialDocumentation?: Array<{ url: string }> };
}

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

/** Source files by the path package.json lists for their build output. */
const NODES: Record<string, INodeType> = {
	'dist/nodes/Mbx/Mbx.node.js': new Mbx(),
	'dist/nodes/Mbx/MbxTrigger.node.js': new MbxTrigger(),
	'dist/nodes/Mbx/MbxWebhookTrigger.node.js': new MbxWebhookTrigger(),
	'dist/nodes/OpenBoxes/OpenBoxes.node.js': new OpenBoxes(),
	'dist/nodes/OpenBoxes/OpenBoxesTrigger.node.js': new OpenBoxesTrigger(),
	'dist/nodes/OpenBoxes/OpenBoxesWebhookTrigger.node.js': new OpenBoxesWebhookTrigger(),
	'dist/nodes/Apicbase/Apicbase.node.js': new Apicbase(),
	'dist/nodes/Apicbase/ApicbaseSupplier.node.js': new ApicbaseSupplier(),
	'dist/nodes/Apicbase/ApicbaseSupplierTrigger.node.js': new ApicbaseSupplierTrigger(),
	'dist/nodes/Apicbase/ApicbaseSupplierPollingTrigger.node.js': new ApicbaseSupplierPollingTrigger(),
};
const CREDENTIALS: Record<string, ICredentialType> = {
	'dist/credentials/MbxHmacApi.credentials.js': new MbxHmacApi(),
	'dist/credentials/MbxOAuth2Api.credentials.js': new MbxOAuth2Api(),
	'dist/credentials/MbxWebhookApi.credentials.js': new MbxWebhookApi(),
	'dist/credentials/OpenBoxesApi.credentials.js': new OpenBoxesApi(),
	'dist/credentials/OpenBoxesApiKeyApi.credentials.js': new OpenBoxesApiKeyApi(),
	'dist/credentials/OpenBoxesWebhookApi.credentials.js': new OpenBoxesWebhookApi(),
	'dist/credentials/ApicbaseSupplierApi.credentials.js': new ApicbaseSupplierApi(),
	'dist/credentials/ApicbaseOAuth2Api.credentials.js': new ApicbaseOAuth2Api(),
	'dist/credentials/ApicbaseAccessTokenApi.credentials.js': new ApicbaseAccessTokenApi(),
	'dist/credentials/ApicbaseWebhookApi.credentials.js': new ApicbaseWebhookApi(),
};

/** https://github.com/<owner>/<name>, from package.json's repository. */
const repositoryUrl = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const BLOB = `${repositoryUrl}/blob/main/`;

/** The docs/ file a documentation URL names, or undefined when it points elsewhere. */
function docsFile(url: string): string | undefined {
	if (!url.startsWith(`${BLOB}docs/`)) return undefined;
	return url.slice(BLOB.length).replace(/#.*$/, '');
}

const read = (relative: string) => fs.readFileSync(path.join(repoRoot, relative), 'utf8');
const codexOf = (distPath: string) =>
	JSON.parse(read(distPath.replace(/^dist\//, '').replace(/\.js$/, '.json'))) as Codex;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');

function anchorsOf(file: string): Set<string> {
	const text = read(file).replace(/```[\s\S]*?```/g, '');
	return new Set([...text.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((match) => slug(match[1])));
}

const docPages = (['nodes', 'credentials'] as const)
	.flatMap((dir) => fs.readdirSync(path.join(repoRoot, 'docs', dir)).map((name) => `docs/${dir}/${name}`))
	.concat('docs/README.md')
	.filter((file) => file.endsWith('.md'));

describe('documentation links', () => {
	it('covers exactly the nodes and credentials package.json lists', () => {
		expect(Object.keys(NODES).sort()).toEqual([...pkg.n8n.nodes].sort());
		expect(Object.keys(CREDENTIALS).sort()).toEqual([...pkg.n8n.credentials].sort());
		expect(repositoryUrl).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
	});

	describe.each(pkg.n8n.nodes)('node %s', (distPath) => {
		const { description } = NODES[distPath];
		const page = `docs/nodes/${description.name}.md`;
		const resources = codexOf(distPath).resources ?? {};

		it(`has its Docs link on ${page}, which exists`, () => {
			const urls = (resources.primaryDocumentation ?? []).map((entry) => entry.url);
			expect(urls).toEqual([`${BLOB}${page}`]);
			expect(fs.existsSync(path.join(repoRoot, page))).toBe(true);
		});

		it('points its credential documentation at the pages of its credentials, which exist', () => {
			const own = (description.credentials ?? []).map((credential) => `docs/credentials/${credential.name}.md`);
			const files = (resources.credentialDocumentation ?? []).map((entry) => docsFile(entry.url));
			expect(files).toEqual(own);
			for (const file of own) expect(fs.existsSync(path.join(repoRoot, file))).toBe(true);
		});

		it('lists every operation or trigger event the node offers', () => {
			const lines = read(page).split('\n');
			const missing = operationRows(description)
				.map((row) => (row.resource ? `| ${row.resource} | ${row.name} |` : `| ${row.name} |`))
				.filter((start) => !lines.some((line) => line.startsWith(start)));
			expect(missing).toEqual([]);
		});

		it('links to how to sign in, example workflows or their absence, and the README', () => {
			const text = read(page);
			for (const credential of description.credentials ?? []) {
				expect(text).toContain(`../credentials/${credential.name}.md`);
			}
			expect(text).toMatch(/^## Sign in$/m);
			expect(text).toMatch(/^## Example workflows$/m);
			expect(text).toMatch(/^## Tips and limits$/m);
			expect(text).toContain('](../../README.md');
		});
	});

	describe.each(pkg.n8n.credentials)('credential %s', (distPath) => {
		const credential = CREDENTIALS[distPath];
		const page = `docs/credentials/${credential.name}.md`;

		it(`has its documentationUrl on ${page}, which exists`, () => {
			expect(credential.documentationUrl).toBe(`${BLOB}${page}`);
			expect(fs.existsSync(path.join(repoRoot, page))).toBe(true);
		});

		it('names the nodes that use it, with links to their pages', () => {
			const text = read(page);
			const users = Object.values(NODES)
				.map((node) => node.description)
				.filter((description) => (description.credentials ?? []).some((entry) => entry.name === credential.name));
			expect(users.length).toBeGreaterThan(0);
			for (const user of users) expect(text).toContain(`../nodes/${user.name}.md`);
		});
	});

	it.each(docPages)('%s: every relative link leads to a file (and heading) that exists', (page) => {
		const text = read(page).replace(/```[\s\S]*?```/g, '');
		const broken: string[] = [];
		for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
			if (/^[a-z]+:/i.test(target)) continue;
			const [file, anchor] = target.split('#');
			const resolved = file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
			if (!fs.existsSync(path.join(repoRoot, resolved))) broken.push(target);
			else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) broken.push(target);
		}
		expect(broken).toEqual([]);
	});
});
