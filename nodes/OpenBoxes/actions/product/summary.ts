import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataObject } from '../../helpers';
import { productLocator } from '../../pickers';

const show = { resource: ['product'], operation: ['getSummary'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Gives the quantity on hand at the location set in the OpenBoxes credential. It is 0 when the product has never been stocked there.',
		name: 'summaryNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	productLocator(show, 'The product to check. Search the list by name or product code, or give its OpenBoxes ID.'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'productId', 'Product', itemIndex);
	const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.productSummary(id), {
		itemIndex,
	});
	const summary = dataObject(response);
	// OpenBoxes sums no rows to null for a product never stocked at the location.
	return { ...summary, quantityOnHand: typeof summary.quantityOnHand === 'number' ? summary.quantityOnHand : 0 };
}
