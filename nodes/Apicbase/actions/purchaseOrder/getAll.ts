import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseList } from '../../transport';
import { customerCredentialType } from '../../authentication';

const show = { resource: ['purchaseOrder'], operation: ['getAll'] };

const STATUSES = [
	{ name: 'In Progress (in the Cart)', value: 'IN_PROGRESS' },
	{ name: 'Ordered (Sent to the Supplier)', value: 'ORDERED' },
	{ name: 'Delivered (At Least One Delivery)', value: 'DELIVERED' },
];
const YES_NO = [
	{ name: 'Yes', value: 'true' },
	{ name: 'No', value: 'false' },
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
				displayName: 'Delivery Closed',
				name: 'deliveryClosed',
				type: 'options',
				options: YES_NO,
				default: 'false',
				description: 'Whether the order is closed for further deliveries',
			},
			{
				displayName: 'Expected Delivery After',
				name: 'expectedDeliveryAfter',
				type: 'dateTime',
				default: '',
				description: 'Only orders expected after this day',
			},
			{
				displayName: 'Expected Delivery Before',
				name: 'expectedDeliveryBefore',
				type: 'dateTime',
				default: '',
				description: 'Only orders expected before this day',
			},
			{
				displayName: 'Fetched by Supplier',
				name: 'fetchedBySupplier',
				type: 'options',
				options: YES_NO,
				default: 'false',
				description: 'Whether an integrated supplier picked the order up through the API',
			},
			{
				displayName: 'Order Number',
				name: 'orderNumber',
				type: 'string',
				default: '',
				description: 'Only the order with exactly this order number',
			},
			{
				displayName: 'Order Number Contains',
				name: 'orderNumberContains',
				type: 'string',
				default: '',
				description: 'Only orders whose order number contains this text',
			},
			{
				displayName: 'Ordered After',
				name: 'orderedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only orders sent after this moment (UTC if no time zone is given)',
			},
			{
				displayName: 'Ordered Before',
				name: 'orderedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only orders sent before this moment (UTC if no time zone is given)',
			},
			{
				displayName: 'Outlet ID',
				name: 'outletId',
				type: 'string',
				default: '',
				description: 'Only orders of this outlet (see Outlet > Get Many)',
			},
			{
				displayName: 'Sort By',
				name: 'ordering',
				type: 'options',
				options: [
					{ name: 'Ordered On, Newest First', value: '-ordered_on' },
					{ name: 'Ordered On, Oldest First', value: 'ordered_on' },
					{ name: 'Expected Delivery, Latest First', value: '-expected_delivery_date' },
					{ name: 'Expected Delivery, Earliest First', value: 'expected_delivery_date' },
				],
				default: '-ordered_on',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUSES,
				default: 'ORDERED',
			},
			{
				displayName: 'Status Is One Of',
				name: 'statusIn',
				type: 'multiOptions',
				options: STATUSES,
				default: [],
				description: 'Only orders with any of these statuses',
			},
			{
				displayName: 'Supplier ID',
				name: 'supplierId',
				type: 'string',
				default: '',
				description: 'Only orders sent to this supplier',
			},
			{
				displayName: 'Viewed by Supplier',
				name: 'viewedBySupplier',
				type: 'options',
				options: YES_NO,
				default: 'false',
				description: 'Whether the supplier opened or acknowledged the order',
			},
		],
	},
];

/** A day for the *_date filters: the date part of a dateTime value. */
function toDay(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const text = String(value).trim();
	const match = /^\d{4}-\d{2}-\d{2}/.exec(text);
	if (!match || Number.isNaN(Date.parse(match[0]))) {
		throw new NodeOperationError(context.getNode(), `${label} must be a date such as 2026-11-05, got "${text}"`, {
			itemIndex,
			description: `Check the "${label}" filter.`,
		});
	}
	return match[0];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	const set = (key: string, value: unknown) => {
		if (value !== undefined && value !== null && String(value).trim() !== '') query[key] = String(value).trim();
	};
	set('status', filters.status);
	if (Array.isArray(filters.statusIn) && filters.statusIn.length > 0) query.status__in = filters.statusIn.join(',');
	set('supplier', filters.supplierId);
	set('outlet', filters.outletId);
	set('order_number', filters.orderNumber);
	set('order_number__icontains', filters.orderNumberContains);
	set('delivery_closed', filters.deliveryClosed);
	set('ordered_on__gt', filters.orderedAfter);
	set('ordered_on__lt', filters.orderedBefore);
	if (filters.expectedDeliveryAfter) {
		query.expected_delivery_date__gt = toDay(this, filters.expectedDeliveryAfter, 'Expected Delivery After', itemIndex);
	}
	if (filters.expectedDeliveryBefore) {
		query.expected_delivery_date__lt = toDay(this, filters.expectedDeliveryBefore, 'Expected Delivery Before', itemIndex);
	}
	set('viewed_by_supplier', filters.viewedBySupplier);
	set('fetched_by_supplier', filters.fetchedBySupplier);
	set('ordering', filters.ordering);
	return await apicbaseList.call(this, customerCredentialType(this), APICBASE_PATHS.purchaseOrders, {
		query,
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
