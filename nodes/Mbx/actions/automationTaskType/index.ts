import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'automationTaskType',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get an automation task type',
				description: 'Get one Forge task type with its name and description',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many automation task types',
				description: 'List the task types you can put in an automation queue (Forge integration)',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
