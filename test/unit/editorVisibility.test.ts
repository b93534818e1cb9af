/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * What n8n's editor (2.41) shows of each node, checked against rules that are not in n8n-workflow
 * but in the built n8n-editor-ui, so no other unit test would catch them:
 *
 * - "Auth fields" are the node's top-level properties whose name is a key of some credential
 *   entry's `displayOptions.show`. The parameter list hides every parameter whose name is a key of
 *   ANY auth field's `displayOptions.show`, at any depth (collections, fixed collections) and
 *   including the Poll Times that n8n adds to polling nodes. The old combined MBX trigger lost its
 *   Poll Times "Mode" dropdown that way: its Authentication field showed by its own `mode`.
 *   (The editor only applies the rule when it finds a main auth field; checking it always is stricter.)
 * - n8n adds its own "Custom API Call" option to Resource and Operation; a node must not offer one.
 * - The canvas shows the subtitle; an action node's subtitle must read "Get Many: Order", not
 *   "getAll: customerOrderSubmission".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	cronNodeOptions,
	Workflow,
	type INode,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
} from 'n8n-workflow';

import { Apicbase } from '../../nodes/Apicbase/Apicbase.node';
import { ApicbaseSupplierPollingTrigger } from '../../nodes/Apicbase/ApicbaseSupplierPollingTrigger.node';
import { ApicbaseSupplier } from '../../nodes/Apicbase/ApicbaseSupplier.node';
import { ApicbaseSupplierTrigger } from '../../nodes/Apicbase/ApicbaseSupplierTrigger.node';
import { Mbx } from '../../nodes/Mbx/Mbx.node';
import { MbxTrigger } from '../../nodes/Mbx/MbxTrigger.node';
import { MbxWebhookTrigger } from '../../nodes/Mbx/MbxWebhookTrigger.node';
import { OpenBoxes } from '../../nodes/OpenBoxes/OpenBoxes.node';
import { OpenBoxesTrigger } from '../../nodes/OpenBoxes/OpenBoxesTrigger.node';
import { OpenBoxesWebhookTrigger } from '../../nodes/OpenBoxes/OpenBoxesWebhookTrigger.node';

const NODES: Array<[string, INodeType]> = [
	['Mbx', new Mbx()],
	['MbxTrigger', new MbxTrigger()],
	['MbxWebhookTrigger', new MbxWebhookTrigger()],
	['OpenBoxes', new OpenBoxes()],
	['OpenBoxesTrigger', new OpenBoxesTrigger()],
	['OpenBoxesWebhookTrigger', new OpenBoxesWebhookTrigger()],
	['Apicbase', new Apicbase()],
	['ApicbaseSupplier', new ApicbaseSupplier()],
	['ApicbaseSupplierTrigger', new ApicbaseSupplierTrigger()],
	['ApicbaseSupplierPollingTrigger', new ApicbaseSupplierPollingTrigger()],
];
const ACTION_NODES = ['Mbx', 'OpenBoxes', 'Apicbase', 'ApicbaseSupplier'];

/** The "Poll Times" fixed collection n8n's node loader puts first in every node with `polling: true`. */
const POLL_TIMES: INodeProperties = {
	displayName: 'Poll Times',
	name: 'pollTimes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: { item: [{ mode: 'everyMinute' }] },
	options: cronNodeOptions,
};

/** A word written the way internal values are: "getAll", "customerOrderSubmission". */
const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z]*\b/;

/** The properties as the editor gets them: with Poll Times for polling nodes. */
function editorProperties(description: INodeTypeDescription): INodeProperties[] {
	return description.polling ? [POLL_TIMES, ...description.properties] : description.properties;
}

const isProperty = (option: unknown): option is INodeProperties =>
	typeof option === 'object' && option !== null && 'type' in option && 'name' in option;
const isCollection = (option: unknown): option is INodePropertyCollection =>
	typeof option === 'object' && option !== null && Array.isArray((option as INodePropertyCollection).values);

