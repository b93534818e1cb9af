import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { MBX_FILTERS_HINT } from '../../filters';
import { mbxList } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['customerOrderSubmission'], operation: ['getAll'] };

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
				displayName: 'Customer Order',
				name: 'customer_order',
				type: 'string',
				default: '',
				description: 'Only the order with this customer order number (exact match)',
			},
			{
				displayName: 'Purchase Order',
				name: 'purchase_order',
				type: 'string',
				default: '',
				description: 'Only the order with this purchase order number (exact match)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'pending',
				description: 'Only orders in this state',
				options: [
					{ name: 'Pending', value: 'pending', description: 'On hold; can still be changed or deleted' },
					{ name: 'Released', value: 'released', description: 'Released from hold and about to be processed' },
					{ name: 'Shipped', value: 'shipped', description: 'Shipped, with invoices and tracking numbers' },
				],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const cleaned: IDataObject = {};
	for (const [key, raw] of Object.entries(filters)) {
		const value = raw === undefined || raw === null ? '' : String(raw).trim();
		if (value !== '') cleaned[key] = key === 'status' ? value.toLowerCase() : value;
	}
	return await mbxList.call(this, MBX_PATHS.orders, {
		filters: cleaned,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
