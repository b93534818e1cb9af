/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, never published: n8n's rules for node code do not apply */
/**
 * The shipped MCP server workflow (workflows/mcp-supply-chain-assistant.json) in a real n8n, used
 * by the official MCP client SDK the way an assistant would, without a language model: the tools
 * it lists, each tool called against the sandboxes, the write tools changing the vendor's data,
 * wrong arguments answered with a tool error, and calls without the bearer token refused.
 * Also one of our nodes run as a tool by n8n's Tool Executor, the AI Agent's tool path.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index';

import type { Sandboxes } from '../sandbox/start';
import { loadWorkflow, sandboxCredentials, startE2eSandboxes } from './support/fixtures';
import { N8nInstance } from './support/instance';
import { credentialSecrets, expectNoSecretsLeaked, MIN_SECRET_LENGTH, sandboxSecrets, secretForms, type Secret } from './support/leaks';
import { connectMcpClient, fromAiArguments, MCP_WORKFLOW_FILE, mcpBearerCredential, mcpProductionUrl, waitForMcpEndpoint } from './support/mcp';
import { packPackage } from './support/package';
import { N8nRest } from './support/rest';
import { ensureN8nRuntime } from './support/runtime';

jest.setTimeout(20 * 60 * 1000);

const N8N_PORT = 5751;
const MCP_TOKEN = 'e2e-mcp-bearer-token-7c41d9e2b8';
const workflow = loadWorkflow(MCP_WORKFLOW_FILE);

/** The curated tools, by the tool name MCP clients see, and the node each comes from. */
const CURATED_TOOLS: Record<string, string> = {
	Find_MBX_Orders: 'Find MBX Orders',
	Get_MBX_Order: 'Get MBX Order',
	OpenBoxes_Reorder_List: 'OpenBoxes Reorder List',
	Find_OpenBoxes_Products: 'Find OpenBoxes Products',
	OpenBoxes_Stock_On_Hand: 'OpenBoxes Stock On Hand',
	Apicbase_Open_Orders: 'Apicbase Open Orders',
	Write_Mark_Apicbase_Order_Viewed: 'Write: Mark Apicbase Order Viewed',
	Write_Set_MBX_Ship_Date: 'Write: Set MBX Ship Date',
};

type WorkflowNode = { name: string; type: string; parameters: Record<string, unknown> };
const nodeNamed = (name: string) => (workflow.nodes as WorkflowNode[]).find((node) => node.name === name)!;

let sandboxes: Sandboxes;
let n8n: N8nInstance;
let mcpUrl: string;
let client: Client;
/** Every text n8n's MCP server answered, for the leak check on the answers themselves. */
const answers: string[] = [];

interface ToolAnswer {
	isError: boolean;
	text: string;
}

async function callTool(name: string, args: Record<string, unknown>): Promise<ToolAnswer> {
	const result = (await client.callTool({ name, arguments: args })) as { isError?: boolean; content: Array<{ type: string; text?: string }> };
	const text = result.content.map((part) => part.text ?? '').join('\n');
	answers.push(text);
	return { isError: result.isError === true, text };
}

/** A tool's items (what the node output), failing with the answer's text when it was an error. */
async function callForItems(name: string, args: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
	const answer = await callTool(name, args);
	if (answer.isError) throw new Error(`${name} answered an error: ${answer.text}\n${n8n.serverLog().slice(-3000)}`);
	return JSON.parse(answer.text) as Array<Record<string, unknown>>;
}

beforeAll(async () => {
	sandboxes = await startE2eSandboxes();
	n8n = new N8nInstance(await ensureN8nRuntime(), { port: N8N_PORT });
	await n8n.installPackage(packPackage());
	await n8n.importCredentials([...sandboxCredentials(sandboxes), mcpBearerCredential(MCP_TOKEN)]);
	await n8n.importWorkflow(workflow);
	await n8n.cliOrThrow(['publish:workflow', `--id=${workflow.id}`]);
	const rest = new N8nRest(await n8n.start());
	await rest.setupOwner();
	mcpUrl = mcpProductionUrl(rest.baseUrl, workflow);
	await waitForMcpEndpoint(mcpUrl, () => n8n.serverLog().slice(-3000));
	client = await connectMcpClient(mcpUrl, { Authorization: `Bearer ${MCP_TOKEN}` });
});

afterAll(async () => {
	await client?.close();
	await n8n?.stop();
	await sandboxes?.stop();
});

