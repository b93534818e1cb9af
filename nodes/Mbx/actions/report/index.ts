import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAutomationTaskDetails from './getAutomationTaskDetails';

export const operations: ResourceOperations = { getAutomationTaskDetails };

export const description: INodeProperties[] = [
	operationSelector(
		'report',
		[
			{
				name: 'Get Automation Task Details',
				value: 'getAutomationTaskDetails',
				action: 'Get the automation task details report',
				description:
					'Download the CSV report of every automation task of your organization: when each started, finished or failed',
			},
		],
		'getAutomationTaskDetails',
	),
	...operationProperties(operations),
];
