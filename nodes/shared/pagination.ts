export interface Page<TItem, TCursor> {
	items: TItem[];
	/** Where the next page starts; undefined when this was the last page. */
	next: TCursor | undefined;
}

/**
 * Fetches pages until the API says there are no more, or until `limit` items are collected.
 * `remaining` lets a page request ask for no more than it still needs.
 */
export async function collectPages<TItem, TCursor>(
	first: TCursor,
	fetchPage: (cursor: TCursor, remaining: number | undefined) => Promise<Page<TItem, TCursor>>,
	limit?: number,
): Promise<TItem[]> {
	const items: TItem[] = [];
	const seen = new Set<string>();
	let cursor: TCursor | undefined = first;
	while (cursor !== undefined) {
		const key = JSON.stringify(cursor);
		// A server that hands back a cursor it already gave would make us loop forever.
		if (seen.has(key)) break;
		seen.add(key);
		const remaining = limit === undefined ? undefined : limit - items.length;
		const page = await fetchPage(cursor, remaining);
		items.push(...page.items);
		if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
		cursor = page.next;
	}
	return items;
}

/**
 * The next offset for offset/limit APIs, or undefined when done: an empty page, a total that is
 * reached, or (when the API gives no total) a page shorter than asked for.
 */
export function nextOffset(page: { offset: number; received: number; requested: number; total?: number }): number | undefined {
	if (page.received === 0) return undefined;
	const next = page.offset + page.received;
	if (page.total !== undefined) return next < page.total ? next : undefined;
	return page.received < page.requested ? undefined : next;
}

/**
 * The page or offset a record picker's pagination token stands for: a whole number not below
 * `first` (0 for offsets, 1 for page numbers); anything else starts at `first`.
 */
export function pageTokenNumber(paginationToken: string | undefined, first: number): number {
	const value = Math.trunc(Number(paginationToken ?? first));
	return Number.isFinite(value) && value > first ? value : first;
}
