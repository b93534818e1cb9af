/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a developer script, never published: n8n's rules for node code do not apply */
/**
 * Prints the "what it can do" table of each node's docs page (docs/nodes/<type>.md), read from the
 * built node descriptions (dist/, so run `npm run build` first): resources and operations for
 * action nodes, the event choices for triggers.
 *
 *   npx tsx scripts/operations-table.ts            # every node
 *   npx tsx scripts/operations-table.ts mbx        # one node, by its type name
 *
 * test/unit/docsLinks.test.ts checks that each page names every operation this prints.
 */
import path from 'node:path';

import type { INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';

/** Trigger parameters whose choices are the events a trigger starts on. */
const EVENT_PARAMETERS = ['event', 'events'];

export interface OperationRow {
	resource?: string;
	name: string;
	description: string;
}

const choices = (options: unknown): INodePropertyOptions[] =>
	((options ?? []) as INodePropertyOptions[]).filter((option) => typeof option.name === 'string' && 'value' in option);

/** Every operation (action nodes) or event (triggers) the node offers, in the editor's order. */
export function operationRows(description: INodeTypeDescription): OperationRow[] {
	const resource = description.properties.find((property) => property.name === 'resource');
	if (resource) {
		return choices(resource.options).flatMap((res) =>
			description.properties
				.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(res.value))
				.flatMap((p) => choices(p.options))
				.map((op) => ({ resource: res.name, name: op.name, description: op.description ?? '' })),
		);
	}
	return description.properties
		.filter((property) => EVENT_PARAMETERS.includes(property.name))
		.flatMap((property) => choices(property.options))
		.map((option) => ({ name: option.name, description: option.description ?? '' }));
}

export function operationsTable(description: INodeTypeDescription): string {
	const rows = operationRows(description);
	if (rows.length === 0) return '(no operations or events to choose: see the page for what starts it)';
	const cell = (text: string) => text.replace(/\|/g, '\\|');
	if (rows.some((row) => row.resource)) {
		return [
			'| Resource | Operation | What it does |',
			'|---|---|---|',
			...rows.map((row) => `| ${cell(row.resource ?? '')} | ${cell(row.name)} | ${cell(row.description)} |`),
		].join('\n');
	}
	return ['| Event | What it means |', '|---|---|', ...rows.map((row) => `| ${cell(row.name)} | ${cell(row.description)} |`)].join(
		'\n',
	);
}

/** The built nodes package.json lists (run `npm run build` first). */
function builtNodes(): INodeType[] {
	const root = path.resolve(__dirname, '..');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const pkg = require(path.join(root, 'package.json')) as { n8n: { nodes: string[] } };
	return pkg.n8n.nodes.map((file) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(path.join(root, file)) as Record<string, new () => INodeType>;
		return new (Object.values(exported)[0])();
	});
}

if (require.main === module) {
	const wanted = process.argv[2];
	for (const node of builtNodes()) {
		const { description } = node;
		if (wanted && description.name !== wanted) continue;
		console.log(`## ${description.displayName} (docs/nodes/${description.name}.md)\n`);
		console.log(`${operationsTable(description)}\n`);
	}
}
