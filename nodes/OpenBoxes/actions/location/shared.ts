/**
 * Helpers the Product, Location, User and Generic API resources share: the "From list / By ID"
 * pickers, OpenBoxes' three-character rule for name searches, repeated query parameters and
 * client-side limits for the lists OpenBoxes does not page.
 */
import { NodeOperationError, type IDataObject, type IDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';

/** OpenBoxes answers name searches shorter than this with an empty list (`openboxes.typeahead.minLength`). */
export const MIN_SEARCH_LENGTH = 3;

/** A "From List / By ID" picker for an OpenBoxes record; `searchMethod` names a listSearch method. */
export function openBoxesRecordLocator(options: {
	name: string;
	displayName: string;
	searchMethod: string;
	show: IDisplayOptions['show'];
	description: string;
}): INodeProperties {
	return recordLocator({ ...options, idPlaceholder: 'e.g. ff80818155df9de40155df9e31000001' });
}

/** The Product picker (parameter `productId`). */
export function productLocator(show: IDisplayOptions['show'], description: string): INodeProperties {
	return openBoxesRecordLocator({ name: 'productId', displayName: 'Product', searchMethod: 'searchProducts', show, description });
}

/** The Location picker (parameter `locationId`). */
export function locationLocator(show: IDisplayOptions['show'], description: string): INodeProperties {
	return openBoxesRecordLocator({ name: 'locationId', displayName: 'Location', searchMethod: 'searchLocations', show, description });
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function trimmed(raw: unknown): string {
	return raw === undefined || raw === null ? '' : String(raw).trim();
}

export function fieldError(
	context: IExecuteFunctions,
	message: string,
	label: string,
	itemIndex: number,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: hint ?? `Check the "${label}" field.`,
	});
}

/**
 * Text for an OpenBoxes name search. OpenBoxes silently returns nothing for fewer than three
 * characters, so shorter text is refused here rather than giving an empty result that looks like
 * "no match". Empty text is allowed only when the field is optional (returns undefined).
 */
export function searchText(
	context: IExecuteFunctions,
	raw: unknown,
	label: string,
	itemIndex: number,
	options: { required: boolean },
): string | undefined {
	const text = trimmed(raw);
	if (text === '' && !options.required) return undefined;
	if (text.length < MIN_SEARCH_LENGTH) {
		throw fieldError(
			context,
			text === '' ? `${label} is required` : `${label} "${text}" is too short: OpenBoxes needs at least ${MIN_SEARCH_LENGTH} characters`,
			label,
			itemIndex,
			`Type at least ${MIN_SEARCH_LENGTH} characters in the "${label}" field. OpenBoxes returns nothing at all for shorter search text.`,
		);
	}
	return text;
}

/** A number that must be zero or more (numeric text allowed), naming the field when it is not. */
export function nonNegativeNumber(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		throw fieldError(context, `${label} must be a number of 0 or more, got "${String(raw)}"`, label, itemIndex);
	}
	return value;
}

/**
 * The path with one `name=value` pair per value. OpenBoxes (Grails) reads repeated parameters
 * (`activityCodes=A&activityCodes=B`), while n8n sends arrays in the query as `name[0]=A`, which
 * OpenBoxes ignores; so multi-value filters go into the path and the rest stays in the query.
 */
export function withRepeatedQuery(path: string, name: string, values: string[]): string {
	if (values.length === 0) return path;
	const pairs = values.map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
	return `${path}${path.includes('?') ? '&' : '?'}${pairs}`;
}

/** The values picked in a multi-options field, trimmed, without blanks or repeats. */
export function multiValues(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : String(raw).split(',');
	return [...new Set(list.map((value) => trimmed(value)).filter((value) => value !== ''))];
}

/** The first `limit` records (all of them when limit is undefined), for lists OpenBoxes does not page. */
export function applyLimit<T>(records: T[], limit: number | undefined): T[] {
	return limit === undefined ? records : records.slice(0, limit);
}

/** The `data` list of an OpenBoxes answer (an empty list when it has none). */
export function dataList(response: unknown): IDataObject[] {
	const data = isObject(response) ? response.data : undefined;
	return Array.isArray(data) ? (data.filter(isObject) as IDataObject[]) : [];
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
