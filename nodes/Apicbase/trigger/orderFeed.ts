import type { IDataObject } from 'n8n-workflow';

/**
 * What the polling trigger remembers between polls: whether the first poll ran, the newest
 * `ordered_on` seen, and the IDs of the orders seen recently. Each poll asks Apicbase for
 * `status=ORDERED&ordered_on__gt=<cursor minus an overlap>` (Apicbase's recommended recipe plus a
 * safety margin), so orders sharing a timestamp, or saved a moment later than their timestamp
 * says, are still seen; the remembered IDs make sure each is reported once.
 */
export interface OrderFeedState {
	started?: boolean;
	cursor?: string;
	/** Order ID → its ordered_on (ISO), for orders inside the overlap window. */
	seen?: Record<string, string>;
}

/** How far before the cursor each poll looks again. */
export const OVERLAP_MS = 10 * 60_000;

/** Upper bound of remembered IDs (only orders from the last OVERLAP_MS are kept anyway). */
export const MAX_SEEN = 5000;

const HAS_ZONE = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds since the epoch; Apicbase v2 times are UTC, so a time without a zone is read as UTC. */
export function orderTime(value: unknown): number {
	if (typeof value !== 'string' || value.trim() === '') return Number.NaN;
	const text = value.trim();
	return Date.parse(DATE_ONLY.test(text) || HAS_ZONE.test(text) ? text : `${text}Z`);
}

/** The list query for the next poll. */
export function orderFeedQuery(state: OrderFeedState): IDataObject {
	const query: IDataObject = { status: 'ORDERED' };
	const cursor = orderTime(state.cursor);
	if (Number.isFinite(cursor)) query.ordered_on__gt = new Date(cursor - OVERLAP_MS).toISOString();
	return query;
}

/**
 * Compares what Apicbase listed with what earlier polls saw and returns the orders not seen
 * before, oldest first. The first poll only records what exists. Orders without a readable
 * `ordered_on` are ignored (every sent order has one).
 */
export function diffOrders(previous: OrderFeedState, orders: IDataObject[]): { fresh: IDataObject[]; state: OrderFeedState } {
	const first = previous.started !== true;
	const cursor = orderTime(previous.cursor);
	const since = Number.isFinite(cursor) ? cursor - OVERLAP_MS : -Infinity;
	const seen = new Map(Object.entries(previous.seen ?? {}));

	const dated = orders
		.map((order) => ({ order, id: String(order.id ?? ''), time: orderTime(order.ordered_on) }))
		.filter((entry) => entry.id !== '' && Number.isFinite(entry.time))
		.sort((a, b) => a.time - b.time);

	const fresh: IDataObject[] = [];
	let newest = Number.isFinite(cursor) ? cursor : -Infinity;
	for (const { order, id, time } of dated) {
		if (seen.has(id)) continue;
		seen.set(id, new Date(time).toISOString());
		newest = Math.max(newest, time);
		if (!first && time > since) fresh.push(order);
	}

	const state: OrderFeedState = { started: true };
	if (Number.isFinite(newest)) {
		state.cursor = new Date(newest).toISOString();
		const keepAfter = newest - OVERLAP_MS;
		const kept = [...seen.entries()]
			.filter(([, time]) => orderTime(time) > keepAfter)
			.sort((a, b) => orderTime(b[1]) - orderTime(a[1]))
			.slice(0, MAX_SEEN);
		state.seen = Object.fromEntries(kept);
	} else {
		state.seen = {};
	}
	return { fresh, state };
}
