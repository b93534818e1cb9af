import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nextOffset } from '../../shared/pagination';
import { mbxRequest } from '../transport';

const PAGE_SIZE = 50;

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
	const offset = Math.max(0, Math.trunc(Number(paginationToken ?? 0)) || 0);
	const typed = filter?.trim().replace(/^#/, '') ?? '';
	// Invoices are searched by order ID; text that is not one cannot match anything.
	if (typed !== '' && !/^\d+$/.test(typed)) return { results: [] };
	const page = (await mbxRequest.call(this, 'GET', '/v2/invoices', {
		q: { limit: PAGE_SIZE, offset, ...(typed ? { filters: { order_id: Number(typed) } } : {}) },
	})) as { total_results?: number; results?: IDataObject[] };
	const records = page.results ?? [];
	const next = nextOffset({ offset, received: records.length, requested: PAGE_SIZE, total: page.total_results });
	return {
		results: records.map((record) => ({
			name: `Invoice #${String(record.id)} · order ${String(record.order_id ?? '?')} · ${money(record.total)}`,
			value: String(record.id),
		})),
		...(next !== undefined ? { paginationToken: String(next) } : {}),
	};
}
