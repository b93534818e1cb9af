import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nextOffset, pageTokenNumber } from '../../shared/pagination';
import { mbxRequest } from '../transport';

const PAGE_SIZE = 50;

/** "From list" of the Item locator: 50 items a page, narrowed to an exact name when one is typed. */
export async function searchItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = pageTokenNumber(paginationToken, 0);
	const name = filter?.trim();
	const page = (await mbxRequest.call(this, 'GET', '/v2/items', {
		q: { limit: PAGE_SIZE, offset, ...(name ? { filters: { name } } : {}) },
	})) as { total_results?: number; results?: IDataObject[] };
	const records = page.results ?? [];
	const next = nextOffset({ offset, received: records.length, requested: PAGE_SIZE, total: page.total_results });
	return {
		results: records.map((record) => ({
			name: `${String(record.name ?? '').trim() || 'Item'} (#${String(record.id)})`,
			value: String(record.id),
		})),
		...(next !== undefined ? { paginationToken: String(next) } : {}),
	};
}
