import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toOpenBoxesDate } from '../../dates';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { linesField, readLineItems } from './fields';
import { dataObject } from '../../helpers';
import { fieldError, requiredStringParameter } from '../../../shared/parameters';
import { locationOrCredential } from '../../credentialLocation';
import { locationPicker, userField } from '../../pickers';
import { trimmed } from '../../../shared/values';

const show = { resource: ['stockMovement'], operation: ['create'] };

export const description: INodeProperties[] = [
	locationPicker({
		name: 'origin',
		displayName: 'Origin',
		show,
		description: 'Where the stock leaves from. Leave empty to use the location set in the credential.',
	}),
	locationPicker({
		name: 'destination',
		displayName: 'Destination',
		show,
		description: 'Where the stock goes to. Leave empty to use the location set in the credential.',
	}),
	{ ...userField('requestedBy', 'Requested By', 'The person who asks for the stock'), required: true, displayOptions: { show } },
	{
		displayName: 'Date Requested',
		name: 'dateRequested',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the stock was asked for. OpenBoxes needs this date.',
		hint: 'Pick a date, or use the expression {{ $today }} for the day the workflow runs',
		displayOptions: { show },
	},
	linesField(show, false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Delivery Requested By',
				name: 'dateDeliveryRequested',
				type: 'dateTime',
				default: '',
				description: 'The date the stock should arrive',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'A short note that becomes part of the movement’s name in OpenBoxes',
			},
			{
				displayName: 'Stock List ID',
				name: 'stocklistId',
				type: 'string',
				default: '',
				description: 'A stock list whose products and quantities are copied into the movement',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Everything is read and checked first; nothing is sent until it all passes.
	const origin = await locationOrCredential(this, 'origin', 'Origin', itemIndex);
	const destination = await locationOrCredential(this, 'destination', 'Destination', itemIndex);
	if (origin === destination) {
		throw fieldError(
			this,
			'Origin and Destination are the same location',
			'Destination',
			itemIndex,
			'A stock movement goes from one location to another. An empty Origin or Destination means the location set in the credential, so fill in at least one of them with another location.',
		);
	}
	const requestedBy = requiredStringParameter(this, 'requestedBy', 'Requested By', itemIndex);
	// OpenBoxes refuses a movement without it (StockMovement.dateRequested cannot be null), and the
	// node sends no date the builder did not give: an empty one is refused here.
	const dateRequested = toOpenBoxesDate(this, this.getNodeParameter('dateRequested', itemIndex, ''), 'Date Requested', itemIndex);
	if (dateRequested === undefined) {
		throw fieldError(this, 'Date Requested is required', 'Date Requested', itemIndex, 'Fill in "Date Requested", e.g. with the expression {{ $today }} for the day the workflow runs.');
	}
	const lineItems = readLineItems(this, itemIndex, { required: false });
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const body: IDataObject = {
		origin: { id: origin },
		destination: { id: destination },
		requestedBy: { id: requestedBy },
		dateRequested,
	};
	const text = trimmed(additional.description);
	if (text !== '') body.description = text;
	const stocklistId = trimmed(additional.stocklistId);
	if (stocklistId !== '') body.stocklist = { id: stocklistId };
	const deliveryRequested = toOpenBoxesDate(this, additional.dateDeliveryRequested, 'Delivery Requested By', itemIndex);
	if (deliveryRequested) body.dateDeliveryRequested = deliveryRequested;
	if (lineItems.length > 0) body.lineItems = lineItems;

	return dataObject(await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.stockMovements, { body, itemIndex }));
}
