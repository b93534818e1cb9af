/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * The ready-made workflows in workflows/ as users get them: imported with n8n's CLI, credentials
 * pointed at the sandboxes, published, and run by their real triggers. The effects are read from
 * the sandboxes' state (orders created once, answers Apicbase saw, e-mails the SMTP sink got).
 */
import type { Sandboxes } from '../sandbox/start';
import { loadWorkflow, productionWebhookUrl, sandboxCredentials, startE2eSandboxes, waitForWebhook, withFastPolling, workflowFiles } from './support/fixtures';
import { N8nInstance, type ExecutionResult } from './support/instance';
import { expectNoSecretsLeaked, sandboxSecrets } from './support/leaks';
import { MCP_CREDENTIAL } from './support/mcp';
import { packPackage } from './support/package';
import { N8nRest } from './support/rest';
import { ensureN8nRuntime } from './support/runtime';
import { waitFor as waitUntil } from './support/sink';
import { SmtpSink } from './support/smtp';

jest.setTimeout(30 * 60 * 1000);

const N8N_PORT = 5697;
const PO_SYNC_APICBASE = 'po-sync-apicbase-to-mbx.json';
const REORDER_ALERTS = 'reorder-alerts-openboxes.json';
const PO_SYNC_OPENBOXES = 'po-sync-openboxes-to-mbx.json';
const SHIPMENT_SYNC = 'shipment-sync-mbx.json';

let sandboxes: Sandboxes;
let n8n: N8nInstance;
let rest: N8nRest;
const smtp = new SmtpSink();

function waitFor<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
	return waitUntil(what, check, timeoutMs, () => n8n.serverLog().slice(-4000));
}

const webhookUrl = (file: string, path: string) => productionWebhookUrl(rest.baseUrl, loadWorkflow(file), path);
const waitForRegistration = (url: string) => waitForWebhook(url, () => n8n.serverLog().slice(-3000));

async function run(workflowId: string): Promise<ExecutionResult> {
	return await n8n.executeOrThrow(workflowId);
}

beforeAll(async () => {
	await smtp.start();
	sandboxes = await startE2eSandboxes();
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: N8N_PORT });
	await n8n.installPackage(packPackage());
	await n8n.importCredentials([
		...sandboxCredentials(sandboxes),
		{ id: 'scSmtp', name: 'SMTP account', type: 'smtp', data: { host: '127.0.0.1', port: smtp.port, secure: false, disableStartTls: true, user: '', password: '' } },
	]);
	for (const file of [PO_SYNC_APICBASE, REORDER_ALERTS, SHIPMENT_SYNC]) {
		const workflow = withFastPolling(loadWorkflow(file));
		await n8n.importWorkflow(workflow);
		await n8n.cliOrThrow(['publish:workflow', `--id=${workflow.id}`]);
	}
	rest = new N8nRest(await n8n.start());
	await rest.setupOwner();
});

afterAll(async () => {
	await n8n?.stop();
	await sandboxes?.stop();
	await smtp.stop();
});

