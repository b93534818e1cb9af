import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { deletedResult } from '../../helpers';
import { locationLocator } from '../../pickers';

const show = { resource: ['location'], operation: ['delete'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'OpenBoxes refuses to delete a location that holds stock or has transactions. Set it inactive with Update instead.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	locationLocator(show, 'The location to delete. Search the list by name, or give its OpenBoxes ID.'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'locationId', 'Location', itemIndex);
	const response = await openBoxesRequest.call(this, 'DELETE', OPENBOXES_PATHS.location(id), { itemIndex });
	return deletedResult(response, id);
}
