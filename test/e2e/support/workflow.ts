/** Small builders for workflow JSON as n8n exports it, used by tests to describe test-only flows. */
import { PACKAGE_NAME } from './instance';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

export const MANUAL_TRIGGER = 'When clicking "Execute workflow"';

let counter = 0;
const nodeId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

export function ours(name: string, type: string, parameters: Record<string, unknown>, credentials?: WorkflowNode['credentials'], typeVersion = 1): WorkflowNode {
	return { id: nodeId(), name, type: `${PACKAGE_NAME}.${type}`, typeVersion, position: [0, 0], parameters, credentials };
}

export function base(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>): WorkflowNode {
	return { id: nodeId(), name, type: `n8n-nodes-base.${type}`, typeVersion, position: [0, 0], parameters };
}

export const manualTrigger = (): WorkflowNode => base(MANUAL_TRIGGER, 'manualTrigger', 1, {});

/** POSTs each incoming item as JSON to a URL (a test's local sink). */
export const postTo = (name: string, url: string): WorkflowNode =>
	base(name, 'httpRequest', 4.2, { method: 'POST', url, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} });

/** A workflow from nodes and [from, to] edges; positions are spread so the editor shows it readably. */
export function workflow(id: string, name: string, nodes: WorkflowNode[], edges: Array<[string, string]>) {
	nodes.forEach((node, i) => (node.position = [(i % 6) * 240, Math.floor(i / 6) * 200]));
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (const [from, to] of edges) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {}, active: false, tags: [] };
}

/** Each node in the list feeds the next one. */
export function chain(...names: string[]): Array<[string, string]> {
	return names.slice(1).map((name, i) => [names[i], name]);
}

export const byId = (expression = '{{ $json.id }}') => ({ __rl: true, mode: 'id', value: `=${expression}` });
