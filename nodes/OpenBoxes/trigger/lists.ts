import type { ICredentialDataDecryptedObject, IDataObject, IPollFunctions } from 'n8n-workflow';

import { diffSnapshot, forgetUnread, type SnapshotMemory, type SnapshotRow } from './listSnapshot';
import { nextOffset, readPages } from '../../shared/pagination';
import { withRepeatedQuery } from '../helpers';
import { OPENBOXES_PATHS } from '../paths';
import { openBoxesCredentialType } from '../authentication';
import { OPENBOXES_PAGE_SIZE, openBoxesLocationId, openBoxesRequest } from '../transport';
import { isEventStatus, watchedStatus, type ListEvent } from './events';

/**
 * Purchase-order and stock-movement list rows carry no change time (openboxes-api.md §2.3, §2.4),
 * so these events compare whole reads of the list: no sort is asked for and none is relied on.
 * Nor is a creation date: a stock movement's `dateCreated` is a day only (`MM/dd/yyyy` outbound),
 * which cannot tell a movement made on the poll's day after the read from an older one changed
 * that day. An ID the previous reads did not have is new; one they had never is again.
 */
async function listRequest(context: IPollFunctions, event: ListEvent): Promise<{ path: string; query: IDataObject }> {
	switch (event.feed) {
		case 'purchaseOrders':
			// A server that ignores the filter sends every order; each row's status is checked here anyway.
			return { path: withRepeatedQuery(OPENBOXES_PATHS.purchaseOrders, 'status', event.status?.toRead ?? []), query: {} };
		case 'stockMovements': {
			const location = await openBoxesLocationId(context);
			const direction = context.getNodeParameter('direction', 'INBOUND') as string;
			return { path: OPENBOXES_PATHS.stockMovements, query: { direction, [direction === 'OUTBOUND' ? 'origin' : 'destination']: location } };
		}
		default:
			throw new Error(`The OpenBoxes Trigger cannot read the list of event "${(event as ListEvent).value}"`);
	}
}

/**
 * A read of the watched list that the poll's time limit cut short: the offset the next poll reads
 * on from, the IDs read so far, the totals OpenBoxes gave, and whether this is the first read
 * (which only notes what exists).
 */
export interface ListPass {
	offset: number;
	read: string[];
	totals: number[];
	first: boolean;
}

/**
 * The watched list's rows from `offset` on, page by page, until it ends or the `deadline` is near.
 * `known` holds the IDs this pass read before: a page of only those means the server ignores
 * max/offset (it sends the same rows again), so the read ends there.
 */
async function readListFrom(
	context: IPollFunctions,
	event: ListEvent,
	options: { offset: number; known: Set<string>; deadline: number },
): Promise<{ rows: IDataObject[]; next: number | undefined; totals: number[] }> {
	const { path, query } = await listRequest(context, event);
	const ids = new Set(options.known);
	const totals = new Set<number>();
	// Read once for every page of this read.
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(openBoxesCredentialType(context));
	const { items, next } = await readPages<IDataObject, number>(
		options.offset,
		async (offset) => {
			const page = (await openBoxesRequest.call(context, 'GET', path, {
				query: { ...query, max: OPENBOXES_PAGE_SIZE, offset },
				credentials,
			})) as { data?: unknown; totalCount?: unknown };
			const rows = Array.isArray(page.data) ? (page.data as IDataObject[]) : [];
			const total = typeof page.totalCount === 'number' ? page.totalCount : undefined;
			if (total !== undefined) totals.add(total);
			const fresh = rows.filter((row) => !ids.has(String(row.id)));
			for (const row of fresh) ids.add(String(row.id));
			return { items: rows, next: fresh.length ? nextOffset({ offset, received: rows.length, requested: OPENBOXES_PAGE_SIZE, total }) : undefined };
		},
		{ deadline: options.deadline },
	);
	return { rows: items, next, totals: [...totals] };
}

function snapshotRows(event: ListEvent, rows: IDataObject[]): Array<SnapshotRow<IDataObject>> {
	return rows.map((record) => ({ id: String(record.id), status: watchedStatus(event, record), record }));
}

/** A manual test: the first listed record that is the event now, else the first record as a sample. */
export async function sampleListEvent(context: IPollFunctions, event: ListEvent, deadline: number): Promise<IDataObject | undefined> {
	const { rows: read } = await readListFrom(context, event, { offset: 0, known: new Set(), deadline });
	const rows = snapshotRows(event, read);
	return (rows.find((row) => isEventStatus(event, row.status)) ?? rows[0])?.record;
}

/**
 * The records that are the event now but were not at the previous read, each with its previous
 * status (null when unknown), and what to remember for the next poll. A list too long for one
 * poll is read over several (`pass`): each poll reports what it read, and the memory of records
 * that left the list is cleared only once the whole list was read.
 */
export async function newListEvents(
	context: IPollFunctions,
	event: ListEvent,
	memory: { seen?: SnapshotMemory; pass?: ListPass; deadline: number },
): Promise<{ records: Array<{ previousStatus: string | null; record: IDataObject }>; seen: SnapshotMemory; pass?: ListPass }> {
	const pass = memory.pass ?? { offset: 0, read: [], totals: [], first: memory.seen === undefined };
	const { rows, next, totals } = await readListFrom(context, event, { offset: pass.offset, known: new Set(pass.read), deadline: memory.deadline });
	const { entered, memory: seen } = diffSnapshot(memory.seen ?? {}, snapshotRows(event, rows), {
		matches: (status) => isEventStatus(event, status),
	});
	// The first read only notes what exists: nothing is new the moment a workflow is switched on.
	const records = pass.first ? [] : entered.map(({ previousStatus, row }) => ({ previousStatus, record: row.record }));
	const read = new Set([...pass.read, ...rows.map((row) => String(row.id))]);
	const allTotals = [...new Set([...pass.totals, ...totals])];
	if (next !== undefined) return { records, seen, pass: { offset: next, read: [...read], totals: allTotals, first: pass.first } };

	// Created: an ID once seen is never new again, even after it left the list for a while (the
	// outbound list hides requests awaiting approval). Status events: forget records that left the
	// list, unless the list changed while it was read (its total moved, or the IDs read do not add
	// up to it), so a row may have been skipped.
	const complete = allTotals.length === 0 || (allTotals.length === 1 && allTotals[0] === read.size);
	if (!event.status || !complete) return { records, seen };
	return { records, seen: forgetUnread(seen, read) };
}
