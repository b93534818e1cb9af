/**
 * Checks on the addresses and lines of an MBX customer order, done before anything is sent so a
 * workflow builder learns which field to fix instead of reading MBX's reply. Pure functions: they
 * take what the user entered and give back the values to send, or throw a NodeOperationError
 * naming the field as the node shows it (e.g. "Recipient › Address Line 1").
 */
import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { ISO_COUNTRY_CODES } from './isoCountries';

/** MBX cuts address lines longer than this, so longer ones are refused up front. */
export const MBX_ADDRESS_LINE_MAX = 35;

export type MbxAddressKey =
	| 'name'
	| 'company'
	| 'email'
	| 'phone'
	| 'address_1'
	| 'address_2'
	| 'address_3'
	| 'city'
	| 'state'
	| 'zip'
	| 'country';

/** An address as MBX expects it: every key present, unused optional ones null. */
export type MbxAddress = {
	name: string;
	company: string | null;
	email: string | null;
	phone: string | null;
	address_1: string;
	address_2: string | null;
	address_3: string | null;
	city: string;
	state: string | null;
	zip: string | null;
	country: string;
};

export type MbxOrderLine = {
	product_code: string;
	quantity: number;
	customs_declared_value: number;
};

/** The address fields in the order the node shows them, with the names it shows. */
export const ADDRESS_FIELDS: ReadonlyArray<{ key: MbxAddressKey; label: string; required: boolean }> = [
	{ key: 'name', label: 'Name', required: true },
	{ key: 'company', label: 'Company', required: false },
	{ key: 'email', label: 'Email', required: false },
	{ key: 'phone', label: 'Phone', required: false },
	{ key: 'address_1', label: 'Address Line 1', required: true },
	{ key: 'address_2', label: 'Address Line 2', required: false },
	{ key: 'address_3', label: 'Address Line 3', required: false },
	{ key: 'city', label: 'City', required: true },
	{ key: 'state', label: 'State or Province', required: false },
	{ key: 'zip', label: 'ZIP or Postal Code', required: false },
	{ key: 'country', label: 'Country', required: true },
];

export const LINE_FIELD_LABELS = {
	product_code: 'Product Code',
	quantity: 'Quantity',
	customs_declared_value: 'Customs Declared Value',
} as const;

const ADDRESS_LINES: ReadonlySet<MbxAddressKey> = new Set(['address_1', 'address_2', 'address_3']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function fail(node: INode, field: string, problem: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `${field} ${problem}`, {
		itemIndex,
		description: `Check the "${field}" field.`,
	});
}

/** What the user entered, as trimmed text; empty when nothing was entered. */
function text(raw: unknown): string {
	if (raw === undefined || raw === null) return '';
	if (typeof raw === 'object') return JSON.stringify(raw).trim();
	return String(raw).trim();
}

/** A country code as it is checked and sent: trimmed and upper-cased. */
export function normalizeCountry(raw: unknown): string {
	return text(raw).toUpperCase();
}

export function isIsoCountryCode(code: string): boolean {
	return ISO_COUNTRY_CODES.has(code);
}

/**
 * Checks one address (`label` is how the node names it, e.g. "Recipient") and returns it with
 * every key present: values trimmed, country upper-cased, empty optional fields null.
 */
export function validateAddress(node: INode, address: IDataObject, label: string, itemIndex: number): MbxAddress {
	const result = {} as Record<MbxAddressKey, string | null>;
	for (const { key, label: fieldLabel, required } of ADDRESS_FIELDS) {
		const field = `${label} › ${fieldLabel}`;
		const value = key === 'country' ? normalizeCountry(address[key]) : text(address[key]);
		if (value === '') {
			if (required) throw fail(node, field, 'is required', itemIndex);
			result[key] = null;
			continue;
		}
		if (ADDRESS_LINES.has(key)) {
			const length = Array.from(value).length;
			if (length > MBX_ADDRESS_LINE_MAX) {
				throw fail(node, field, `is ${length} characters; MBX allows at most ${MBX_ADDRESS_LINE_MAX}`, itemIndex);
			}
		}
		if (key === 'country' && !isIsoCountryCode(value)) {
			throw fail(node, field, `"${value}" is not an ISO country code (use e.g. CA, US, DE)`, itemIndex);
		}
		if (key === 'email' && !EMAIL.test(value)) {
			throw fail(node, field, `"${value}" is not a valid email address`, itemIndex);
		}
		result[key] = value;
	}
	return result as MbxAddress;
}

function toNumber(raw: unknown): number | undefined {
	if (typeof raw === 'number') return raw;
	if (typeof raw === 'string' && raw.trim() !== '') return Number(raw.trim());
	return undefined;
}

/**
 * Checks the order lines and returns them with numeric quantity and customs value. `label` is the
 * field they came from: Lines, or Lines (JSON) when an expression gives the list.
 */
export function validateLines(node: INode, lines: unknown, itemIndex: number, label = 'Lines'): MbxOrderLine[] {
	if (!Array.isArray(lines) || lines.length === 0) {
		throw new NodeOperationError(node, `${label} is empty; add at least one line with a product code and quantity`, {
			itemIndex,
			description: `Add a line under "${label}" for every product the order ships.`,
		});
	}
	return lines.map((raw, index) => {
		const line = (raw && typeof raw === 'object' ? raw : {}) as IDataObject;
		const prefix = `${label} › Line ${index + 1} ›`;

		const productCode = text(line.product_code);
		if (productCode === '') throw fail(node, `${prefix} ${LINE_FIELD_LABELS.product_code}`, 'is required', itemIndex);

		const quantity = toNumber(line.quantity);
		if (quantity === undefined || !Number.isInteger(quantity) || quantity < 1) {
			throw fail(
				node,
				`${prefix} ${LINE_FIELD_LABELS.quantity}`,
				`must be a whole number of 1 or more, got "${text(line.quantity)}"`,
				itemIndex,
			);
		}

		// MBX's order example gives every line its unit customs value, and customs is told what it
		// says: an empty one is refused rather than sent as 0.
		if (text(line.customs_declared_value) === '') {
			throw fail(node, `${prefix} ${LINE_FIELD_LABELS.customs_declared_value}`, 'is required (the customs value of one unit)', itemIndex);
		}
		const customsValue = toNumber(line.customs_declared_value);
		if (customsValue === undefined || !Number.isFinite(customsValue) || customsValue < 0) {
			throw fail(
				node,
				`${prefix} ${LINE_FIELD_LABELS.customs_declared_value}`,
				`must be a number of 0 or more, got "${text(line.customs_declared_value)}"`,
				itemIndex,
			);
		}

		return { product_code: productCode, quantity, customs_declared_value: customsValue };
	});
}
