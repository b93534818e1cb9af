import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as get from './get';
import * as getAll from './getAll';

export const operations: ResourceOperations = { get, getAll };

export const description: INodeProperties[] = [
	operationSelector(
		'country',
		[
			{ name: 'Get', value: 'get', action: 'Get a country', description: 'Get one country by its MBX ID' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many countries',
				description: 'List the countries MBX ships to, with their ISO codes',
			},
		],
		'getAll',
	),
	...operationProperties(operations),
];
