import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter, positiveInteger } from '../../../shared/parameters';
import { MBX_FILTERS_HINT } from '../../filters';
import { mbxList } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['invoice'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		hint: MBX_FILTERS_HINT,
		displayOptions: { show },
		options: [
			{
				displayName: 'Order ID',
				name: 'order_id',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Only return invoices billed for this MBX order',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const q: IDataObject = {};
	if (filters.order_id !== undefined && filters.order_id !== '') {
		q.order_id = positiveInteger(this, filters.order_id, 'Order ID', itemIndex);
	}
	return await mbxList.call(this, MBX_PATHS.invoices, {
		filters: q,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
