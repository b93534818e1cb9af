/**
 * Helpers the Stock Movement, Purchase Order, Put-Away and Inventory resources share: location,
 * product and user pickers, reading their values (an empty location means the credential's
 * location), line lists, repeated query parameters, OpenBoxes envelopes and date-time text.
 */
import {
	type IDataObject,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { positiveInteger } from '../../../shared/parameters';
import { openBoxesLocationId } from '../../transport';

export { ID_PLACEHOLDER, applyLimit, dataList, dataObject, fieldError, isObject, multiValues, nonNegativeNumber, trimmed, withRepeatedQuery } from '../../helpers';
import { ID_PLACEHOLDER, fieldError, isObject, trimmed } from '../../helpers';

/** A location picker. Left empty, the operation uses the location set in the credential. */
export function locationPicker(options: {
	name: string;
	displayName: string;
	show: IDisplayOptions['show'];
	description: string;
}): INodeProperties {
	return recordLocator({ ...options, searchMethod: 'searchLocations', idPlaceholder: ID_PLACEHOLDER, required: false });
}

/** A required product picker. */
export function productPicker(options: {
	name: string;
	show: IDisplayOptions['show'];
	description: string;
}): INodeProperties {
	return recordLocator({ ...options, displayName: 'Product', searchMethod: 'searchProducts', idPlaceholder: ID_PLACEHOLDER });
}

/** A user dropdown (people who request or order), filled by the node's `getUsers` method. */
export function userField(name: string, displayName: string, hint: string): INodeProperties {
	return {
		displayName: `${displayName} Name or ID`,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint,
	};
}

/** The text of a parameter (a picker's value is extracted), trimmed; '' when empty. */
export function textParameter(context: IExecuteFunctions, name: string, itemIndex: number): string {
	return trimmed(context.getNodeParameter(name, itemIndex, '', { extractValue: true }));
}

/** A parameter that must not be empty, naming the field when it is. */
export function requiredText(context: IExecuteFunctions, name: string, label: string, itemIndex: number, hint?: string): string {
	const value = textParameter(context, name, itemIndex);
	if (value === '') throw fieldError(context, `${label} is required`, label, itemIndex, hint ?? `Fill in the "${label}" field.`);
	return value;
}

/** The location ID set in the credential; refused (naming the credential field) when empty. */
export async function credentialLocation(context: IExecuteFunctions, label: string, itemIndex: number): Promise<string> {
	const location = await openBoxesLocationId(context);
	if (location === '') {
		throw fieldError(
			context,
			`${label} is empty and the credential has no Location ID to use instead`,
			label,
			itemIndex,
			`Pick a location in "${label}", or fill in "Location ID" in the OpenBoxes credential.`,
		);
	}
	return location;
}

/** A location picker's value, or the credential's location when it was left empty. */
export async function locationOrCredential(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): Promise<string> {
	const value = textParameter(context, name, itemIndex);
	return value !== '' ? value : await credentialLocation(context, label, itemIndex);
}

/** The entries of a fixedCollection with multiple values (`{ line: [...] }`). */
export function collectionEntries(raw: unknown, key: string): IDataObject[] {
	const entries = isObject(raw) ? raw[key] : undefined;
	const list = Array.isArray(entries) ? entries : isObject(entries) ? [entries] : [];
	return list.filter(isObject);
}

/** A whole quantity of 1 or more inside a line, named with its line number. */
export function lineQuantity(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): number {
	return positiveInteger(context, raw, label, itemIndex);
}

/** An ID as one path segment. */
export function segment(id: string): string {
	return encodeURIComponent(id);
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
