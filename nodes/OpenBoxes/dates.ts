import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { fieldError } from '../shared/parameters';
import { trimmed } from '../shared/values';

/**
 * OpenBoxes list filters such as `createdAfter` (stock movements) and `statusStartDate`
 * (purchase orders) accept only `MM/dd/yyyy`. Builders type ISO dates or pick them in n8n's date
 * picker, so dates are converted here; a date that cannot be read is refused, naming the field.
 */
export function toOpenBoxesDate(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	const usStyle = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
	if (usStyle) return text;
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
	if (iso && !Number.isNaN(Date.parse(`${iso[1]}-${iso[2]}-${iso[3]}T00:00:00Z`))) return `${iso[2]}/${iso[3]}/${iso[1]}`;
	throw new NodeOperationError(context.getNode(), `${label} "${text}" is not a date OpenBoxes can read`, {
		itemIndex,
		description: `Use a date such as 2026-11-24 (or 11/24/2026) in the "${label}" field.`,
	});
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The workflow's time zone, or UTC when it cannot be read. */
function workflowTimeZone(context: IExecuteFunctions): string {
	const zone = typeof context.getTimezone === 'function' ? context.getTimezone() : undefined;
	if (!zone) return 'UTC';
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return zone;
	} catch {
		return 'UTC';
	}
}

/** The wall-clock parts of an instant in a time zone. */
function wallClock(instant: number, timeZone: string) {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
	}).formatToParts(new Date(instant));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
	const wall = wallClock(instant, timeZone);
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
	return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const absolute = Math.abs(minutes);
	return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * A date and time as OpenBoxes reads shipment dates: `MM/dd/yyyy HH:mm XXX`, e.g.
 * `11/24/2026 14:30 -05:00`. Accepted: that form itself, and ISO text from n8n's date picker or an
 * expression (`2026-11-24T14:30:00`, with or without an offset; a bare date means midnight). A
 * time without an offset is taken in the workflow's time zone. Anything else is refused, naming the
 * field. Returns undefined for an empty value.
 */
export function toOpenBoxesDateTime(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string | undefined {
	const text = trimmed(value);
	if (text === '') return undefined;
	if (/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} (?:Z|[+-]\d{2}:\d{2})$/.test(text)) return text;
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
	const refuse = () =>
		fieldError(
			context,
			`${label} "${text}" is not a date and time OpenBoxes can read`,
			label,
			itemIndex,
			`Use a date and time such as 2026-11-24T14:30:00 (or 11/24/2026 14:30 -05:00) in the "${label}" field.`,
		);
	if (!iso) throw refuse();
	const [year, month, day, hour, minute] = [iso[1], iso[2], iso[3], iso[4] ?? '0', iso[5] ?? '0'].map(Number);
	const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) throw refuse();

	let offset: string;
	if (iso[7]) {
		const zone = iso[7].toUpperCase();
		offset = zone === 'Z' ? '+00:00' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
	} else {
		// Wall-clock time in the workflow's zone: find the instant, allowing for a DST change.
		const zone = workflowTimeZone(context);
		const wallAsUtc = check.getTime();
		let minutes = offsetMinutes(wallAsUtc, zone);
		minutes = offsetMinutes(wallAsUtc - minutes * 60_000, zone);
		offset = formatOffset(minutes);
	}
	return `${pad(month)}/${pad(day)}/${year} ${pad(hour)}:${pad(minute)} ${offset}`;
}

/** `MM/dd/yyyy` as a sortable `yyyyMMdd` number, to compare two converted dates. */
export function sortableDate(usDate: string): number {
	const [month, day, year] = usDate.split('/').map(Number);
	return year * 10_000 + month * 100 + day;
}
