/**
 * The real Redis and PostgreSQL that n8n's queue mode needs, started by the test as child
 * processes on loopback, on free ports, in temp directories, and stopped (and removed) afterwards.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

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
	/** Runs SQL through psql over the server's socket; rows as arrays of column strings. */
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

/** Signals a pid, ignoring one that is already gone. */
function signalPid(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(pid, signal);
	} catch {
		// already exited
	}
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

function hasCommand(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

export async function startRedis(): Promise<RedisService> {
	if (!hasCommand('redis-server')) {
		throw new Error('redis-server is not installed; install it with: apt-get install -y redis-server');
	}
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

/** The newest /usr/lib/postgresql/<version>/bin (Debian's layout), or PG_BIN if set. */
function postgresBin(): string {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (!versions.length) {
		throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin; install them with: apt-get install -y postgresql (or set PG_BIN)');
	}
	return path.join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: the Debian package's "postgres" user runs it. */
function postgresOwner(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	try {
		const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
		return { uid, gid };
	} catch {
		throw new Error('Running as root, but there is no "postgres" user to run PostgreSQL as; install the postgresql package (it creates one)');
	}
}

export async function startPostgres(): Promise<PostgresService> {
	const bin = postgresBin();
	const owner = postgresOwner();
	// As root, every server command goes through runuser; otherwise the current user runs it.
	const asOwner = (command: string, args: string[]): [string, string[]] =>
		owner ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];

	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-postgres-'));
	const dataDir = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	const passwordFile = path.join(dir, 'password');
	const host = '127.0.0.1';
	const user = 'n8n';
	const database = 'n8n';
	const password = 'e2e-only-postgres-password';
	writeFileSync(passwordFile, password);
	writeFileSync(logFile, '');
	if (owner) for (const file of [dir, passwordFile, logFile]) chownSync(file, owner.uid, owner.gid);

	const cleanup = () => rmSync(dir, { recursive: true, force: true });
	try {
		// n8n logs in with a password over TCP (as deployed); the socket is trusted for setup only.
		const [initdb, initdbArgs] = asOwner('initdb', [
			'-D', dataDir, '-U', user, `--pwfile=${passwordFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-instructions',
		]);
		await execFileAsync(initdb, initdbArgs);
	} catch (error) {
		cleanup();
		throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
	}

	const port = await freePort();
	const log = openSync(logFile, 'a');
	// Loopback only, socket in the temp dir (not /var/run/postgresql), fsync off: data is thrown away.
	const [postgres, postgresArgs] = asOwner('postgres', ['-D', dataDir, '-k', dir, '-h', host, '-p', String(port), '-c', 'fsync=off']);
	const child = spawn(postgres, postgresArgs, { stdio: ['ignore', log, log] });

	const psql = async (db: string, sql: string): Promise<string> => {
		const { stdout } = await execFileAsync(path.join(bin, 'psql'), ['-h', dir, '-p', String(port), '-U', user, '-d', db, '-v', 'ON_ERROR_STOP=1', '-AtX', '-F', '\t', '-c', sql]);
		return stdout;
	};
	const service: PostgresService = {
		host,
		port,
		database,
		user,
		password,
		log: () => readLog(logFile),
		async query(sql) {
			const out = await psql(database, sql);
			return out.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
		},
		async stop() {
			// The server runs under runuser: signal the postmaster itself (SIGINT = fast shutdown).
			const pidFile = path.join(dataDir, 'postmaster.pid');
			const postmaster = Number(readLog(pidFile).split('\n')[0]);
			if (postmaster > 0) {
				// SIGQUIT is PostgreSQL's immediate shutdown, should a fast one hang.
				await stopChild(child, () => signalPid(postmaster, 'SIGINT'), () => {
					signalPid(postmaster, 'SIGQUIT');
					child.kill('SIGKILL');
				});
			} else {
				await stopChild(child);
			}
			cleanup();
		},
	};
	try {
		await waitUntilReady(
			'postgres',
			child,
			() => execFileAsync(path.join(bin, 'pg_isready'), ['-h', host, '-p', String(port), '-q']).then(() => true, () => false),
			service.log,
		);
		await psql('postgres', `CREATE DATABASE ${database}`);
	} catch (error) {
		await service.stop();
		throw error;
	}
	return service;
}
