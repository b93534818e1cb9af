/**
 * The location fields Create and Update share, the location type and activity codes OpenBoxes
 * knows, and how what the user entered becomes the location JSON OpenBoxes binds.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { fieldError } from '../../../shared/parameters';
import { trimmed } from '../../../shared/values';

/** Location types that OpenBoxes saves only with an organization. */
export const TYPES_NEEDING_ORGANIZATION = ['DEPOT', 'SUPPLIER'];

/** The location type codes of OpenBoxes (`LocationTypeCode`). */
export const LOCATION_TYPE_CODES: INodePropertyOptions[] = [
	{ name: 'Bin Location', value: 'BIN_LOCATION' },
	{ name: 'Consumer', value: 'CONSUMER' },
	{ name: 'Default', value: 'DEFAULT' },
	{ name: 'Depot', value: 'DEPOT' },
	{ name: 'Dispensary', value: 'DISPENSARY' },
	{ name: 'Disposal', value: 'DISPOSAL' },
	{ name: 'Distributor', value: 'DISTRIBUTOR' },
	{ name: 'Donor', value: 'DONOR' },
	{ name: 'Internal', value: 'INTERNAL' },
	{ name: 'Supplier', value: 'SUPPLIER' },
	{ name: 'Virtual', value: 'VIRTUAL' },
	{ name: 'Ward', value: 'WARD' },
	{ name: 'Zone', value: 'ZONE' },
];

/** The activity codes a location most often supports (`ActivityCode`). */
export const ACTIVITY_CODES: INodePropertyOptions[] = [
	{ name: 'Adjust Inventory', value: 'ADJUST_INVENTORY' },
	{ name: 'Approve Order', value: 'APPROVE_ORDER' },
	{ name: 'Approve Request', value: 'APPROVE_REQUEST' },
	{ name: 'Consume Stock', value: 'CONSUME_STOCK' },
	{ name: 'Cross Docking', value: 'CROSS_DOCKING' },
	{ name: 'External', value: 'EXTERNAL' },
	{ name: 'Fulfill Order', value: 'FULFILL_ORDER' },
	{ name: 'Fulfill Request', value: 'FULFILL_REQUEST' },
	{ name: 'Manage Inventory', value: 'MANAGE_INVENTORY' },
	{ name: 'Pack Shipment', value: 'PACK_SHIPMENT' },
	{ name: 'Partial Receiving', value: 'PARTIAL_RECEIVING' },
	{ name: 'Pick Stock', value: 'PICK_STOCK' },
	{ name: 'Place Order', value: 'PLACE_ORDER' },
	{ name: 'Place Request', value: 'PLACE_REQUEST' },
	{ name: 'Putaway Stock', value: 'PUTAWAY_STOCK' },
	{ name: 'Receive Stock', value: 'RECEIVE_STOCK' },
	{ name: 'Send Stock', value: 'SEND_STOCK' },
	{ name: 'Submit Request', value: 'SUBMIT_REQUEST' },
];

export function locationTypeField(required: boolean): INodeProperties {
	return {
		displayName: 'Location Type Name or ID',
		name: 'locationTypeId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLocationTypes' },
		default: '',
		required,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

export function organizationIdField(description: string): INodeProperties {
	return {
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'string',
		default: '',
		placeholder: 'e.g. ff80818155df9de40155df9e31000002',
		description,
	};
}

/** The optional fields of Create, sorted by display name; keys are OpenBoxes' own. */
export const locationFieldOptions: INodeProperties[] = [
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether the location is in use. Inactive locations are left out of lists.',
	},
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{
		displayName: 'Location Number',
		name: 'locationNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. BHQ',
		description: 'Short code for the location. When left out on Create, OpenBoxes makes one up.',
	},
	{
		displayName: 'Postal Code',
		name: 'postalCode',
		type: 'string',
		default: '',
	},
	{
		displayName: 'State or Province',
		name: 'stateOrProvince',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Street Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: 'e.g. 100 Main Street',
	},
	{
		displayName: 'Street Address Line 2',
		name: 'address2',
		type: 'string',
		default: '',
	},
];

const ADDRESS_KEYS = ['address', 'address2', 'city', 'stateOrProvince', 'postalCode', 'country'];

const LABELS: Record<string, string> = Object.fromEntries(
	[
		...locationFieldOptions,
		{ displayName: 'Name', name: 'name' },
		{ displayName: 'Location Type', name: 'locationTypeId' },
		{ displayName: 'Organization ID', name: 'organizationId' },
	].map((field) => [field.name, field.displayName]),
);

/**
 * Turns Additional Fields / Update Fields into location JSON: address fields go into `address`,
 * Location Type and Organization become `{ "id": ... }`. Empty text is left out on Create and sent
 * as "" on Update, where it clears the value; Name and Location Type may not be emptied.
 */
export function locationFieldsBody(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	options: { keepEmpty: boolean },
): IDataObject {
	const body: IDataObject = {};
	const address: IDataObject = {};
	for (const [key, raw] of Object.entries(fields)) {
		if (raw === undefined || raw === null) continue;
		const label = LABELS[key] ?? key;
		if (key === 'active') {
			body.active = raw === true || raw === 'true';
			continue;
		}
		const text = trimmed(raw);
		if (key === 'name' || key === 'locationTypeId') {
			if (text === '') throw fieldError(context, `${label} is empty; fill it in or remove the field`, label, itemIndex);
			if (key === 'name') body.name = text;
			else body.locationType = { id: text };
		} else if (key === 'organizationId') {
			if (text !== '') body.organization = { id: text };
			else if (options.keepEmpty) body.organization = null;
		} else if (text !== '' || options.keepEmpty) {
			if (ADDRESS_KEYS.includes(key)) address[key] = text;
			else body[key] = text;
		}
	}
	if (Object.keys(address).length > 0) body.address = address;
	return body;
}
