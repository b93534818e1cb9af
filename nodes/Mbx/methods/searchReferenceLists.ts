/**
 * "From list" of the Country, Ship Method and Automation Task Type pickers. These MBX lists are
 * short, so each is read whole, named as in the dropdowns of loadOptions.ts, and narrowed here to
 * the entries whose name, ISO code, carrier or description contains the typed text, or whose MBX
 * ID it is.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { getAutomationTaskTypes, getCountries, getShipMethods } from './loadOptions';

function matching(options: INodePropertyOptions[], filter?: string): INodeListSearchResult {
	const term = (filter ?? '').trim().toLowerCase();
	const id = term.replace(/^#/, '');
	const results = options
		.filter(
			(option) =>
				term === '' ||
				String(option.value) === id ||
				option.name.toLowerCase().includes(term) ||
				(option.description ?? '').toLowerCase().includes(term),
		)
		.map((option) => ({ name: option.name, value: String(option.value) }));
	return { results };
}

/** Countries as "Canada (CA)", found by name, ISO code or ID. */
export async function searchCountries(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return matching(await getCountries.call(this), filter);
}

/** Ship methods by name, found by name, carrier or ID. */
export async function searchShipMethods(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return matching(await getShipMethods.call(this), filter);
}

/** Forge task types by name, found by name, description or ID. */
export async function searchAutomationTaskTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return matching(await getAutomationTaskTypes.call(this), filter);
}
