import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAvailability from './availability';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as search from './search';
import * as getSummary from './summary';
import * as update from './update';

export const operations: ResourceOperations = { create, delete: del, get, getAll, getAvailability, getSummary, search, update };

export const description: INodeProperties[] = [
	operationSelector(
		'product',
		[
			{ name: 'Create', value: 'create', action: 'Create a product', description: 'Add a product to the catalog' },
			{ name: 'Delete', value: 'delete', action: 'Delete a product', description: 'Remove a product from the catalog' },
			{ name: 'Get', value: 'get', action: 'Get a product', description: 'Get one product by its ID' },
			{
				name: 'Get Availability',
				value: 'getAvailability',
				action: 'Get availability of a product',
				description: "Get a product's stock by lot and bin at the credential's location",
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many products',
				description: 'List products from the catalog, optionally filtered',
			},
			{
				name: 'Get Summary',
				value: 'getSummary',
				action: 'Get stock summary of a product',
				description: "Get a product's quantity on hand at the credential's location",
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search products',
				description: 'Find products by name, optionally only those in stock',
			},
			{ name: 'Update', value: 'update', action: 'Update a product', description: 'Change fields of a product' },
		],
		'getAll',
	),
	...operationProperties(operations),
];
