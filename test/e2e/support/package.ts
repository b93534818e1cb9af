/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/** Builds and packs this package exactly as it is published: the tarball users install. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { repoRoot } from '../../helpers/paths';

export function packPackage(): string {
	if (!existsSync(path.join(repoRoot, 'dist/nodes/Mbx/Mbx.node.js'))) {
		execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
	}
	const destination = mkdtempSync(path.join(os.tmpdir(), 'supply-chain-pack-'));
	execFileSync('npm', ['pack', '--pack-destination', destination, '--loglevel=error'], {
		cwd: repoRoot,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(destination).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	return path.join(destination, tarball);
}