describe('tools/list', () => {
	it('lists exactly the curated tools, each with its description and the $fromAI arguments as its input schema', async () => {
		const { tools } = await client.listTools();
		answers.push(JSON.stringify(tools));
		expect(tools.map((tool) => tool.name).sort()).toEqual(Object.keys(CURATED_TOOLS).sort());
		for (const tool of tools) {
			const node = nodeNamed(CURATED_TOOLS[tool.name]);
			expect(tool.description).toBe(node.parameters.toolDescription);
			const expected = fromAiArguments(node.parameters);
			const schema = tool.inputSchema as { type: string; properties?: Record<string, { type: string; description: string }>; required?: string[] };
			expect(schema.type).toBe('object');
			expect(Object.keys(schema.properties ?? {}).sort()).toEqual(expected.map((argument) => argument.key).sort());
			for (const argument of expected) {
				expect({ tool: tool.name, key: argument.key, ...schema.properties![argument.key] }).toEqual({ tool: tool.name, key: argument.key, type: argument.type, description: argument.description });
			}
			expect([...(schema.required ?? [])].sort()).toEqual(expected.map((argument) => argument.key).sort());
		}
		// The list tools take no input; the write tools say so in their name and description.
		expect(fromAiArguments(nodeNamed('OpenBoxes Reorder List').parameters)).toEqual([]);
		expect(fromAiArguments(nodeNamed('Apicbase Open Orders').parameters)).toEqual([]);
		expect(tools.filter((tool) => tool.description?.startsWith('WRITE')).map((tool) => tool.name).sort()).toEqual(['Write_Mark_Apicbase_Order_Viewed', 'Write_Set_MBX_Ship_Date']);
		// The trigger's instructions reach the client, for its system prompt.
		expect(client.getInstructions()).toBe(nodeNamed('MCP Server Trigger').parameters.instructions);
	});
});

describe('read tools answer with the sandboxes\' data', () => {
	it('Find_MBX_Orders finds a shipped order by purchase order, with its tracking numbers', async () => {
		const shipped = sandboxes.mbx.orders().find((order) => order.status === 'shipped' && (order.tracking_numbers as unknown[]).length > 1)!;
		const items = await callForItems('Find_MBX_Orders', { purchase_order: shipped.purchase_order });
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ id: shipped.id, purchase_order: shipped.purchase_order, status: 'shipped', promise_date: shipped.promise_date });
		expect(items[0].tracking_numbers).toEqual(shipped.tracking_numbers);
		// MBX did the filtering: the purchase order went to it in the query.
		const sent = sandboxes.mbx.requests.filter((r) => r.method === 'GET' && r.path === '/v2/customer_order_submissions').at(-1)!;
		expect(decodeURIComponent(sent.target)).toContain(`"purchase_order":"${String(shipped.purchase_order)}"`);
	});

	it('Get_MBX_Order reads one order by its MBX ID', async () => {
		const pending = sandboxes.mbx.orders().find((order) => order.status === 'pending')!;
		const items = await callForItems('Get_MBX_Order', { order_id: pending.id });
		expect(items).toEqual([expect.objectContaining({ id: pending.id, purchase_order: pending.purchase_order, status: 'pending', recipient: pending.recipient })]);
	});

	it('OpenBoxes_Reorder_List lists the products at or below their reorder point', async () => {
		const below = sandboxes.openBoxes.reorderReportItems('BELOW_REORDER');
		expect(below.length).toBeGreaterThan(0);
		const items = await callForItems('OpenBoxes_Reorder_List', {});
		expect(items.map((item) => item.productId).sort()).toEqual(below.map((item) => String(item.product.id)).sort());
		for (const item of below) {
			expect(items.find((found) => found.productId === String(item.product.id))).toMatchObject({
				productCode: item.product.productCode,
				productName: item.product.name,
				suggestedOrderQuantity: expect.any(Number),
			});
		}
	});

	it('Find_OpenBoxes_Products and OpenBoxes_Stock_On_Hand give a product\'s stock', async () => {
		const stocked = sandboxes.openBoxes.products().find((product) => (sandboxes.openBoxes.quantityOnHand(String(product.id)) ?? 0) > 0)!;
		const found = await callForItems('Find_OpenBoxes_Products', { search: stocked.productCode });
		expect(found.map((item) => [item.id, item.productCode, item.name])).toContainEqual([stocked.id, stocked.productCode, stocked.name]);
		// A common word matches many products: the tool answers its Limit, not the catalog.
		const names = sandboxes.openBoxes.products().map((product) => String(product.name).toLowerCase());
		const common = names
			.flatMap((name) => name.split(/[ ,]+/))
			.find((word) => /^[a-z]{4,}$/.test(word) && names.filter((name) => name.includes(word)).length > 10)!;
		const many = await callForItems('Find_OpenBoxes_Products', { search: common });
		expect(many).toHaveLength(10);
		const stock = await callForItems('OpenBoxes_Stock_On_Hand', { product_id: stocked.id });
		expect(stock).toEqual([{ productId: stocked.id, locationId: expect.any(String), quantityOnHand: sandboxes.openBoxes.quantityOnHand(String(stocked.id)) }]);
	});

	it('Apicbase_Open_Orders lists orders not delivered yet, at most 20', async () => {
		const items = await callForItems('Apicbase_Open_Orders', {});
		const ordered = new Map(sandboxes.apicbase.purchaseOrders().filter((order) => order.status === 'ORDERED').map((order) => [order.id, order]));
		expect(ordered.size).toBeGreaterThan(20);
		expect(items).toHaveLength(20);
		for (const item of items) expect(item).toMatchObject({ id: item.id, order_number: ordered.get(String(item.id))?.order_number, status: 'ORDERED' });
	});
});

