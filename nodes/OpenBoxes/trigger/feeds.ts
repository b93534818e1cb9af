import type { ICredentialDataDecryptedObject, IDataObject, IPollFunctions } from 'n8n-workflow';

import { feedTime, type FeedRecord } from '../../shared/changeFeed';
import { readPages } from '../../shared/pagination';
import { openBoxesCredentialType } from '../authentication';
import { OPENBOXES_PATHS } from '../paths';
import { OPENBOXES_PAGE_SIZE, openBoxesRequest } from '../transport';

/** Products carry `lastUpdated` (and take `sort=lastUpdated`), so they are read as a change feed. */
const PRODUCT_FEED_QUERY: IDataObject = { includeInactive: true, sort: 'lastUpdated', order: 'desc' };

/**
 * Reads the product list newest change first, from `offset`, and stops at the cursor: everything
 * changed since it, plus the records sharing its timestamp. With no cursor yet (first poll, or a
 * manual test) only the newest group is read. A `deadline` (the poll's time limit) may cut the read
 * short: `next` is then the offset the next poll reads on from.
 */
export async function readProductFeed(
	context: IPollFunctions,
	options: { cursor?: string; offset?: number; deadline?: number } = {},
): Promise<{ records: Array<FeedRecord<IDataObject>>; next: number | undefined }> {
	const cursorTime = options.cursor === undefined ? undefined : feedTime(options.cursor);
	let newestTime: number | undefined;
	// Read once for every page of this read.
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(openBoxesCredentialType(context));
	const { items, next } = await readPages<IDataObject, number>(
		options.offset ?? 0,
		async (offset) => {
			const page = (await openBoxesRequest.call(context, 'GET', OPENBOXES_PATHS.products, {
				query: { ...PRODUCT_FEED_QUERY, max: OPENBOXES_PAGE_SIZE, offset },
				credentials,
			})) as { data?: IDataObject[] };
			const rows = Array.isArray(page.data) ? page.data : [];
			newestTime ??= rows.length ? feedTime(rows[0].lastUpdated) : undefined;
			const oldest = rows.length ? feedTime(rows[rows.length - 1].lastUpdated) : 0;
			const done = rows.length < OPENBOXES_PAGE_SIZE || oldest < (cursorTime ?? newestTime ?? 0);
			return { items: rows, next: done ? undefined : offset + OPENBOXES_PAGE_SIZE };
		},
		{ deadline: options.deadline },
	);
	const records = items.map((record) => ({
		id: String(record.id),
		updatedAt: String(record.lastUpdated ?? ''),
		createdAt: record.dateCreated ? String(record.dateCreated) : undefined,
		record,
	}));
	return { records, next };
}
