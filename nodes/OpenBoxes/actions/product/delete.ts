import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { deletedResult } from '../../helpers';
import { productLocator } from '../../pickers';

const show = { resource: ['product'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'OpenBoxes refuses to delete a product that has stock, orders or shipments. Set it inactive with Update instead.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	productLocator(show, 'The product to delete. Search the list by name or product code, or give its OpenBoxes ID.'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'productId', 'Product', itemIndex);
	const response = await openBoxesRequest.call(this, 'DELETE', OPENBOXES_PATHS.product(id), { itemIndex });
	return deletedResult(response, id);
}
