/**
 * The order fields Create and Update share: their descriptions, and how what the user entered
 * becomes the JSON MBX expects (checked by ../../validation/address before anything is sent).
 */
import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { positiveInteger, requiredText } from '../../../shared/parameters';
import { validateAddress, validateLines, type MbxAddress, type MbxOrderLine } from '../../validation/address';
import { isEmptyDate, mbxDate, mbxDateTime } from '../../validation/dates';
import { isObject, trimmed } from '../../../shared/values';

/** The fields of one address. Names are MBX's own keys, so they are sent as they are. */
const addressValues: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. John L. Doe',
		description: 'First and last name of the person',
	},
	{
		displayName: 'Company',
		name: 'company',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1-555-555-6789',
	},
	{
		displayName: 'Address Line 1',
		name: 'address_1',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 467 Highway #1',
		hint: 'At most 35 characters',
	},
	{
		displayName: 'Address Line 2',
		name: 'address_2',
		type: 'string',
		default: '',
		hint: 'At most 35 characters',
	},
	{
		displayName: 'Address Line 3',
		name: 'address_3',
		type: 'string',
		default: '',
		hint: 'At most 35 characters',
	},
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'State or Province',
		name: 'state',
		type: 'string',
		default: '',
		placeholder: 'e.g. ON',
	},
	{
		displayName: 'ZIP or Postal Code',
		name: 'zip',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'CA',
		hint: 'Two-letter ISO code',
	},
];

/** An address picker: one "Address" group holding the fields above. */
function addressField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		description,
		options: [{ displayName: 'Address', name: 'address', values: addressValues }],
	};
}

export function recipientField(name: string): INodeProperties {
	return addressField(name, 'Recipient', 'Where the order ships to. Name, address line 1, city and country are required.');
}

export function importerOfRecordField(name: string): INodeProperties {
	return addressField(
		name,
		'Importer of Record',
		'Who imports the goods for customs, when that is not the recipient. Name, address line 1, city and country are required.',
	);
}

export function linesField(name: string): INodeProperties {
	return {
		displayName: 'Lines',
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		description: 'The products to ship, one line per product code',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Product Code',
						name: 'product_code',
						type: 'string',
						required: true,
						default: '',
						description: 'Your product code as MBX knows it',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						required: true,
						default: 1,
						description: 'How many units to ship',
					},
					{
						// Text, not a number field: a number field always holds a value (0 when untouched),
						// and MBX must never get a customs value the builder did not give.
						displayName: 'Customs Declared Value',
						name: 'customs_declared_value',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. 123.40',
						description: 'Customs value of one unit, as declared to customs',
						hint: 'Value of one unit: MBX multiplies it by the quantity. Type 0 only for goods without value.',
					},
				],
			},
		],
	};
}

export function organizationIdField(name: string): INodeProperties {
	return {
		displayName: 'Organization ID',
		name,
		type: 'number',
		default: 0,
		description: 'MBX ID of your organization, the customer the order is for',
	};
}

export function purchaseOrderField(name: string): INodeProperties {
	return {
		displayName: 'Purchase Order',
		name,
		type: 'string',
		default: '',
		placeholder: 'e.g. PO-56789',
		description: 'Your purchase order number for this order',
		hint: 'Your PO number. MBX refuses a PO number it already has, which makes re-runs safe.',
	};
}

export function customerOrderField(name: string): INodeProperties {
	return {
		displayName: 'Customer Order',
		name,
		type: 'string',
		default: '',
		placeholder: 'e.g. SO-1001',
		description: 'Your own order number, e.g. from your shop or ERP',
	};
}

