/**
 * Reading a list or one row: the `q` parameter (URI-escaped JSON with limit, offset and filter
 * fields as top-level keys), what each filter behaviour makes of it, the list envelope
 * (`count`, `total_results`, `offset`, `results`) and GET by id. Every /v2 resource reads
 * through these two.
 */
import type { RequestContext, SandboxResponse } from '../common/server';
import { errors, isPlainObject, notFoundRecord } from './http';
import type { MbxFilterBehaviour } from './options';
import type { MbxState } from './state';

const LIST_DEFAULT_LIMIT = 25;
// MBX's docs show one answer of 232 countries, so a page holds at least that many (ASSUMPTIONS.md M7).
const LIST_MAX_LIMIT = 250;

type FilterValue = string | number | boolean | null;
interface ListQuery {
	limit: number;
	offset: number;
	filters: Record<string, FilterValue>;
}

/**
 * Parses the `q` parameter (URI-escaped JSON): `limit`, `offset` and, read literally, filter
 * fields as top-level keys (`{"limit":100,"offset":0,"status":"shipped"}`). Returns a reason
 * string when it is invalid: an unknown key (a `filters` wrapper included), or, when filter keys
 * are refused, any key besides limit and offset.
 */
function parseQ(raw: string | null, fields: readonly string[], behaviour: MbxFilterBehaviour): ListQuery | string {
	const query: ListQuery = { limit: LIST_DEFAULT_LIMIT, offset: 0, filters: {} };
	if (raw === null) return query;
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return 'not valid JSON';
	}
	if (!isPlainObject(parsed)) return 'must be a JSON object';
	for (const [key, value] of Object.entries(parsed)) {
		if (key === 'limit' || key === 'offset') {
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
				return `${key} must be a non-negative integer`;
			}
			query[key] = key === 'limit' ? Math.min(value, LIST_MAX_LIMIT) : value;
		} else if (behaviour !== 'refuse' && fields.includes(key)) {
			if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
				return `filter '${key}' must be a string, number, boolean or null`;
			}
			query.filters[key] = value as FilterValue;
		} else {
			// Strict on purpose: a misspelt key (e.g. "ofset") would otherwise silently return page one.
			const expected = behaviour === 'refuse' ? 'limit, offset' : `limit, offset or a field: ${fields.join(', ')}`;
			return `unknown key '${key}' (expected ${expected})`;
		}
	}
	return query;
}

export function show(
	model: string,
	rows: ReadonlyArray<{ id: number }>,
	id: string,
	render: (row: { id: number }) => unknown,
): SandboxResponse {
	const found = /^\d+$/.test(id) ? rows.find((r) => r.id === Number(id)) : undefined;
	return found ? { status: 200, body: render(found) } : notFoundRecord(model, id);
}

export function list(
	state: MbxState,
	ctx: RequestContext,
	rows: ReadonlyArray<{ id: number }>,
	fields: readonly string[],
	render: (row: { id: number }) => unknown,
): SandboxResponse {
	const behaviour = state.settings.filterBehaviour;
	const query = parseQ(ctx.query.get('q'), fields, behaviour);
	if (typeof query === 'string') return errors(400, `Invalid q parameter: ${query}`);
	// `ignore`: the keys were accepted, and make no difference.
	const filters = behaviour === 'honour' ? Object.entries(query.filters) : [];
	const matches =
		filters.length === 0
			? rows
			: rows.filter((row) => filters.every(([field, expected]) => (row as Record<string, unknown>)[field] === expected));
	const page = matches.slice(query.offset, query.offset + query.limit).map(render);
	return {
		status: 200,
		body: { count: page.length, total_results: matches.length, offset: query.offset, results: page },
	};
}
