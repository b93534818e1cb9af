import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertSomethingToUpdate, requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataObject } from '../../helpers';
import { productLocator } from '../../pickers';
import { categoryField, productFieldOptions, productFieldsBody } from './create';

const show = { resource: ['product'], operation: ['update'] };

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'New name of the product, at most 255 characters',
};

export const description: INodeProperties[] = [
	productLocator(show, 'The product to change. Search the list by name or product code, or give its OpenBoxes ID.'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are changed. Empty text clears the value.',
		displayOptions: { show },
		options: [
			...productFieldOptions,
			categoryField(false),
			nameField,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'productId', 'Product', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = productFieldsBody(this, fields, itemIndex, { keepEmpty: true });
	assertSomethingToUpdate(this, body, itemIndex);
	const response = await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.product(id), { body, itemIndex });
	return dataObject(response);
}