/** Every parameter at every depth, with its path of display names for messages. */
function allParameters(properties: INodeProperties[], trail: string[] = []): Array<{ property: INodeProperties; path: string }> {
	return properties.flatMap((property) => {
		const here = [...trail, property.displayName || property.name];
		const inner = (property.options ?? []).flatMap((option) => {
			if (isProperty(option)) return allParameters([option], here);
			if (isCollection(option)) return allParameters(option.values, [...here, option.displayName]);
			return [];
		});
		return [{ property, path: here.join(' > ') }, ...inner];
	});
}

/** The editor's auth fields: top-level properties named by a key of some credential's `show` rule. */
function authFields(description: INodeTypeDescription, properties: INodeProperties[]): INodeProperties[] {
	const keys = new Set((description.credentials ?? []).flatMap((credential) => Object.keys(credential.displayOptions?.show ?? {})));
	return properties.filter((property) => keys.has(property.name));
}

/** Every parameter the editor's parameter list would hide because an auth field shows by its name. */
function hiddenByAuthFields(nodeName: string, description: INodeTypeDescription): string[] {
	const properties = editorProperties(description);
	const fields = authFields(description, properties);
	return allParameters(properties).flatMap(({ property, path: where }) =>
		fields
			.filter((field) => field.displayOptions?.show && property.name in field.displayOptions.show)
			.map(
				(field) =>
					`${nodeName}: parameter "${property.name}" (${where}) is hidden, because the auth field "${field.name}" has displayOptions.show.${property.name}`,
			),
	);
}

describe('the rule the editor applies, reproduced', () => {
	it('sees the inner Mode of Poll Times on a polling node', () => {
		const names = allParameters(editorProperties({ polling: true, properties: [] } as unknown as INodeTypeDescription)).map(
			({ property }) => property.name,
		);
		expect(names).toEqual(expect.arrayContaining(['pollTimes', 'mode', 'hour', 'minute', 'weekday', 'value', 'unit', 'cronExpression']));
	});

	it('catches the old combined MBX trigger: Authentication showing by mode hid the Poll Times mode', () => {
		const old = {
			polling: true,
			credentials: [{ name: 'mbxHmacApi', required: true, displayOptions: { show: { mode: ['polling'], authentication: ['hmac'] } } }],
			properties: [
				{ displayName: 'Mode', name: 'mode', type: 'options', options: [], default: 'polling' },
				{ displayName: 'Authentication', name: 'authentication', type: 'options', options: [], default: 'hmac', displayOptions: { show: { mode: ['polling'] } } },
			],
		} as unknown as INodeTypeDescription;
		expect(hiddenByAuthFields('OldMbxTrigger', old).map((message) => message.split(' (')[0])).toEqual([
			'OldMbxTrigger: parameter "mode"',
			'OldMbxTrigger: parameter "mode"',
		]);
	});

	it('tells an internal label from a readable one', () => {
		expect(CAMEL_CASE.test('getAll: customerOrderSubmission')).toBe(true);
		expect(CAMEL_CASE.test('Get Many: stockItem')).toBe(true);
		expect(CAMEL_CASE.test('Get Many: Customer Order Submission')).toBe(false);
		expect(CAMEL_CASE.test('Complete: Put-Away')).toBe(false);
	});

	it('catches a parameter named inside a collection', () => {
		const node = {
			credentials: [{ name: 'x', displayOptions: { show: { authentication: ['a'] } } }],
			properties: [
				{ displayName: 'Authentication', name: 'authentication', type: 'options', options: [], default: 'a', displayOptions: { show: { region: ['eu'] } } },
				{
					displayName: 'Options',
					name: 'options',
					type: 'collection',
					default: {},
					options: [{ displayName: 'Region', name: 'region', type: 'string', default: '' }],
				},
			],
		} as unknown as INodeTypeDescription;
		expect(hiddenByAuthFields('Sample', node)).toEqual([
			'Sample: parameter "region" (Options > Region) is hidden, because the auth field "authentication" has displayOptions.show.region',
		]);
	});
});

