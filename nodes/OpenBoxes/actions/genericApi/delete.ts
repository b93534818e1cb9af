import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { openBoxesRequest } from '../../transport';
import { deletedResult } from '../../helpers';
import { trimmed } from '../../../shared/values';
import { recordIdField, recordPath, resourceNameField } from './fields';

const show = { resource: ['genericApi'], operation: ['delete'] };

export const description: INodeProperties[] = [
	resourceNameField(show),
	recordIdField(show, 'OpenBoxes ID of the record to delete. OpenBoxes refuses when other records still point to it.'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path, id } = recordPath(this, itemIndex);
	const response = await openBoxesRequest.call(this, 'DELETE', path, { itemIndex });
	return deletedResult(response, id, { resourceName: trimmed(this.getNodeParameter('resourceName', itemIndex, '')) });
}
