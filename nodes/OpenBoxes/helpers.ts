/** What every OpenBoxes resource shares about answers and requests: envelopes, limits, IDs in paths. */
import type { IDataObject } from 'n8n-workflow';

import { isObject, trimmed } from '../shared/values';

/** The first `limit` records (all when limit is undefined), for lists OpenBoxes does not page. */
export function applyLimit<T>(records: T[], limit: number | undefined): T[] {
	return limit === undefined ? records : records.slice(0, limit);
}

/** The `data` list of an OpenBoxes answer (an empty list when it has none). */
export function dataList(response: unknown): IDataObject[] {
	const data = isObject(response) ? response.data : undefined;
	return Array.isArray(data) ? data.filter(isObject) : [];
}

/** The `data` object of an OpenBoxes answer (an empty object when it has none). */
export function dataObject(response: unknown): IDataObject {
	const data = isObject(response) ? response.data : undefined;
	return isObject(data) ? data : {};
}

/** What a delete operation outputs: OpenBoxes answers 204 with no body. */
export function deletedResult(response: unknown, id: string, extra: IDataObject = {}): IDataObject {
	return { ...(isObject(response) ? response : {}), ...extra, deleted: true, id };
}

/** The values picked in a multi-options field, trimmed, without blanks or repeats. */
export function multiValues(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : String(raw).split(',');
	return [...new Set(list.map((value) => trimmed(value)).filter((value) => value !== ''))];
}

/** The entries of a fixedCollection with multiple values (`{ line: [...] }`). */
export function collectionEntries(raw: unknown, key: string): IDataObject[] {
	const entries = isObject(raw) ? raw[key] : undefined;
	const list = Array.isArray(entries) ? entries : isObject(entries) ? [entries] : [];
	return list.filter(isObject);
}

/** An ID as one path segment. */
export function segment(id: string): string {
	return encodeURIComponent(id);
}

/**
 * The path with one `name=value` pair per value. OpenBoxes (Grails) reads repeated parameters
 * (`status=A&status=B`), while n8n sends arrays in the query as `status[0]=A`, which OpenBoxes
 * ignores; so multi-value filters go into the path and everything else stays in the query.
 */
export function withRepeatedQuery(path: string, name: string, values: string[]): string {
	if (values.length === 0) return path;
	const pairs = values.map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
	return `${path}${path.includes('?') ? '&' : '?'}${pairs}`;
}
