import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchByNumericField } from './searchByNumber';
import { MBX_PATHS } from '../paths';

/** "From list" of the Inventory locator: 50 records a page, narrowed to an item ID when one is typed. */
export async function searchInventories(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchByNumericField(
		this,
		{
			path: MBX_PATHS.inventories,
			field: 'item_id',
			label: (record) =>
				`Inventory #${String(record.id)} · item ${String(record.item_id ?? '?')} · on hand ${String(record.quantity_on_hand ?? 0)}`,
		},
		filter,
		paginationToken,
	);
}
