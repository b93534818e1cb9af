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

/** The records changed after the cursor, or at it and not seen there, oldest change first. */
function changedSince<T>(records: Array<FeedRecord<T>>, cursorTime: number, seenAtCursor: Set<string>): Array<FeedRecord<T>> {
	return records
		.filter((r) => {
			const time = feedTime(r.updatedAt);
			return time > cursorTime || (time === cursorTime && !seenAtCursor.has(r.id));
		})
		.sort((a, b) => feedTime(a.updatedAt) - feedTime(b.updatedAt));
}

/** Keeps a record's status as the most recent entry (the oldest go first when memory is full); returns the one before. */
function rememberStatus(statuses: Map<string, string>, record: FeedRecord<unknown>): string | undefined {
	const before = statuses.get(record.id);
	if (record.status !== undefined) {
		statuses.delete(record.id);
		statuses.set(record.id, record.status);
	}
	return before;
}

/** What a change is: a new status, a new record, or another edit. */
function eventOf(record: FeedRecord<unknown>, before: string | undefined, cursorTime: number, seenAtCursor: Set<string>): FeedEvent {
	if (before !== undefined && record.status !== undefined && before !== record.status) return 'statusChanged';
	if (before === undefined && isNewSinceCursor(record, cursorTime, seenAtCursor)) return 'created';
	return 'updated';
}

/**
 * A feed read in passes: each pass reads the whole list, in one poll or, when the list takes longer
 * to read than a poll may run, over several (`pass.offset` is where the next poll reads on).
 */
export interface PassFeedState extends FeedState {
	/** Changes reported after the cursor, by ID, with the change time each was reported at. */
	reported?: Record<string, string>;
	/** The pass under way: where the next poll reads on, and the newest change time read so far. */
	pass?: { offset: number; newest?: string; atNewest?: string[] };
	/** The newest change time the last finished pass read, and the IDs at that time. */
	lastPass?: { newest: string; atNewest: string[] };
}

/**
 * Compares records with what the reads before saw, for a list read in passes. A record changed while a pass was reading can sit in a
 * page the pass had already read, so the cursor lags one pass behind: when a pass ends, it moves
 * to the newest change the pass before it read, which happened before this pass began. Every
 * change made since this pass began is later than that, so the next pass reports it; changes
 * already reported are known by their change time and not reported twice. `next` is the offset
 * the next poll reads on from, undefined when this poll read the list to its end.
 */
export function diffFeedInPasses<T>(
	previous: PassFeedState,
	records: Array<FeedRecord<T>>,
	next: number | undefined,
): { changes: Array<FeedChange<T>>; state: PassFeedState } {
	const firstPass = previous.cursor === undefined;
	const cursorTime = firstPass ? -Infinity : feedTime(previous.cursor);
	const seenAtCursor = new Set((previous.atCursor ?? []).map(String));
	const statuses = new Map(Object.entries(previous.statuses ?? {}));
	const reported = new Map(Object.entries(previous.reported ?? {}));

	const changes: Array<FeedChange<T>> = [];
	for (const record of changedSince(records, cursorTime, seenAtCursor)) {
		const time = feedTime(record.updatedAt);
		const already = reported.get(record.id);
		if (already !== undefined && feedTime(already) >= time) continue;
		const before = rememberStatus(statuses, record);
		// The first pass only records the present: nothing is new the moment a workflow is switched on.
		if (firstPass) continue;
		reported.set(record.id, new Date(time).toISOString());
		// The cursor lags, so a record reported as new in an earlier pass can still look new by its creation time.
		const event = eventOf(record, before, cursorTime, seenAtCursor);
		changes.push({ event: event === 'created' && already !== undefined ? 'updated' : event, previousStatus: before ?? null, record });
	}
	while (statuses.size > MAX_REMEMBERED_STATUSES) statuses.delete(statuses.keys().next().value as string);

	// The newest change time this pass has read, and the IDs at it.
	const passNewest = records.reduce((max, r) => Math.max(max, feedTime(r.updatedAt)), feedTime(previous.pass?.newest ?? ''));
	const atPassNewest = new Set([
		...(previous.pass?.newest !== undefined && feedTime(previous.pass.newest) === passNewest ? (previous.pass.atNewest ?? []) : []),
		...records.filter((r) => feedTime(r.updatedAt) === passNewest).map((r) => r.id),
	]);
	const readSoFar = passNewest > 0 ? { newest: new Date(passNewest).toISOString(), atNewest: [...atPassNewest] } : undefined;

	const state: PassFeedState = { cursor: previous.cursor, atCursor: previous.atCursor, statuses: Object.fromEntries(statuses) };
	if (previous.lastPass) state.lastPass = previous.lastPass;
	if (next !== undefined) {
		state.pass = { offset: next, ...(readSoFar ?? {}) };
		state.reported = Object.fromEntries(reported);
		return { changes, state };
	}

	// The pass is finished.
	if (firstPass) {
		state.cursor = readSoFar?.newest ?? new Date(0).toISOString();
		state.atCursor = readSoFar?.atNewest ?? [];
	} else if (previous.lastPass && feedTime(previous.lastPass.newest) >= cursorTime) {
		const keep = feedTime(previous.lastPass.newest) === cursorTime ? [...seenAtCursor] : [];
		state.cursor = previous.lastPass.newest;
		state.atCursor = [...new Set([...keep, ...previous.lastPass.atNewest])];
	}
	if (readSoFar) state.lastPass = readSoFar;
	// Reported changes stay known: those at the cursor's time among the IDs seen there, later ones by time.
	const floor = feedTime(state.cursor);
	const reportedAtCursor = [...reported].filter(([, time]) => feedTime(time) === floor).map(([id]) => id);
	if (reportedAtCursor.length) state.atCursor = [...new Set([...(state.atCursor ?? []), ...reportedAtCursor])];
	state.reported = Object.fromEntries([...reported].filter(([, time]) => feedTime(time) > floor));
	return { changes, state };
}
