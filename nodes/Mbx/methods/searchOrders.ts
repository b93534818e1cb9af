import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pageTokenNumber } from '../../shared/pagination';
import { mbxSearchPage } from '../transport';
import { MBX_PATHS } from '../paths';

const SEARCH_PAGE_SIZE = 50;

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
	const { records: orders, next } = await mbxSearchPage.call(this, MBX_PATHS.orders, {
		filters: { purchase_order: filter },
		offset: pageTokenNumber(paginationToken, 0),
		pageSize: SEARCH_PAGE_SIZE,
	});
	return {
		results: orders.map((order) => ({ name: orderName(order), value: String(order.id) })),
		...(next === undefined ? {} : { paginationToken: String(next) }),
	};
}
