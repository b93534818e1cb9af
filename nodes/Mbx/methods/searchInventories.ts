import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nextOffset } from '../../shared/pagination';
import { mbxRequest } from '../transport';

const PAGE_SIZE = 50;

/** "From list" of the Inventory locator: 50 records a page, narrowed to an item ID when one is typed. */
export async function searchInventories(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Math.max(0, Math.trunc(Number(paginationToken ?? 0)) || 0);
	const typed = filter?.trim().replace(/^#/, '') ?? '';
	// Inventory is searched by item ID; text that is not one cannot match anything.
	if (typed !== '' && !/^\d+$/.test(typed)) return { results: [] };
	const page = (await mbxRequest.call(this, 'GET', '/v2/inventories', {
		q: { limit: PAGE_SIZE, offset, ...(typed ? { filters: { item_id: Number(typed) } } : {}) },
	})) as { total_results?: number; results?: IDataObject[] };
	const records = page.results ?? [];
	const next = nextOffset({ offset, received: records.length, requested: PAGE_SIZE, total: page.total_results });
	return {
		results: records.map((record) => ({
			name: `Inventory #${String(record.id)} · item ${String(record.item_id ?? '?')} · on hand ${String(record.quantity_on_hand ?? 0)}`,
			value: String(record.id),
		})),
		...(next !== undefined ? { paginationToken: String(next) } : {}),
	};
}
