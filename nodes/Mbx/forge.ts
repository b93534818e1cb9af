/**
 * Checks shared by the Forge integration operations (automation queues, automation tasks and
 * serial data): IP addresses, text limits and whole numbers, each naming the field at fault
 * before anything is sent to MBX.
 */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError } from '../shared/parameters';
import { trimmed } from '../shared/values';

/** MBX stores serials, messages, values and metadata in columns of 256 characters. */
export const MBX_TEXT_LIMIT = 256;

const IPV4_PART = /^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** A dotted IPv4 address: four numbers from 0 to 255, without leading zeros. */
export function isIPv4(value: string): boolean {
	const parts = value.split('.');
	return parts.length === 4 && parts.every((part) => IPV4_PART.test(part));
}

/** An IPv6 address in any RFC 4291 text form: full, "::"-shortened, or ending in an IPv4 address. */
export function isIPv6(value: string): boolean {
	if (value === '' || value.includes(':::')) return false;
	const halves = value.split('::');
	if (halves.length > 2) return false;
	const groupsOf = (half: string): string[] => (half === '' ? [] : half.split(':'));
	const head = groupsOf(halves[0]);
	const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
	const groups = [...head, ...tail];
	let width = groups.length;
	// Only the very last group may be an IPv4 address ("::ffff:192.0.2.1"), never one before "::".
	const lastWritten = halves.length === 2 ? tail[tail.length - 1] : head[head.length - 1];
	if (lastWritten !== undefined && lastWritten.includes('.')) {
		if (!isIPv4(lastWritten)) return false;
		groups.pop();
		width += 1; // an IPv4 tail takes the room of two groups
	}
	if (!groups.every((group) => IPV6_GROUP.test(group))) return false;
	return halves.length === 2 ? width <= 7 : width === 8;
}

/** Reads an IP address parameter and checks it is a valid IPv4 or IPv6 address. */
export function ipAddressParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = trimmed(context.getNodeParameter(name, itemIndex, ''));
	if (value === '') throw fieldError(context, `${label} is required`, label, itemIndex);
	if (!isIPv4(value) && !isIPv6(value)) {
		throw fieldError(
			context,
			`${label} must be a valid IPv4 or IPv6 address (e.g. 192.168.1.20 or 2001:db8::1), got "${value}"`,
			label,
			itemIndex,
		);
	}
	return value;
}

/** The length of a text in characters as a person counts them (code points, not UTF-16 units). */
export function characterCount(value: string): number {
	return [...value].length;
}

/** Checks a text is at most `max` characters long, naming the field when it is longer. */
export function checkMaxLength(
	context: IExecuteFunctions,
	value: string,
	label: string,
	itemIndex: number,
	max = MBX_TEXT_LIMIT,
): string {
	const length = characterCount(value);
	if (length > max) {
		throw fieldError(context, `${label} can be at most ${max} characters long, got ${length}`, label, itemIndex);
	}
	return value;
}

/** Reads a text parameter, trimmed; required ones must not be empty. Always checked against the limit. */
export function limitedTextParameter(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	options: { required: boolean; trim?: boolean },
): string {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	let value = raw === undefined || raw === null ? '' : String(raw);
	if (options.trim !== false) value = value.trim();
	if (options.required && value.trim() === '') throw fieldError(context, `${label} is required`, label, itemIndex);
	return checkMaxLength(context, value, label, itemIndex);
}

/** The Manufacturer Serial field: the system a Forge operation is about. */
export function manufacturerSerialField(show: IDisplayOptions['show'], description: string): INodeProperties {
	return {
		displayName: 'Manufacturer Serial',
		name: 'manufacturerSerial',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 124567',
		description,
		displayOptions: { show },
	};
}

/** The IP Address field of the system a Forge operation is about. */
export function ipAddressField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'IP Address',
		name: 'ipAddress',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 192.168.1.20',
		description: 'IPv4 or IPv6 address of the system',
		displayOptions: { show },
	};
}
