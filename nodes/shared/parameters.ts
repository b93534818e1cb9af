import { NodeOperationError, type IExecuteFunctions, type INodeProperties, type INodePropertyCollection } from 'n8n-workflow';

import { trimmed } from './values';

/**
 * Readers for node parameters, one set for every vendor: each names the field at fault in a
 * NodeOperationError raised before anything is sent. Arguments always run (context, what, label,
 * itemIndex): `what` is a parameter name for the `…Parameter` readers and a value for the others.
 */

/** An error about one field, raised before anything is sent. */
export function fieldError(context: IExecuteFunctions, message: string, label: string, itemIndex: number, hint?: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex, description: hint ?? `Check the "${label}" field.` });
}

/** Reads a parameter that must be a whole number of at least 1, naming the field when it is not. */
export function positiveIntegerParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	return positiveInteger(context, context.getNodeParameter(name, itemIndex) as unknown, label, itemIndex);
}

/** Checks that a value is a whole number of at least 1 (numeric text allowed). */
export function positiveInteger(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): number {
	const value = typeof raw === 'string' ? Number(raw.trim()) : (raw as number);
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw fieldError(context, `${label} must be a whole number of 1 or more, got "${String(raw)}"`, label, itemIndex);
	}
	return value;
}

/** Checks that a value is a whole number of 0 or more (numeric text allowed), e.g. a task sequence. */
export function nonNegativeInteger(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
		throw fieldError(context, `${label} must be a whole number of 0 or more, got "${String(raw)}"`, label, itemIndex);
	}
	return value;
}

/** Checks that a value is a number of 0 or more (numeric text allowed). */
export function nonNegativeNumber(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		throw fieldError(context, `${label} must be a number of 0 or more, got "${String(raw)}"`, label, itemIndex);
	}
	return value;
}

/** Checks that a value is not empty, and gives it trimmed. */
export function requiredText(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number, hint?: string): string {
	const value = trimmed(raw);
	if (value === '') throw fieldError(context, `${label} is required`, label, itemIndex, hint ?? `Fill in the "${label}" field.`);
	return value;
}

/** The text of a parameter (a picker's value is extracted), trimmed; '' when empty. */
export function stringParameter(context: IExecuteFunctions, name: string, itemIndex: number): string {
	return trimmed(context.getNodeParameter(name, itemIndex, '', { extractValue: true }));
}

/** Reads a text parameter that must not be empty, naming the field when it is. */
export function requiredStringParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number, hint?: string): string {
	return requiredText(context, stringParameter(context, name, itemIndex), label, itemIndex, hint);
}

/**
 * Reads an ID that goes into a request path as one segment: required, trimmed, and never "." or
 * "..", which a URL resolves as a step up or nothing (the request would go to another address).
 */
export function requiredIdParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	return pathSegment(context, requiredStringParameter(context, name, label, itemIndex), label, itemIndex);
}

/** Refuses "." and ".." as a path segment, naming the field they came from. */
function pathSegment(context: IExecuteFunctions, value: string, label: string, itemIndex: number): string {
	if (value === '.' || value === '..') {
		throw new NodeOperationError(context.getNode(), `${label} "${value}" is not an ID`, {
			itemIndex,
			description: `Check the "${label}" field: "." and ".." cannot be sent as an ID, a web address reads them as a step in its path.`,
		});
	}
	return value;
}

/** Field types that hold text, a number or a choice: an object there would be sent as "[object Object]". */
const SCALAR_TYPES = new Set(['string', 'number', 'options', 'multiOptions', 'dateTime', 'color', 'resourceLocator']);

/** Data such as `$json.customer`: a plain object. Dates, Luxon times and lists are not. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/** A plain object that is data: one with methods (a date-like value with toISO, say) converts itself. */
const isDataObject = (value: unknown): value is Record<string, unknown> =>
	isPlainObject(value) && !Object.values(value).some((entry) => typeof entry === 'function');

