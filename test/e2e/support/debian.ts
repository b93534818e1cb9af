/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code, never published: n8n's rules for node code do not apply */
/**
 * The few tools the tests take from Debian rather than npm (redis-server for queue mode, Chromium
 * for the browser suite). When one is missing and the tests run as root, they install it
 * themselves with apt-get, quietly; otherwise they stop with one line naming the command to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function hasCommand(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v "$0"`, command], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

function aptGet(args: string[]): void {
	execFileSync('apt-get', ['-qq', '-o', 'DPkg::Lock::Timeout=600', ...args], {
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 20 * 60 * 1000,
	});
}

/**
 * Makes sure `present()` holds, installing Debian's `pkg` if it does not and this is root.
 * `what` names the need in messages, e.g. "the queue-mode test needs redis-server".
 */
export function ensureDebianPackage(pkg: string, present: () => boolean, what: string, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
	if (present()) return;
	const command = `apt-get install -y ${pkg}`;
	if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
		throw new Error(`${what}; install it with: sudo ${command}`);
	}
	log(`${what}; installing it: ${command} ...`);
	const started = Date.now();
	const install = () => aptGet(['install', '-y', '--no-install-recommends', pkg]);
	try {
		try {
			install();
		} catch {
			// A fresh machine has no package lists yet.
			aptGet(['update']);
			install();
		}
	} catch (error) {
		const output = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
		throw new Error(`${what}, and \`${command}\` failed:\n${output.slice(-2000)}`);
	}
	if (!present()) throw new Error(`${what}, and \`${command}\` did not provide it`);
	log(`Installed ${pkg} in ${Math.round((Date.now() - started) / 1000)} s.`);
}
