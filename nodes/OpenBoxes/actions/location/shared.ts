/**
 * Helpers the Product, Location, User and Generic API resources share: the "From list / By ID"
 * pickers, OpenBoxes' three-character rule for name searches, repeated query parameters and
 * client-side limits for the lists OpenBoxes does not page.
 */
import { type IDataObject, type IDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';

export { applyLimit, dataList, dataObject, fieldError, isObject, multiValues, nonNegativeNumber, trimmed, withRepeatedQuery } from '../../helpers';
import { ID_PLACEHOLDER, fieldError, isObject, trimmed } from '../../helpers';

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
	return recordLocator({ ...options, idPlaceholder: ID_PLACEHOLDER });
}

/** The Product picker (parameter `productId`). */
export function productLocator(show: IDisplayOptions['show'], description: string): INodeProperties {
	return openBoxesRecordLocator({ name: 'productId', displayName: 'Product', searchMethod: 'searchProducts', show, description });
}

/** The Location picker (parameter `locationId`). */
export function locationLocator(show: IDisplayOptions['show'], description: string): INodeProperties {
	return openBoxesRecordLocator({ name: 'locationId', displayName: 'Location', searchMethod: 'searchLocations', show, description });
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

/** What a delete operation outputs: OpenBoxes answers 204 with no body. */
export function deletedResult(response: unknown, id: string, extra: IDataObject = {}): IDataObject {
	return { ...(isObject(response) ? response : {}), ...extra, deleted: true, id };
}
