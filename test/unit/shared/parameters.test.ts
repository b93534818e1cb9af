import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	jsonParameter,
	limitParameter,
	positiveInteger,
	refuseObjectValues,
	requiredIdParameter,
	requiredStringParameter,
} from '../../../nodes/shared/parameters';
import { mockExecuteFunctions } from '../../helpers/mockContext';

const contextWith = (parameters: IDataObject) => mockExecuteFunctions({ parameters }).context;

describe('shared parameter readers', () => {
	it('reads a JSON field given as text or as data, and names the field when the text is not JSON', () => {
		expect(jsonParameter(contextWith({ lines: '[{"a":1}]' }), 'lines', 'Lines (JSON)', 0, 'a list')).toEqual([{ a: 1 }]);
		expect(jsonParameter(contextWith({ lines: [{ a: 1 }] }), 'lines', 'Lines (JSON)', 0, 'a list')).toEqual([{ a: 1 }]);
		expect(() => jsonParameter(contextWith({ lines: '[{a:1}]' }), 'lines', 'Lines (JSON)', 0, 'a list')).toThrow('Lines (JSON) is not valid JSON');
	});

	it('refuses an empty required text and a limit below 1, naming the field', () => {
		expect(requiredStringParameter(contextWith({ name: '  x  ' }), 'name', 'Name', 0)).toBe('x');
		expect(() => requiredStringParameter(contextWith({ name: ' ' }), 'name', 'Name', 0)).toThrow('Name is required');
		expect(limitParameter(contextWith({ returnAll: true }), 0)).toBeUndefined();
		expect(limitParameter(contextWith({ returnAll: false, limit: '25' }), 0)).toBe(25);
		expect(() => limitParameter(contextWith({ returnAll: false, limit: 0 }), 0)).toThrow('Limit must be a whole number of 1 or more, got "0"');
		expect(() => positiveInteger(contextWith({}), 2.5, 'Organization ID', 0)).toThrow('Organization ID must be a whole number');
	});

	it('reads an ID for a request path, refusing "." and ".." (a URL would take them as steps in its path)', () => {
		expect(requiredIdParameter(contextWith({ id: { __rl: true, mode: 'id', value: ' a/b ' } }), 'id', 'Product', 0)).toBe('a/b');
		expect(() => requiredIdParameter(contextWith({ id: '..' }), 'id', 'Product', 0)).toThrow('Product ".." is not an ID');
		expect(() => requiredIdParameter(contextWith({ id: { __rl: true, mode: 'id', value: ' . ' } }), 'id', 'Product', 0)).toThrow('Product "." is not an ID');
		expect(() => requiredIdParameter(contextWith({ id: '' }), 'id', 'Product', 0)).toThrow('Product is required');
	});

	describe('an object an expression gives a field for text, a number or a choice', () => {
		const properties: INodeProperties[] = [
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Supplier Name or ID', name: 'supplier', type: 'options', options: [], default: '' },
			{ displayName: 'Product', name: 'productId', type: 'resourceLocator', default: { mode: 'list', value: '' }, modes: [] },
			{ displayName: 'Body', name: 'body', type: 'json', default: '{}' },
			{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				default: {},
				options: [
					{ displayName: 'Notes', name: 'notes', type: 'string', default: '' },
					{ displayName: 'Customer Data', name: 'customer_data', type: 'string', default: '' },
				],
			},
			{
				displayName: 'Lines',
				name: 'lines',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [{ displayName: 'Line', name: 'line', values: [{ displayName: 'Product Code', name: 'code', type: 'string', default: '' }] }],
			},
		];
		const refuse = (parameters: IDataObject) => () => refuseObjectValues(contextWith(parameters), properties, 0, ['customer_data']);

		it('is refused, naming the field, wherever the field is', () => {
			expect(refuse({ name: { a: 1 } })).toThrow('Name cannot be an object');
			expect(refuse({ supplier: { id: 'x' } })).toThrow('Supplier cannot be an object');
			expect(refuse({ date: { year: 2026 } })).toThrow('Date cannot be an object');
			expect(refuse({ productId: { __rl: true, mode: 'id', value: { id: 'x' } } })).toThrow('Product cannot be an object');
			expect(refuse({ updateFields: { notes: { a: 1 } } })).toThrow('Notes cannot be an object');
			expect(refuse({ lines: { line: [{ code: 'A' }, { code: { a: 1 } }] } })).toThrow('Lines › Line 2 › Product Code cannot be an object');
		});

		it('is taken where the field takes objects: JSON fields and the ones named, and lists, dates and plain values everywhere', () => {
			expect(
				refuse({
					name: ['a', 'b'],
					supplier: 'x',
					productId: { __rl: true, mode: 'id', value: '12' },
					body: { a: 1 },
					updateFields: { notes: new Date(0), customer_data: { crm: 1 } },
					// A date-like value that converts itself (Luxon's toISO) is no data object either.
					date: { toISO: () => '2026-01-01' },
					lines: { line: [{ code: 'A' }] },
				}),
			).not.toThrow();
		});
	});
});
