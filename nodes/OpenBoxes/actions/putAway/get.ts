import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataObject } from '../../helpers';
import { nested, putAwayIdField } from './fields';

const show = { resource: ['putAway'], operation: ['get'] };

export const description: INodeProperties[] = [
	putAwayIdField(show, 'The OpenBoxes ID of the put-away (a long code), not its put-away number'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'putAwayId', 'Put-Away ID', itemIndex);
	return nested(dataObject(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.putaway(id), { itemIndex })));
}
