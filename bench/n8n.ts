/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a benchmark, never published: n8n's rules for node code do not apply */
/**
 * The real n8n the benchmark measures: n8n 2.41.0 with the packed package installed, credentials
 * pointing at the sandboxes, an owner signed in over REST. Workflows run as the editor runs them
 * (`POST /rest/workflows/:id/run`) inside the one `n8n start` process, so its memory can be watched
 * and each node's own execution time read from the saved run.
 */
import { readFileSync } from 'node:fs';

import { sandboxCredentials } from '../test/e2e/support/fixtures';
import { N8nInstance, type CredentialImport } from '../test/e2e/support/instance';
import { packPackage } from '../test/e2e/support/package';
import { N8nRest, unflatten } from '../test/e2e/support/rest';
import { ensureN8nRuntime } from '../test/e2e/support/runtime';
import type { Sandboxes } from '../test/sandbox/start';

export interface BenchN8n {
	n8n: N8nInstance;
	rest: N8nRest;
	baseUrl: string;
	stop(): Promise<void>;
}

type Workflow = Record<string, unknown> & { id: string };

/** Imports the workflows before n8n starts, and publishes those that start from a webhook. */
export async function startBenchN8n(
	sandboxes: Sandboxes,
	port: number,
	extraCredentials: CredentialImport[],
	workflows: Workflow[],
	log: (line: string) => void,
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<BenchN8n> {
	// Info, not the e2e suites' debug: logging every request would be measured too.
	const n8n = new N8nInstance(await ensureN8nRuntime(log), { port, extraEnv: { N8N_LOG_LEVEL: 'info', ...extraEnv } });
	log('Installing the packed package into n8n...');
	await n8n.installPackage(packPackage());
	await n8n.importCredentials([...sandboxCredentials(sandboxes), ...extraCredentials]);
	await n8n.importWorkflows(workflows);
	const startsByHand = (workflow: Workflow) => (workflow.nodes as Array<{ type: string }>).some((node) => node.type.endsWith('.manualTrigger'));
	for (const workflow of workflows.filter((w) => !startsByHand(w))) {
		await n8n.cliOrThrow(['publish:workflow', `--id=${workflow.id}`]);
	}
	const baseUrl = await n8n.start();
	const rest = new N8nRest(baseUrl);
	await rest.setupOwner();
	return { n8n, rest, baseUrl, stop: async () => await n8n.stop() };
}

export interface NodeRun {
	executionTime: number;
	items: number;
}

/**
 * Runs a workflow from its manual trigger in the running n8n and waits for it to end. Returns
 * each node's execution time (n8n's own figure for its first run) and output item count.
 */
export async function runInN8n(bench: BenchN8n, workflowId: string, trigger: string, timeoutMs = 30 * 60_000): Promise<Record<string, NodeRun>> {
	const started = (await bench.rest.post(`/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } })) as { executionId?: string };
	if (!started.executionId) throw new Error(`n8n started no execution: ${JSON.stringify(started)}`);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = (await bench.rest.get(`/rest/executions/${started.executionId}`)) as { status?: string; finished?: boolean; data?: string };
		if (execution.status && !['new', 'running', 'waiting'].includes(execution.status)) {
			const data = unflatten(String(execution.data)) as {
				resultData?: { error?: { message?: string }; runData?: Record<string, Array<{ executionTime?: number; data?: { main?: unknown[][] } }>> };
			};
			if (execution.status !== 'success') throw new Error(`Execution ${started.executionId} ended ${execution.status}: ${data.resultData?.error?.message ?? ''}`);
			return Object.fromEntries(
				Object.entries(data.resultData?.runData ?? {}).map(([node, runs]) => [
					node,
					{ executionTime: runs[0]?.executionTime ?? 0, items: (runs[0]?.data?.main?.[0] ?? []).length },
				]),
			);
		}
		if (Date.now() > deadline) throw new Error(`Execution ${started.executionId} still ${execution.status} after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Resident memory of a process (Linux /proc), in bytes. */
export function residentBytes(pid: number): number {
	const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return kb ? Number(kb[1]) * 1024 : 0;
}

/** Samples a process's resident memory every 20 ms while `work` runs; the peak and the samples. */
export async function peakResidentDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakBytes: number }> {
	let peakBytes = residentBytes(pid);
	const timer = setInterval(() => (peakBytes = Math.max(peakBytes, residentBytes(pid))), 20);
	try {
		const result = await work();
		return { result, peakBytes: Math.max(peakBytes, residentBytes(pid)) };
	} finally {
		clearInterval(timer);
	}
}
