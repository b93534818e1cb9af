/**
 * Answers and request parsing the way Django REST Framework produces them, shared by every handler
 * module: the JSON response helper and DRF's standard details, Python's int() and Django's
 * datetime parsing of query values, DecimalField, and PageNumberPagination.
 */
import type { RequestContext, SandboxResponse } from '../common/server';

export const DETAIL = {
	notProvided: 'Authentication credentials were not provided.',
	invalidToken: 'Invalid token.',
	forbidden: 'You do not have permission to perform this action.',
	notFound: 'Not found.',
	invalidPage: 'Invalid page.',
};

/** DRF's Throttled message, singular for one second as ngettext renders it. */
export function throttledDetail(wait: number): string {
	return `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse => ({
	status,
	body,
	headers,
});

export function methodNotAllowed(ctx: RequestContext, allow: string): SandboxResponse {
	return json(405, { detail: `Method "${ctx.method}" not allowed.` }, { Allow: allow });
}

/** Django's QueryDict.get returns the last value of a repeated parameter. */
export function lastParam(query: URLSearchParams, name: string): string | undefined {
	return query.getAll(name).at(-1);
}

/** Python int() on a string: surrounding whitespace, a sign and digit-group underscores allowed. */
export function pythonInt(raw: string): number | null {
	return /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(raw) ? Number(raw.trim().replace(/_/g, '')) : null;
}

const DATETIME_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Django's forms.DateTimeField on an ISO value: date only (midnight) or date and time with optional
 * seconds, fraction and offset; naive values are UTC. Returns microseconds since the epoch, or null.
 * A '+01:00' offset sent unencoded in a URL arrives as ' 01:00' and is rejected, as on the server.
 */
export function parseDateTime(raw: string): number | null {
	const m = DATETIME_RE.exec(raw.trim());
	if (!m) return null;
	const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
	if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(ms);
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
	let us = ms * 1000 + Number((m[7] ?? '').padEnd(6, '0'));
	const tz = m[8];
	if (tz && tz.toUpperCase() !== 'Z') {
		const digits = tz.slice(1).replace(':', '');
		const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
		us -= (tz[0] === '-' ? -1 : 1) * offsetMin * 60_000_000;
	}
	return us;
}

/** The Python type name DRF puts in "got type ..." messages for a parsed JSON value. */
export function pythonTypeName(value: unknown): string {
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'object') return 'dict';
	if (typeof value === 'string') return 'str';
	if (typeof value === 'boolean') return 'bool';
	return Number.isInteger(value) ? 'int' : 'float';
}

/** A DRF DecimalField: number or numeric string with at most `places` decimals, in 10^-places units. */
export function drfDecimal(value: unknown, places: number): { units?: number; error?: string } {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	const m = typeof text === 'string' ? /^\s*(-?)(\d+)(?:\.(\d*))?\s*$/.exec(text) : null;
	if (!m) return { error: 'A valid number is required.' };
	const fraction = (m[3] ?? '').replace(/0+$/, '');
	if (fraction.length > places) {
		return { error: `Ensure that there are no more than ${places} decimal places.` };
	}
	const units = Number(m[2]) * 10 ** places + Number(fraction.padEnd(places, '0') || '0');
	return { units: m[1] ? -units : units };
}

// -------------------------------------------------------------------------------------------
// DRF PageNumberPagination

const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 10;

/** Python's urllib.parse.quote_plus, which DRF uses (via urlencode) to rebuild next/previous. */
function quotePlus(value: string): string {
	return encodeURIComponent(value)
		.replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
		.replace(/%20/g, '+');
}

/** next/previous as DRF builds them: absolute URL, query re-encoded sorted by key, `page`
 * replaced (and removed for page 1). */
function pageLink(ctx: RequestContext, page: number): string {
	const parsed = new URL(ctx.target, 'http://sandbox.local');
	const groups = new Map<string, string[]>();
	for (const [k, val] of parsed.searchParams) groups.set(k, [...(groups.get(k) ?? []), val]);
	if (page === 1) groups.delete('page');
	else groups.set('page', [String(page)]);
	const query = [...groups.keys()]
		.sort()
		.flatMap((k) => groups.get(k)!.map((val) => `${quotePlus(k)}=${quotePlus(val)}`))
		.join('&');
	return `${ctx.baseUrl}${parsed.pathname}${query ? `?${query}` : ''}`;
}

export function paginate<T>(ctx: RequestContext, items: T[], render: (item: T) => unknown): SandboxResponse {
	// page_size: invalid, zero or negative falls back to the default; larger than 200 is clamped.
	const rawSize = lastParam(ctx.query, 'page_size');
	const parsedSize = rawSize === undefined ? null : pythonInt(rawSize);
	const pageSize = parsedSize !== null && parsedSize > 0 ? Math.min(parsedSize, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
	const pageCount = Math.max(1, Math.ceil(items.length / pageSize));

	const rawPage = lastParam(ctx.query, 'page') || '1';
	const page = rawPage === 'last' ? pageCount : pythonInt(rawPage);
	if (page === null || page < 1 || page > pageCount) return json(404, { detail: DETAIL.invalidPage });

	const start = (page - 1) * pageSize;
	return json(200, {
		count: items.length,
		next: page < pageCount ? pageLink(ctx, page + 1) : null,
		previous: page > 1 ? pageLink(ctx, page - 1) : null,
		results: items.slice(start, start + pageSize).map(render),
	});
}