describe('write tools change the vendor\'s data', () => {
	it('Write_Mark_Apicbase_Order_Viewed marks one open order viewed, and only it', async () => {
		const before = sandboxes.apicbase.purchaseOrders();
		const order = before.find((o) => o.status === 'ORDERED' && o.viewed_by_supplier === false)!;
		const viewedBefore = new Set(before.filter((o) => o.viewed_by_supplier).map((o) => o.id));
		const items = await callForItems('Write_Mark_Apicbase_Order_Viewed', { order_id: order.id });
		expect(items).toEqual([expect.objectContaining({ id: order.id, viewed_by_supplier: true })]);
		const after = sandboxes.apicbase.purchaseOrders();
		expect(after.find((o) => o.id === order.id)).toMatchObject({ viewed_by_supplier: true, viewed_by_supplier_at: expect.any(String) });
		expect(after.filter((o) => o.viewed_by_supplier).map((o) => o.id).sort()).toEqual([...viewedBefore, order.id].sort());
		// An assistant that repeats the call gets the same answer and changes nothing more.
		expect(await callForItems('Write_Mark_Apicbase_Order_Viewed', { order_id: order.id })).toEqual([expect.objectContaining({ id: order.id, viewed_by_supplier: true })]);
		expect(sandboxes.apicbase.purchaseOrders().filter((o) => o.viewed_by_supplier).length).toBe(viewedBefore.size + 1);
	});

	it('Write_Set_MBX_Ship_Date changes only the promise date of a pending order', async () => {
		const order = sandboxes.mbx.orders().find((o) => o.status === 'pending' && o.promise_date !== '2027-03-15')!;
		const items = await callForItems('Write_Set_MBX_Ship_Date', { order_id: order.id, ship_date: '2027-03-15' });
		expect(items).toEqual([expect.objectContaining({ id: order.id, promise_date: '2027-03-15' })]);
		const put = sandboxes.mbx.requests.filter((r) => r.method === 'PUT').at(-1)!;
		expect(put.path).toBe(`/v2/customer_order_submissions/${String(order.id)}`);
		expect(JSON.parse(put.body)).toEqual({ promise_date: '2027-03-15' });
		const after = sandboxes.mbx.order(Number(order.id))!;
		expect(after.promise_date).toBe('2027-03-15');
		const unchanged = (o: object) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== 'promise_date' && key !== 'updated_at'));
		expect(unchanged(after)).toEqual(unchanged(order));
	});
});

describe('wrong arguments', () => {
	it('answer a tool error that names the problem, and the next call still works', async () => {
		const known = sandboxes.mbx.orders().find((order) => order.status === 'pending')!;
		const unknownId = Math.max(...sandboxes.mbx.orders().map((o) => Number(o.id))) + 1000;

		const unknown = await callTool('Get_MBX_Order', { order_id: unknownId });
		expect(unknown.isError).toBe(true);
		expect(unknown.text).toContain(String(unknownId));

		const badDate = await callTool('Write_Set_MBX_Ship_Date', { order_id: known.id, ship_date: 'next Tuesday' });
		expect(badDate.isError).toBe(true);
		expect(badDate.text).toContain('Promise Date "next Tuesday" is not a date MBX can read');
		expect(sandboxes.mbx.order(Number(known.id))?.promise_date).toBe(known.promise_date);

		const wrongType = await callTool('Get_MBX_Order', { order_id: 'the big one' });
		expect(wrongType.isError).toBe(true);
		expect(wrongType.text).toMatch(/order_id/);

		const unknownApicbase = await callTool('Write_Mark_Apicbase_Order_Viewed', { order_id: 'no-such-order' });
		expect(unknownApicbase.isError).toBe(true);
		expect(unknownApicbase.text).toMatch(/no-such-order|not found|404/i);

		expect(await callForItems('Get_MBX_Order', { order_id: known.id })).toEqual([expect.objectContaining({ id: known.id })]);
	});
});

