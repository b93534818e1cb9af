import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openBoxesRequest } from '../../transport';
import { dataObject } from '../../helpers';
import { recordIdField, recordPath, resourceNameField } from './fields';

const show = { resource: ['genericApi'], operation: ['get'] };

export const description: INodeProperties[] = [
	resourceNameField(show),
	recordIdField(show, 'OpenBoxes ID of the record to get'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = recordPath(this, itemIndex);
	return dataObject(await openBoxesRequest.call(this, 'GET', path, { itemIndex }));
}
