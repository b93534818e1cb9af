/**
 * Vendor error bodies nest: Django REST Framework answers field errors per item of a list
 * (`[{}, {"id": ["Invalid pk …"]}]`, `{"delivered_packages": [{}, {"supplier_package": […]}]}`),
 * Rails and Grails answer lists of messages or of field-error records. This turns any such nesting
 * into one line per message, each with the path it points at (`orders[1].id: Invalid pk …`), and
 * folds the lines into a message short enough for n8n's error panel plus a description with all.
 */

import { isObject } from './values';

/** One vendor message and where in the request it points ('' for the request as a whole). */
export interface ErrorLine {
	path: string;
	message: string;
}

export interface ErrorPathOptions {
	/** The name of a top-level list of per-item errors, e.g. the list that was sent ('orders'). */
	root?: string;
	/** Added to the indexes of a top-level list: where the request's first item sits in a larger list. */
	offset?: number;
}

/**
 * Keys whose messages belong to the object that holds them, not to a field of it: DRF's
 * `non_field_errors`, Django's `__all__`, DRF's `detail`, and envelopes around field maps.
 */
const OWN_MESSAGE_KEYS = new Set([
	'non_field_errors',
	'__all__',
	'detail',
	'details',
	'errors',
	'error',
	'messages',
	'message',
	'msg',
	'errorMessage',
	'errorMessages',
	'error_description',
]);

/** Keys of a field-error record that say which field it is about. */
const RECORD_FIELD_KEYS = ['field', 'attribute', 'property', 'param', 'parameter', 'loc'];
/** Keys of a field-error record that hold its text, best first. */
const RECORD_MESSAGE_KEYS = ['message', 'detail', 'msg', 'errorMessage', 'error_description', 'defaultMessage', 'title', 'error'];
/** Keys that locate an item of an uploaded file (the row or line the message is about). */
const LOCATOR_KEYS = ['row', 'line', 'row_number', 'line_number', 'rowNumber', 'lineNumber'];
/**
 * Keys that describe an error rather than say what is wrong: status and error codes, exception
 * classes, rejected values. Skipped when they hold a single value; as a list they are field names.
 */
const METADATA_KEYS = new Set([
	'code',
	'errorCode',
	'error_code',
	'status',
	'statusCode',
	'status_code',
	'cause',
	'exception',
	'object',
	'rejected-value',
	'rejectedValue',
	'bindingFailure',
	'timestamp',
	'type',
]);

const isRecord = (value: unknown): value is Record<string, unknown> => isObject(value) && !Buffer.isBuffer(value);