describe('every shipped workflow', () => {
	it('uses only node types and credential types this n8n has, with credentials by name and no secrets', async () => {
		const nodeTypes = (await rest.get('/types/nodes.json')) as Array<{ name: string; version: number | number[] }>;
		const credentialTypes = (await rest.get('/types/credentials.json')) as Array<{ name: string }>;
		const known = new Set(nodeTypes.flatMap((t) => (Array.isArray(t.version) ? t.version : [t.version]).map((v) => `${t.name}@${v}`)));
		const credentialNames = new Set(credentialTypes.map((c) => c.name));
		const imported = new Map(sandboxCredentials(sandboxes).map((c) => [c.id, c.name]));
		imported.set('scSmtp', 'SMTP account');
		// The MCP server workflow's Bearer Auth credential, which mcp.e2e.test.ts imports.
		imported.set(MCP_CREDENTIAL.id, MCP_CREDENTIAL.name);
		for (const file of workflowFiles()) {
			const text = JSON.stringify(loadWorkflow(file));
			for (const secret of ['demo-secret-token', 'demo-supplier-secret', '"password"']) expect(text).not.toContain(secret);
			for (const node of loadWorkflow(file).nodes as Array<{ type: string; typeVersion: number; credentials?: Record<string, { id: string; name: string }> }>) {
				expect(`${file}: ${node.type}@${node.typeVersion} ${known.has(`${node.type}@${node.typeVersion}`)}`).toBe(`${file}: ${node.type}@${node.typeVersion} true`);
				for (const [type, ref] of Object.entries(node.credentials ?? {})) {
					expect(credentialNames.has(type)).toBe(true);
					expect(imported.get(ref.id)).toBe(ref.name);
				}
			}
		}
	});
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
			if (answer.status !== 200) apicbase.abandonRefusedOrder();
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

	// Find MBX Order looks the order up by purchase order (limit 1). A server that ignored the filter
	// would hand back some other order, and the new order would be accepted but never created.
	it.each(['ignore', 'refuse'] as const)('still creates each new order once when MBX %ss filter keys', async (behaviour) => {
		const { apicbase } = sandboxes;
		const url = webhookUrl(PO_SYNC_APICBASE, 'purchase-order');
		await waitForRegistration(url);
		sandboxes.mbx.configure({ filterBehaviour: behaviour });
		try {
			let accepted: Sent['order'] | undefined;
			for (let i = 0; i < 40 && !accepted; i++) {
				const answer = await apicbase.sendWebhook({ url, encoding: 'python' });
				if (answer.status === 200) accepted = JSON.parse(answer.sentBody) as Sent['order'];
				else apicbase.abandonRefusedOrder();
			}
			if (!accepted) throw new Error(`Apicbase got no 200\n${n8n.serverLog().slice(-3000)}`);
			expect(mbxOrdersFor(accepted.order_number)).toHaveLength(1);
			expect(mbxOrdersFor(accepted.order_number)[0]).toMatchObject({ customer_order: `APICBASE-${accepted.id}` });

			const again = await apicbase.sendWebhook({ url, orderId: accepted.id, encoding: 'python' });
			expect(again.status).toBe(200);
			expect(mbxOrdersFor(accepted.order_number)).toHaveLength(1);
		} finally {
			sandboxes.mbx.configure({ filterBehaviour: 'honour' });
		}
	});
});

describe('Reorder alerts: OpenBoxes to e-mail', () => {
	const reorderPolls = () => sandboxes.openBoxes.requests.filter((r) => r.path.includes('/inventories/reorderReport') && !r.target.includes('offset=1')).length;
	const alertsFor = (productCode: unknown) => smtp.mails.filter((m) => m.subject.includes(`(${String(productCode)})`));

	it('e-mails one alert per low product with a suggested quantity, and never the same product twice', async () => {
		const ob = sandboxes.openBoxes;
		const alreadyBelow = ob.reorderReportItems('BELOW_REORDER');
		expect(alreadyBelow.length).toBeGreaterThan(0);

		// Poll 1 (on activation): one e-mail per product already at or below its reorder point.
		await waitFor('the first poll', () => reorderPolls() >= 1 || undefined, 150_000);
		await waitFor('the first alerts', () => smtp.mails.length >= alreadyBelow.length || undefined, 60_000);
		for (const item of alreadyBelow) {
			const [mail, ...repeats] = alertsFor(item.product.productCode);
			expect(repeats).toHaveLength(0);
			expect(mail.to).toEqual(['purchasing@example.com']);
			expect(mail.subject).toMatch(new RegExp(`^Reorder .+ \\(${item.product.productCode}\\): order \\d+$`));
			expect(mail.text).toContain('Suggested order quantity:');
		}

		// A product drops below its reorder point: poll 2 alerts it, and only it.
		const below = new Set(alreadyBelow.map((item) => String(item.product.id)));
		const level = ob
			.inventoryLevels()
			.find((l) => (l.reorderQuantity ?? 0) > 2 && !below.has(String(l.product.id)) && ob.reorderReportItems('ALL_PRODUCTS').some((i) => i.product.id === l.product.id))!;
		const product = ob.products().find((p) => String(p.id) === String(level.product.id))!;
		ob.setQuantityOnHand(String(level.product.id), level.reorderQuantity! - 1);
		const pollsSoFar = reorderPolls();
		await waitFor('the next poll', () => reorderPolls() > pollsSoFar || undefined, 150_000);
		await waitFor('the new alert', () => alertsFor(product.productCode).length === 1 || undefined, 60_000);
		expect(alertsFor(product.productCode)[0].text).toMatch(/Available now: \d+/);

		// One more poll: nothing is sent again.
		const pollsNow = reorderPolls();
		await waitFor('one more poll', () => reorderPolls() > pollsNow || undefined, 150_000);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(smtp.mails).toHaveLength(alreadyBelow.length + 1);
	});
});

