import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { feedTime, type FeedRecord } from '../../shared/changeFeed';
import { openBoxesLocationId, openBoxesRequest, OPENBOXES_PAGE_SIZE } from '../transport';
import { purchaseOrderStatus, stockMovementPhase, type OpenBoxesEvent } from './events';

/** Outbound stock movement lists give creation dates without a time: count them as end of day. */
function createdAt(value: unknown): string | undefined {
	const text = String(value ?? '');
	const usDate = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
	return usDate ? `${usDate[3]}-${usDate[1]}-${usDate[2]}T23:59:59Z` : text || undefined;
}

interface ListFeed {
	path: string;
	query: IDataObject;
	status?: (record: IDataObject) => string;
}

async function listFeed(context: IPollFunctions, event: OpenBoxesEvent): Promise<ListFeed> {
	if (event.startsWith('product.')) {
		return { path: '/products', query: { includeInactive: true, sort: 'lastUpdated', order: 'desc' } };
	}
	if (event.startsWith('purchaseOrder.')) {
		return { path: '/purchaseOrders', query: { sort: 'lastUpdated', order: 'desc' }, status: purchaseOrderStatus };
	}
	const location = await openBoxesLocationId(context);
	const direction = context.getNodeParameter('direction', 'INBOUND') as string;
	return {
		path: '/stockMovements',
		query: { direction, [direction === 'OUTBOUND' ? 'origin' : 'destination']: location, sort: 'lastUpdated', order: 'desc' },
		status: stockMovementPhase,
	};
}

/**
 * Reads the watched list newest change first and stops at the cursor: everything changed since
 * the last poll, plus the records sharing the cursor's timestamp. With no cursor yet (first poll,
 * or a manual test) only the newest group is read.
 */
export async function readFeed(context: IPollFunctions, event: OpenBoxesEvent, cursor?: string): Promise<Array<FeedRecord<IDataObject>>> {
	const feed = await listFeed(context, event);
	const cursorTime = cursor === undefined ? undefined : feedTime(cursor);
	const rows: IDataObject[] = [];
	for (let offset = 0; ; offset += OPENBOXES_PAGE_SIZE) {
		const page = (await openBoxesRequest.call(context, 'GET', feed.path, {
			query: { ...feed.query, max: OPENBOXES_PAGE_SIZE, offset },
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
		createdAt: createdAt(record.dateCreated),
		status: feed.status?.(record),
		record,
	}));
}
