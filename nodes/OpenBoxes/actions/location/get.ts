import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { isObject } from '../../../shared/values';
import { locationLocator } from '../../pickers';

const show = { resource: ['location'], operation: ['get'] };

export const description: INodeProperties[] = [
	locationLocator(show, 'The location to get. Search the list by name, or give its OpenBoxes ID.'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'locationId', 'Location', itemIndex);
	const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.location(id), { itemIndex });
	const location = isObject(response) ? response.data : undefined;
	if (!isObject(location)) {
		// OpenBoxes answers an unknown location ID with 200 {"data": null} rather than a 404.
		throw new NodeApiError(
			this.getNode(),
			{ data: null },
			{
				httpCode: '404',
				message: `No location with ID "${id}"`,
				description: 'OpenBoxes has no location with this ID. Check the Location field, or pick the location from the list.',
				itemIndex,
			},
		);
	}
	return location;
}
