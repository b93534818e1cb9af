/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a developer script, never published: n8n's rules for node code do not apply */
/**
 * `npm run demo`: starts the three vendor sandboxes, a local SMTP catcher and a real n8n with this
 * package installed from its tarball; imports every workflow in workflows/ with credentials that
 * point at the sandboxes; runs the ones with a manual trigger; publishes the ones with a real
 * trigger, feeds them events (Apicbase orders, MBX shipments, low stock) and prints what each did.
 * Then it leaves the n8n editor running. `--once` stops after printing (no editor).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

import {
	loadWorkflow,
	productionWebhookUrl,
	sandboxCredentials,
	waitForWebhook,
	withFastPolling,
	workflowFiles,
} from '../test/e2e/support/fixtures';
import { N8nRest, OWNER } from '../test/e2e/support/rest';
import { N8nInstance, type ExecutionResult } from '../test/e2e/support/instance';
import { packPackage } from '../test/e2e/support/package';
import { ensureN8nRuntime } from '../test/e2e/support/runtime';
import { waitFor } from '../test/e2e/support/sink';
import { SmtpSink } from '../test/e2e/support/smtp';
import { repoRoot } from '../test/helpers/paths';
import { describeSandboxes, startSandboxes, type Sandboxes } from '../test/sandbox/start';

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const PO_SYNC_APICBASE = 'po-sync-apicbase-to-mbx.json';

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

/** Feeds the published workflows real events and prints what they did. */
async function driveTriggers(baseUrl: string, sandboxes: Sandboxes, smtp: SmtpSink): Promise<void> {
	const { apicbase, mbx } = sandboxes;
	const url = productionWebhookUrl(baseUrl, loadWorkflow(PO_SYNC_APICBASE), 'purchase-order');
	await waitForWebhook(url);
	console.log('\n== PO sync: Apicbase to MBX (Apicbase sends 6 signed orders) ==');
	for (let i = 0; i < 6; i++) {
		const sent = await apicbase.sendWebhook({ url, encoding: 'python' });
		const order = JSON.parse(sent.sentBody) as { order_number: string; id: string };
		const created = mbx.orders().find((o) => o.purchase_order === order.order_number);
		if (sent.status !== 200) apicbase.abandonRefusedOrder();
		const outcome = sent.status === 200 ? `accepted, MBX order ${String(created?.id)}` : `refused (${sent.status}): ${(JSON.parse(sent.body) as { reason?: string }).reason}`;
		console.log(`    ${order.order_number}: ${outcome}`);
	}
	const again = apicbase.purchaseOrders().at(-1)!;
	const resent = await apicbase.sendWebhook({ url, orderId: again.id, encoding: 'python' });
	const copies = mbx.orders().filter((o) => o.purchase_order === again.order_number).length;
	console.log(`    ${again.order_number} sent again: answer ${resent.status}, still ${copies} MBX order`);

	console.log('\n== Reorder alerts and shipment sync (polling every minute for the demo) ==');
	const shipments = mbx.orders().filter((o) => /^(OPENBOXES|APICBASE)-/.test(String(o.customer_order)) && o.status === 'pending').slice(0, 2);
	const shippedMails = () => smtp.mails.filter((m) => m.subject.startsWith('Shipped: ')).length;
	// The shipment trigger first notes the orders as they are; ship them once it has.
	await waitFor('the first polls', () => (smtp.mails.length > 0 ? true : undefined), 150_000).catch(() => undefined);
	for (const order of shipments) {
		await mbx.advanceOrder(Number(order.id));
		await mbx.advanceOrder(Number(order.id));
		console.log(`    MBX shipped ${String(order.purchase_order)} (order ${String(order.id)})`);
	}
	await waitFor('the shipment e-mails', () => (shippedMails() >= shipments.length ? true : undefined), 150_000).catch(() => undefined);
	const reorder = smtp.mails.filter((m) => m.subject.startsWith('Reorder '));
	const shipped = smtp.mails.filter((m) => m.subject.startsWith('Shipped: '));
	console.log(`\nReorder alerts e-mailed: ${reorder.length} (one per low product), for example:`);
	for (const mail of reorder.slice(0, 3)) console.log(`    ${mail.subject}`);
	console.log(`Shipment e-mails: ${shipped.length}`);
	for (const mail of shipped) console.log(`    ${mail.subject}: ${mail.text.split('\n').find((line) => line.startsWith('Tracking:')) ?? ''}`);
}

async function main(): Promise<void> {
	const once = process.argv.includes('--once');
	const port = Number(process.env.DEMO_N8N_PORT ?? 5678);

	const sandboxes = await startSandboxes();
	const smtp = new SmtpSink();
	await smtp.start();
	console.log(`Vendor sandboxes:\n${describeSandboxes(sandboxes)}\nSMTP catcher: 127.0.0.1:${smtp.port}\n`);

	const runtime = await ensureN8nRuntime();
	const userFolder = path.join(repoRoot, '.tmp', 'demo-n8n');
	rmSync(userFolder, { recursive: true, force: true });
	const n8n = new N8nInstance(runtime, { userFolder, port });
	console.log('Installing n8n-nodes-supply-chain into n8n from its npm tarball...');
	await n8n.installPackage(packPackage());
	await n8n.importCredentials([
		...sandboxCredentials(sandboxes),
		{ id: 'scSmtp', name: 'SMTP account', type: 'smtp', data: { host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true, user: '', password: '' } },
	]);

	const runnable: Array<{ id: string; name: string }> = [];
	const triggered: string[] = [];
	for (const file of workflowFiles()) {
		const workflow = withFastPolling(loadWorkflow(file));
		await n8n.importWorkflow(workflow);
		const nodes = workflow.nodes as Array<{ type: string }>;
		if (nodes.some((node) => node.type === MANUAL_TRIGGER)) runnable.push(workflow);
		// Workflows started by our triggers are published; the schedule-only ones are run by hand.
		if (nodes.some((node) => /^n8n-nodes-supply-chain\.\w+Trigger$/.test(node.type))) {
			const published = await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
			if (published.code !== 0) throw new Error(`Publishing ${workflow.name} failed: ${published.stderr}`);
			triggered.push(workflow.name);
		}
	}
	console.log(`Imported ${workflowFiles().length} workflows; running ${runnable.length} by hand:`);

	let failures = 0;
	for (const workflow of runnable) {
		const result = await n8n.execute(workflow.id);
		if (!result.ok) failures++;
		report(workflow.name, result);
	}

	const url = await n8n.start();
	// A ready owner account, so the editor opens on its sign-in page instead of a sign-up form.
	await new N8nRest(url).setupOwner();
	console.log(`\nPublished ${triggered.length} trigger workflows: ${triggered.join('; ')}`);
	await driveTriggers(url, sandboxes, smtp);

	if (once) {
		await n8n.stop();
		await Promise.all([sandboxes.stop(), smtp.stop()]);
		process.exit(failures ? 1 : 0);
	}
	console.log(
		`\nn8n editor: ${url.replace('127.0.0.1', 'localhost')}\n` +
			`Sign in as ${OWNER.email} with password ${OWNER.password} (a local demo account); the workflows and the sandbox credentials are already there.\n` +
			'Press Ctrl+C to stop n8n and the sandboxes.',
	);
	const stop = () => {
		void Promise.all([n8n.stop(), sandboxes.stop(), smtp.stop()]).then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(`Demo failed: ${error.message}`);
	process.exit(1);
});
