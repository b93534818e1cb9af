import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { fieldError, limitParameter, stringParameter } from '../../../shared/parameters';
import { sortableDate, toOpenBoxesDate } from '../../dates';
import { openBoxesList } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { credentialLocation } from '../../credentialLocation';
import { locationPicker } from '../../pickers';
import { multiValues, withRepeatedQuery } from '../../helpers';
import { trimmed } from '../../../shared/values';

const show = { resource: ['stockMovement'], operation: ['getAll'] };

export const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;

export const description: INodeProperties[] = [
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		required: true,
		options: [
			{ name: 'Inbound', value: 'INBOUND', description: 'Stock coming in to the Destination' },
			{ name: 'Outbound', value: 'OUTBOUND', description: 'Stock going out from the Origin' },
		],
		default: 'OUTBOUND',
		description: 'OpenBoxes lists incoming and outgoing movements separately, so choose one',
		displayOptions: { show },
	},
	locationPicker({
		name: 'origin',
		displayName: 'Origin',
		show,
		description:
			'Where the stock leaves from. For Outbound, leave empty to use the location set in the credential; for Inbound, leave empty to list movements from anywhere.',
	}),
	locationPicker({
		name: 'destination',
		displayName: 'Destination',
		show,
		description:
			'Where the stock goes to. For Inbound, leave empty to use the location set in the credential; for Outbound, leave empty to list movements to anywhere.',
	}),
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
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only movements created on or after this date',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only movements created on or before this date',
			},
			{
				displayName: 'Receipt Status',
				name: 'receiptStatusCode',
				type: 'multiOptions',
				default: [],
				description: 'Only movements whose shipment is in one of these states',
				options: [
					{ name: 'Created', value: 'CREATED' },
					{ name: 'Partially Received', value: 'PARTIALLY_RECEIVED' },
					{ name: 'Pending', value: 'PENDING' },
					{ name: 'Received', value: 'RECEIVED' },
					{ name: 'Shipped', value: 'SHIPPED' },
				],
			},
			{
				displayName: 'Requisition Status',
				name: 'requisitionStatusCode',
				type: 'multiOptions',
				default: [],
				description: 'Only outbound movements whose request is in one of these states',
				options: [
					{ name: 'Approved', value: 'APPROVED' },
					{ name: 'Canceled', value: 'CANCELED' },
					{ name: 'Checking (Packing)', value: 'CHECKING' },
					{ name: 'Created', value: 'CREATED' },
					{ name: 'Editing', value: 'EDITING' },
					{ name: 'Issued (Shipped)', value: 'ISSUED' },
					{ name: 'Pending', value: 'PENDING' },
					{ name: 'Pending Approval', value: 'PENDING_APPROVAL' },
					{ name: 'Picked', value: 'PICKED' },
					{ name: 'Picking', value: 'PICKING' },
					{ name: 'Received', value: 'RECEIVED' },
					{ name: 'Rejected', value: 'REJECTED' },
					{ name: 'Verifying (Requested)', value: 'VERIFYING' },
				],
			},
			{
				displayName: 'Search',
				name: 'q',
				type: 'string',
				default: '',
				description: 'Matches the identifier, name or description of the movement',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const direction = trimmed(this.getNodeParameter('direction', itemIndex, '')).toUpperCase();
	if (!(DIRECTIONS as readonly string[]).includes(direction)) {
		throw fieldError(
			this,
			direction === '' ? 'Direction is required' : `Direction "${direction}" is not Inbound or Outbound`,
			'Direction',
			itemIndex,
			'Choose Inbound or Outbound in the "Direction" field: OpenBoxes lists them separately.',
		);
	}
	// OpenBoxes refuses the list without our side of the movement: the origin of outbound
	// movements, the destination of inbound ones. Empty means the credential's location.
	let origin = stringParameter(this, 'origin', itemIndex);
	let destination = stringParameter(this, 'destination', itemIndex);
	if (direction === 'OUTBOUND' && origin === '') origin = await credentialLocation(this, 'Origin', itemIndex);
	if (direction === 'INBOUND' && destination === '') destination = await credentialLocation(this, 'Destination', itemIndex);
	if (origin === destination) {
		throw fieldError(
			this,
			'Origin and Destination are the same location',
			direction === 'OUTBOUND' ? 'Destination' : 'Origin',
			itemIndex,
			'OpenBoxes lists movements between two different locations. An empty Origin (outbound) or Destination (inbound) means the location set in the credential.',
		);
	}

	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = { direction };
	if (origin !== '') query.origin = origin;
	if (destination !== '') query.destination = destination;
	const search = trimmed(filters.q);
	if (search !== '') query.q = search;
	const createdAfter = toOpenBoxesDate(this, filters.createdAfter, 'Created After', itemIndex);
	const createdBefore = toOpenBoxesDate(this, filters.createdBefore, 'Created Before', itemIndex);
	if (createdAfter && createdBefore && sortableDate(createdAfter) > sortableDate(createdBefore)) {
		throw fieldError(this, 'Created After is later than Created Before', 'Created After', itemIndex);
	}
	if (createdAfter) query.createdAfter = createdAfter;
	if (createdBefore) query.createdBefore = createdBefore;

	let path = withRepeatedQuery(OPENBOXES_PATHS.stockMovements, 'receiptStatusCode', multiValues(filters.receiptStatusCode));
	path = withRepeatedQuery(path, 'requisitionStatusCode', multiValues(filters.requisitionStatusCode));
	return await openBoxesList.call(this, path, { query, limit: limitParameter(this, itemIndex), itemIndex });
}
