import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readReorderItems, REORDER_LEVELS, type ReorderLevel } from '../../inventory/reorder';
import { credentialLocation } from '../../credentialLocation';
import { fieldError } from '../../../shared/parameters';
import { trimmed } from '../../../shared/values';

const show = { resource: ['inventory'], operation: ['getItemsBelowLevel'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'One item per product at the credential\'s location, with how much to order (suggestedOrderQuantity).',
		name: 'belowLevelNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		options: [
			{
				name: 'Maximum',
				value: 'maximum',
				description: 'Products with less than their maximum stock (room to fill up)',
			},
			{
				name: 'Minimum',
				value: 'minimum',
				description: 'Products at or below their minimum (safety) stock',
			},
			{
				name: 'Reorder Point',
				value: 'reorder',
				description: 'Products at or below their reorder point: time to order',
			},
		],
		default: 'reorder',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Use Fallback For Older Servers',
				name: 'useFallback',
				type: 'boolean',
				default: true,
				description:
					'Whether to work the answer out from stock levels and quantities on hand when the server has no reorder report (OpenBoxes before 0.9.6 answers 404). Turned off, such servers give an error.',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const level = trimmed(this.getNodeParameter('level', itemIndex, 'reorder')).toLowerCase();
	if (!(REORDER_LEVELS as readonly string[]).includes(level)) {
		throw fieldError(this, `Level "${level}" is not Minimum, Reorder Point or Maximum`, 'Level', itemIndex);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const facilityId = await credentialLocation(this, 'Location ID', itemIndex);
	return await readReorderItems(this, {
		level: level as ReorderLevel,
		facilityId,
		itemIndex,
		useFallback: options.useFallback !== false,
	});
}
