import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredStringParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';

const show = { resource: ['product'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ff80818155df9de40155df9e31000001',
		description: 'The OpenBoxes ID of the product (a long code), not its product code',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredStringParameter(this, 'productId', 'Product ID', itemIndex);
	const response = (await openBoxesRequest.call(this, 'GET', `/products/${encodeURIComponent(id)}`, {
		itemIndex,
	})) as { data?: IDataObject };
	return response.data ?? {};
}
