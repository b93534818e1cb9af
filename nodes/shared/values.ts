import type { IDataObject } from 'n8n-workflow';

/** A value as text, trimmed; '' for null or missing. */
export function trimmed(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of a record without the given keys (the fields a node fills itself, say). */
export function withoutKeys<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Omit<T, K> {
	const copy = { ...record };
	for (const key of keys) delete copy[key];
	return copy;
}

/**
 * Makes `target` hold exactly what `source` holds, in place: a trigger's static data is the object
 * n8n saves, so it is emptied and refilled rather than replaced, and no key of an older state stays.
 */
export function replaceContents<T extends object>(target: T, source: Partial<T>): void {
	for (const key of Object.keys(target)) delete target[key as keyof T];
	Object.assign(target, source);
}
