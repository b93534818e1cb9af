import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, nonNegativeNumber, requiredStringParameter } from '../../../shared/parameters';
import { isObject, trimmed, withoutKeys } from '../../../shared/values';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';

const show = { resource: ['product'], operation: ['create'] };

const MAX_NAME_LENGTH = 255;

/** The Category dropdown, on Create and in Update Fields. */
export function categoryField(required: boolean): INodeProperties {
	return {
		displayName: 'Category Name or ID',
		name: 'categoryId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCategories' },
		default: '',
		required,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/**
 * The optional product fields Create and Update share, named by OpenBoxes' own keys and sorted by
 * display name. Booleans default to OpenBoxes' own defaults.
 */
export const productFieldOptions: INodeProperties[] = [
	{
		displayName: 'ABC Class',
		name: 'abcClass',
		type: 'string',
		default: '',
		placeholder: 'e.g. A',
		description: 'ABC analysis class of the product (A for the most valuable items)',
	},
	{
		displayName: 'Active',
		name: 'active',
		type: 'boolean',
		default: true,
		description: 'Whether the product can be used. Inactive products are hidden from most lists.',
	},
	{
		displayName: 'Brand Name',
		name: 'brandName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Cold Chain',
		name: 'coldChain',
		type: 'boolean',
		default: false,
		description: 'Whether the product must be kept cold',
	},
	{
		displayName: 'Controlled Substance',
		name: 'controlledSubstance',
		type: 'boolean',
		default: false,
		description: 'Whether the product is a controlled substance',
	},
	{
		displayName: 'Cost Per Unit',
		name: 'costPerUnit',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: 'What one unit costs you to buy',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{
		displayName: 'Hazardous Material',
		name: 'hazardousMaterial',
		type: 'boolean',
		default: false,
		description: 'Whether the product is hazardous material',
	},
	{
		displayName: 'Lot and Expiry Control',
		name: 'lotAndExpiryControl',
		type: 'boolean',
		default: false,
		description: 'Whether every stock entry of the product needs a lot number and expiry date',
	},
	{
		displayName: 'Manufacturer',
		name: 'manufacturer',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Manufacturer Code',
		name: 'manufacturerCode',
		type: 'string',
		default: '',
		description: "The manufacturer's own code for the product",
	},
	{
		displayName: 'Model Number',
		name: 'modelNumber',
		type: 'string',
		default: '',
	},
	{
		displayName: 'NDC',
		name: 'ndc',
		type: 'string',
		default: '',
		description: 'National Drug Code',
	},
	{
		displayName: 'Price Per Unit',
		name: 'pricePerUnit',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: 'The price of one unit',
	},
	{
		displayName: 'Product Code',
		name: 'productCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. 00001',
		description: 'Your code for the product. When left out on Create, OpenBoxes makes one up.',
	},
	{
		displayName: 'Unit of Measure',
		name: 'unitOfMeasure',
		type: 'string',
		default: '',
		placeholder: 'e.g. EA',
		description: 'How the product is counted, e.g. EA for each',
	},
	{
		displayName: 'UPC',
		name: 'upc',
		type: 'string',
		default: '',
		description: 'Universal Product Code (barcode number)',
	},
	{
		displayName: 'Vendor',
		name: 'vendor',
		type: 'string',
		default: '',
		description: 'Who you buy the product from',
	},
	{
		displayName: 'Vendor Code',
		name: 'vendorCode',
		type: 'string',
		default: '',
		description: "The vendor's code for the product",
	},
];

const LABELS: Record<string, string> = Object.fromEntries(
	[...productFieldOptions, { displayName: 'Name', name: 'name' }, { displayName: 'Category', name: 'categoryId' }].map(
		(field) => [field.name, field.displayName],
	),
);

const BOOLEAN_FIELDS = new Set(['active', 'coldChain', 'controlledSubstance', 'hazardousMaterial', 'lotAndExpiryControl']);
const NUMBER_FIELDS = new Set(['costPerUnit', 'pricePerUnit']);

/** A product name: required and at most 255 characters, as OpenBoxes requires. */
export function productName(context: IExecuteFunctions, raw: unknown, itemIndex: number): string {
	const name = trimmed(raw);
	if (name === '') throw fieldError(context, 'Name is required', 'Name', itemIndex, 'Fill in the "Name" field.');
	if (name.length > MAX_NAME_LENGTH) {
		throw fieldError(context, `Name is ${name.length} characters long; OpenBoxes allows at most ${MAX_NAME_LENGTH}`, 'Name', itemIndex);
	}
	return name;
}

/**
 * Turns Additional Fields / Update Fields into the product JSON OpenBoxes binds. Only the fields
 * present are sent; empty text is left out on Create and sent as "" on Update, where it clears
 * the value. Name and Category may appear in Update Fields and must not be empty there.
 */
export function productFieldsBody(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	options: { keepEmpty: boolean },
): IDataObject {
	const body: IDataObject = {};
	for (const [key, raw] of Object.entries(fields)) {
		if (raw === undefined || raw === null) continue;
		const label = LABELS[key] ?? key;
		if (key === 'name') {
			body.name = productName(context, raw, itemIndex);
		} else if (key === 'categoryId') {
			const id = trimmed(raw);
			if (id === '') throw fieldError(context, 'Category is empty; pick a category or remove the field', label, itemIndex);
			body.category = { id };
		} else if (BOOLEAN_FIELDS.has(key)) {
			body[key] = raw === true || raw === 'true';
		} else if (NUMBER_FIELDS.has(key)) {
			body[key] = nonNegativeNumber(context, raw, label, itemIndex);
		} else {
			const text = trimmed(raw);
			if (text !== '' || options.keepEmpty) body[key] = text;
		}
	}
	return body;
}

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Ibuprofen 200mg',
		description: 'Name of the product, at most 255 characters',
		displayOptions: { show },
	},
	{ ...categoryField(true), displayOptions: { show } },
	{
		displayName: 'Product Type',
		name: 'productType',
		type: 'options',
		options: [{ name: 'Default', value: 'DEFAULT', description: 'The standard product type every OpenBoxes has' }],
		default: 'DEFAULT',
		description:
			'The OpenBoxes product type. Keep Default unless your OpenBoxes has other types; give their ID with an expression.',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: productFieldOptions,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = productName(this, this.getNodeParameter('name', itemIndex, ''), itemIndex);
	const categoryId = requiredStringParameter(this, 'categoryId', 'Category', itemIndex);
	const productType = trimmed(this.getNodeParameter('productType', itemIndex, 'DEFAULT')) || 'DEFAULT';
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const extra = withoutKeys(additional, ['name', 'categoryId']);
	const body: IDataObject = {
		name,
		category: { id: categoryId },
		productType: { id: productType },
		...productFieldsBody(this, extra, itemIndex, { keepEmpty: false }),
	};
	const response = await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.products, { body, itemIndex });
	// POST /api/products answers {"product": {...}}; other servers (and the generic API) use {"data": ...}.
	if (isObject(response)) {
		if (isObject(response.product)) return response.product;
		if (isObject(response.data)) return response.data;
		return response;
	}
	return {};
}
