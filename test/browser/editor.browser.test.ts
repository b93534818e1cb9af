/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * The package as a builder meets it: n8n 2.41's editor in Debian's Chromium, the packed package
 * installed into a real n8n. Every node is added from the nodes panel by searching its name; every
 * resource/operation (and every choice a trigger offers) is picked in its dropdowns, and every
 * parameter n8n's own display rules say belong to that choice must be on screen and editable. One
 * operation per resource then runs from the editor against the sandboxes, and one webhook and one
 * polling trigger are activated from the UI and start executions.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import { loadWorkflow, workflowFiles } from '../e2e/support/fixtures';
import { CUSTOMERS } from '../sandbox/apicbase/seed';
import { APICBASE_DEMO } from '../sandbox/apicbase/server';
import type { WorkflowNode } from '../e2e/support/workflow';
import { Editor, PACKAGE_PREFIX } from './support/editor';
import { expectedParameters, mainAuthField, resourceOperations, triggerChoices } from './support/expected';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(20 * 60 * 1000);

const N8N_PORT = 5701;

let stack: Stack;
let editor: Editor;

const MANUAL: WorkflowNode = {
	id: '0f7c2e5a-1d2b-4c3d-8e4f-000000000001',
	name: 'When clicking ‘Execute workflow’',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** `credential`: the one to pick first (n8n may preselect another, e.g. an OAuth2 one not connected here). */
const ACTION_NODES = [
	{ type: 'mbx', search: 'MBX', credential: 'MBX account' },
	{ type: 'openBoxes', search: 'OpenBoxes', credential: 'OpenBoxes account' },
	{ type: 'apicbase', search: 'Apicbase', credential: 'Apicbase kitchen token' },
	{ type: 'apicbaseSupplier', search: 'Apicbase Supplier', credential: 'Apicbase supplier account' },
];

/** `parent`: the action node n8n's panel groups the trigger under (same name plus "Trigger"). */
const TRIGGERS = [
	{ type: 'mbxTrigger', search: 'MBX', parent: 'mbx' },
	{ type: 'mbxWebhookTrigger', search: 'MBX webhook' },
	{ type: 'openBoxesTrigger', search: 'OpenBoxes', parent: 'openBoxes' },
	{ type: 'openBoxesWebhookTrigger', search: 'OpenBoxes webhook' },
	{ type: 'apicbaseSupplierTrigger', search: 'Apicbase Supplier', parent: 'apicbaseSupplier' },
	{ type: 'apicbaseSupplierPollingTrigger', search: 'Apicbase polling' },
];

const describeType = (type: string): INodeTypeDescription => {
	const description = stack.nodeTypes.get(type);
	if (!description) throw new Error(`n8n does not know ${PACKAGE_PREFIX}${type}`);
	return description;
};

const optionNames = (description: INodeTypeDescription, name: string, resource?: string) =>
	(
		(description.properties.find(
			(property) => property.name === name && (resource === undefined || property.displayOptions?.show?.resource?.includes(resource)),
		)?.options ?? []) as Array<{ name: string }>
	).map((option) => option.name);

beforeAll(async () => {
	// Straight to stderr, so a first run's n8n install progress shows while it happens.
	stack = await startStack(N8N_PORT, (line) => process.stderr.write(`${line}\n`));
	editor = await Editor.open(stack.baseUrl);
	await editor.signIn();
});

afterAll(async () => {
	await editor?.close();
	await stack?.stop();
});

beforeEach(() => {
	// Progress while the suite runs (jest prints console output only at the end).
	process.stderr.write(`[browser] ${new Date().toISOString().slice(11, 19)} ${expect.getState().currentTestName ?? ''}\n`);
});

afterEach(() => {
	// An error our code raised in the browser fails the test that caused it.
	const errors = editor?.ourErrors.splice(0) ?? [];
	expect(errors).toEqual([]);
});

describe('the nodes panel', () => {
	it('finds every node by its name, with its icon', async () => {
		expect([...stack.nodeTypes.keys()].sort()).toEqual([...ACTION_NODES, ...TRIGGERS].map((node) => node.type).sort());
		await editor.openNewWorkflow('Browser: nodes panel', [MANUAL]);
		for (const search of ['MBX', 'AHEAD', 'OpenBoxes', 'Apicbase']) {
			await editor.page.getByTestId('node-creator-plus-button').click();
			await editor.page.getByTestId('node-creator-search-bar').fill(search);
			await editor.page.locator(`[data-keyboard-nav-id^="${PACKAGE_PREFIX}"]`).first().waitFor();
			// Every icon of ours in the panel loaded (a broken one shows n8n's "?" placeholder).
			const icons = await editor.page
				.getByTestId('node-creator')
				.locator(`img[src*="${PACKAGE_PREFIX.slice(0, -1)}"]`)
				.evaluateAll((images) => images.map((image) => ({ src: image.getAttribute('src'), width: (image as unknown as { naturalWidth: number }).naturalWidth })));
			expect(icons.length).toBeGreaterThan(0);
			expect(icons.filter((icon) => icon.width === 0)).toEqual([]);
			if (search === 'Apicbase') await editor.screenshot('nodes-panel-apicbase', editor.page.getByTestId('node-creator'));
			if (search === 'MBX') await editor.screenshot('nodes-panel-mbx', editor.page.getByTestId('node-creator'));
			await editor.page.keyboard.press('Escape');
		}
	});
});

interface StepRun {
	type: string;
	resource: string;
	operation: string;
	/** Credential to pick by name when it is not the one n8n selects by itself. */
	credential?: string;
	/** Dropdowns to set, by parameter name and option name (before the fields are filled). */
	pick?: Record<string, string>;
	fill?: Record<string, string>;
	/** Record pickers to set "By ID". */
	byId?: Record<string, string>;
	/** This run's panel is the node's picture in docs/images. */
	screenshot?: boolean;
}

/** One operation per resource, filled in and run from the editor against the sandboxes. */
const ARTICLE = { third_party_id: 'UI-001', name: 'Crème fraîche 30%', price: 4.25, package_description: { quantity: 500, unit_name: 'ml' } };
const RUNS: StepRun[] = [
	{ type: 'mbx', resource: 'Automation Queue', operation: 'Get Many' },
	{ type: 'mbx', resource: 'Automation Task', operation: 'Notify', fill: { manufacturerSerial: 'MBX24K7Q2N0', ipAddress: '10.20.30.42', sequence: '1', message: 'Sent from the editor' } },
	{ type: 'mbx', resource: 'Automation Task Type', operation: 'Get Many' },
	{ type: 'mbx', resource: 'Country', operation: 'Get Many' },
	{ type: 'mbx', resource: 'Customer Catalog Item', operation: 'Get Many' },
	{ type: 'mbx', resource: 'Inventory', operation: 'Get Many' },
	{ type: 'mbx', resource: 'Invoice', operation: 'Get Many' },
	{ type: 'mbx', resource: 'Item', operation: 'Get Many' },
	{ type: 'mbx', resource: 'Report', operation: 'Get Automation Task Details' },
	{ type: 'mbx', resource: 'Serial Data', operation: 'Get Many' },
	{ type: 'mbx', resource: 'Ship Method', operation: 'Get Many' },
	{ type: 'mbx', resource: 'Customer Order Submission', operation: 'Get Many', screenshot: true },
	{ type: 'openBoxes', resource: 'Inventory', operation: 'Get Low Stock Items' },
	{ type: 'openBoxes', resource: 'Location', operation: 'Get Many' },
	{ type: 'openBoxes', resource: 'Purchase Order', operation: 'Get Many' },
	{ type: 'openBoxes', resource: 'Put-Away', operation: 'Get Candidates' },
	{ type: 'openBoxes', resource: 'Record (Generic API)', operation: 'Get Many', fill: { resourceName: 'category' } },
	{ type: 'openBoxes', resource: 'Stock Movement', operation: 'Get Many' },
	{ type: 'openBoxes', resource: 'User', operation: 'Get Many' },
	{ type: 'openBoxes', resource: 'Product', operation: 'Get Many', screenshot: true },
	{ type: 'apicbase', resource: 'Outlet', operation: 'Get Many' },
	{ type: 'apicbase', resource: 'Stock Item', operation: 'Get Many', fill: { outletId: String(APICBASE_DEMO.outletId) } },
	{ type: 'apicbase', resource: 'Delivery', operation: 'Close Deliveries', byId: { purchaseOrderId: String(APICBASE_DEMO.deliveredPurchaseOrderId) } },
	{ type: 'apicbase', resource: 'Purchase Order', operation: 'Get Many', screenshot: true },
	{ type: 'apicbaseSupplier', resource: 'Customer', operation: 'Get Many' },
	{ type: 'apicbaseSupplier', resource: 'Customer Package', operation: 'Get Many', fill: { customerNumber: CUSTOMERS[0].customerNumber } },
	{
		type: 'apicbaseSupplier',
		resource: 'Assortment File',
		operation: 'Upload',
		pick: { articlesFrom: 'JSON Field' },
		fill: { customerNumber: CUSTOMERS[0].customerNumber, articles: JSON.stringify([ARTICLE]) },
	},
	{ type: 'apicbaseSupplier', resource: 'Purchase Order', operation: 'Get Many', screenshot: true },
];

describe.each(ACTION_NODES)('$type in the editor', ({ type, search, credential }) => {
	it('shows every field of every resource and operation, editable', async () => {
		const description = describeType(type);
		const pairs = resourceOperations(description);
		expect(pairs.length).toBeGreaterThan(0);
		await editor.openNewWorkflow(`Browser: ${type}`, [MANUAL]);
		const first = pairs[0];
		const action = (first.operation as { action?: string }).action ?? first.operation.name;
		const results = await editor.addNodeFromPanel(search, type, action);
		expect(results).toContain(description.displayName);

		// The credential picker offers each credential the node can use (it also sets Authentication).
		const choices = await editor.credentialChoices();
		const usable = (description.credentials ?? []).filter((credential) => !credential.displayOptions?.hide).map((credential) => stack.credentialNames[credential.name]);
		if (mainAuthField(description)) expect(choices.sort()).toEqual(usable.sort());
		else expect(choices).toEqual(expect.arrayContaining(usable));
		await editor.pickCredential(credential);

		// What the panel shows for the action picked in the nodes panel, before anything is changed.
		expect(await editor.unreachable(expectedParameters(description, { resource: first.resource.value, operation: first.operation.value }))).toEqual([]);

		// The Resource dropdown lists every resource once, n8n's own Custom API Call last.
		const resources = await editor.optionNames('resource');
		expect(resources).toEqual(optionNames(description, 'resource'));
		expect(resources.filter((name) => name === 'Custom API Call')).toHaveLength(1);

		const problems: string[] = [];
		let currentResource = first.resource.value;
		for (const { resource, operation } of pairs) {
			if (resource.value !== currentResource) {
				await editor.pick('resource', resource.name);
				currentResource = resource.value;
			}
			await editor.pick('operation', operation.name);
			const expected = expectedParameters(description, { resource: resource.value, operation: operation.value });
			for (const problem of await editor.unreachable(expected)) problems.push(`${resource.name} › ${operation.name}: ${problem}`);
		}
		expect(problems).toEqual([]);

		// One operation per resource, filled in through the UI and run from the editor.
		const ran: Record<string, number> = {};
		for (const run of RUNS.filter((candidate) => candidate.type === type)) {
			const label = `${run.resource} › ${run.operation}`;
			await editor.pick('resource', run.resource);
			await editor.pick('operation', run.operation);
			if (run.credential) await editor.pickCredential(run.credential);
			for (const [parameter, option] of Object.entries(run.pick ?? {})) await editor.pick(parameter, option);
			for (const [parameter, value] of Object.entries(run.fill ?? {})) await editor.fill(parameter, value);
			for (const [parameter, value] of Object.entries(run.byId ?? {})) await editor.fillLocatorById(parameter, value);
			if (run.screenshot) await editor.screenshot(`node-${type}`, editor.ndv);
			ran[label] = await editor.executeStep().catch((error: Error) => {
				throw new Error(`${label}: ${error.message}`);
			});
			if (run.screenshot) await editor.screenshot(`node-${type}-output`, editor.ndv);
		}
		const resourcesRun = new Set(RUNS.filter((candidate) => candidate.type === type).map((candidate) => candidate.resource));
		expect([...resourcesRun].sort()).toEqual([...new Set(pairs.map((pair) => pair.resource.name))].sort());
		expect(Object.entries(ran).filter(([, count]) => count === 0)).toEqual([]);
		await editor.closeNdv();
	});
});

describe.each(TRIGGERS)('$type in the editor', ({ type, search, parent }) => {
	it('is added from the panel and shows every field of every choice, editable', async () => {
		const description = describeType(type);
		await editor.openNewWorkflow(`Browser: ${type}`);
		await editor.page.getByTestId('canvas-plus-button').click();
		await editor.page.getByTestId('node-creator-search-bar').fill(search);
		// n8n groups "X Trigger" under node "X": open the group, then pick the trigger in it.
		const own = editor.page.locator(`[data-keyboard-nav-id^="${PACKAGE_PREFIX}${type}-"]`).first();
		const grouped = editor.page.locator(`[data-keyboard-nav-id^="${PACKAGE_PREFIX}${parent ?? type}-"]`).first();
		await (parent ? grouped : own).click();
		await editor.addFromDetailsPanel();
		const triggerAction = editor.page.locator(`[data-keyboard-nav-type=action][data-keyboard-nav-id^="${PACKAGE_PREFIX}${type}-"]`).first();
		if (!(await editor.ndv.isVisible())) await triggerAction.click();
		await editor.ndv.waitFor();

		const problems: string[] = [];
		const check = async (label: string, values: Record<string, string>) => {
			for (const problem of await editor.unreachable(expectedParameters(description, values))) problems.push(`${label}: ${problem}`);
		};
		await check('defaults', {});
		const nameOf = (parameter: string, value: string) =>
			((description.properties.find((property) => property.name === parameter)?.options ?? []) as Array<{ name: string; value: string }>).find(
				(option) => option.value === value,
			)?.name ?? value;
		for (const { parameter, option, needs } of triggerChoices(description)) {
			const displayName = description.properties.find((property) => property.name === parameter)?.displayName ?? parameter;
			for (const [other, value] of Object.entries(needs)) await editor.pick(other, nameOf(other, value));
			await editor.pick(parameter, option.name);
			await check(`${displayName} = ${option.name}`, { ...needs, [parameter]: option.value });
		}
		// Back to the defaults, for the screenshot (a dropdown hidden by now stays as it was).
		for (const property of description.properties.filter((p) => p.type === 'options' && p.name !== mainAuthField(description)?.name)) {
			const fallback = (property.options as Array<{ name: string; value: unknown }>).find((option) => option.value === property.default);
			if (fallback && (await editor.parameters.getByTestId(`parameter-input-${property.name}`).isVisible())) await editor.pick(property.name, fallback.name);
		}

		if (description.polling) {
			// The fields of a poll time must be editable (n8n hides names the credential choice depends on).
			await editor.parameters.getByTestId('fixed-collection-pollTimes').getByTestId('fixed-collection-add').click();
			await expect(editor.parameters.getByTestId('parameter-input-mode').first().isVisible()).resolves.toBe(true);
		} else {
			// A webhook trigger shows its URLs and listens for a real call instead of fetching a sample.
			await expect(editor.ndv.getByText('Webhook URLs').first().isVisible()).resolves.toBe(true);
			await editor.page.getByTestId('trigger-execute-button').click();
			await editor.ndv.getByText('Listening for test event').first().waitFor();
		}
		expect(problems).toEqual([]);
		expect(description.properties.some((property) => property.name === 'mode')).toBe(false);
		await editor.screenshot(`node-${type}`, editor.ndv);
		await editor.closeNdv();
	});
});

describe('triggers activated from the editor', () => {
	/** The workflow's executions started by its trigger (not the test runs made in the editor). */
	const executionsOf = async (workflowId: string) =>
		(
			await editor.rest<{ results: Array<{ status: string; mode: string }> }>(
				'GET',
				`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
			)
		).results.filter((execution) => execution.mode !== 'manual');

	const publish = async () => {
		await editor.page.getByTestId('workflow-open-publish-modal-button').click();
		await editor.page.getByTestId('workflow-publish-button').click();
		await editor.page.getByTestId('workflowPublish-modal').waitFor({ state: 'hidden' });
	};

	/** n8n may greet a first activation with a dialog; a builder closes it. */
	const closeDialogs = async () => {
		const close = editor.page.locator('.el-overlay-dialog:visible button[aria-label="Close this dialog"]');
		while (await close.first().isVisible()) {
			await close.first().click();
			await editor.page.waitForTimeout(300);
		}
	};

	const waitForExecutions = async (workflowId: string, count: number, timeoutMs: number) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = await executionsOf(workflowId);
			if (executions.length >= count) return executions;
			if (Date.now() > deadline) throw new Error(`${executions.length} executions of ${workflowId} after ${timeoutMs} ms\n${stack.n8n.serverLog().slice(-3000)}`);
			await editor.page.waitForTimeout(1000);
		}
	};

	it('Apicbase Supplier Trigger: listens for a real test call, then runs once per signed order when published', async () => {
		const webhookId = '5f0e7a52-3c1d-4b7e-9a61-0c2d4e6f8a10';
		const workflowId = await editor.openNewWorkflow('Browser: Apicbase orders by webhook', [
			{
				id: '5f0e7a52-0000-4000-8000-000000000001',
				name: 'Apicbase Supplier Trigger',
				type: `${PACKAGE_PREFIX}apicbaseSupplierTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
				webhookId,
				credentials: { apicbaseSupplierApi: { id: 'scApicbaseSupplier', name: stack.credentialNames.apicbaseSupplierApi } },
			},
		]);
		await editor.page.getByTestId('canvas-node').first().dblclick();
		await editor.page.getByTestId('trigger-execute-button').click();
		await editor.ndv.getByText('Listening for test event').first().waitFor();
		const testCall = async () => await stack.sandboxes.apicbase.sendWebhook({ url: `${stack.baseUrl}/webhook-test/${webhookId}/purchase-order` });
		// The test URL exists once the editor is listening; the sandbox signs and sends a new order.
		let answer = await testCall();
		for (let attempt = 0; answer.status === 404 && attempt < 20; attempt++) {
			await editor.page.waitForTimeout(500);
			answer = await testCall();
		}
		expect(answer.status).toBe(200);
		await expect(editor.page.getByTestId('output-panel').getByTestId('ndv-items-count').innerText()).resolves.toMatch(/^\s*1 item\b/);
		await editor.screenshot('node-apicbaseSupplierTrigger-test-event', editor.ndv);
		await editor.closeNdv();

		await publish();
		const production = `${stack.baseUrl}/webhook/${webhookId}/purchase-order`;
		let sent = await stack.sandboxes.apicbase.sendWebhook({ url: production });
		for (let attempt = 0; sent.status === 404 && attempt < 40; attempt++) {
			await editor.page.waitForTimeout(500);
			sent = await stack.sandboxes.apicbase.sendWebhook({ url: production });
		}
		expect(sent.status).toBe(200);
		const forged = await stack.sandboxes.apicbase.sendWebhook({ url: production, tamper: 'signature' });
		expect(forged.status).toBe(401);
		const executions = await waitForExecutions(workflowId, 1, 30_000);
		await editor.page.waitForTimeout(2000);
		expect((await executionsOf(workflowId)).length).toBe(1);
		expect(executions[0].status).toBe('success');
	});

	it('OpenBoxes Trigger: a poll time set in the editor, published, starts an execution', async () => {
		const workflowId = await editor.openNewWorkflow('Browser: OpenBoxes reorder alerts by polling', [
			{
				id: '5f0e7a52-0000-4000-8000-000000000002',
				name: 'OpenBoxes Trigger',
				type: `${PACKAGE_PREFIX}openBoxesTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { event: 'inventory.belowReorderPoint' },
				credentials: { openBoxesApi: { id: 'scOpenBoxes', name: stack.credentialNames.openBoxesApi } },
			},
		]);
		await editor.page.getByTestId('canvas-node').first().dblclick();
		await editor.ndv.waitFor();
		// Poll Times set through its own fields: every minute, the shortest n8n allows.
		const pollTimes = editor.parameters.getByTestId('fixed-collection-pollTimes');
		await pollTimes.getByTestId('fixed-collection-add').click();
		await editor.pick('mode', 'Every Minute', { last: true });
		await editor.screenshot('node-openBoxesTrigger', editor.ndv);
		await editor.closeNdv();
		await publish();
		const [execution] = await waitForExecutions(workflowId, 1, 150_000);
		expect(execution.status).toBe('success');
		await closeDialogs();
		await editor.page.getByTestId('radio-button-executions').click();
		await editor.screenshot('executions-openBoxesTrigger');
		await editor.page.getByTestId('radio-button-workflow').click();
	});
});

describe('the shipped workflows in the editor', () => {
	it.each(workflowFiles())('%s opens with every node known, its icon loaded and no issue badge', async (file) => {
		const workflow = loadWorkflow(file);
		// n8n serves every node type of ours the workflow uses; a "…Tool" type is n8n's AI-tool twin of one (the canvas check below sees it is known).
		const ours = (workflow.nodes as Array<{ type: string }>).filter((node) => node.type.startsWith(PACKAGE_PREFIX));
		expect(ours.filter((node) => !stack.nodeTypes.has(node.type.slice(PACKAGE_PREFIX.length).replace(/Tool$/, '')))).toEqual([]);
		await editor.openWorkflow(workflow.id);
		await editor.page.getByTestId('zoom-to-fit').click();
		const nodes = editor.page.getByTestId('canvas-node');
		await expect(nodes.count()).resolves.toBe((workflow.nodes as Array<{ type: string }>).filter((node) => node.type !== 'n8n-nodes-base.stickyNote').length);
		const icons = await editor.page
			.locator(`[data-test-id=canvas-node] img[src*="${PACKAGE_PREFIX.slice(0, -1)}"]`)
			.evaluateAll((images) => images.map((image) => (image as unknown as { naturalWidth: number }).naturalWidth));
		expect(icons.filter((width) => width === 0)).toEqual([]);
		// n8n draws "?" for a node type it does not know and a warning badge for node issues.
		await expect(editor.page.locator('[data-test-id=canvas-node] [data-test-id=node-unknown], [data-test-id=canvas-node-status-issues]').count()).resolves.toBe(0);
		await editor.screenshot(`workflow-${file.replace(/\.json$/, '')}`, editor.page.getByTestId('canvas-wrapper'));
	});
});