/** n8n names a dropdown filled from the vendor "X Name or ID"; messages call it X. */
const fieldLabel = (property: { displayName: string }) => property.displayName.replace(/ Name or ID$/, '');

function refuseObject(context: IExecuteFunctions, property: INodeProperties, value: unknown, label: string, itemIndex: number): void {
	if (value === undefined || value === null) return;
	if (property.type === 'collection') {
		if (!isPlainObject(value)) return;
		for (const option of (property.options ?? []) as INodeProperties[]) {
			refuseObject(context, option, value[option.name], fieldLabel(option), itemIndex);
		}
		return;
	}
	if (property.type === 'fixedCollection') {
		if (!isPlainObject(value)) return;
		for (const group of (property.options ?? []) as INodePropertyCollection[]) {
			const entries = value[group.name];
			const list = Array.isArray(entries) ? entries : [entries];
			list.forEach((entry, index) => {
				if (!isPlainObject(entry)) return;
				const at = Array.isArray(entries) ? `${label} › ${group.displayName} ${index + 1}` : label;
				for (const field of group.values ?? []) refuseObject(context, field, entry[field.name], `${at} › ${fieldLabel(field)}`, itemIndex);
			});
		}
		return;
	}
	if (!SCALAR_TYPES.has(property.type)) return;
	// A picker's value sits in { __rl, mode, value }.
	const inner = property.type === 'resourceLocator' && isPlainObject(value) && '__rl' in value ? value.value : value;
	if (!isDataObject(inner)) return;
	throw new NodeOperationError(context.getNode(), `${label} cannot be an object`, {
		itemIndex,
		description: `Check the "${label}" field: its expression gives a whole object. Use one value of it instead, e.g. {{ $json.customer.id }} rather than {{ $json.customer }}.`,
	});
}

/**
 * Refuses, naming the field, an object that an expression gave a field for text, a number or a
 * choice (also inside collections): sent as it is, it would reach the vendor as "[object Object]".
 * `acceptsObjects` names the fields that take objects on purpose (sent as JSON text).
 */
export function refuseObjectValues(
	context: IExecuteFunctions,
	properties: INodeProperties[],
	itemIndex: number,
	acceptsObjects: readonly string[] = [],
): void {
	for (const property of properties) {
		if (acceptsObjects.includes(property.name) || property.type === 'notice') continue;
		let value: unknown;
		try {
			value = context.getNodeParameter(property.name, itemIndex, null);
		} catch {
			// An expression that fails fails again, in its own words, where the operation reads it.
			continue;
		}
		const checked =
			property.type === 'collection'
				? { ...property, options: ((property.options ?? []) as INodeProperties[]).filter((option) => !acceptsObjects.includes(option.name)) }
				: property;
		refuseObject(context, checked, value, fieldLabel(property), itemIndex);
	}
}

/** The limit to apply, or undefined when the user chose Return All. */
export function limitParameter(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return positiveIntegerParameter(context, 'limit', 'Limit', itemIndex);
}

/**
 * A JSON field's value: n8n hands it over as text when typed and as data when an expression
 * gives it. Text that is not JSON is refused, naming the field.
 */
export function jsonParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number, expected: string): unknown {
	const raw = context.getNodeParameter(name, itemIndex) as unknown;
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		throw new NodeOperationError(context.getNode(), `${label} is not valid JSON`, {
			itemIndex,
			description: `Check the "${label}" field: it must be ${expected}.`,
		});
	}
}

/** An update that would change nothing is refused before sending, naming the Update Fields field. */
export function assertSomethingToUpdate(context: IExecuteFunctions, body: object, itemIndex: number): void {
	if (Object.keys(body).length > 0) return;
	throw new NodeOperationError(context.getNode(), 'Update Fields is empty; add at least one field to change', {
		itemIndex,
		description: 'Add the fields to change under "Update Fields".',
	});
}
