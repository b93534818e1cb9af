/**
 * `npm run demo`: starts the three vendor sandboxes and a real n8n with this package installed
 * from its tarball, imports the workflows in workflows/ with credentials that point at the
 * sandboxes, runs every workflow that starts with a manual trigger, prints what each node
 * returned, and leaves the n8n editor running. `--once` stops after printing (no editor).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

import { N8nInstance, type ExecutionResult } from '../test/e2e/support/instance';
import { loadWorkflow, sandboxCredentials, workflowFiles } from '../test/e2e/support/fixtures';
import { packPackage } from '../test/e2e/support/package';
import { ensureN8nRuntime } from '../test/e2e/support/runtime';
import { repoRoot } from '../test/helpers/paths';
import { describeSandboxes, startSandboxes } from '../test/sandbox/start';

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

function preview(item: Record<string, unknown> | undefined): string {
	if (!item) return '';
	const text = JSON.stringify(item);
	return text.length > 110 ? `${text.slice(0, 107)}...` : text;
}

function report(name: string, result: ExecutionResult): void {
	console.log(`\n${result.ok ? 'OK ' : 'ERR'} ${name}`);
	for (const [node, items] of Object.entries(result.nodes)) {
		if (node.startsWith('When clicking')) continue;
		console.log(`    ${node}: ${items.length} item${items.length === 1 ? '' : 's'}  ${preview(items[0])}`);
	}
	if (!result.ok) console.log(`    error: ${result.error?.message ?? 'see n8n output'} ${result.error?.description ?? ''}`);
}

async function main(): Promise<void> {
	const once = process.argv.includes('--once');
	const port = Number(process.env.DEMO_N8N_PORT ?? 5678);

	const sandboxes = await startSandboxes();
	console.log(`Vendor sandboxes:\n${describeSandboxes(sandboxes)}\n`);

	const runtime = await ensureN8nRuntime();
	const userFolder = path.join(repoRoot, '.tmp', 'demo-n8n');
	rmSync(userFolder, { recursive: true, force: true });
	const n8n = new N8nInstance(runtime, { userFolder, port });
	console.log('Installing n8n-nodes-supply-chain into n8n from its npm tarball...');
	await n8n.installPackage(packPackage());
	await n8n.importCredentials(sandboxCredentials(sandboxes));

	const runnable: Array<{ id: string; name: string }> = [];
	for (const file of workflowFiles()) {
		const workflow = loadWorkflow(file);
		await n8n.importWorkflow(workflow);
		const nodes = workflow.nodes as Array<{ type: string }>;
		if (nodes.some((node) => node.type === MANUAL_TRIGGER)) runnable.push(workflow);
	}
	console.log(`Imported ${workflowFiles().length} workflows; running ${runnable.length} of them:`);

	let failures = 0;
	for (const workflow of runnable) {
		const result = await n8n.execute(workflow.id);
		if (!result.ok) failures++;
		report(workflow.name, result);
	}

	if (once) {
		await sandboxes.stop();
		process.exit(failures ? 1 : 0);
	}

	const url = await n8n.start();
	console.log(
		`\nn8n editor: ${url.replace('127.0.0.1', 'localhost')}\n` +
			'Create the owner account on first visit; the workflows and the sandbox credentials are already there.\n' +
			'Press Ctrl+C to stop n8n and the sandboxes.',
	);
	const stop = () => {
		void Promise.all([n8n.stop(), sandboxes.stop()]).then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(`Demo failed: ${error.message}`);
	process.exit(1);
});
