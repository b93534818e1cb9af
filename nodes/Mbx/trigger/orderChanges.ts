import type { IDataObject } from 'n8n-workflow';

/**
 * What the polling trigger remembers between polls, kept small: the newest `updated_at` seen,
 * the IDs that share it (so equal timestamps are neither lost nor repeated), and the status of
 * orders that have not shipped yet (shipped is final, so those are forgotten).
 */
export interface OrderWatchState {
	cursor?: string;
	atCursor?: number[];
	open?: Record<string, string>;
}

export type OrderEvent = 'created' | 'statusChanged' | 'updated';

export interface OrderChange {
	event: OrderEvent;
	previousStatus: string | null;
	order: IDataObject;
}

const FINAL_STATUS = 'shipped';

function time(value: unknown): number {
	const parsed = Date.parse(String(value ?? ''));
	return Number.isNaN(parsed) ? 0 : parsed;
}

/**
 * Compares the current orders with what the last poll saw. The first call only records the
 * present state (nothing is "new" the moment a workflow is switched on).
 */
export function detectOrderChanges(
	previous: OrderWatchState,
	orders: IDataObject[],
): { changes: OrderChange[]; state: OrderWatchState } {
	const open: Record<string, string> = { ...(previous.open ?? {}) };
	const firstPoll = previous.cursor === undefined;
	const cursorTime = firstPoll ? -Infinity : time(previous.cursor);
	const seenAtCursor = new Set(previous.atCursor ?? []);

	const changed = orders.filter((order) => {
		const updated = time(order.updated_at);
		return updated > cursorTime || (updated === cursorTime && !seenAtCursor.has(Number(order.id)));
	});

	const changes: OrderChange[] = [];
	for (const order of changed) {
		const id = String(order.id);
		const status = String(order.status ?? '').toLowerCase();
		const before = open[id];
		if (status === FINAL_STATUS) delete open[id];
		else open[id] = status;
		if (firstPoll) continue;
		let event: OrderEvent = 'updated';
		if (before !== undefined && before !== status) event = 'statusChanged';
		else if (before === undefined && time(order.created_at) > cursorTime) event = 'created';
		changes.push({ event, previousStatus: before ?? null, order });
	}

	const newest = orders.reduce((max, order) => Math.max(max, time(order.updated_at)), cursorTime);
	const cursorOrders = orders.filter((order) => time(order.updated_at) === newest);
	const state: OrderWatchState = {
		cursor: Number.isFinite(newest) ? new Date(newest).toISOString() : previous.cursor,
		atCursor: Number.isFinite(newest) ? cursorOrders.map((order) => Number(order.id)) : previous.atCursor,
		open,
	};
	return { changes, state };
}
