/**
 * "From list" searches of the OpenBoxes record pickers (`methods.listSearch`). Products, purchase
 * orders and stock movements page 50 at a time with a max/offset token; locations and users come
 * from lists OpenBoxes does not page, so every match is returned at once. Every export here is a
 * node method.
 */
import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { nextOffset, pageTokenNumber } from '../../shared/pagination';
import { openBoxesBaseUrl } from '../session';
import { openBoxesCredentialType } from '../authentication';
import { openBoxesLocationId, openBoxesRequest } from '../transport';
import { dataList } from '../helpers';
import { OPENBOXES_PATHS } from '../paths';
import { trimmed, isObject } from '../../shared/values';
import { byName, statusLabel } from '../../shared/dropdowns';

const PRODUCT_PAGE_SIZE = 50;

/** One page of a list OpenBoxes pages with max/offset: its rows and where the next page starts. */
async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	query: IDataObject,
	page: { offset: number; size: number },
): Promise<{ rows: IDataObject[]; next: number | undefined }> {
	const response = await openBoxesRequest.call(context, 'GET', path, { query: { ...query, max: page.size, offset: page.offset } });
	const rows = dataList(response);
	const total = isObject(response) && typeof response.totalCount === 'number' ? response.totalCount : undefined;
	return { rows, next: nextOffset({ offset: page.offset, received: rows.length, requested: page.size, total }) };
}

/** Products by name, code, brand and the like (OpenBoxes' `q`), 50 a page, sorted by name. */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = trimmed(filter);
	const { rows: products, next } = await searchPage(
		this,
		OPENBOXES_PATHS.products,
		{ sort: 'name', order: 'asc', ...(term ? { q: term } : {}) },
		{ offset: pageTokenNumber(paginationToken, 0), size: PRODUCT_PAGE_SIZE },
	);
	return {
		results: products.map((product) => {
			const code = trimmed(product.productCode);
			const name = trimmed(product.name) || trimmed(product.id);
			return { name: code ? `${name} (${code})` : name, value: trimmed(product.id) };
		}),
		...(next === undefined ? {} : { paginationToken: String(next) }),
	};
}

/**
 * Active locations whose name, number or type contains the typed text. OpenBoxes' own name filter
 * needs three characters, so the (unpaged) list is fetched whole and filtered here.
 */
export async function searchLocations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const term = trimmed(filter).toLowerCase();
	const locations = dataList(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.locations));
	const results = locations
		.map((location) => {
			const type = isObject(location.locationType) ? location.locationType : {};
			const typeName = trimmed(type.name) || trimmed(type.locationTypeCode);
			const name = trimmed(location.name) || trimmed(location.id);
			const haystack = [name, trimmed(location.locationNumber), typeName].join(' ').toLowerCase();
			return { item: { name: typeName ? `${name} (${typeName})` : name, value: trimmed(location.id) }, haystack };
		})
		.filter(({ haystack }) => term === '' || haystack.includes(term))
		.map(({ item }) => item)
		.sort(byName);
	return { results };
}

/** Users whose first name, last name or e-mail matches the typed words (OpenBoxes' `searchTerm`). */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const term = trimmed(filter);
	const users = dataList(
		await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.users, { query: term ? { searchTerm: term } : {} }),
	);
	const results = users
		.map((user) => {
			const name = [trimmed(user.firstName), trimmed(user.lastName)].filter(Boolean).join(' ') || trimmed(user.name);
			const username = trimmed(user.username);
			return { name: username ? `${name || username} (${username})` : name || trimmed(user.id), value: trimmed(user.id) };
		})
		.sort(byName);
	return { results };
}

const RECORD_PAGE_SIZE = 50;

/** A place as a list shows it: a display string, or a location object with a name. */
function placeName(value: unknown): string {
	return isObject(value) ? trimmed(value.name) : trimmed(value);
}

/** The OpenBoxes web app, where a record's own page lives (`<base>/order/show/<id>`). */
async function webAppUrl(context: ILoadOptionsFunctions): Promise<string> {
	return openBoxesBaseUrl(await context.getCredentials(openBoxesCredentialType(context)));
}

/**
 * Purchase orders whose order number, name or description contains the typed text (OpenBoxes'
 * `searchTerm`), newest first, 50 a page: "PO-1042 · Acme Foods (ACME) · Placed".
 */
