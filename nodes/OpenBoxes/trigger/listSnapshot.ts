/**
 * Change detection for lists whose rows carry no change time: each read of the list (in one poll
 * or over several) is compared with what the reads before it saw. A record is reported when it matches now (is new,
 * or is in the watched status) and did not match before. Nothing here depends on the order of the
 * rows or on timestamps, so any trigger over such a list can use it.
 */

/**
 * What a poll remembers: each record ID it read, with the status the record had then ('' when the
 * trigger does not watch a status). Only IDs are kept, never whole records.
 */
export type SnapshotMemory = Record<string, string>;

export interface SnapshotRow<T> {
	id: string;
	/** The status the trigger watches, or '' when it only watches for new records. */
	status: string;
	record: T;
}

export interface EnteredRow<T> {
	/** The status at the previous poll; null when the record was not read then. */
	previousStatus: string | null;
	row: SnapshotRow<T>;
}

export interface SnapshotOptions {
	/** Whether a record in this status is what the trigger watches. */
	matches: (status: string) => boolean;
}

/**
 * The rows that match now but did not match at the previous read, and the memory for the next
 * one: the previous memory with every row read now. Without a previous memory (the first poll)
 * nothing is reported: only the present is noted. A list may be read over several polls, so IDs
 * missing from this read are kept; `forgetUnread` drops them once a whole list was read. Memory
 * has no size cap on purpose: forgetting an ID would report that record again.
 */
export function diffSnapshot<T>(
	previous: SnapshotMemory | undefined,
	rows: Array<SnapshotRow<T>>,
	options: SnapshotOptions,
): { entered: Array<EnteredRow<T>>; memory: SnapshotMemory } {
	// Maps, not plain objects: an ID is data, whatever it is spelled like.
	const before = new Map(Object.entries(previous ?? {}));
	const memory = new Map(before);
	const entered: Array<EnteredRow<T>> = [];
	const readNow = new Set<string>();
	for (const row of rows) {
		// A row can come twice when the list shifts between pages; it counts once.
		if (readNow.has(row.id)) continue;
		readNow.add(row.id);
		memory.set(row.id, row.status);
		if (!previous || !options.matches(row.status)) continue;
		const status = before.get(row.id);
		if (status !== undefined && options.matches(status)) continue;
		entered.push({ previousStatus: status || null, row });
	}
	return { entered, memory: Object.fromEntries(memory) };
}

/** The memory of only the records read: for a whole, unchanged read, the ones that left the list are forgotten. */
export function forgetUnread(memory: SnapshotMemory, read: Set<string>): SnapshotMemory {
	return Object.fromEntries(Object.entries(memory).filter(([id]) => read.has(id)));
}
