import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pageTokenNumber } from '../../shared/pagination';
import { mbxSearchPage } from '../transport';
import { MBX_PATHS } from '../paths';
import { trimmed } from '../../shared/values';

const PAGE_SIZE = 50;

function price(value: unknown): string {
	const parsed = Number(trimmed(value));
	return trimmed(value) !== '' && Number.isFinite(parsed) ? parsed.toFixed(2) : trimmed(value) || '?';
}

/** "SKU-1 · item 127188 · 12.50": your SKU, the MBX item and the price of the catalog entry. */
function entryName(record: IDataObject): string {
	const sku = trimmed(record.customer_sku) || `Entry #${trimmed(record.id)}`;
	return `${sku} · item ${trimmed(record.item_id) || '?'} · ${price(record.price)}`;
}

/**
 * "From list" of the Customer Catalog Item locator: 50 entries a page. Typed digits narrow it to
 * the entries of that MBX item ID; other text to the entry with exactly that customer SKU (the
 * two filters MBX offers for this list).
 */
export async function searchCustomerCatalogItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = pageTokenNumber(paginationToken, 0);
	const typed = trimmed(filter);
	const itemId = typed.replace(/^#/, '');
	const filters = typed === '' ? undefined : /^\d+$/.test(itemId) ? { item_id: Number(itemId) } : { customer_sku: typed };
	const { records, next } = await mbxSearchPage.call(this, MBX_PATHS.customerCatalogItems, { filters, offset, pageSize: PAGE_SIZE });
	return {
		results: records.map((record) => ({ name: entryName(record), value: String(record.id) })),
		...(next !== undefined ? { paginationToken: String(next) } : {}),
	};
}
