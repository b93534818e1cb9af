export interface Page<TItem, TCursor> {
	items: TItem[];
	/** Where the next page starts; undefined when this was the last page. */
	next: TCursor | undefined;
}

export interface PageRun<TItem, TCursor> {
	items: TItem[];
	/** Where a later read goes on from; undefined when the list was read to its end or to the limit. */
	next: TCursor | undefined;
}

/**
 * Fetches pages from `first` until the API says there are no more, until `limit` items are
 * collected, or, with a `deadline` (a poll has a time limit), until the next page might not be in
 * before it. At least one page is read, so a read cut short by time still moves on.
 * `remaining` lets a page request ask for no more than it still needs.
 */
export async function readPages<TItem, TCursor>(
	first: TCursor,
	fetchPage: (cursor: TCursor, remaining: number | undefined) => Promise<Page<TItem, TCursor>>,
	options: { limit?: number; deadline?: number } = {},
): Promise<PageRun<TItem, TCursor>> {
	const { limit, deadline } = options;
	const items: TItem[] = [];
	const seen = new Set<string>();
	let slowestMs = 0;
	let cursor: TCursor | undefined = first;
	while (cursor !== undefined) {
		const key = JSON.stringify(cursor);
		// A server that hands back a cursor it already gave would make us loop forever.
		if (seen.has(key)) return { items, next: undefined };
		seen.add(key);
		const remaining = limit === undefined ? undefined : limit - items.length;
		const started = Date.now();
		const page = await fetchPage(cursor, remaining);
		slowestMs = Math.max(slowestMs, Date.now() - started);
		items.push(...page.items);
		if (limit !== undefined && items.length >= limit) return { items: items.slice(0, limit), next: undefined };
		cursor = page.next;
		// Stop while there is still time: the slowest page so far, with room to spare, must fit.
		if (cursor !== undefined && deadline !== undefined && deadline - Date.now() < slowestMs * 1.5 + 250) break;
	}
	return { items, next: cursor };
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
