import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pageTokenNumber } from '../../shared/pagination';
import { mbxSearchPage } from '../transport';
import { MBX_PATHS } from '../paths';

const PAGE_SIZE = 50;

/** "From list" of the Item locator: 50 items a page, narrowed to an exact name when one is typed. */
export async function searchItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = pageTokenNumber(paginationToken, 0);
	const name = filter?.trim();
	const { records, next } = await mbxSearchPage.call(this, MBX_PATHS.items, { filters: { name }, offset, pageSize: PAGE_SIZE });
	return {
		results: records.map((record) => ({
			name: `${String(record.name ?? '').trim() || 'Item'} (#${String(record.id)})`,
			value: String(record.id),
		})),
		...(next !== undefined ? { paginationToken: String(next) } : {}),
	};
}
