/**
 * The ready-made workflows in workflows/ as users get them: imported with n8n's CLI, credentials
 * pointed at the sandboxes, published, and run by their real triggers. The effects are read from
 * the sandboxes' state (orders created once, answers Apicbase saw, e-mails the SMTP sink got).
 */
import { startSandboxes, type Sandboxes } from '../sandbox/start';
import { loadWorkflow, sandboxCredentials } from './support/fixtures';
import { N8nInstance } from './support/instance';
import { packPackage } from './support/package';
import { N8nRest } from './support/rest';
import { ensureN8nRuntime } from './support/runtime';
import { waitFor as waitUntil } from './support/sink';

jest.setTimeout(30 * 60 * 1000);

const N8N_PORT = 5697;
const PO_SYNC_APICBASE = 'po-sync-apicbase-to-mbx.json';

let sandboxes: Sandboxes;
let n8n: N8nInstance;
let rest: N8nRest;

function waitFor<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
	return waitUntil(what, check, timeoutMs, () => n8n.serverLog().slice(-4000));
}

/** The production URL of a workflow's webhook trigger, from the file users import. */
function webhookUrl(file: string, path: string): string {
	const nodes = loadWorkflow(file).nodes as Array<{ webhookId?: string }>;
	const webhookId = nodes.find((node) => node.webhookId)?.webhookId;
	return `${rest.baseUrl}/webhook/${webhookId}/${path}`;
}

/** Activation registers production webhooks after the REST API answers: probe until it exists. */
async function waitForRegistration(url: string): Promise<void> {
	for (let probe = 0; ; probe++) {
		const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
		if (answer.status !== 404) return;
		if (probe > 120) throw new Error(`The webhook was never registered\n${n8n.serverLog().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

beforeAll(async () => {
	sandboxes = await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 });
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: N8N_PORT });
	await n8n.installPackage(packPackage());
	await n8n.importCredentials(sandboxCredentials(sandboxes));
	for (const file of [PO_SYNC_APICBASE]) {
		const workflow = loadWorkflow(file);
		await n8n.importWorkflow(workflow);
		const published = await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
		if (published.code !== 0) throw new Error(`publish ${file} failed: ${published.stderr}`);
	}
	rest = new N8nRest(await n8n.start());
	await rest.setupOwner();
});

afterAll(async () => {
	await n8n?.stop();
	await sandboxes?.stop();
});

describe('PO sync: Apicbase to MBX', () => {
	type Sent = { status: number; body: string; order: { id: string; order_number: string; packages: Array<{ supplier_package: { supplier_article_number: string } }> } };
	const notAtMbx = ['001222', '001259', '001444', '001481'];
	const mbxOrdersFor = (orderNumber: string) => sandboxes.mbx.orders().filter((o) => o.purchase_order === orderNumber);

	it('creates one MBX order per accepted order, refuses what MBX cannot ship, and creates nothing twice', async () => {
		const { apicbase } = sandboxes;
		const url = webhookUrl(PO_SYNC_APICBASE, 'purchase-order');
		await waitForRegistration(url);

		// New orders until both answers were seen: some hold an article the table leaves out.
		const sent: Sent[] = [];
		const hasUnshippable = (s: Sent) => s.order.packages.some((p) => notAtMbx.includes(p.supplier_package.supplier_article_number));
		while (sent.length < 40 && !(sent.filter(hasUnshippable).length > 0 && sent.filter((s) => !hasUnshippable(s)).length >= 3)) {
			const answer = await apicbase.sendWebhook({ url, encoding: 'python' });
			sent.push({ status: answer.status, body: answer.body, order: JSON.parse(answer.sentBody) });
		}
		const refused = sent.filter(hasUnshippable);
		const accepted = sent.filter((s) => !hasUnshippable(s));
		expect(refused.length).toBeGreaterThan(0);
		for (const s of refused) {
			expect(s.status).toBe(422);
			const answer = JSON.parse(s.body) as { status: string; reason: string };
			expect(answer.status).toBe('refused');
			expect(answer.reason).toMatch(/We cannot deliver .*\(article 00(1222|1259|1444|1481)\)/);
			expect(mbxOrdersFor(s.order.order_number)).toHaveLength(0);
		}
		for (const s of accepted) {
			expect({ order: s.order.order_number, status: s.status, body: s.body }).toEqual({ order: s.order.order_number, status: 200, body: '{"status":"accepted"}' });
			const [mbxOrder] = mbxOrdersFor(s.order.order_number);
			expect(mbxOrdersFor(s.order.order_number)).toHaveLength(1);
			expect(mbxOrder).toMatchObject({ customer_order: `APICBASE-${s.order.id}`, status: 'pending' });
			expect((mbxOrder.lines as unknown[]).length).toBe(s.order.packages.length);
		}

		// Apicbase sends the accepted orders again: each is accepted, and no second MBX order appears.
		const mbxCount = sandboxes.mbx.orders().length;
		for (const s of accepted) {
			const again = await apicbase.sendWebhook({ url, orderId: s.order.id, encoding: 'python' });
			expect(again.status).toBe(200);
			expect(mbxOrdersFor(s.order.order_number)).toHaveLength(1);
		}
		expect(sandboxes.mbx.orders().length).toBe(mbxCount);

		// Marked as viewed once Apicbase holds the accepted order; refused orders never reached Apicbase's list.
		const known = () => new Map(apicbase.purchaseOrders().map((o) => [o.id, o]));
		await waitFor('accepted orders marked viewed', () => accepted.every((s) => known().get(s.order.id)?.viewed_by_supplier === true) || undefined, 60_000);
		expect(refused.every((s) => !known().has(s.order.id))).toBe(true);
	});
});
