/**
 * The memory of a polling trigger, kept small: the newest change time seen, the IDs that share it
 * (so records with equal timestamps are neither lost nor repeated across polls), and the last
 * known status of recently changed records (so a status change is told apart from other edits).
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
 * Compares records with what the previous poll saw. Every record changed after the cursor must
 * be in `records` (older ones may be, and are ignored). The first call only records the present:
 * nothing is "new" the moment a workflow is switched on.
 */
export function diffFeed<T>(previous: FeedState, records: Array<FeedRecord<T>>): { changes: Array<FeedChange<T>>; state: FeedState } {
	const firstPoll = previous.cursor === undefined;
	const cursorTime = firstPoll ? -Infinity : feedTime(previous.cursor);
	const seenAtCursor = new Set(previous.atCursor ?? []);
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
		else if (before === undefined && feedTime(record.createdAt) > cursorTime) event = 'created';
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
		const keepOld = newest === cursorTime ? (previous.atCursor ?? []) : [];
		state.cursor = new Date(newest).toISOString();
		state.atCursor = [...new Set([...keepOld, ...atNewest])];
	}
	return { changes, state };
}
