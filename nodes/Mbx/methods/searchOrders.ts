import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nextOffset } from '../../shared/pagination';
import { mbxRequest } from '../transport';

const SEARCH_PAGE_SIZE = 50;

interface OrderPage {
	total_results?: number;
	results?: IDataObject[];
}

function orderName(order: IDataObject): string {
	const label = [order.purchase_order, order.customer_order]
		.filter((part) => part !== undefined && part !== null && part !== '')
		.map(String)
		.join(' · ');
	const name = label || `Order ${String(order.id)}`;
	return order.status ? `${name} (${String(order.status)})` : name;
}

/** The "From List" mode of the Order picker: orders by purchase order, 50 per page. */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const token = Number(paginationToken);
	const offset = Number.isInteger(token) && token > 0 ? token : 0;
	const term = filter?.trim();
	const page = (await mbxRequest.call(this, 'GET', '/v2/customer_order_submissions', {
		q: { limit: SEARCH_PAGE_SIZE, offset, ...(term ? { filters: { purchase_order: term } } : {}) },
	})) as OrderPage;
	const orders = page.results ?? [];
	const next = nextOffset({ offset, received: orders.length, requested: SEARCH_PAGE_SIZE, total: page.total_results });
	return {
		results: orders.map((order) => ({ name: orderName(order), value: String(order.id) })),
		...(next === undefined ? {} : { paginationToken: String(next) }),
	};
}
