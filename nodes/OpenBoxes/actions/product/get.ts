import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataObject } from '../../helpers';
import { productLocator } from '../../pickers';

const show = { resource: ['product'], operation: ['get'] };

export const description: INodeProperties[] = [
	productLocator(
		show,
		'The product to get. Search the list by name or product code, or give its OpenBoxes ID (a long code, not the product code).',
	),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'productId', 'Product', itemIndex);
	const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.product(id), { itemIndex });
	return dataObject(response);
}
