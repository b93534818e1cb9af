import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { applyLimit, dataList } from '../../helpers';
import { locationOrCredential } from '../../credentialLocation';
import { locationPicker } from '../../pickers';
import { nested } from './fields';

const show = { resource: ['putAway'], operation: ['getCandidates'] };

export const description: INodeProperties[] = [
	locationPicker({
		name: 'location',
		displayName: 'Location',
		show,
		description: 'The facility whose receiving area to look at. Leave empty to use the location set in the credential.',
	}),
	...returnAllOrLimit(show),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const location = await locationOrCredential(this, 'location', 'Location', itemIndex);
	const limit = limitParameter(this, itemIndex);
	// Stock received but not yet put away; OpenBoxes does not page this list.
	const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.putaways, { query: { 'location.id': location }, itemIndex });
	return applyLimit(dataList(response), limit).map(nested);
}
