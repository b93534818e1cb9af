import { NodeOperationError, type INode } from 'n8n-workflow';

import {
	ADDRESS_FIELDS,
	MBX_ADDRESS_LINE_MAX,
	normalizeCountry,
	validateAddress,
	validateLines,
} from '../../../nodes/Mbx/validation/address';
import { ISO_COUNTRY_CODES } from '../../../nodes/Mbx/validation/isoCountries';

const node = { name: 'MBX Systems' } as INode;

const valid = {
	name: ' John L. Doe ',
	company: 'John L. Doe Ltd.',
	email: 'jdoe@email.com',
	phone: '1-555-555-6789',
	address_1: '467 Highway #1',
	address_2: '',
	city: 'Toronto',
	state: 'ON',
	zip: 'M5A 1J3',
	country: ' ca ',
};

function errorOf(run: () => unknown): NodeOperationError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected an error');
}

describe('ISO country codes', () => {
	it('holds the 249 officially assigned alpha-2 codes', () => {
		expect(ISO_COUNTRY_CODES.size).toBe(249);
		for (const code of ['CA', 'US', 'DE', 'GB', 'AX', 'BQ', 'CW', 'SS', 'SX', 'ZW']) {
			expect(ISO_COUNTRY_CODES.has(code)).toBe(true);
		}
		for (const code of ['UK', 'EU', 'XK', 'XX', 'AN', 'YU', 'ca']) {
			expect(ISO_COUNTRY_CODES.has(code)).toBe(false);
		}
		for (const code of ISO_COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
	});

	it('normalizes a country by trimming and upper-casing it', () => {
		expect(normalizeCountry(' de ')).toBe('DE');
		expect(normalizeCountry(undefined)).toBe('');
	});
});

describe('validateAddress', () => {
	it('returns every MBX key, trimmed, country upper-cased and empty optional fields null', () => {
		expect(validateAddress(node, valid, 'Recipient', 0)).toEqual({
			name: 'John L. Doe',
			company: 'John L. Doe Ltd.',
			email: 'jdoe@email.com',
			phone: '1-555-555-6789',
			address_1: '467 Highway #1',
			address_2: null,
			address_3: null,
			city: 'Toronto',
			state: 'ON',
			zip: 'M5A 1J3',
			country: 'CA',
		});
	});

	it('accepts an address line of exactly 35 characters', () => {
		const line = 'x'.repeat(MBX_ADDRESS_LINE_MAX);
		expect(validateAddress(node, { ...valid, address_3: line }, 'Recipient', 0).address_3).toBe(line);
	});

	it.each([
		[{ address_1: 'A'.repeat(41) }, 'Recipient › Address Line 1 is 41 characters; MBX allows at most 35'],
		[{ address_2: 'B'.repeat(36) }, 'Recipient › Address Line 2 is 36 characters; MBX allows at most 35'],
		[{ address_3: ` ${'C'.repeat(36)} ` }, 'Recipient › Address Line 3 is 36 characters; MBX allows at most 35'],
		[{ country: 'XX' }, 'Recipient › Country "XX" is not an ISO country code (use e.g. CA, US, DE)'],
		[{ country: 'Canada' }, 'Recipient › Country "CANADA" is not an ISO country code (use e.g. CA, US, DE)'],
		[{ country: '' }, 'Recipient › Country is required'],
		[{ city: '  ' }, 'Recipient › City is required'],
		[{ name: '' }, 'Recipient › Name is required'],
		[{ address_1: null }, 'Recipient › Address Line 1 is required'],
		[{ email: 'jdoe-at-email.com' }, 'Recipient › Email "jdoe-at-email.com" is not a valid email address'],
	])('refuses %j naming the field', (change, message) => {
		const error = errorOf(() => validateAddress(node, { ...valid, ...change }, 'Recipient', 3));
		expect(error.message).toBe(message);
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toContain('Recipient ›');
	});

	it('names the address it checks', () => {
		const error = errorOf(() => validateAddress(node, { ...valid, city: '' }, 'Importer of Record', 0));
		expect(error.message).toBe('Importer of Record › City is required');
	});

	it('lists the fields in the order and with the names the node shows', () => {
		expect(ADDRESS_FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual(['name', 'address_1', 'city', 'country']);
	});
});

describe('validateLines', () => {
	it('returns lines with numeric quantity and customs value', () => {
		expect(
			validateLines(
				node,
				[
					{ product_code: ' Generic Product 1 ', quantity: 2, customs_declared_value: 123.4 },
					{ product_code: 'Generic Product 2', quantity: '3', customs_declared_value: ' 0 ' },
				],
				0,
			),
		).toEqual([
			{ product_code: 'Generic Product 1', quantity: 2, customs_declared_value: 123.4 },
			{ product_code: 'Generic Product 2', quantity: 3, customs_declared_value: 0 },
		]);
	});

	it.each([
		[[], 'Lines is empty; add at least one line with a product code and quantity'],
		[undefined, 'Lines is empty; add at least one line with a product code and quantity'],
		[[{ product_code: '', quantity: 1, customs_declared_value: 1 }], 'Lines › Line 1 › Product Code is required'],
		[[{ product_code: 'P', quantity: 0, customs_declared_value: 1 }], 'Lines › Line 1 › Quantity must be a whole number of 1 or more, got "0"'],
		[[{ product_code: 'P', quantity: 1.5, customs_declared_value: 1 }], 'Lines › Line 1 › Quantity must be a whole number of 1 or more, got "1.5"'],
		[[{ product_code: 'P', quantity: 'two', customs_declared_value: 1 }], 'Lines › Line 1 › Quantity must be a whole number of 1 or more, got "two"'],
		[
			[
				{ product_code: 'P', quantity: 1, customs_declared_value: 1 },
				{ product_code: 'Q', quantity: 1, customs_declared_value: -5 },
			],
			'Lines › Line 2 › Customs Declared Value must be a number of 0 or more, got "-5"',
		],
		[[{ product_code: 'P', quantity: 1, customs_declared_value: 'abc' }], 'Lines › Line 1 › Customs Declared Value must be a number of 0 or more, got "abc"'],
		[[{ product_code: 'P', quantity: 1 }], 'Lines › Line 1 › Customs Declared Value is required (the customs value of one unit)'],
		[[{ product_code: 'P', quantity: 1, customs_declared_value: '  ' }], 'Lines › Line 1 › Customs Declared Value is required (the customs value of one unit)'],
		[[{ product_code: 'P', quantity: 1, customs_declared_value: null }], 'Lines › Line 1 › Customs Declared Value is required (the customs value of one unit)'],
	])('refuses %j naming the field', (lines, message) => {
		const error = errorOf(() => validateLines(node, lines, 2));
		expect(error.message).toBe(message);
		expect(error.context.itemIndex).toBe(2);
	});
});
