import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as request from './request';

export const operations: ResourceOperations = { request };

export const description: INodeProperties[] = [
	operationSelector(
		'customApiCall',
		[
			{
				name: 'Make a Request',
				value: 'request',
				action: 'Make an API request',
				description: 'Call any MBX endpoint with your credential; the request is signed for you',
			},
		],
		'request',
	),
	...operationProperties(operations),
];
