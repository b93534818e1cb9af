/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * n8n's node tool (`@n8n/node-cli`), as a release uses it, on a clean copy of the repository: strict
 * mode with the tool's own ESLint config, and `n8n-node release` down the path it takes in GitHub
 * Actions (lint, build, `npm publish` with provenance). npm is wrapped to record each call and to
 * turn the publish into a dry run against an unreachable registry, so nothing can leave the machine.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { repoRoot } from '../helpers/paths';

jest.setTimeout(10 * 60 * 1000);

const NOT_SOURCES = new Set(['node_modules', 'dist', '.git', '.tmp', 'coverage']);
const tool = path.join(repoRoot, 'node_modules/@n8n/node-cli');

function realNpm(): string {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const candidate = path.join(dir, 'npm');
		if (dir && existsSync(candidate)) return candidate;
	}
	throw new Error('npm is not on PATH');
}

let work: string;
let copy: string;

beforeAll(() => {
	work = mkdtempSync(path.join(os.tmpdir(), 'supply-chain-node-cli-'));
	copy = path.join(work, 'package');
	cpSync(repoRoot, copy, { recursive: true, filter: (source) => !NOT_SOURCES.has(path.relative(repoRoot, source).split(path.sep)[0]) });
	symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

it('is in strict mode, with the ESLint config the tool expects unchanged', () => {
	const packageJson = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8'));
	expect(packageJson.n8n.strict).toBe(true);
	// The comparison the tool's strict check makes.
	const normalized = (file: string) => readFileSync(file, 'utf8').replace(/\s+/g, ' ').trim();
	expect(normalized(path.join(copy, 'eslint.config.mjs'))).toBe(
		normalized(path.join(tool, 'dist/template/templates/shared/default/eslint.config.mjs')),
	);
	expect(packageJson.scripts).toMatchObject({ build: expect.stringMatching(/^n8n-node build\b/), lint: 'n8n-node lint', release: 'n8n-node release' });
});

it('releases as in GitHub Actions: strict lint passes, builds, publishes dist/ with provenance', () => {
	const shims = path.join(work, 'bin');
	const log = path.join(work, 'npm-calls.log');
	const publishReport = path.join(work, 'publish.json');
	mkdirSync(shims);
	writeFileSync(
		path.join(shims, 'npm'),
		[
			'#!/usr/bin/env bash',
			'echo "$* | provenance=${NPM_CONFIG_PROVENANCE:-}" >> "$NPM_CALLS_LOG"',
			'if [ "$1" = publish ]; then exec "$REAL_NPM" publish --dry-run --json --registry http://127.0.0.1:9/ "${@:2}" > "$PUBLISH_REPORT"; fi',
			'exec "$REAL_NPM" "$@"',
			'',
		].join('\n'),
	);
	chmodSync(path.join(shims, 'npm'), 0o755);

	const result = spawnSync(path.join(copy, 'node_modules/.bin/n8n-node'), ['release'], {
		cwd: copy,
		encoding: 'utf8',
		env: {
			...process.env,
			NODE_ENV: 'production',
			GITHUB_ACTIONS: 'true',
			PATH: `${shims}${path.delimiter}${process.env.PATH}`,
			NPM_CALLS_LOG: log,
			PUBLISH_REPORT: publishReport,
			REAL_NPM: realNpm(),
			npm_config_dry_run: 'true',
			npm_config_registry: 'http://127.0.0.1:9/',
			npm_config_fetch_retries: '0',
		},
	});
	const output = `${result.stdout}${result.stderr}`;
	expect({ status: result.status, output }).toEqual({ status: 0, output: expect.not.stringMatching(/Strict mode violation|✖ \d+ problem/) });

	const calls = readFileSync(log, 'utf8').trim().split('\n');
	const steps = calls.filter((call) => /^(run lint|run build|publish)\b/.test(call));
	expect(steps).toEqual(['run lint | provenance=', 'run build | provenance=', 'publish | provenance=true']);
	expect(calls).toContainEqual(expect.stringMatching(/^exec -- eslint \./));

	const report = JSON.parse(readFileSync(publishReport, 'utf8')) as Record<string, { files: Array<{ path: string }> }>;
	const files = report['n8n-nodes-supply-chain'].files.map((file) => file.path);
	expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE.md', 'README.md', 'package.json']);
	expect(files).toEqual(expect.arrayContaining(['dist/nodes/Mbx/Mbx.node.js', 'dist/icons/mbx.svg', 'dist/credentials/MbxHmacApi.credentials.js']));
	expect(files.filter((file) => file.startsWith('dist/docs/') || file.endsWith('.test.js'))).toEqual([]);
});
