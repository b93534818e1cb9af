/**
 * Dates of an MBX customer order, checked before anything is sent. MBX keeps `promise_date` as a
 * date (`date (3)` in its column list, sent as YYYY-MM-DD) and `end_user_order_dt` as a date and
 * time (its example answer shows `2015-04-30T14:36:13.073726`). Builders pick them in n8n's date
 * picker (`2026-11-24T00:00:00`), type ISO text, or map them with expressions, which can give text,
 * a Luxon DateTime (`$now`, `DateTime.fromISO(…)`) or a JavaScript Date. Anything else is refused
 * with a NodeOperationError naming the field.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

/** ISO 8601 as builders write it: a date, optionally a time (with seconds, fractions) and a zone. */
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function fail(node: INode, label: string, text: string, kind: 'date' | 'date and time', itemIndex: number): NodeOperationError {
	const example = kind === 'date' ? '2026-11-24' : '2026-11-24T14:30:00';
	return new NodeOperationError(node, `${label} "${text}" is not a ${kind} MBX can read`, {
		itemIndex,
		description: `Use a ${kind} such as ${example} in the "${label}" field, or pick it in the date picker.`,
	});
}

/**
 * What the user gave, as ISO text: text trimmed, a Luxon DateTime or a Date as its ISO form, an
 * empty value as ''. Anything else (a number, an object) is left for the caller to refuse.
 */
function isoText(raw: unknown): string | undefined {
	if (raw === undefined || raw === null) return '';
	if (typeof raw === 'string') return raw.trim();
	if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
	if (typeof raw === 'object' && typeof (raw as { toISO?: unknown }).toISO === 'function') {
		const iso = (raw as { toISO: () => unknown }).toISO();
		return typeof iso === 'string' ? iso : undefined;
	}
	return undefined;
}

/** Whether a value is empty: nothing given (the caller then leaves the field out). */
export function isEmptyDate(raw: unknown): boolean {
	return isoText(raw) === '';
}

function parse(raw: unknown): { text: string; match: RegExpExecArray | null } {
	const text = isoText(raw);
	if (text === undefined) return { text: typeof raw === 'object' ? JSON.stringify(raw) : String(raw), match: null };
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return { text, match: null };
	const [year, month, day] = [match[1], match[2], match[3]].map(Number);
	const check = new Date(Date.UTC(year, month - 1, day));
	const [hour, minute, second] = [match[4], match[5], match[6]].map((part) => (part === undefined ? 0 : Number(part)));
	const validDay = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
	const validTime = hour <= 23 && minute <= 59 && second <= 59;
	return { text, match: validDay && validTime ? match : null };
}

/**
 * A date for MBX, YYYY-MM-DD. The day is the one written (a time or zone after it is dropped, not
 * converted), so `2026-11-24T23:30:00-05:00` is 24 November, as the builder meant it.
 */
export function mbxDate(node: INode, raw: unknown, label: string, itemIndex: number): string {
	const { text, match } = parse(raw);
	if (!match) throw fail(node, label, text, 'date', itemIndex);
	return `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * A date and time for MBX, as ISO 8601 text: the date and time as written, not converted to
 * another zone (`2026-11-24T14:30:00`, seconds added when left out, fractions kept), followed by
 * the zone when the value has one. A date alone is sent as that date.
 */
export function mbxDateTime(node: INode, raw: unknown, label: string, itemIndex: number): string {
	const { text, match } = parse(raw);
	if (!match) throw fail(node, label, text, 'date and time', itemIndex);
	const [, year, month, day, hour, minute, second, fraction, zone] = match;
	const date = `${year}-${month}-${day}`;
	if (hour === undefined) return date;
	return `${date}T${hour}:${minute}:${second ?? '00'}${second === undefined ? '' : (fraction ?? '')}${zone === undefined ? '' : zone.toUpperCase()}`;
}
