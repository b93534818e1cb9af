import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pageTokenNumber } from '../../shared/pagination';
import { mbxSearchPage } from '../transport';

const PAGE_SIZE = 50;

/**
 * One page (50 records) of an MBX list for a "From list" picker, narrowed to records whose
 * numeric `field` equals what was typed. Text that is not a number cannot match, so nothing is asked.
 */
export async function searchByNumericField(
	context: ILoadOptionsFunctions,
	options: { path: string; field: string; label: (record: IDataObject) => string },
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = pageTokenNumber(paginationToken, 0);
	const typed = filter?.trim().replace(/^#/, '') ?? '';
	if (typed !== '' && !/^\d+$/.test(typed)) return { results: [] };
	const { records, next } = await mbxSearchPage.call(context, options.path, {
		filters: typed ? { [options.field]: Number(typed) } : undefined,
		offset,
		pageSize: PAGE_SIZE,
	});
	return {
		results: records.map((record) => ({ name: options.label(record), value: String(record.id) })),
		...(next !== undefined ? { paginationToken: String(next) } : {}),
	};
}
