/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { pythonJsonDumps } from '../../../nodes/Apicbase/pythonJson';

// Inputs and the bytes CPython 3.11's json.dumps produced for them (test/fixtures, generated once
// with python3 so the comparison is against the real implementation).
const cases = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/python-json-dumps.json'), 'utf8')) as Array<{
	input: unknown;
	python: string;
}>;

describe('pythonJsonDumps', () => {
	it('matches CPython for a purchase order with accents, emoji, quotes and control characters', () => {
		expect(pythonJsonDumps(cases[0].input)).toBe(cases[0].python);
	});

	it('matches CPython for slashes, DEL, control characters and empty containers', () => {
		expect(pythonJsonDumps(cases[1].input)).toBe(cases[1].python);
	});

	it('matches CPython floats once float-ness lost by JSON.parse is given back', () => {
		// JSON.parse turns 1e+16 into an integer; Python kept it a float.
		expect(pythonJsonDumps(cases[2].input, { floatPaths: new Set(['floats[4]']) })).toBe(cases[2].python);
	});

	it('matches CPython for line separators, curly quotes and astral characters', () => {
		expect(pythonJsonDumps(cases[3].input)).toBe(cases[3].python);
	});

	it('differs from JSON.stringify, which is why raw bytes are checked first', () => {
		expect(pythonJsonDumps({ a: 1 })).toBe('{"a": 1}');
		expect(JSON.stringify({ a: 1 })).toBe('{"a":1}');
	});
});
