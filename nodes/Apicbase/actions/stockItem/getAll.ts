import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter, requiredIdParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseList } from '../../transport';
import { customerCredentialType } from '../../authentication';
import { outletIdField } from './fields';

const show = { resource: ['stockItem'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	outletIdField(show),
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
				displayName: 'Modified After',
				name: 'modifiedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only stock items changed after this moment, to sync changes only',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const outletId = requiredIdParameter(this, 'outletId', 'Outlet ID', itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	if (filters.modifiedAfter) query.modified_date__gt = filters.modifiedAfter;
	return await apicbaseList.call(this, customerCredentialType(this), APICBASE_PATHS.outletStockItems(outletId), {
		query,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
