/**
 * The memory of a polling trigger, kept small: the newest change time seen, the IDs that share it
 * (so records with equal timestamps are neither lost nor repeated across polls, and a record
 * created in the cursor's own second is still known to be new), and the last known status of
 * recently changed records (so a status change is told apart from other edits).
 */
export interface FeedState {
	cursor?: string;
	atCursor?: string[];
	statuses?: Record<string, string>;
}

export interface FeedRecord<T> {
	id: string;
	updatedAt: string;
	createdAt?: string;
	status?: string;
	record: T;
}

export type FeedEvent = 'created' | 'statusChanged' | 'updated';

export interface FeedChange<T> {
	event: FeedEvent;
	/** The status before this change; null when the record was not known yet. */
	previousStatus: string | null;
	record: FeedRecord<T>;
}

/** Status memory is bounded; the oldest entries go first. */
export const MAX_REMEMBERED_STATUSES = 5000;

export function feedTime(value: unknown): number {
	const parsed = Date.parse(String(value ?? ''));
	return Number.isNaN(parsed) ? 0 : parsed;
}

/**
 * Whether a record is new since the previous poll. Vendor times may have one-second resolution
 * (OpenBoxes), so a record created in the cursor's own second may have been created before that
 * poll read the list or after it: it is new unless that poll saw it, and the IDs kept at the cursor
 * are exactly the records of that second the polls saw. A record created in an earlier second
 * existed when the previous poll read (it read a record stamped with the cursor's second), so it
 * was reported then, or is older than the trigger.
 */
function isNewSinceCursor(record: FeedRecord<unknown>, cursorTime: number, seenAtCursor: Set<string>): boolean {
	const created = feedTime(record.createdAt);
	return created > cursorTime || (created === cursorTime && !seenAtCursor.has(record.id));
}

/**
 * Compares records with what the previous poll saw. Every record changed after the cursor must
 * be in `records` (older ones may be, and are ignored). The first call only records the present:
 * nothing is "new" the moment a workflow is switched on.
 */
export function diffFeed<T>(previous: FeedState, records: Array<FeedRecord<T>>): { changes: Array<FeedChange<T>>; state: FeedState } {
	const firstPoll = previous.cursor === undefined;
	const cursorTime = firstPoll ? -Infinity : feedTime(previous.cursor);
	// IDs as text whatever a stored state holds, so an ID kept as a number still counts as seen.
	const seenAtCursor = new Set((previous.atCursor ?? []).map(String));
	const statuses = new Map(Object.entries(previous.statuses ?? {}));
	const seenThisPoll = new Set<string>();

	const changes: Array<FeedChange<T>> = [];
	const changed = records
		.filter((r) => {
			const time = feedTime(r.updatedAt);
			return time > cursorTime || (time === cursorTime && !seenAtCursor.has(r.id));
		})
		.sort((a, b) => feedTime(a.updatedAt) - feedTime(b.updatedAt));
	for (const record of changed) {
		if (seenThisPoll.has(record.id)) continue;
		seenThisPoll.add(record.id);
		const before = statuses.get(record.id);
		if (record.status !== undefined) {
			statuses.delete(record.id);
			statuses.set(record.id, record.status);
		}
		if (firstPoll) continue;
		let event: FeedEvent = 'updated';
		if (before !== undefined && record.status !== undefined && before !== record.status) event = 'statusChanged';
		else if (before === undefined && isNewSinceCursor(record, cursorTime, seenAtCursor)) event = 'created';
		changes.push({ event, previousStatus: before ?? null, record });
	}

	while (statuses.size > MAX_REMEMBERED_STATUSES) statuses.delete(statuses.keys().next().value as string);

	const newest = records.reduce((max, r) => Math.max(max, feedTime(r.updatedAt)), cursorTime);
	const state: FeedState = { cursor: previous.cursor, atCursor: previous.atCursor, statuses: Object.fromEntries(statuses) };
	if (firstPoll && !Number.isFinite(newest)) {
		// Nothing exists yet: start from the beginning of time, so the first record ever created is news.
		state.cursor = new Date(0).toISOString();
		state.atCursor = [];
	} else if (Number.isFinite(newest)) {
		const atNewest = records.filter((r) => feedTime(r.updatedAt) === newest).map((r) => r.id);
		const keepOld = newest === cursorTime ? [...seenAtCursor] : [];
		state.cursor = new Date(newest).toISOString();
		state.atCursor = [...new Set([...keepOld, ...atNewest])];
	}
	return { changes, state };
}
