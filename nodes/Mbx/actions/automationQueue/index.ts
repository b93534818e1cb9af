import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as create from './create';
import * as getAll from './getAll';

export const operations: ResourceOperations = { create, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'automationQueue',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create an automation queue',
				description: 'For Forge integration: create the list of tasks a system must run',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many automation queues',
				description: 'List the task queues of your systems and whether they finished',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
