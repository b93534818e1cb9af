/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * One n8n "user folder" with this package installed the way users install community nodes by
 * hand: `npm install <tarball>` inside ~/.n8n/nodes. Credentials and workflows go in through the
 * n8n CLI, and workflows run through `n8n execute`, so everything passes through real n8n code.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { N8nRuntime } from './runtime';

const execFileAsync = promisify(execFile);

export const PACKAGE_NAME = 'n8n-nodes-supply-chain';

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** What one n8n CLI run left behind: its output, and how it ended. */
export interface CliResult {
	stdout: string;
	stderr: string;
	/** The exit code; null when a signal ended the process. */
	code: number | null;
	signal: NodeJS.Signals | null;
	timedOut: boolean;
	elapsedMs: number;
}

export interface ExecutionResult {
	ok: boolean;
	cli: CliResult;
	/** Items of each node's first output on its first run, by node name. */
	nodes: Record<string, Array<Record<string, unknown>>>;
	error?: { message?: string; description?: string; node?: { name?: string }; httpCode?: string };
	stdout: string;
	stderr: string;
}

interface RunData {
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>; error?: ExecutionResult['error'] } };
}

export class N8nInstance {
	readonly userFolder: string;
	readonly env: NodeJS.ProcessEnv;
	private server: ChildProcess | undefined;
	private cliRuns = 0;
	/** Every credential imported into this instance, for the leak check (leaks.ts). */
	readonly importedCredentials: CredentialImport[] = [];

	constructor(
		readonly runtime: N8nRuntime,
		options: { userFolder?: string; port?: number; extraEnv?: NodeJS.ProcessEnv } = {},
	) {
		this.userFolder = options.userFolder ?? mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		mkdirSync(this.userFolder, { recursive: true });
		this.env = {
			PATH: `${path.dirname(runtime.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
			HOME: process.env.HOME,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'e2e-only-encryption-key-not-a-secret',
			N8N_PORT: String(options.port ?? 5678),
			// Every n8n process starts a task-runner broker; the server and CLI runs each need their own port.
			N8N_RUNNERS_BROKER_PORT: String((options.port ?? 5678) + 2000),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			// OAuth2 callbacks and production webhook URLs are built from these.
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${options.port ?? 5678}/`,
			WEBHOOK_URL: `http://127.0.0.1:${options.port ?? 5678}/`,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_SECURE_COOKIE: 'false',
			// Debug: the most n8n ever writes, so that the leak check (leaks.ts) sees all of it.
			N8N_LOG_LEVEL: 'debug',
			N8N_LOG_OUTPUT: 'console',
			...options.extraEnv,
		};
	}

	get serverLogPath(): string {
		return path.join(this.userFolder, 'n8n-server.log');
	}

	/** What `n8n start` printed so far, for failure messages. */
	serverLog(): string {
		try {
			return readFileSync(this.serverLogPath, 'utf8');
		} catch {
			return '';
		}
	}

	/** Installs the packed tarball as a community package (what "npm install" in ~/.n8n/nodes does). */
	async installPackage(tarball: string): Promise<void> {
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesDir, { recursive: true });
		writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
		// n8n provides n8n-workflow to community packages itself, so the peer is not installed.
		await execFileAsync(
			'npm',
			['install', tarball, '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
			{ cwd: nodesDir, env: { ...process.env } },
		);
	}

	/** Where each CLI run's output is kept: `<n>-<command>.stdout.log` and `.stderr.log`. */
	get cliLogDir(): string {
		return path.join(this.userFolder, 'cli-logs');
	}

	/**
	 * Runs one n8n CLI command. Its output goes to files, not pipes: n8n ends with `process.exit`,
	 * which drops whatever a busy pipe has not taken yet (a large `execute --rawOutput` run was
	 * cut off mid-JSON that way), while writes to a file are finished before they return. The
	 * files stay in the user folder (cliLogDir), where the leak check reads them.
	 */
	async cli(
		args: string[],
		options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
	): Promise<CliResult> {
		const timeoutMs = options.timeoutMs ?? 5 * 60 * 1000;
		mkdirSync(this.cliLogDir, { recursive: true });
		const name = `${String(++this.cliRuns).padStart(3, '0')}-${(args[0] ?? 'n8n').replace(/[^\w-]/g, '-')}`;
		const outPath = path.join(this.cliLogDir, `${name}.stdout.log`);
		const errPath = path.join(this.cliLogDir, `${name}.stderr.log`);
		const out = openSync(outPath, 'w');
		const err = openSync(errPath, 'w');
		try {
			const child = spawn(this.runtime.nodeBin, [this.runtime.n8nEntry, ...args], {
				env: { ...this.env, N8N_RUNNERS_BROKER_PORT: String(Number(this.env.N8N_PORT) + 3000), ...options.env },
				stdio: ['ignore', out, err],
			});
			const started = Date.now();
			let timedOut = false;
			const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>((resolve) => {
				const timer = setTimeout(() => {
					timedOut = true;
					child.kill('SIGKILL');
				}, timeoutMs);
				child.once('error', (spawnError) => resolve({ code: null, signal: null, spawnError }));
				child.once('exit', (code, signal) => {
					clearTimeout(timer);
					resolve({ code, signal });
				});
			});
			const stderr = readFileSync(errPath, 'utf8') + (ended.spawnError ? `\n${ended.spawnError.message}` : '');
			return { stdout: readFileSync(outPath, 'utf8'), stderr, code: ended.code, signal: ended.signal, timedOut, elapsedMs: Date.now() - started };
		} finally {
			closeSync(out);
			closeSync(err);
		}
	}

