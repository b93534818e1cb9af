import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openBoxesRequest } from '../../transport';
import { genericData, jsonBody, resourceNameField, resourcePath } from './fields';

const show = { resource: ['genericApi'], operation: ['create'] };

export const description: INodeProperties[] = [
	resourceNameField(show),
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '{}',
		required: true,
		description:
			'The record as JSON, e.g. {"name": "Vaccines"}: an object for one record, or a list of objects to save several at once (all or none are saved)',
		hint: 'Link another record by its ID, e.g. "category": {"id": "ROOT"}',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const path = resourcePath(this, itemIndex);
	const body = jsonBody(this, itemIndex, { allowArray: true });
	return genericData(await openBoxesRequest.call(this, 'POST', path, { body, itemIndex }));
}
