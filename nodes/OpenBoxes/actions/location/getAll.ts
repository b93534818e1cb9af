import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { ACTIVITY_CODES, LOCATION_TYPE_CODES } from './fields';
import { applyLimit, dataList, multiValues, withRepeatedQuery } from '../../helpers';
import { searchText } from '../../pickers';
import { trimmed } from '../../../shared/values';

const show = { resource: ['location'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'OpenBoxes lists only active locations (no bins or zones inside a location) and sends them all at once; Limit is applied afterwards.',
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
				displayName: 'Activity Codes',
				name: 'activityCodes',
				type: 'multiOptions',
				options: ACTIVITY_CODES,
				default: [],
				description: 'Only locations that support all of the chosen activities',
			},
			{
				displayName: 'Location Type Code',
				name: 'locationTypeCode',
				type: 'options',
				options: LOCATION_TYPE_CODES,
				default: 'DEPOT',
				description: 'Only locations of this type',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. boston',
				description:
					'Only locations whose name contains this text, at least 3 characters. OpenBoxes returns nothing for shorter text, so the node refuses it.',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const limit = limitParameter(this, itemIndex);
	const query: IDataObject = {};
	const name = searchText(this, filters.name, 'Name', itemIndex, { required: false });
	if (name) query.name = name;
	const typeCode = trimmed(filters.locationTypeCode);
	if (typeCode) query.locationTypeCode = typeCode;
	const path = withRepeatedQuery(OPENBOXES_PATHS.locations, 'activityCodes', multiValues(filters.activityCodes));
	const response = await openBoxesRequest.call(this, 'GET', path, { query, itemIndex });
	return applyLimit(dataList(response), limit);
}