describe('PO sync: OpenBoxes to MBX', () => {
	const numbers = (items: Array<Record<string, unknown>> | undefined) => (items ?? []).map((item) => String(item.purchaseOrder ?? item.orderNumber ?? item.purchase_order)).sort();

	it('sends placed orders to MBX once, holds back orders with unmapped products, and sends them once mapped', async () => {
		const shipped = loadWorkflow(PO_SYNC_OPENBOXES);
		const mapNode = (shipped.nodes as Array<{ name: string; parameters: { jsCode?: string } }>).find((node) => node.name === 'Map to MBX')!;
		// The same workflow with one product left out of its table, as a user would start.
		const firstMapping = /\n {2}'([^']+)': '[^']+', \/\/ [^\n]*/.exec(mapNode.parameters.jsCode!)!;
		const incomplete = structuredClone(shipped);
		(incomplete.nodes as Array<{ name: string; parameters: { jsCode?: string } }>).find((node) => node.name === 'Map to MBX')!.parameters.jsCode = mapNode.parameters.jsCode!.replace(firstMapping[0], '');
		await n8n.importWorkflow({ ...incomplete, id: 'scPoSyncObIncomplete', name: 'PO sync (a product not mapped yet)' });
		await n8n.importWorkflow(shipped);

		const first = (await run('scPoSyncObIncomplete')).nodes;
		// A line without a unit price is held back too: MBX declares that value to customs.
		const unpriced = (items: Array<Record<string, unknown>> | undefined) => numbers((items ?? []).filter((item) => String(item.reason).startsWith('No unit price')));
		const unmapped = (first['Needs Product Codes'] ?? []).filter((item) => !String(item.reason).startsWith('No unit price'));
		const heldBack = numbers(unmapped);
		const sentFirst = numbers(first['Sent to MBX']);
		expect(heldBack.length).toBeGreaterThan(0);
		expect(sentFirst.length).toBeGreaterThan(0);
		expect(unmapped.every((item) => String(item.reason).includes(firstMapping[1]))).toBe(true);
		for (const orderNumber of heldBack) expect(sandboxes.mbx.orders().filter((o) => o.purchase_order === orderNumber)).toHaveLength(0);

		// With the product mapped, the held-back orders go (unless they also lack a price); the others are found in MBX.
		const second = (await run(shipped.id)).nodes;
		const stillUnpriced = unpriced(second['Needs Product Codes']);
		expect(numbers(second['Needs Product Codes'])).toEqual(stillUnpriced);
		const sentSecond = heldBack.filter((orderNumber) => !stillUnpriced.includes(orderNumber));
		expect(sentSecond.length).toBeGreaterThan(0);
		expect(numbers(second['Sent to MBX'])).toEqual(sentSecond);
		expect(numbers(second['Already in MBX'])).toEqual(sentFirst);

		// A third run changes nothing, also when MBX would take the same purchase order twice.
		sandboxes.mbx.configure({ uniquePurchaseOrders: false });
		const before = sandboxes.mbx.orders().length;
		const third = (await run(shipped.id)).nodes;
		sandboxes.mbx.configure({ uniquePurchaseOrders: true });
		const sent = [...sentSecond, ...sentFirst].sort();
		expect(third['Sent to MBX'] ?? []).toHaveLength(0);
		expect(numbers(third['Already in MBX'])).toEqual(sent);
		expect(sandboxes.mbx.orders().length).toBe(before);
		for (const orderNumber of sent) {
			const orders = sandboxes.mbx.orders().filter((o) => o.purchase_order === orderNumber);
			expect(orders).toHaveLength(1);
			expect(orders[0]).toMatchObject({ recipient: { city: 'Boston', country: 'US' } });
			expect(String(orders[0].customer_order)).toMatch(/^OPENBOXES-/);
			expect(orders[0].lines.every((line) => Number(line.customs_declared_value) > 0)).toBe(true);
		}
		for (const orderNumber of stillUnpriced) expect(sandboxes.mbx.orders().filter((o) => o.purchase_order === orderNumber)).toHaveLength(0);
	});
});

