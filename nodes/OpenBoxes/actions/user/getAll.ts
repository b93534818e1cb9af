import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { applyLimit, dataList, multiValues, withRepeatedQuery } from '../../helpers';
import { trimmed } from '../../../shared/values';
import { ROLE_TYPES } from './fields';

const show = { resource: ['user'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{
		displayName: 'OpenBoxes sends all matching users at once, newest last name first; Limit is applied afterwards.',
		name: 'getAllNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	...returnAllOrLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'boolean',
				default: true,
				description: 'Whether to list only active users (on) or only inactive users (off)',
			},
			{
				displayName: 'Location Name or ID',
				name: 'location',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLocations' },
				default: '',
				description:
					'Location the roles apply at. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Role Types',
				name: 'roleTypes',
				type: 'multiOptions',
				options: ROLE_TYPES,
				default: [],
				description:
					"Only users with one of these roles. Roles are checked at the chosen Location, or at the credential's location when none is chosen.",
			},
			{
				displayName: 'Search Term',
				name: 'searchTerm',
				type: 'string',
				default: '',
				placeholder: 'e.g. miranda',
				description: 'Words to find in the first name, last name or e-mail',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const limit = limitParameter(this, itemIndex);
	const query: IDataObject = {};
	const searchTerm = trimmed(filters.searchTerm);
	if (searchTerm) query.searchTerm = searchTerm;
	if (typeof filters.active === 'boolean') query.active = filters.active;
	const location = trimmed(filters.location);
	if (location) query.location = location;
	const path = withRepeatedQuery(OPENBOXES_PATHS.users, 'roleTypes', multiValues(filters.roleTypes));
	const response = await openBoxesRequest.call(this, 'GET', path, { query, itemIndex });
	return applyLimit(dataList(response), limit);
}
