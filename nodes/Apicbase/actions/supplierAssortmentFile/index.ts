import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as upload from './upload';

export const operations: ResourceOperations = { upload };

export const description: INodeProperties[] = [
	operationSelector(
		'supplierAssortmentFile',
		[
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload an assortment file',
				description: 'Send your articles and prices for a customer; each article is checked before sending',
			},
		],
		'upload',
	),
	...operationProperties(operations),
];