describe('Shipment sync: MBX to OpenBoxes, with an e-mail', () => {
	const mbxPolls = () => sandboxes.mbx.requests.filter((r) => r.path.startsWith('/v2/customer_order_submissions') && r.method === 'GET' && !/\/\d+$/.test(r.path)).length;
	const shipmentMails = () => smtp.mails.filter((m) => m.subject.startsWith('Shipped: '));

	it('records each shipped OpenBoxes order as an inbound shipment with its tracking number, and e-mails once per shipment', async () => {
		const { mbx, apicbase, openBoxes } = sandboxes;
		// Orders from both PO sync workflows: run the OpenBoxes one (safe to repeat), and have Apicbase send one.
		await n8n.importWorkflow(loadWorkflow(PO_SYNC_OPENBOXES));
		await run(loadWorkflow(PO_SYNC_OPENBOXES).id);
		const url = webhookUrl(PO_SYNC_APICBASE, 'purchase-order');
		await waitForRegistration(url);
		let fromApicbase: string | undefined;
		const answers: string[] = [];
		for (let i = 0; i < 40 && !fromApicbase; i++) {
			const sent = await apicbase.sendWebhook({ url, encoding: 'python' });
			answers.push(`${sent.status} ${sent.body}`);
			if (sent.status !== 200) apicbase.abandonRefusedOrder();
			if (sent.status === 200) fromApicbase = (JSON.parse(sent.sentBody) as { order_number: string }).order_number;
		}
		if (!fromApicbase) throw new Error(`Apicbase got no 200: ${answers.slice(-3).join(' | ')}\n${n8n.serverLog().slice(-3000)}`);
		const openBoxesOrder = mbx.orders().find((o) => String(o.customer_order).startsWith('OPENBOXES-') && o.status === 'pending')!;
		const apicbaseOrder = mbx.orders().find((o) => o.purchase_order === fromApicbase)!;
		expect(apicbaseOrder.status).toBe('pending');

		// Ship both after the trigger has seen them pending.
		const polls = mbxPolls();
		await waitFor('an MBX poll', () => mbxPolls() > polls || undefined, 150_000);
		const mailsBefore = shipmentMails().length;
		for (const order of [openBoxesOrder, apicbaseOrder]) {
			await mbx.advanceOrder(Number(order.id));
			await mbx.advanceOrder(Number(order.id));
		}
		const shipped = new Map(mbx.orders().map((o) => [o.id, o]));
		const trackingOf = (id: unknown) => ((shipped.get(id as number)?.tracking_numbers ?? []) as Array<{ tracking_number: string }>).map((t) => t.tracking_number).join(', ');
		expect(trackingOf(openBoxesOrder.id)).not.toBe('');

		await waitFor('two shipment e-mails', () => shipmentMails().length >= mailsBefore + 2 || undefined, 150_000);
		const mails = shipmentMails().slice(mailsBefore);
		const mailFor = (order: { purchase_order?: unknown; id?: unknown }) => mails.find((m) => m.subject === `Shipped: ${String(order.purchase_order)} (MBX order ${String(order.id)})`);
		expect(mailFor(openBoxesOrder)?.text).toContain(`Tracking: ${trackingOf(openBoxesOrder.id)}`);
		expect(mailFor(openBoxesOrder)?.text).toContain('Recorded in OpenBoxes as an inbound shipment.');
		expect(mailFor(apicbaseOrder)?.text).toContain('Apicbase has no place for tracking numbers');
		expect(mailFor(apicbaseOrder)?.to).toEqual(['logistics@example.com']);

		const inbound = openBoxes.stockMovements().filter((m) => String(m.description ?? m.name ?? '').includes(`MBX shipment ${String(openBoxesOrder.id)} `));
		expect(inbound).toHaveLength(1);
		expect(JSON.stringify(inbound[0])).toContain(trackingOf(openBoxesOrder.id));

		// Another poll later: nothing is sent or recorded again.
		const pollsNow = mbxPolls();
		await waitFor('one more poll', () => mbxPolls() > pollsNow || undefined, 150_000);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(shipmentMails()).toHaveLength(mailsBefore + 2);
	});
});

it('leaks no secret or token of the sandboxes or the credentials into n8n\'s logs, database or files', async () => {
	await n8n.stop();
	await expectNoSecretsLeaked(n8n, sandboxSecrets(sandboxes));
});
