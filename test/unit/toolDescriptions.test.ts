/**
 * What a language model reads about our operations when a builder attaches one of our nodes to an
 * AI Agent (or an MCP Server Trigger) with "Tool Description: Set Automatically": n8n makes it from
 * the operation's `action` and the node's name ("Get many outlets in Apicbase"), with n8n-workflow's
 * own function. Each must tell the operations apart and say plainly when it changes or removes data.
 */
import { getToolDescriptionForNode, type INode, type INodePropertyOptions, type INodeTypeDescription } from 'n8n-workflow';

import { Apicbase } from '../../nodes/Apicbase/Apicbase.node';
import { ApicbaseSupplier } from '../../nodes/Apicbase/ApicbaseSupplier.node';
import { Mbx } from '../../nodes/Mbx/Mbx.node';
import { OpenBoxes } from '../../nodes/OpenBoxes/OpenBoxes.node';

const NODES: INodeTypeDescription[] = [new Mbx().description, new OpenBoxes().description, new Apicbase().description, new ApicbaseSupplier().description];

/** Operations that delete, undo or close something, and the verb their description must start with. */
const IRREVERSIBLE: Record<string, RegExp> = {
	delete: /^Delete /,
	rollback: /^Roll back /,
	closeDeliveries: /^Close /,
	fail: /^Fail /,
};

interface Tool {
	resource: string;
	operation: string;
	description: string;
}

function toolsOf(description: INodeTypeDescription): Tool[] {
	const tools: Tool[] = [];
	for (const property of description.properties.filter((candidate) => candidate.name === 'operation')) {
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				const node = { parameters: { resource, operation: option.value, descriptionType: 'auto' } } as unknown as INode;
				tools.push({ resource, operation: String(option.value), description: getToolDescriptionForNode(node, { description } as never) });
			}
		}
	}
	return tools;
}

describe.each(NODES.map((description) => ({ name: description.displayName, description })))('$name as an AI tool', ({ description }) => {
	const tools = toolsOf(description);

	it('is usable as a tool and has operations', () => {
		expect(description.usableAsTool).toBe(true);
		expect(tools.length).toBeGreaterThan(0);
	});

	it('describes each operation as a short sentence naming the system', () => {
		const bad = tools.filter(
			(tool) => !new RegExp(`^[A-Z][a-z]+ .+ in ${description.defaults.name}$`).test(tool.description) || tool.description.length > 100 || /[.:]\sin /.test(tool.description),
		);
		expect(bad).toEqual([]);
	});

	it('never gives two operations the same description, so a model can tell them apart', () => {
		const seen = new Map<string, string>();
		const clashes: string[] = [];
		for (const tool of tools) {
			const other = seen.get(tool.description);
			if (other) clashes.push(`${other} and ${tool.resource}.${tool.operation}: "${tool.description}"`);
			seen.set(tool.description, `${tool.resource}.${tool.operation}`);
		}
		expect(clashes).toEqual([]);
	});

	it('starts with what it does when an operation deletes, undoes or closes something', () => {
		const unclear = tools.filter((tool) => IRREVERSIBLE[tool.operation] && !IRREVERSIBLE[tool.operation].test(tool.description));
		expect(unclear).toEqual([]);
	});
});

it('the generic OpenBoxes records say they are of any type, not one the model should guess', () => {
	const generic = toolsOf(new OpenBoxes().description).filter((tool) => tool.resource === 'genericApi');
	expect(generic.map((tool) => tool.description)).toEqual(generic.map(() => expect.stringMatching(/ of any type in OpenBoxes$/)));
});
