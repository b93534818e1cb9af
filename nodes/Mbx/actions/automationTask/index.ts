import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as complete from './complete';
import * as fail from './fail';
import * as notify from './notify';
import * as start from './start';

export const operations: ResourceOperations = { complete, fail, notify, start };

export const description: INodeProperties[] = [
	operationSelector(
		'automationTask',
		[
			{
				name: 'Complete',
				value: 'complete',
				action: 'Complete an automation task',
				description: 'Marks the task as finished successfully',
			},
			{
				name: 'Fail',
				value: 'fail',
				action: 'Fail an automation task',
				description: 'Marks the task failed and queues a fresh copy of it, to run again',
			},
			{
				name: 'Notify',
				value: 'notify',
				action: 'Send a status message for an automation task',
				description: 'Updates the message the MBX operator sees for the task, without changing its state',
			},
			{
				name: 'Start',
				value: 'start',
				action: 'Start an automation task',
				description: 'Marks the task as started',
			},
		],
		'start',
	),
	...operationProperties(operations),
];
