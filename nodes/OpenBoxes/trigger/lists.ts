import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { diffSnapshot, type SnapshotMemory, type SnapshotRow } from '../../shared/listSnapshot';
import { nextOffset } from '../../shared/pagination';
import { withRepeatedQuery } from '../helpers';
import { openBoxesLocationId, openBoxesRequest, OPENBOXES_PAGE_SIZE } from '../transport';
import { isEventStatus, PURCHASE_ORDER_STATUSES_TO_READ, watchedStatus, type ListEvent } from './events';

/**
 * Purchase-order and stock-movement list rows carry no change time (openboxes-api.md §2.3, §2.4),
 * so these events compare whole reads of the list: no sort is asked for and none is relied on.
 * Nor is a creation date: a stock movement's `dateCreated` is a day only (`MM/dd/yyyy` outbound),
 * which cannot tell a movement made on the poll's day after the read from an older one changed
 * that day. An ID the previous reads did not have is new; one they had never is again.
 */
async function listRequest(context: IPollFunctions, event: ListEvent): Promise<{ path: string; query: IDataObject }> {
	if (event.startsWith('purchaseOrder.')) {
		// A server that ignores the filter sends every order; each row's status is checked here anyway.
		return { path: withRepeatedQuery('/purchaseOrders', 'status', PURCHASE_ORDER_STATUSES_TO_READ[event] ?? []), query: {} };
	}
	const location = await openBoxesLocationId(context);
	const direction = context.getNodeParameter('direction', 'INBOUND') as string;
	return { path: '/stockMovements', query: { direction, [direction === 'OUTBOUND' ? 'origin' : 'destination']: location } };
}

/**
 * Every row of the watched list, page by page. `complete` is false when the list changed while it
 * was paged (its total moved, or the rows read do not add up to it): a row may have been skipped.
 */
async function readWholeList(context: IPollFunctions, event: ListEvent): Promise<{ rows: IDataObject[]; complete: boolean }> {
	const { path, query } = await listRequest(context, event);
	const rows: IDataObject[] = [];
	const ids = new Set<string>();
	const totals = new Set<number>();
	for (let offset: number | undefined = 0; offset !== undefined; ) {
		const page = (await openBoxesRequest.call(context, 'GET', path, {
			query: { ...query, max: OPENBOXES_PAGE_SIZE, offset },
		})) as { data?: unknown; totalCount?: unknown };
		const items = Array.isArray(page.data) ? (page.data as IDataObject[]) : [];
		const total = typeof page.totalCount === 'number' ? page.totalCount : undefined;
		if (total !== undefined) totals.add(total);
		const fresh = items.filter((item) => !ids.has(String(item.id)));
		for (const item of fresh) ids.add(String(item.id));
		rows.push(...items);
		// A server that ignores max/offset sends the same rows again: stop there.
		offset = fresh.length ? nextOffset({ offset, received: items.length, requested: OPENBOXES_PAGE_SIZE, total }) : undefined;
	}
	// Without any total (some servers send none) there is nothing to check against.
	const complete = totals.size === 0 || (totals.size === 1 && totals.has(ids.size));
	return { rows, complete };
}

function snapshotRows(event: ListEvent, rows: IDataObject[]): Array<SnapshotRow<IDataObject>> {
	return rows.map((record) => ({ id: String(record.id), status: watchedStatus(event, record), record }));
}

/** A manual test: the first listed record that is the event now, else the first record as a sample. */
export async function sampleListEvent(context: IPollFunctions, event: ListEvent): Promise<IDataObject | undefined> {
	const rows = snapshotRows(event, (await readWholeList(context, event)).rows);
	return (rows.find((row) => isEventStatus(event, row.status)) ?? rows[0])?.record;
}

/**
 * The records that are the event now but were not at the previous poll, each with its previous
 * status (null when unknown), and what to remember for the next poll.
 */
export async function newListEvents(
	context: IPollFunctions,
	event: ListEvent,
	seen: SnapshotMemory | undefined,
): Promise<{ records: Array<{ previousStatus: string | null; record: IDataObject }>; seen: SnapshotMemory }> {
	const { rows, complete } = await readWholeList(context, event);
	const { entered, memory } = diffSnapshot(seen, snapshotRows(event, rows), {
		matches: (status) => isEventStatus(event, status),
		// Created: an ID once seen is never new again, even after it left the list for a while (the
		// outbound list hides requests awaiting approval). Status events: forget records that left
		// the watched statuses, unless this read may have skipped some.
		keepMissing: event.endsWith('.created') || !complete,
	});
	return { records: entered.map(({ previousStatus, row }) => ({ previousStatus, record: row.record })), seen: memory };
}