describe.each(NODES)('%s in the n8n editor', (nodeName, nodeType) => {
	const { description } = nodeType;

	it('hides no parameter behind an auth field', () => {
		expect(hiddenByAuthFields(nodeName, description)).toEqual([]);
	});

	it('offers no Custom API Call of its own (n8n adds one)', () => {
		const offending = allParameters(description.properties)
			.filter(({ property }) => ['resource', 'operation'].includes(property.name) && property.type === 'options')
			.flatMap(({ property, path: where }) =>
				((property.options ?? []) as INodePropertyOptions[])
					.filter((option) => option.value === '__CUSTOM_API_CALL__' || option.name === 'Custom API Call')
					.map((option) => `${nodeName}: ${where} offers "${option.name}" (${String(option.value)})`),
			);
		expect(offending).toEqual([]);
	});

	it('has a subtitle', () => {
		expect(typeof description.subtitle).toBe('string');
		expect(String(description.subtitle).trim()).not.toBe('');
	});
});

describe('the tested nodes are the package', () => {
	it('covers every node listed in package.json', () => {
		const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { n8n: { nodes: string[] } };
		const listed = pkg.n8n.nodes.map((file) => path.basename(file, '.node.js')).sort();
		expect(NODES.map(([name]) => name).sort()).toEqual(listed);
	});
});

/** The lookup table of a subtitle `={{ ({...})[$parameter["resource"] + ":" + $parameter["operation"]] ?? "" }}`. */
function subtitleTable(nodeName: string, subtitle: string): Record<string, string> {
	const start = subtitle.indexOf('({');
	const end = subtitle.indexOf('})[', start);
	if (start === -1 || end === -1) throw new Error(`${nodeName}: the subtitle has no lookup table: ${subtitle}`);
	return JSON.parse(subtitle.slice(start + 1, end + 1)) as Record<string, string>;
}

/** Every resource/operation pair the node offers, with the display names the user sees. */
function combinations(description: INodeTypeDescription) {
	const resourceProperty = description.properties.find((p) => p.name === 'resource');
	const resources = (resourceProperty?.options ?? []) as INodePropertyOptions[];
	return resources.flatMap((resource) => {
		const selectors = description.properties.filter(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(resource.value),
		);
		expect(selectors).toHaveLength(1);
		return ((selectors[0].options ?? []) as INodePropertyOptions[]).map((operation) => ({
			key: `${String(resource.value)}:${String(operation.value)}`,
			resource,
			operation,
		}));
	});
}

describe.each(NODES.filter(([name]) => ACTION_NODES.includes(name)))('%s subtitle', (nodeName, nodeType) => {
	const { description } = nodeType;
	const subtitle = String(description.subtitle);
	const table = subtitleTable(nodeName, subtitle);
	const pairs = combinations(description);

	it('has a readable label for every resource and operation, and no other', () => {
		expect(pairs.length).toBeGreaterThan(0);
		const problems = pairs.flatMap(({ key, resource, operation }) => {
			const label = table[key];
			if (typeof label !== 'string' || label.trim() === '') return [`${nodeName}: no label for ${key}`];
			if (CAMEL_CASE.test(label) || label === `${String(operation.value)}: ${String(resource.value)}`) {
				return [`${nodeName}: the label of ${key} shows internal values: "${label}"`];
			}
			if (label !== `${operation.name}: ${resource.name}`) {
				return [`${nodeName}: the label of ${key} is "${label}", not "${operation.name}: ${resource.name}"`];
			}
			return [];
		});
		expect(problems).toEqual([]);
		expect(Object.keys(table).sort()).toEqual(pairs.map(({ key }) => key).sort());
	});

	it("evaluates to that label with n8n's expression engine, and to nothing for an unknown pair", async () => {
		const node: INode = { id: '1', name: nodeName, type: description.name, typeVersion: 1, position: [0, 0], parameters: {} };
		const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const acquired = await workflow.expression.acquireIsolate();
		try {
			const evaluate = (resource: string, operation: string) => {
				node.parameters = { resource, operation };
				return workflow.expression.getSimpleParameterValue(node, subtitle, 'internal', {}, undefined, '');
			};
			const wrong = pairs.filter(({ key }) => {
				const [resource, operation] = key.split(':');
				return evaluate(resource, operation) !== table[key];
			});
			expect(wrong.map(({ key }) => `${nodeName}: ${key}`)).toEqual([]);
			expect(evaluate('noSuchResource', 'noSuchOperation')).toBe('');
		} finally {
			if (acquired) await workflow.expression.releaseIsolate();
		}
	});
});
