import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchByNumericField } from './searchByNumber';
import { MBX_PATHS } from '../paths';

function money(total: unknown): string {
	if (typeof total === 'number' && Number.isFinite(total)) return total.toFixed(2);
	const text = String(total ?? '').trim();
	const parsed = Number(text);
	return text !== '' && Number.isFinite(parsed) ? parsed.toFixed(2) : text || '?';
}

/** "From list" of the Invoice locator: 50 invoices a page, narrowed to an order ID when one is typed. */
export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchByNumericField(
		this,
		{
			path: MBX_PATHS.invoices,
			field: 'order_id',
			label: (record) => `Invoice #${String(record.id)} · order ${String(record.order_id ?? '?')} · ${money(record.total)}`,
		},
		filter,
		paginationToken,
	);
}
