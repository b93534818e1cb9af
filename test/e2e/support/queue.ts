/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * n8n in queue mode, as a scaled deployment runs it: a main (`n8n start`: editor, REST, workflow
 * activation), a worker (`n8n worker`: runs the executions) and a webhook processor (`n8n webhook`:
 * answers production webhooks and enqueues their executions). Each has its own user folder with
 * this package installed (each host installs it); they share Redis, PostgreSQL and the encryption key.
 */
import { rmSync } from 'node:fs';

import type { Sandboxes } from '../../sandbox/start';
import { startE2eSandboxes } from './fixtures';
import { N8nInstance } from './instance';
import type { N8nRuntime } from './runtime';
import { startPostgres, startRedis, type PostgresService, type RedisService } from './services';

/** Clear of the other e2e files' ports (5678-5689); each port +2000 is its task-runner broker, +3000 its CLI's. */
export const QUEUE_PORTS = { main: 5691, webhook: 5693, worker: 5695 } as const;

const ENCRYPTION_KEY = 'e2e-only-queue-mode-encryption-key';

/** One line of n8n's JSON console log (N8N_LOG_FORMAT=json). */
export interface LogLine {
	level: string;
	message: string;
	metadata: Record<string, unknown>;
}

export function parseJsonLog(text: string): LogLine[] {
	const lines: LogLine[] = [];
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		try {
			const parsed = JSON.parse(line) as Partial<LogLine>;
			if (typeof parsed.message === 'string') lines.push({ level: String(parsed.level), message: parsed.message, metadata: parsed.metadata ?? {} });
		} catch {
			// a line that only looks like JSON (task runner output, stack traces)
		}
	}
	return lines;
}

/** What a queue-mode test runs against besides n8n: the vendor sandboxes, Redis and PostgreSQL. */
export interface QueueServices {
	sandboxes: Sandboxes;
	redis: RedisService;
	postgres: PostgresService;
}

/**
 * Starts them side by side. Each one that starts is put in `into` at once, so that the caller's
 * afterAll (stopQueueServices) stops it even when another failed, which then throws here.
 */
export async function startQueueServices(into: Partial<QueueServices>): Promise<QueueServices> {
	const [sandboxes, redis, postgres] = await Promise.allSettled([startE2eSandboxes(), startRedis(), startPostgres()]);
	if (sandboxes.status === 'fulfilled') into.sandboxes = sandboxes.value;
	if (redis.status === 'fulfilled') into.redis = redis.value;
	if (postgres.status === 'fulfilled') into.postgres = postgres.value;
	for (const result of [sandboxes, redis, postgres]) if (result.status === 'rejected') throw result.reason;
	return into as QueueServices;
}

export async function stopQueueServices(services: Partial<QueueServices>): Promise<void> {
	await Promise.allSettled([services.redis?.stop(), services.postgres?.stop(), services.sandboxes?.stop()]);
}

export class QueueCluster {
	readonly main: N8nInstance;
	readonly worker: N8nInstance;
	readonly webhook: N8nInstance;
	/** Where production webhooks are called: the webhook processor. */
	readonly webhookUrl: string;
	mainUrl = '';

	constructor(runtime: N8nRuntime, services: { redis: RedisService; postgres: PostgresService }, ports: { main: number; webhook: number; worker: number } = QUEUE_PORTS) {
		const { redis, postgres } = services;
		this.webhookUrl = `http://127.0.0.1:${ports.webhook}`;
		const shared: NodeJS.ProcessEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			// Production webhook URLs (shown in the editor, registered on activation) point at the webhook processor.
			N8N_WEBHOOK_URL: `${this.webhookUrl}/`,
			WEBHOOK_URL: `${this.webhookUrl}/`,
			// JSON lines carry the metadata (executionId, jobId, workerId) the test reads back.
			N8N_LOG_FORMAT: 'json',
		};
		this.main = new N8nInstance(runtime, {
			port: ports.main,
			extraEnv: {
				...shared,
				// Production webhooks go to the webhook processor only; main keeps the editor and test webhooks.
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
				// Manual runs also go to the workers (and n8n stops warning that this will become the default).
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			},
		});
		this.webhook = new N8nInstance(runtime, { port: ports.webhook, extraEnv: shared });
		this.worker = new N8nInstance(runtime, {
			port: ports.worker,
			extraEnv: {
				...shared,
				// The worker serves no API; its health server is how the test knows it is ready.
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(ports.worker),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			},
		});
	}

	get instances(): N8nInstance[] {
		return [this.main, this.worker, this.webhook];
	}

	/** Installs the tarball into each process's own user folder, as every host of a deployment does. */
	async installPackage(tarball: string): Promise<void> {
		await Promise.all(this.instances.map((instance) => instance.installPackage(tarball)));
	}

	/**
	 * Main first: it migrates the database and activates published workflows, which stores their
	 * production webhooks where the webhook processor looks them up. Then the worker and the processor.
	 */
	async start(): Promise<void> {
		this.mainUrl = await this.main.start('start');
		await Promise.all([this.worker.start('worker'), this.webhook.start('webhook')]);
	}

	/** Stops all three (entry points first, the main last) and removes their user folders. */
	async stop(): Promise<void> {
		await Promise.allSettled([this.webhook.stop(), this.worker.stop()]);
		await this.main.stop();
		for (const instance of this.instances) rmSync(instance.userFolder, { recursive: true, force: true });
	}

	logs(): { main: LogLine[]; worker: LogLine[]; webhook: LogLine[] } {
		return { main: parseJsonLog(this.main.serverLog()), worker: parseJsonLog(this.worker.serverLog()), webhook: parseJsonLog(this.webhook.serverLog()) };
	}

	/** The tail of each process's log, for failure messages. */
	describe(chars = 2500): string {
		return (['main', 'worker', 'webhook'] as const)
			.map((name) => `--- ${name} ---\n${this[name].serverLog().slice(-chars)}`)
			.join('\n');
	}
}