export function shipMethodField(name: string): INodeProperties {
	return {
		displayName: 'Ship Method Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getShipMethods' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** The optional order fields, each named by MBX's key, sorted by display name. */
export const customerDataField: INodeProperties = {
	displayName: 'Customer Data',
	name: 'customer_data',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	placeholder: 'e.g. {"crm_id": "A-1001"}',
	description: 'Your own data kept with the order, e.g. a reference from your shop or ERP. MBX stores it as text.',
	hint: 'Any text. A JSON object from an expression is sent as JSON text.',
};

export const dutiesAndTaxesAccountField: INodeProperties = {
	displayName: 'Duties and Taxes Account',
	name: 'duties_and_taxes_account',
	type: 'string',
	default: '',
	description: 'Account number billed for duties and taxes at the destination',
};

export const endUserNameField: INodeProperties = {
	displayName: 'End User Name',
	name: 'end_user_name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Jane L. Doe',
	description: 'Name of your customer (the end user) the order is for, when you order on their behalf',
};

export const endUserOrderDateField: INodeProperties = {
	displayName: 'End User Order Date',
	name: 'end_user_order_dt',
	type: 'dateTime',
	default: '',
	description: 'When the end user placed their order with you',
	hint: 'A date and time such as 2026-11-24T14:30:00, sent as given (not converted to another time zone)',
};

export const endUserPoField: INodeProperties = {
	displayName: 'End User PO',
	name: 'end_user_po',
	type: 'string',
	default: '',
	placeholder: 'e.g. 0123456789',
	description: "Your customer's (the end user's) purchase order number",
};

export const notesField: INodeProperties = {
	displayName: 'Notes',
	name: 'notes',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'Notes for the whole order',
};

export const promiseDateField: INodeProperties = {
	displayName: 'Promise Date',
	name: 'promise_date',
	type: 'dateTime',
	default: '',
	description: 'The anticipated ship date of the order',
	hint: 'Only the day is sent (as YYYY-MM-DD); a time is ignored',
};

export const rmaCaseField: INodeProperties = {
	displayName: 'RMA Case',
	name: 'customer_rma_case',
	type: 'string',
	default: '',
	description: 'Your RMA case number, when the order replaces a returned product',
};

export const shipAccountField: INodeProperties = {
	displayName: 'Ship Account',
	name: 'ship_account',
	type: 'string',
	default: '',
	description: 'Carrier account number to bill for shipping, instead of the default',
};

/** How each field is named in error messages, by MBX key. */
const LABELS: Record<string, string> = {
	organization_id: 'Organization ID',
	purchase_order: 'Purchase Order',
	customer_order: 'Customer Order',
	ship_method_id: 'Ship Method',
	ship_account: 'Ship Account',
	end_user_po: 'End User PO',
	end_user_name: 'End User Name',
	end_user_order_dt: 'End User Order Date',
	promise_date: 'Promise Date',
	notes: 'Notes',
	customer_rma_case: 'RMA Case',
	customer_data: 'Customer Data',
	duties_and_taxes_account: 'Duties and Taxes Account',
	recipient: 'Recipient',
	importer_of_record: 'Importer of Record',
	lines: 'Lines',
};

/** The order in which fields are read (and so checked), which is also the body's key order. */
const FIELD_ORDER = Object.keys(LABELS);

/** A Ship Method picked from the list or given by expression: the MBX ship method ID. */
export function shipMethodId(context: IExecuteFunctions, raw: unknown, itemIndex: number): number {
	requiredText(context, raw, LABELS.ship_method_id, itemIndex);
	return positiveInteger(context, raw, LABELS.ship_method_id, itemIndex);
}

/** Reads an address field ({ address: {...} }) and checks it. */
export function readAddress(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): MbxAddress {
	const address = isObject(raw) && isObject(raw.address) ? raw.address : {};
	return validateAddress(context.getNode(), address, label, itemIndex);
}

/** Reads the Lines field ({ line: [...] }) and checks it; `label` names the field the lines came from. */
export function readLines(context: IExecuteFunctions, raw: unknown, itemIndex: number, label = 'Lines'): MbxOrderLine[] {
	const lines = isObject(raw) ? raw.line : undefined;
	const list = Array.isArray(lines) ? lines : isObject(lines) ? [lines] : [];
	return validateLines(context.getNode(), list, itemIndex, label);
}

/** Customer Data as MBX stores it, text: data an expression gives (an object, a list) as JSON text. */
function customerData(raw: unknown): string {
	return typeof raw === 'object' && raw !== null ? JSON.stringify(raw) : trimmed(raw);
}

/**
 * Turns a collection keyed by MBX names (Additional Fields, Update Fields) into body fields.
 * Only the fields present are sent. Empty optional text is left out on create (`keepEmpty`
 * false) and sent as "" on update, where it clears the value; an emptied date is sent as null
 * there. Nothing the user left empty is sent on create.
 */
export function orderFieldsBody(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	options: { keepEmpty: boolean },
): IDataObject {
	const body: IDataObject = {};
	for (const key of FIELD_ORDER) {
		const raw = fields[key];
		if (raw === undefined) continue;
		const label = LABELS[key];
		switch (key) {
			case 'organization_id':
				body[key] = positiveInteger(context, raw, label, itemIndex);
				break;
			case 'purchase_order':
			case 'customer_order':
				body[key] = requiredText(context, raw, label, itemIndex);
				break;
			case 'ship_method_id':
				body[key] = shipMethodId(context, raw, itemIndex);
				break;
			case 'recipient':
			case 'importer_of_record':
				body[key] = readAddress(context, raw, label, itemIndex);
				break;
			case 'lines':
				body[key] = readLines(context, raw, itemIndex);
				break;
			case 'promise_date':
			case 'end_user_order_dt':
				if (!isEmptyDate(raw)) {
					const read = key === 'promise_date' ? mbxDate : mbxDateTime;
					body[key] = read(context.getNode(), raw, label, itemIndex);
				} else if (options.keepEmpty) {
					body[key] = null;
				}
				break;
			case 'customer_data': {
				const value = customerData(raw);
				if (value !== '' || options.keepEmpty) body[key] = value;
				break;
			}
			default: {
				const value = trimmed(raw);
				if (value !== '' || options.keepEmpty) body[key] = value;
			}
		}
	}
	return body;
}
