import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { refuseObjectValues } from './parameters';

/** What one operation returns for one input item: plain objects, or ready-made items (binary). */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/** Text fields that take an object from an expression on purpose (sent as JSON text). */
	acceptsObjects?: readonly string[];
}

export type ResourceOperations = Record<string, Operation>;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value;
}

function toItems(this: IExecuteFunctions, result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	if (list.every(isExecutionData)) {
		return (list as INodeExecutionData[]).map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
	}
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(list as IDataObject[]), {
		itemData: { item: itemIndex },
	});
}

/**
 * The execute() of every action node: runs the chosen resource/operation once per input item,
 * pairs each output with its input, and honours "Continue On Fail".
 */
export async function runOperations(
	this: IExecuteFunctions,
	resources: Record<string, ResourceOperations>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = resources[resource]?.[operationName];
			if (!operation) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operationName}" is not available for "${resource}"`,
					{ itemIndex },
				);
			}
			// An object in a field for text, a number or a choice is refused before anything is sent.
			refuseObjectValues(this, operation.description, itemIndex, operation.acceptsObjects);
			const result = await operation.execute.call(this, itemIndex);
			output.push(...toItems.call(this, result, itemIndex));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				continue;
			}
			// Both constructors hand back an error that is already of their kind unchanged.
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return [output];
}

/** Every operation of a resource, flattened into the node's property list. */
export function operationProperties(operations: ResourceOperations): INodeProperties[] {
	return Object.values(operations).flatMap((operation) => operation.description);
}

export interface ResourceModule {
	operations: ResourceOperations;
	description: INodeProperties[];
}

type ResourceEntry = { name: string; value: string; module: ResourceModule };

/**
 * The canvas subtitle: "Get Many: Order" rather than the internal "getAll: customerOrderSubmission".
 * An expression with a lookup table, since n8n only evaluates the subtitle as an expression.
 */
function subtitleExpression(resources: ResourceEntry[]): string {
	const labels: Record<string, string> = {};
	for (const { name, value, module } of resources) {
		const selector = module.description.find((property) => property.name === 'operation');
		for (const option of (selector?.options ?? []) as Array<{ name: string; value: string }>) {
			labels[`${value}:${option.value}`] = `${option.name}: ${name}`;
		}
	}
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? "" }}`;
}

/** The Resource dropdown, every operation's fields and the canvas subtitle, from a node's list of resources. */
export function resourceRegistry(
	resources: ResourceEntry[],
	defaultResource: string,
): { operations: Record<string, ResourceOperations>; properties: INodeProperties[]; subtitle: string } {
	return {
		subtitle: subtitleExpression(resources),
		operations: Object.fromEntries(resources.map(({ value, module }) => [value, module.operations])),
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources.map(({ name, value }) => ({ name, value })),
				default: defaultResource,
			},
			...resources.flatMap(({ module }) => module.description),
		],
	};
}
