import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertSomethingToUpdate, requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { locationFieldOptions, locationFieldsBody, locationTypeField, organizationIdField } from './fields';
import { dataObject } from '../../helpers';
import { locationLocator } from '../../pickers';

const show = { resource: ['location'], operation: ['update'] };

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'New name of the location',
};

export const description: INodeProperties[] = [
	locationLocator(show, 'The location to change. Search the list by name, or give its OpenBoxes ID.'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are changed. Empty text clears the value.',
		displayOptions: { show },
		options: [
			...locationFieldOptions,
			locationTypeField(false),
			nameField,
			organizationIdField('OpenBoxes ID of the organization that runs the location. Depot and Supplier locations need one.'),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'locationId', 'Location', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = locationFieldsBody(this, fields, itemIndex, { keepEmpty: true });
	assertSomethingToUpdate(this, body, itemIndex);
	const response = await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.location(id), { body, itemIndex });
	return dataObject(response);
}
