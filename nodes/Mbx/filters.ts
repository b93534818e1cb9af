/**
 * MBX list filters, defined once. MBX documents only that list requests carry `q`, URI-escaped
 * JSON (its example is `{"limit":5}`), not what it does with other keys. So the node sends each
 * filter as a top-level key of `q` beside `limit` and `offset` (`{"limit":100,"offset":0,
 * "status":"shipped"}`) AND checks every record that comes back against the same filters here:
 * a server that ignores a key can never hand a workflow records that do not match. When MBX
 * refuses filter keys (400), transport.ts reads the list without them and this check does all
 * the filtering.
 */
import type { IDataObject } from 'n8n-workflow';

export type MbxFilterValue = string | number | boolean;
export type MbxFilters = Record<string, MbxFilterValue>;

/** The hint under every Filters collection of the MBX node. */
export const MBX_FILTERS_HINT =
	'Filters are sent to MBX and also checked on what comes back. If MBX refuses a filter, the node reads the whole list and filters it itself, which takes longer.';

/**
 * Fields compared without regard to case. MBX's documents spell order statuses "Pending,
 * Released, or Shipped" beside `"status": "shipped"`, and ISO country codes are the same code in
 * either case. Every other text field (purchase order, customer order, SKU, name, carrier, serial)
 * must match exactly, as the Filters fields say.
 */
const CASE_INSENSITIVE_FIELDS: ReadonlySet<string> = new Set(['status', 'iso_code']);

/**
 * The filters worth sending: text trimmed, and empty text, null, undefined and anything that is
 * not text, a finite number or true/false left out (the user gave no value for those).
 */
export function mbxFilters(raw: IDataObject | undefined): MbxFilters | undefined {
	const filters: MbxFilters = {};
	for (const [field, value] of Object.entries(raw ?? {})) {
		if (typeof value === 'string' && value.trim() !== '') filters[field] = value.trim();
		else if (typeof value === 'number' && Number.isFinite(value)) filters[field] = value;
		else if (typeof value === 'boolean') filters[field] = value;
	}
	return Object.keys(filters).length > 0 ? filters : undefined;
}

/** A record's value as trimmed text, or undefined when it is missing, null or not a scalar. */
function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	return undefined;
}

/** Text that is a plain number ("12", " 7.5 "), as that number. */
function asNumber(text: string): number | undefined {
	if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
	return Number(text);
}

/**
 * Whether a record's `field` holds the filter value: text equal after trimming (case aside for
 * the fields above); a number equal to the same number written as text (7 and "7", 12.5 and
 * "12.50"); true/false equal to "true"/"false" and to 1/0. A missing or null value never matches.
 */
export function matchesFilterValue(field: string, actual: unknown, expected: MbxFilterValue): boolean {
	const have = asText(actual);
	if (have === undefined) return false;
	const want = String(expected).trim();
	if (typeof expected === 'boolean') {
		return have.toLowerCase() === want || (typeof actual === 'number' && actual === Number(expected));
	}
	if (have === want) return true;
	if (CASE_INSENSITIVE_FIELDS.has(field) && have.toLowerCase() === want.toLowerCase()) return true;
	// Numbers by value, when at least one side is a number (text like "007" stays text).
	if (typeof expected === 'number' || typeof actual === 'number') {
		const a = asNumber(have);
		return a !== undefined && a === asNumber(want);
	}
	return false;
}

/** Whether a record matches every filter. */
export function matchesMbxFilters(record: IDataObject, filters: MbxFilters): boolean {
	return Object.entries(filters).every(([field, expected]) => matchesFilterValue(field, record[field], expected));
}
