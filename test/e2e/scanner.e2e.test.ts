/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * n8n's community-package scanner, as far as it runs without the registry: its analyser over our
 * sources and over the tarball npm would publish (the provenance leg is the publish workflow's).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { repoRoot } from '../helpers/paths';
import { packPackage } from './support/package';

jest.setTimeout(10 * 60 * 1000);

function scan(packageDir: string): { code: number | null; output: string } {
	const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/scan-package.mjs'), packageDir], {
		cwd: repoRoot,
		encoding: 'utf8',
		// Jest sets NODE_ENV=test, which switches n8n's lint plugin into its own test mode.
		env: { ...process.env, NODE_ENV: 'production' },
	});
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

let unpacked: string;

beforeAll(() => {
	unpacked = mkdtempSync(path.join(os.tmpdir(), 'supply-chain-scan-'));
	execFileSync('tar', ['xzf', packPackage(), '-C', unpacked]);
});

afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

it('finds nothing in our sources or in the packed package', () => {
	expect(scan(path.join(unpacked, 'package'))).toEqual({ code: 0, output: 'sources: passed\npackage: passed\n' });
});

it('would catch a node that reads the environment or the file system', () => {
	writeFileSync(path.join(unpacked, 'package/dist/nodes/Mbx/Leak.js'), "module.exports = () => process.env.SECRET + require('fs').readFileSync('x');\n");
	const { code, output } = scan(path.join(unpacked, 'package'));
	expect(code).toBe(1);
	expect(output).toMatch(/no-restricted-globals/);
	expect(output).toMatch(/no-restricted-imports/);
});
