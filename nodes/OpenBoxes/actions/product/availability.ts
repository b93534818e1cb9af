import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataList } from '../../helpers';
import { productLocator } from '../../pickers';

const show = { resource: ['product'], operation: ['getAvailability'] };

export const description: INodeProperties[] = [
	{
		displayName:
			"Stock is reported for the location set in the OpenBoxes credential, one item per lot and bin. OpenBoxes updates these figures a few moments after each stock change.",
		name: 'availabilityNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	productLocator(show, 'The product to check. Search the list by name or product code, or give its OpenBoxes ID.'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requiredIdParameter(this, 'productId', 'Product', itemIndex);
	const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.productAvailability(id), {
		itemIndex,
	});
	return dataList(response);
}