describe('the bearer token', () => {
	const initialize = (headers: Record<string, string>) =>
		fetch(mcpUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'no-token', version: '1' } } }),
		});

	it('is required: a call without it or with a wrong one is refused', async () => {
		for (const headers of [{}, { Authorization: `Bearer ${MCP_TOKEN}-wrong` }, { Authorization: MCP_TOKEN }] as Array<Record<string, string>>) {
			const answer = await initialize(headers);
			const text = await answer.text();
			answers.push(text);
			expect({ headers, status: answer.status }).toEqual({ headers, status: 403 });
			expect(text).not.toContain('serverInfo');
		}
		await expect(connectMcpClient(mcpUrl, { Authorization: 'Bearer not-the-token' })).rejects.toThrow(/Authorization data is wrong/);
		// The right token opens a session.
		const answer = await initialize({ Authorization: `Bearer ${MCP_TOKEN}` });
		const text = await answer.text();
		expect(answer.status).toBe(200);
		expect(text).toContain('serverInfo');
	});
});

describe('n8n\'s Tool Executor (the AI Agent\'s tool path, without a model)', () => {
	it('runs Find MBX Orders as a tool from a manual workflow', async () => {
		const shipped = sandboxes.mbx.orders().find((order) => order.status === 'shipped')!;
		const tool = nodeNamed('Find MBX Orders');
		await n8n.importWorkflow({
			id: 'scMcpToolExecutor',
			name: 'Tool Executor: Find MBX Orders',
			nodes: [
				{ id: 'f1a2b3c4-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'f1a2b3c4-0000-4000-8000-000000000002',
					name: 'Tool Executor',
					type: '@n8n/n8n-nodes-langchain.toolExecutor',
					typeVersion: 1,
					position: [240, 0],
					parameters: { query: JSON.stringify({ Find_MBX_Orders: { purchase_order: shipped.purchase_order } }), toolName: '', node: '' },
				},
				{ ...tool, id: 'f1a2b3c4-0000-4000-8000-000000000003', position: [240, 220] },
			],
			connections: {
				Start: { main: [[{ node: 'Tool Executor', type: 'main', index: 0 }]] },
				'Find MBX Orders': { ai_tool: [[{ node: 'Tool Executor', type: 'ai_tool', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
			pinData: {},
			active: false,
		});
		const run = await n8n.executeOrThrow('scMcpToolExecutor');
		// One item whose json is the tool's answer as text: the JSON of the node's items, as an agent gets it.
		const output = run.nodes['Tool Executor'] as unknown[];
		expect(output).toHaveLength(1);
		expect(typeof output[0]).toBe('string');
		answers.push(output[0] as string);
		const items = JSON.parse(output[0] as string) as Array<Record<string, unknown>>;
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ id: shipped.id, purchase_order: shipped.purchase_order, status: 'shipped', tracking_numbers: shipped.tracking_numbers });
	});
});

describe('no secret leaks', () => {
	const secrets = (): Secret[] => [...sandboxSecrets(sandboxes), ...credentialSecrets(n8n.importedCredentials), { source: 'MCP bearer token', value: MCP_TOKEN }];

	it('in any answer of the MCP server', () => {
		expect(answers.length).toBeGreaterThan(10);
		const all = answers.join('\n');
		const found = secrets()
			.filter(({ value }) => value.length >= MIN_SECRET_LENGTH)
			.flatMap(({ source, value }) => secretForms(value).filter(({ text }) => all.includes(text)).map(({ form }) => `${source} (${form})`));
		expect(found).toEqual([]);
	});

	it('in n8n\'s logs, database or files', async () => {
		await client.close();
		await n8n.stop();
		await expectNoSecretsLeaked(n8n, [...sandboxSecrets(sandboxes), { source: 'MCP bearer token', value: MCP_TOKEN }]);
	});
});
