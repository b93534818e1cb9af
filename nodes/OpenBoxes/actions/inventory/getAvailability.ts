import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataList } from '../../helpers';
import { locationOrCredential } from '../../credentialLocation';
import { locationPicker, productPicker } from '../../pickers';
import { requiredStringParameter } from '../../../shared/parameters';

const show = { resource: ['inventory'], operation: ['getAvailability'] };

export const description: INodeProperties[] = [
	productPicker({ name: 'productId', show, description: 'The product to look up' }),
	locationPicker({
		name: 'location',
		displayName: 'Location',
		show,
		description: 'The facility to look in. Leave empty to use the location set in the credential.',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const productId = requiredStringParameter(this, 'productId', 'Product', itemIndex);
	const location = await locationOrCredential(this, 'location', 'Location', itemIndex);
	// One row per lot and bin, with what is available to pick and what is on hand.
	const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.availableItems, {
		query: { 'product.id': productId, 'location.id': location },
		itemIndex,
	});
	return dataList(response);
}
