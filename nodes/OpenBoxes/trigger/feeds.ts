import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { feedTime, type FeedRecord } from '../../shared/changeFeed';
import { openBoxesRequest, OPENBOXES_PAGE_SIZE } from '../transport';

/** Products carry `lastUpdated` (and take `sort=lastUpdated`), so they are read as a change feed. */
const PRODUCT_FEED_QUERY: IDataObject = { includeInactive: true, sort: 'lastUpdated', order: 'desc' };

/**
 * Reads the product list newest change first and stops at the cursor: everything changed since
 * the last poll, plus the records sharing the cursor's timestamp. With no cursor yet (first poll,
 * or a manual test) only the newest group is read.
 */
export async function readProductFeed(context: IPollFunctions, cursor?: string): Promise<Array<FeedRecord<IDataObject>>> {
	const cursorTime = cursor === undefined ? undefined : feedTime(cursor);
	const rows: IDataObject[] = [];
	for (let offset = 0; ; offset += OPENBOXES_PAGE_SIZE) {
		const page = (await openBoxesRequest.call(context, 'GET', '/products', {
			query: { ...PRODUCT_FEED_QUERY, max: OPENBOXES_PAGE_SIZE, offset },
		})) as { data?: IDataObject[] };
		const items = Array.isArray(page.data) ? page.data : [];
		rows.push(...items);
		if (items.length < OPENBOXES_PAGE_SIZE) break;
		const oldest = feedTime(items[items.length - 1].lastUpdated);
		if (oldest < (cursorTime ?? feedTime(rows[0].lastUpdated))) break;
	}
	return rows.map((record) => ({
		id: String(record.id),
		updatedAt: String(record.lastUpdated ?? ''),
		createdAt: record.dateCreated ? String(record.dateCreated) : undefined,
		record,
	}));
}
