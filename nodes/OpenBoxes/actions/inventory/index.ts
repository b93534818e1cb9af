import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/descriptions';
import { operationProperties, type ResourceOperations } from '../../../shared/router';
import * as getAvailability from './getAvailability';
import * as getItemsBelowLevel from './getItemsBelowLevel';
import * as getQuantityOnHand from './getQuantityOnHand';
import * as lookUpLot from './lookUpLot';

export const operations: ResourceOperations = { getAvailability, getItemsBelowLevel, getQuantityOnHand, lookUpLot };

export const description: INodeProperties[] = [
	operationSelector(
		'inventory',
		[
			{
				name: 'Get Availability By Lot And Bin',
				value: 'getAvailability',
				action: 'Get availability of a product by lot and bin',
				description: 'See where a product is stored, per lot and bin, and how much can be picked',
			},
			{
				name: 'Get Low Stock Items',
				value: 'getItemsBelowLevel',
				action: 'Get items below a stock level',
				description: 'List products below their minimum, reorder point or maximum, with a suggested order quantity',
			},
			{
				name: 'Get Quantity On Hand',
				value: 'getQuantityOnHand',
				action: 'Get quantity on hand',
				description: 'How many units are in stock, for one product or all products',
			},
			{
				name: 'Look Up Lot',
				value: 'lookUpLot',
				action: 'Look up a lot',
				description: 'Find a lot of a product by its lot number, with its expiry date and stock',
			},
		],
		'getItemsBelowLevel',
	),
	...operationProperties(operations),
];
