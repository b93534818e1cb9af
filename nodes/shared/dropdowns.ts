/** Helpers for the editor's dropdowns and "From list" searches of every vendor. */
import { trimmed, isObject } from './values';

/** Dropdown entries in the order a person reads them: by name (numbers as numbers), then by value. */
export function byName(a: { name: string; value?: unknown }, b: { name: string; value?: unknown }): number {
	return a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) || String(a.value).localeCompare(String(b.value));
}

/** A status code as a label: `PARTIALLY_RECEIVED` or `{ name: "PARTIALLY_RECEIVED" }` → "Partially received". */
export function statusLabel(value: unknown): string {
	const status = trimmed(isObject(value) ? value.name : value).replace(/_/g, ' ').toLowerCase();
	return status ? status.charAt(0).toUpperCase() + status.slice(1) : '';
}
