import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { stockMovementIdField } from './fields';
import { isObject } from '../../../shared/values';

const show = { resource: ['stockMovement'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'OpenBoxes deletes only stock movements not yet shipped, from the credential\'s location.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	stockMovementIdField(show, 'The OpenBoxes ID of the stock movement to delete'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'stockMovementId', 'Stock Movement', itemIndex);
	// OpenBoxes answers 204 with no body.
	const response = await openBoxesRequest.call(this, 'DELETE', OPENBOXES_PATHS.stockMovement(id), { itemIndex });
	return { ...(isObject(response) ? response : {}), deleted: true, id };
}
