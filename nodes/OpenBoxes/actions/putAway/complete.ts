import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataObject } from '../../helpers';
import { isObject, trimmed } from '../../../shared/values';
import { itemLabel, nested, putAwayBinField, putAwayIdField, referenceId } from './fields';

const show = { resource: ['putAway'], operation: ['complete'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Completing moves the stock from receiving into the chosen bins. A completed put-away cannot be changed any more.',
		name: 'completeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	putAwayIdField(show, 'The OpenBoxes ID of the pending put-away to complete'),
	{
		...putAwayBinField,
		description: 'The bin for items that have none chosen yet. Items that already have a bin keep it.',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'putAwayId', 'Put-Away ID', itemIndex);
	const bin = trimmed(this.getNodeParameter('putAwayBinId', itemIndex, ''));
	// Complete sends the same put-away back with status COMPLETED, as the OpenBoxes web app does.
	const putaway = nested(dataObject(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.putaway(id), { itemIndex })));
	if (String(putaway.putawayStatus ?? '').toUpperCase() === 'COMPLETED') {
		throw fieldError(this, `Put-away ${String(putaway.putawayNumber ?? id)} is already completed`, 'Put-Away ID', itemIndex);
	}
	const items = (Array.isArray(putaway.putawayItems) ? putaway.putawayItems : []).filter(isObject);
	if (items.length === 0) {
		throw fieldError(this, `Put-away ${String(putaway.putawayNumber ?? id)} has no items to complete`, 'Put-Away ID', itemIndex);
	}
	const putawayItems = items.map((item, index) => {
		const completed: IDataObject = { ...item, putawayStatus: 'COMPLETED' };
		if (referenceId(item, 'putawayLocation') === '') {
			if (bin === '') {
				throw fieldError(
					this,
					`${itemLabel(item, index)} has no bin to put it into`,
					'Put-Away Bin ID',
					itemIndex,
					'Fill in "Put-Away Bin ID" for the items without a bin, or choose their bins in OpenBoxes first.',
				);
			}
			completed.putawayLocation = { ...(isObject(item.putawayLocation) ? item.putawayLocation : {}), id: bin };
		}
		return completed;
	});
	const body: IDataObject = { ...putaway, id: putaway.id ?? id, putawayStatus: 'COMPLETED', putawayItems };
	return nested(dataObject(await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.putaways, { body, itemIndex })));
}
