/**
 * "From list" searches of the Apicbase record pickers (`methods.listSearch`), signed in with the
 * credential the node's Authentication chooses. Purchase orders page 50 at a time (the token is
 * the next DRF page); an outlet's stock items are read whole and narrowed here, as Apicbase offers
 * no name filter for them. Every export here is a node method.
 */
import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { pageTokenNumber } from '../../shared/pagination';
import { APICBASE_PATHS } from '../paths';
import { apicbaseList, apicbaseRequest } from '../transport';
import { customerCredentialType } from '../authentication';
import { trimmed, isObject } from '../../shared/values';
import { byName, statusLabel } from '../../shared/dropdowns';

const PAGE_SIZE = 50;

/** A related record as a list shows it: its name when Apicbase nests it, else nothing. */
function relatedName(value: unknown): string {
	return isObject(value) ? trimmed(value.name) : '';
}

/** One page of purchase orders, newest first, whose order number contains the typed text. */
async function purchaseOrderPage(
	context: ILoadOptionsFunctions,
	extra: IDataObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageTokenNumber(paginationToken, 1);
	const term = trimmed(filter);
	const response = (await apicbaseRequest.call(context, customerCredentialType(context), 'GET', APICBASE_PATHS.purchaseOrders, {
		query: { ...extra, ordering: '-ordered_on', page, page_size: PAGE_SIZE, ...(term ? { order_number__icontains: term } : {}) },
	})) as { next?: unknown; results?: unknown };
	const orders = Array.isArray(response?.results) ? response.results.filter(isObject) : [];
	const more = response?.next !== undefined && response.next !== null && response.next !== '' && orders.length > 0;
	return {
		results: orders.map((order) => ({
			name: [trimmed(order.order_number) || `Order ${trimmed(order.id)}`, relatedName(order.supplier), statusLabel(order.status)]
				.filter(Boolean)
				.join(' · '),
			value: trimmed(order.id),
		})),
		...(more ? { paginationToken: String(page + 1) } : {}),
	};
}

/** Purchase orders by order number, newest first: "PO-1042 · Acme Foods · Ordered". */
export async function searchPurchaseOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await purchaseOrderPage(this, {}, filter, paginationToken);
}

/**
 * Purchase orders that still accept deliveries (Ordered or Delivered, deliveries not closed), for
 * the Delivery operations.
 */
export async function searchOpenPurchaseOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await purchaseOrderPage(this, { status__in: 'ORDERED,DELIVERED', delivery_closed: 'false' }, filter, paginationToken);
}

/**
 * The stock items of the outlet in the node's Outlet ID whose name contains the typed text (or
 * whose ID it is), sorted by name: "Crème fraîche 35% (l)".
 */
export async function searchStockItems(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const raw = this.getCurrentNodeParameter('outletId') as unknown;
	const outletId = trimmed(isObject(raw) ? raw.value : raw);
	if (outletId === '' || outletId.startsWith('=')) {
		throw new NodeOperationError(this.getNode(), 'Enter a fixed Outlet ID first to list its stock items', {
			description:
				'Stock items are listed per outlet. Fill in "Outlet ID" (from Outlet > Get Many) without an expression, or choose "By ID" and enter the stock item ID.',
		});
	}
	const term = trimmed(filter).toLowerCase();
	const items = await apicbaseList.call(this, customerCredentialType(this), APICBASE_PATHS.outletStockItems(outletId));
	const results = items
		.map((item) => {
			const name = trimmed(item.name) || `Stock item ${trimmed(item.id)}`;
			const unit = typeof item.unit === 'string' || typeof item.unit === 'number' ? trimmed(item.unit) : relatedName(item.unit);
			return { name: unit ? `${name} (${unit})` : name, value: trimmed(item.id) };
		})
		.filter((item) => term === '' || item.name.toLowerCase().includes(term) || item.value.toLowerCase() === term)
		.sort(byName);
	return { results };
}
