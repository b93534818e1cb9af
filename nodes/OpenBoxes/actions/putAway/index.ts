import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as complete from './complete';
import * as create from './create';
import * as get from './get';
import * as getCandidates from './getCandidates';

export const operations: ResourceOperations = { complete, create, get, getCandidates };

export const description: INodeProperties[] = [
	operationSelector(
		'putAway',
		[
			{
				name: 'Complete',
				value: 'complete',
				action: 'Complete a put-away',
				description: 'Confirm that the stock of a pending put-away is on the shelves',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a put-away',
				description: 'Plan putting received stock away into bins',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a put-away',
				description: 'Get one put-away with its items',
			},
			{
				name: 'Get Candidates',
				value: 'getCandidates',
				action: 'Get stock waiting to be put away',
				description: 'List received stock that still sits in a receiving bin',
			},
		],
		'getCandidates',
	),
	...operationProperties(operations),
];
