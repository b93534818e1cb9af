import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter, positiveInteger } from '../../../shared/parameters';
import { MBX_FILTERS_HINT } from '../../filters';
import { mbxList } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['automationQueue'], operation: ['getAll'] };

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
				displayName: 'Finished',
				name: 'finished',
				type: 'boolean',
				default: false,
				description: 'Whether to return only queues whose tasks all finished (on) or only queues still running (off)',
			},
			{
				displayName: 'Work Order ID',
				name: 'work_order_id',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Only return queues of systems built under this MBX work order',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const q: IDataObject = {};
	if (typeof filters.finished === 'boolean') q.finished = filters.finished;
	if (filters.work_order_id !== undefined && filters.work_order_id !== '') {
		q.work_order_id = positiveInteger(this, filters.work_order_id, 'Work Order ID', itemIndex);
	}
	return await mbxList.call(this, MBX_PATHS.automationQueues, {
		filters: q,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