function join(path: string, key: string): string {
	if (/^\d+$/.test(key)) return `${path}[${key}]`;
	if (path === '') return key;
	return key.startsWith('[') ? `${path}${key}` : `${path}.${key}`;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** A path given as a list (pydantic's `loc`) or as a JSON pointer (JSON:API's `source.pointer`). */
function recordPath(value: unknown): string | undefined {
	if (Array.isArray(value)) {
		const parts = value.map(text).filter((part): part is string => part !== undefined);
		return parts.length ? parts.reduce((path, part) => join(path, part), '') : undefined;
	}
	const raw = text(value);
	if (raw === undefined) return undefined;
	if (!raw.startsWith('/')) return raw;
	const parts = raw.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
	if (parts[0] === 'data' && parts[1] === 'attributes') parts.splice(0, 2);
	return parts.length ? parts.reduce((path, part) => join(path, part), '') : undefined;
}

/**
 * A field-error record such as Grails' `{"field": "name", "rejected-value": null, "message": "…"}`
 * or JSON:API's `{"detail": "…", "source": {"pointer": "/data/attributes/name"}}`: one message,
 * about one field or none. Anything holding a list or an object besides is a field map instead
 * (a DRF field called "message" holds a list).
 */
function asRecord(value: Record<string, unknown>): { field?: string; message: string } | undefined {
	const messageKey = RECORD_MESSAGE_KEYS.find((key) => text(value[key]) !== undefined && typeof value[key] === 'string');
	if (!messageKey) return undefined;
	const nested = Object.entries(value).some(
		([key, entry]) => key !== 'source' && !RECORD_FIELD_KEYS.includes(key) && (Array.isArray(entry) || isRecord(entry)),
	);
	if (nested) return undefined;
	const fieldKey = RECORD_FIELD_KEYS.find((key) => recordPath(value[key]) !== undefined);
	const source = isRecord(value.source) ? (value.source.pointer ?? value.source.parameter) : undefined;
	const field = fieldKey ? recordPath(value[fieldKey]) : recordPath(source);
	return { field, message: text(value[messageKey])! };
}

/** "row 2" for `{"row": 2, …}`: the row or line of an uploaded file an entry is about. */
function locator(value: Record<string, unknown>): string | undefined {
	for (const key of LOCATOR_KEYS) {
		const found = text(value[key]);
		if (found !== undefined) return `${key.replace(/_?[Nn]umber$/, '').replace(/_/g, ' ')} ${found}`;
	}
	return undefined;
}

/** One entry per item: messages keep the list's path, other entries get their index (or row). */
function collectList(list: unknown[], path: string, out: ErrorLine[], depth: number, offset = 0): void {
	list.forEach((entry, index) => {
		if (text(entry) !== undefined) {
			// A list of messages about the same field: the path stays the field's.
			collect(entry, path, out, depth + 1);
			return;
		}
		const at = isRecord(entry) ? locator(entry) : undefined;
		const record = isRecord(entry) ? asRecord(entry) : undefined;
		if (record) {
			// Field-error records name their field themselves; their place in the list means nothing.
			const base = at ? `${path}[${at}]` : path;
			out.push({ path: record.field === undefined ? base : join(base, record.field), message: record.message });
			return;
		}
		collect(entry, at ? `${path}[${at}]` : join(path, String(index + offset)), out, depth + 1);
	});
}

function collect(value: unknown, path: string, out: ErrorLine[], depth: number): void {
	if (depth > 20) return;
	const message = text(value);
	if (message !== undefined) {
		out.push({ path, message });
		return;
	}
	if (Array.isArray(value)) {
		collectList(value, path, out, depth);
		return;
	}
	if (!isRecord(value)) return;
	const record = asRecord(value);
	if (record) {
		out.push({ path: record.field === undefined ? path : join(path, record.field), message: record.message });
		return;
	}
	const located = locator(value) !== undefined;
	for (const [key, entry] of Object.entries(value)) {
		const single = text(entry) !== undefined;
		if (single && (METADATA_KEYS.has(key) || (located && LOCATOR_KEYS.includes(key)))) continue;
		collect(entry, OWN_MESSAGE_KEYS.has(key) ? path : join(path, key), out, depth + 1);
	}
}

/**
 * Every message in a vendor error body with its path. Objects are field maps, lists hold messages
 * or one entry per item (empty objects, the items without errors, are skipped). A top-level list
 * of per-item errors is named `root` when given (`orders[1].id`), else just indexed (`[1].id`).
 */
export function errorLines(body: unknown, options: ErrorPathOptions = {}): ErrorLine[] {
	const out: ErrorLine[] = [];
	if (Array.isArray(body)) collectList(body, options.root ?? '', out, 0, options.offset ?? 0);
	else collect(body, '', out, 0);
	return out;
}

/** `path: message`, or the message alone when it is about the request as a whole. */
export function formatErrorLine({ path, message }: ErrorLine): string {
	return path ? `${path}: ${message}` : message;
}

/** Every message of a body as `path: message` lines, without repeats. */
export function errorTexts(body: unknown, options?: ErrorPathOptions): string[] {
	return [...new Set(errorLines(body, options).map(formatErrorLine))];
}

/** What fits in the title of n8n's error panel. */
export const MAX_MESSAGE_LENGTH = 200;
const MAX_DESCRIPTION_LINES = 100;
const MAX_LINE_LENGTH = 1000;

const clip = (line: string, max: number) => (line.length > max ? `${line.slice(0, max - 1)}…` : line);

/**
 * Folds message lines into a short message (as many whole lines as fit, then how many more) and a
 * description listing every line, so nothing is lost when the message has to stop early.
 */
export function summarizeErrorLines(lines: string[]): { message: string; description: string } | undefined {
	const unique = [...new Set(lines.map((line) => line.trim()).filter((line) => line !== ''))];
	if (unique.length === 0) return undefined;
	let message = '';
	let shown = 0;
	for (const line of unique) {
		const next = message ? `${message}; ${line}` : line;
		const rest = unique.length - shown - 1;
		const suffix = rest > 0 ? ` (+${rest} more)` : '';
		if (next.length + suffix.length > MAX_MESSAGE_LENGTH) break;
		message = next;
		shown++;
	}
	if (shown === 0) {
		const suffix = unique.length > 1 ? ` (+${unique.length - 1} more)` : '';
		message = clip(unique[0], MAX_MESSAGE_LENGTH - suffix.length) + suffix;
	} else if (shown < unique.length) {
		message += ` (+${unique.length - shown} more)`;
	}
	const listed = unique.slice(0, MAX_DESCRIPTION_LINES).map((line) => clip(line, MAX_LINE_LENGTH));
	if (unique.length > MAX_DESCRIPTION_LINES) listed.push(`…and ${unique.length - MAX_DESCRIPTION_LINES} more`);
	return { message, description: listed.join('\n') };
}

/** A body that arrived as JSON text (a request sent without `json: true`), parsed; else as it came. */
export function parsedErrorBody(body: unknown): unknown {
	const raw = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
	if (raw === undefined) return body;
	const trimmed = raw.trim();
	if (!/^[[{]/.test(trimmed)) return body;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return body;
	}
}
