import type { IDataObject } from 'n8n-workflow';

import { jsonParameter, limitParameter, positiveInteger, requiredStringParameter } from '../../nodes/shared/parameters';
import { mockExecuteFunctions } from '../helpers/mockContext';

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
});
