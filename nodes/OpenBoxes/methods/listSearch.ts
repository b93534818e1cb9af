/**
 * "From list" searches of the OpenBoxes record pickers (`methods.listSearch`). Products page
 * 50 at a time with a max/offset token; locations and users come from lists OpenBoxes does not
 * page, so every match is returned at once.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { nextOffset } from '../../shared/pagination';
import { openBoxesRequest } from '../transport';

const PRODUCT_PAGE_SIZE = 50;

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dataList(response: unknown): IDataObject[] {
	const data = isObject(response) ? response.data : undefined;
	return Array.isArray(data) ? data.filter(isObject) : [];
}

function byName(a: INodeListSearchItems, b: INodeListSearchItems): number {
	return a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true });
}

/** Products by name, code, brand and the like (OpenBoxes' `q`), 50 a page, sorted by name. */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const token = Math.trunc(Number(paginationToken ?? 0));
	const offset = Number.isFinite(token) && token > 0 ? token : 0;
	const term = text(filter);
	const response = await openBoxesRequest.call(this, 'GET', '/products', {
		query: { max: PRODUCT_PAGE_SIZE, offset, sort: 'name', order: 'asc', ...(term ? { q: term } : {}) },
	});
	const products = dataList(response);
	const total = isObject(response) && typeof response.totalCount === 'number' ? response.totalCount : undefined;
	const next = nextOffset({ offset, received: products.length, requested: PRODUCT_PAGE_SIZE, total });
	return {
		results: products.map((product) => {
			const code = text(product.productCode);
			const name = text(product.name) || text(product.id);
			return { name: code ? `${name} (${code})` : name, value: text(product.id) };
		}),
		...(next === undefined ? {} : { paginationToken: String(next) }),
	};
}

/**
 * Active locations whose name, number or type contains the typed text. OpenBoxes' own name filter
 * needs three characters, so the (unpaged) list is fetched whole and filtered here.
 */
export async function searchLocations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const term = text(filter).toLowerCase();
	const locations = dataList(await openBoxesRequest.call(this, 'GET', '/locations'));
	const results = locations
		.map((location) => {
			const type = isObject(location.locationType) ? location.locationType : {};
			const typeName = text(type.name) || text(type.locationTypeCode);
			const name = text(location.name) || text(location.id);
			const haystack = [name, text(location.locationNumber), typeName].join(' ').toLowerCase();
			return { item: { name: typeName ? `${name} (${typeName})` : name, value: text(location.id) }, haystack };
		})
		.filter(({ haystack }) => term === '' || haystack.includes(term))
		.map(({ item }) => item)
		.sort(byName);
	return { results };
}

/** Users whose first name, last name or e-mail matches the typed words (OpenBoxes' `searchTerm`). */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const term = text(filter);
	const users = dataList(
		await openBoxesRequest.call(this, 'GET', '/users', { query: term ? { searchTerm: term } : {} }),
	);
	const results = users
		.map((user) => {
			const name = [text(user.firstName), text(user.lastName)].filter(Boolean).join(' ') || text(user.name);
			const username = text(user.username);
			return { name: username ? `${name || username} (${username})` : name || text(user.id), value: text(user.id) };
		})
		.sort(byName);
	return { results };
}
