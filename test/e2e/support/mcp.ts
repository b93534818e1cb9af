/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * The shipped MCP server workflow (workflows/mcp-supply-chain-assistant.json) as MCP clients
 * reach it: its Bearer Auth credential, its production URL, and a connected client of the
 * official MCP SDK over streamable HTTP.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp';

import type { loadWorkflow } from './fixtures';
import type { CredentialImport } from './instance';

export const MCP_WORKFLOW_FILE = 'mcp-supply-chain-assistant.json';

/** Id and name match the MCP Server Trigger's credential reference in the shipped workflow. */
export const MCP_CREDENTIAL = { id: 'scMcpBearer', name: 'Supply chain MCP token' } as const;

export function mcpBearerCredential(token: string): CredentialImport {
	return { ...MCP_CREDENTIAL, type: 'httpBearerAuth', data: { token } };
}

/** The production URL of a workflow's MCP Server Trigger (version 2 and later: one path for every method). */
export function mcpProductionUrl(baseUrl: string, workflow: ReturnType<typeof loadWorkflow>): string {
	const trigger = (workflow.nodes as Array<{ type: string; parameters: { path?: string } }>).find((node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger');
	if (!trigger?.parameters.path) throw new Error(`${workflow.name} has no MCP Server Trigger with a path`);
	return `${baseUrl}/mcp/${trigger.parameters.path}`;
}

/**
 * n8n answers its REST API before activation has registered production webhooks: probe the URL
 * without credentials (refused, never run) until it stops answering 404.
 */
export async function waitForMcpEndpoint(url: string, describeOnTimeout = () => ''): Promise<number> {
	for (let probe = 0; ; probe++) {
		const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }, body: '{}' });
		await answer.arrayBuffer();
		if (answer.status !== 404) return answer.status;
		if (probe > 120) throw new Error(`The MCP endpoint ${url} was never registered\n${describeOnTimeout()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** An MCP client connected over streamable HTTP, sending the given headers on every request. */
export async function connectMcpClient(url: string, headers: Record<string, string>): Promise<Client> {
	const client = new Client({ name: 'n8n-nodes-supply-chain-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
	return client;
}

/** One argument a tool's node asks the model for: `$fromAI('key', 'description', 'type')`. */
export interface FromAiArgument {
	key: string;
	description: string;
	type: string;
}

/**
 * The `$fromAI(…)` arguments written in a node's parameters, read from the workflow file. Only
 * the literal three-argument form the shipped workflow uses ('…' quoted, no escaped quotes).
 */
export function fromAiArguments(parameters: unknown): FromAiArgument[] {
	const found = new Map<string, FromAiArgument>();
	const text = JSON.stringify(parameters);
	for (const match of text.matchAll(/\$fromAI\('([^']*)',\s*'([^']*)',\s*'([^']*)'\)/g)) {
		found.set(match[1], { key: match[1], description: match[2], type: match[3] });
	}
	return [...found.values()];
}