export async function searchPurchaseOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = trimmed(filter);
	const { rows: orders, next } = await searchPage(
		this,
		OPENBOXES_PATHS.purchaseOrders,
		{ sort: 'dateCreated', order: 'desc', ...(term ? { searchTerm: term } : {}) },
		{ offset: pageTokenNumber(paginationToken, 0), size: RECORD_PAGE_SIZE },
	);
	const web = await webAppUrl(this);
	return {
		results: orders.map((order) => {
			const id = trimmed(order.id);
			const number = trimmed(order.orderNumber) || trimmed(order.name) || id;
			const name = [number, placeName(order.origin), statusLabel(order.status)].filter(Boolean).join(' · ');
			return { name, value: id, url: `${web}/order/show/${encodeURIComponent(id)}` };
		}),
		...(next === undefined ? {} : { paginationToken: String(next) }),
	};
}

/** Where the next page of each direction starts: "25:0"; "-" once a direction is done. */
function movementOffsets(paginationToken?: string): { outbound?: number; inbound?: number } {
	if (!paginationToken) return { outbound: 0, inbound: 0 };
	const [outbound, inbound] = paginationToken.split(':').map((part) => {
		const value = Math.trunc(Number(part));
		return part !== '-' && part !== '' && Number.isFinite(value) && value >= 0 ? value : undefined;
	});
	return { outbound, inbound };
}

/** "483ZSA · to Ward 3 · Requested" (outbound) or "483ZSA · from Acme Supplies · Shipped" (inbound). */
function movementName(movement: IDataObject, direction: 'OUTBOUND' | 'INBOUND'): string {
	const place = placeName(direction === 'OUTBOUND' ? movement.destination : movement.origin);
	const display = isObject(movement.displayStatus) ? trimmed(movement.displayStatus.label) : '';
	return [
		trimmed(movement.identifier) || trimmed(movement.name) || trimmed(movement.id),
		place ? `${direction === 'OUTBOUND' ? 'to' : 'from'} ${place}` : '',
		display || statusLabel(movement.statusCode),
	]
		.filter(Boolean)
		.join(' · ');
}

/**
 * Stock movements of the credential's location whose identifier, name or description contains the
 * typed text (OpenBoxes' `q`): outgoing ones (origin = that location) then incoming ones
 * (destination = that location), 25 of each a page. OpenBoxes lists movements only from or to one
 * location, so without a Location ID in the credential there is no list to show.
 */
export async function searchStockMovements(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const location = await openBoxesLocationId(this);
	if (location === '') {
		throw new NodeOperationError(this.getNode(), 'The OpenBoxes credential has no Location ID, so there is no stock movement list to show', {
			description:
				'OpenBoxes lists stock movements from or to one location. Fill in "Location ID" in the OpenBoxes credential, or choose "By ID" and enter the movement ID.',
		});
	}
	const term = trimmed(filter);
	const offsets = movementOffsets(paginationToken);
	const half = RECORD_PAGE_SIZE / 2;
	const results: INodeListSearchItems[] = [];
	const nextOffsets: Array<number | undefined> = [];
	const web = await webAppUrl(this);
	for (const [direction, offset] of [
		['OUTBOUND', offsets.outbound],
		['INBOUND', offsets.inbound],
	] as const) {
		if (offset === undefined) {
			nextOffsets.push(undefined);
			continue;
		}
		const side = direction === 'OUTBOUND' ? { origin: location } : { destination: location };
		const { rows: movements, next } = await searchPage(
			this,
			OPENBOXES_PATHS.stockMovements,
			{ direction, ...side, ...(term ? { q: term } : {}) },
			{ offset, size: half },
		);
		nextOffsets.push(next);
		for (const movement of movements) {
			const id = trimmed(movement.id);
			results.push({ name: movementName(movement, direction), value: id, url: `${web}/stockMovement/show/${encodeURIComponent(id)}` });
		}
	}
	const more = nextOffsets.some((offset) => offset !== undefined);
	return {
		results,
		...(more ? { paginationToken: nextOffsets.map((offset) => (offset === undefined ? '-' : String(offset))).join(':') } : {}),
	};
}
