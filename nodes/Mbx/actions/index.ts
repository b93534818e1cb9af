import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../shared/router';
import * as country from './country';

interface ResourceModule {
	operations: ResourceOperations;
	description: INodeProperties[];
}

/** Every MBX resource the node offers, in the order the Resource dropdown shows them. */
const RESOURCES: Array<{ name: string; value: string; module: ResourceModule }> = [
	{ name: 'Country', value: 'country', module: country },
];

export const resourceOperations: Record<string, ResourceOperations> = Object.fromEntries(
	RESOURCES.map(({ value, module }) => [value, module.operations]),
);

export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map(({ name, value }) => ({ name, value })),
		default: 'country',
	},
	...RESOURCES.flatMap(({ module }) => module.description),
];
