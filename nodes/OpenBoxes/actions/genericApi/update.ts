import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openBoxesRequest } from '../../transport';
import { dataObject } from '../../helpers';
import { jsonBody, recordIdField, recordPath, resourceNameField } from './fields';

const show = { resource: ['genericApi'], operation: ['update'] };

export const description: INodeProperties[] = [
	resourceNameField(show),
	recordIdField(show, 'OpenBoxes ID of the record to change'),
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '{}',
		required: true,
		description: 'The fields to change as a JSON object, e.g. {"name": "Vaccines"}; fields left out keep their value',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = recordPath(this, itemIndex);
	const body = jsonBody(this, itemIndex, { allowArray: false }) as IDataObject;
	return dataObject(await openBoxesRequest.call(this, 'POST', path, { body, itemIndex }));
}
