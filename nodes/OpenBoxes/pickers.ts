/**
 * The pickers OpenBoxes resources share: "From list / By ID" locators for products and locations,
 * the user dropdown, and OpenBoxes' three-character rule for name searches.
 */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../shared/descriptions';
import { fieldError } from '../shared/parameters';
import { trimmed } from '../shared/values';

/** What an OpenBoxes ID looks like, as a field placeholder. */
export const ID_PLACEHOLDER = 'e.g. ff80818155df9de40155df9e31000001';

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