	/** Runs one CLI command and throws, saying how it ended, unless it exits 0. */
	async cliOrThrow(args: string[]): Promise<string> {
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(describeCliFailure(`n8n ${args.join(' ')}`, result));
		return result.stdout;
	}

	/** Imports credentials; the file they pass through is deleted at once (n8n keeps them encrypted). */
	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		this.importedCredentials.push(...credentials);
		try {
			await this.cliOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	async importWorkflow(workflow: Record<string, unknown>): Promise<void> {
		const file = path.join(this.userFolder, `workflow-${String(workflow.id)}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		await this.cliOrThrow(['import:workflow', `--input=${file}`]);
	}

	/** Imports many workflows in one CLI run (each run of the CLI boots n8n, which takes seconds). */
	async importWorkflows(workflows: Array<Record<string, unknown>>): Promise<void> {
		const folder = path.join(this.userFolder, `workflows-${Date.now()}`);
		mkdirSync(folder, { recursive: true });
		for (const workflow of workflows) writeFileSync(path.join(folder, `${String(workflow.id)}.json`), JSON.stringify(workflow));
		await this.cliOrThrow(['import:workflow', '--separate', `--input=${folder}`]);
	}

	/** Runs a Manual Trigger workflow through `n8n execute` and reads back every node's output. */
	async execute(workflowId: string): Promise<ExecutionResult> {
		// The CLI prints the run through its logger at info level.
		const cli = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { env: atLeastInfo(this.env) });
		const run = parseRunData(cli.stdout);
		const nodes: ExecutionResult['nodes'] = {};
		for (const [name, runs] of Object.entries(run?.data?.resultData?.runData ?? {})) {
			nodes[name] = (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
		}
		const error = run?.data?.resultData?.error;
		return { ok: cli.code === 0 && !error && run !== undefined, cli, nodes, error, stdout: cli.stdout, stderr: cli.stderr };
	}

	/** The process ID of the running `n8n start` (or worker, webhook) process. */
	get serverPid(): number {
		if (!this.server?.pid) throw new Error('n8n is not running');
		return this.server.pid;
	}

	/** Resident memory of the running `n8n start` process, in bytes (Linux /proc). */
	serverMemoryBytes(): number {
		if (!this.server?.pid) throw new Error('n8n is not running');
		const status = readFileSync(`/proc/${this.server.pid}/status`, 'utf8');
		const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status);
		if (!kb) throw new Error('no VmRSS in /proc status');
		return Number(kb[1]) * 1024;
	}

	/** `execute`, throwing a full account (run error, exit code or signal, stderr) unless it succeeded. */
	async executeOrThrow(workflowId: string): Promise<ExecutionResult> {
		const result = await this.execute(workflowId);
		if (!result.ok) throw new Error(explainExecution(workflowId, result));
		return result;
	}

	/**
	 * Starts `n8n start` (the editor and production webhooks) and waits until it answers. In queue
	 * mode the same folder can instead run `n8n worker` or `n8n webhook` (the webhook processor);
	 * those serve no REST API, so readiness is their /healthz/readiness (the worker's on
	 * QUEUE_HEALTH_CHECK_PORT, which needs QUEUE_HEALTH_CHECK_ACTIVE=true). Returns the process's base URL.
	 */
	async start(command: 'start' | 'worker' | 'webhook' = 'start'): Promise<string> {
		if (command === 'worker' && this.env.QUEUE_HEALTH_CHECK_ACTIVE !== 'true') {
			throw new Error('A worker only answers HTTP with QUEUE_HEALTH_CHECK_ACTIVE=true and QUEUE_HEALTH_CHECK_PORT set');
		}
		const port = command === 'worker' ? this.env.QUEUE_HEALTH_CHECK_PORT : this.env.N8N_PORT;
		const url = `http://127.0.0.1:${port}`;
		// Another n8n still on this port (one shutting down) would answer in this one's place.
		const occupied = await fetch(`${url}/healthz`).then(
			() => true,
			() => false,
		);
		if (occupied) throw new Error(`Port ${port} is already in use; is another n8n still running?`);
		const log = openSync(this.serverLogPath, 'a');
		// Its own process group, so that kill() ends its task runner with it, as a crashed host would.
		const server = spawn(this.runtime.nodeBin, [this.runtime.n8nEntry, command], {
			env: { ...this.env, ...atLeastInfo(this.env) },
			stdio: ['ignore', log, log],
			detached: true,
		});
		this.server = server;
		// /healthz answers before the REST API is mounted; the editor's settings call comes last. Until the
		// database is migrated n8n answers every path 200 "n8n is starting up" (HTML): only JSON counts.
		const ready = command === 'start' ? `${url}/rest/settings` : `${url}/healthz/readiness`;
		const deadline = Date.now() + 3 * 60 * 1000;
		while (Date.now() < deadline) {
			if (server.exitCode !== null) throw new Error(`n8n ${command} exited with code ${server.exitCode}\n${this.serverLog().slice(-3000)}`);
			try {
				const response = await fetch(ready);
				if (response.ok && String(response.headers.get('content-type')).includes('json')) return url;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n ${command} did not start within 3 minutes\n${this.serverLog().slice(-3000)}`);
	}

	/**
	 * Sends a signal to the running process and its children (its task runner) and waits until the
	 * process is gone: SIGKILL is a crash or an out-of-memory kill, SIGTERM an orderly shutdown.
	 */
	async kill(signal: NodeJS.Signals): Promise<void> {
		const server = this.server;
		if (!server?.pid) throw new Error('n8n is not running');
		this.server = undefined;
		if (server.exitCode !== null || server.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
		process.kill(-server.pid, signal);
		await exited;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		const server = this.server;
		this.server = undefined;
		await new Promise<void>((resolve) => {
			server.once('exit', () => resolve());
			server.kill('SIGTERM');
			setTimeout(() => server.kill('SIGKILL'), 15_000).unref();
		});
	}
}

/** N8N_LOG_LEVEL raised to info when the environment sets it quieter (the tests read info lines). */
function atLeastInfo(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return env.N8N_LOG_LEVEL === 'debug' || env.N8N_LOG_LEVEL === 'info' ? {} : { N8N_LOG_LEVEL: 'info' };
}

/**
 * `n8n execute --rawOutput` prints the run as pretty JSON; log lines may surround it. At debug
 * level n8n's logger colours every line of it (ANSI codes around each line, outside the JSON's
 * strings, where a control character is always escaped), so those are taken out first.
 */
export function parseRunData(output: string): RunData | undefined {
	const stdout = withoutColours(output);
	const start = stdout.indexOf('{\n');
	if (start === -1) return undefined;
	for (let end = stdout.lastIndexOf('}'); end > start; end = stdout.lastIndexOf('}', end - 1)) {
		try {
			return JSON.parse(stdout.slice(start, end + 1)) as RunData;
		} catch {
			// keep trimming trailing log output
		}
	}
	return undefined;
}

/** Text without the ANSI colour codes n8n's logger adds at debug level. */
export function withoutColours(text: string): string {
	// eslint-disable-next-line no-control-regex -- the ANSI escape character is what is matched
	return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** How a CLI run ended, for a failure message: exit code or signal, timeout, time taken, stderr and stdout tails. */
export function describeCliFailure(command: string, result: CliResult): string {
	const ending = result.timedOut
		? `was killed after its ${Math.round(result.elapsedMs / 1000)} s timeout`
		: result.signal
			? `was ended by ${result.signal} after ${Math.round(result.elapsedMs / 1000)} s`
			: `exited with code ${result.code} after ${Math.round(result.elapsedMs / 1000)} s`;
	return `${command} ${ending}\n--- stderr (end) ---\n${withoutColours(result.stderr).slice(-3000)}\n--- stdout (end) ---\n${withoutColours(result.stdout).slice(-3000)}`;
}

/** Why `execute` did not succeed: the run's own error when it has one, and always how the CLI ended. */
export function explainExecution(workflowId: string, result: ExecutionResult): string {
	const runError = result.error ? `Run error: ${JSON.stringify(result.error)}\n` : 'The run recorded no error.\n';
	return `${runError}${describeCliFailure(`n8n execute --id=${workflowId}`, result.cli)}`;
}
