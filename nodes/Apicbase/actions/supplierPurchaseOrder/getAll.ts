import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseList } from '../../transport';

const show = { resource: ['supplierPurchaseOrder'], operation: ['getAll'] };

export const description: INodeProperties[] = [
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
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Ordered (Sent to You, Not Yet Delivered)', value: 'ORDERED' },
					{ name: 'Delivered (Customer Registered Delivery)', value: 'DELIVERED' },
				],
				default: 'ORDERED',
			},
			{
				displayName: 'Ordered After',
				name: 'orderedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only orders placed after this moment (UTC if no time zone is given)',
			},
			{
				displayName: 'Ordered Before',
				name: 'orderedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only orders placed before this moment',
			},
			{
				displayName: 'Fetched by You',
				name: 'fetchedBySupplier',
				type: 'options',
				options: [
					{ name: 'Yes', value: 'true' },
					{ name: 'No', value: 'false' },
				],
				default: 'false',
				description: 'Whether you already marked the order as fetched',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	if (filters.status) query.status = filters.status;
	if (filters.orderedAfter) query.ordered_on__gt = filters.orderedAfter;
	if (filters.orderedBefore) query.ordered_on__lt = filters.orderedBefore;
	if (filters.fetchedBySupplier) query.fetched_by_supplier = filters.fetchedBySupplier;
	return await apicbaseList.call(this, 'apicbaseSupplierApi', APICBASE_PATHS.supplierPurchaseOrders, {
		query,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
