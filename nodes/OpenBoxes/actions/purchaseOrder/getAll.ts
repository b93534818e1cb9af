import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { fieldError, limitParameter } from '../../../shared/parameters';
import { sortableDate, toOpenBoxesDate } from '../../dates';
import { openBoxesList } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { multiValues, withRepeatedQuery } from '../../helpers';
import { trimmed } from '../../../shared/values';

const show = { resource: ['purchaseOrder'], operation: ['getAll'] };

/** The statuses OpenBoxes derives for the list (OrderSummaryStatus), by display name. */
export const ORDER_STATUSES = [
	{ name: 'Approved', value: 'APPROVED' },
	{ name: 'Canceled', value: 'CANCELED' },
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'Invoiced', value: 'INVOICED' },
	{ name: 'Partially Invoiced', value: 'PARTIALLY_INVOICED' },
	{ name: 'Partially Received', value: 'PARTIALLY_RECEIVED' },
	{ name: 'Partially Shipped', value: 'PARTIALLY_SHIPPED' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Placed', value: 'PLACED' },
	{ name: 'Received', value: 'RECEIVED' },
	{ name: 'Rejected', value: 'REJECTED' },
	{ name: 'Shipped', value: 'SHIPPED' },
];

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
				displayName: 'Destination Name or ID',
				name: 'destination',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLocations' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				hint: 'Only orders delivered to this location',
			},
			{
				displayName: 'Ordered After',
				name: 'statusStartDate',
				type: 'dateTime',
				default: '',
				description: 'Only orders placed on or after this date',
			},
			{
				displayName: 'Ordered Before',
				name: 'statusEndDate',
				type: 'dateTime',
				default: '',
				description: 'Only orders placed on or before this date',
			},
			{
				displayName: 'Ordered By Name or ID',
				name: 'orderedBy',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				hint: 'Only orders placed by this person',
			},
			{
				displayName: 'Search',
				name: 'searchTerm',
				type: 'string',
				default: '',
				description: 'Matches the order number, name or description',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: ORDER_STATUSES,
				default: [],
				description: 'Only orders in one of these states',
			},
			{
				displayName: 'Supplier Name or ID',
				name: 'origin',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getSuppliers' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				hint: 'Only orders from this supplier',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const key of ['searchTerm', 'origin', 'destination', 'orderedBy'] as const) {
		const value = trimmed(filters[key]);
		if (value !== '') query[key] = value;
	}
	// OpenBoxes reads both dates strictly as MM/dd/yyyy.
	const start = toOpenBoxesDate(this, filters.statusStartDate, 'Ordered After', itemIndex);
	const end = toOpenBoxesDate(this, filters.statusEndDate, 'Ordered Before', itemIndex);
	if (start && end && sortableDate(start) > sortableDate(end)) {
		throw fieldError(this, 'Ordered After is later than Ordered Before', 'Ordered After', itemIndex);
	}
	if (start) query.statusStartDate = start;
	if (end) query.statusEndDate = end;
	const path = withRepeatedQuery(OPENBOXES_PATHS.purchaseOrders, 'status', multiValues(filters.status).map((s) => s.toUpperCase()));
	return await openBoxesList.call(this, path, { query, limit: limitParameter(this, itemIndex), itemIndex });
}
