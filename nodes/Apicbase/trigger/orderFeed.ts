import type { IDataObject } from 'n8n-workflow';

import { type DrfCursor } from '../transport';

/**
 * What the polling trigger remembers between polls: whether the first poll ran, the newest
 * `ordered_on` seen, and the IDs of the orders seen recently. Each poll asks Apicbase for
 * `status=ORDERED&ordered_on__gt=<cursor minus an overlap>` (Apicbase's recommended recipe plus a
 * safety margin), oldest first, so orders sharing a timestamp, or saved a moment later than their
 * timestamp says, are still seen; the remembered IDs make sure each is reported once.
 *
 * A poll has a time limit, so a long list (a backlog after a pause) may be read over several
 * polls. Sent oldest first, a read cut short has read every order up to the newest it got: the
 * cursor moves there and the next poll asks from there with a one-second overlap (`catchingUp`)
 * until a read reaches the end. A list not sent oldest first cannot move the cursor before it is
 * read to its end: the next poll reads on from the page where this one stopped (`pass`).
 */
export interface OrderFeedState {
	started?: boolean;
	cursor?: string;
	/** Order ID → its ordered_on (ISO), for orders inside the overlap window (all of them while `pass` lasts). */
	seen?: Record<string, string>;
	/** A read cut short, of a list sent oldest first: the next poll looks back one second, not the full overlap. */
	catchingUp?: boolean;
	/** A read cut short, of a list not sent oldest first: where the next poll reads on, and the newest order time read so far. */
	pass?: { next: DrfCursor; newest?: string };
}

/** How far before the cursor each poll looks again. */
export const OVERLAP_MS = 10 * 60_000;
/** How far before the cursor a poll looks again while it catches up on a long list (orders sharing the cursor's time). */
export const CATCH_UP_OVERLAP_MS = 1000;

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

/** Orders after this time are the ones a poll looks at: the cursor less the overlap. */
function lookBackFrom(state: OrderFeedState): number {
	const cursor = orderTime(state.cursor);
	if (!Number.isFinite(cursor)) return -Infinity;
	return cursor - (state.catchingUp ? CATCH_UP_OVERLAP_MS : OVERLAP_MS);
}

/** The list query for the next poll: oldest first, so a read cut short has read everything before its newest order. */
export function orderFeedQuery(state: OrderFeedState): IDataObject {
	const query: IDataObject = { status: 'ORDERED', ordering: 'ordered_on' };
	const since = lookBackFrom(state);
	if (Number.isFinite(since)) query.ordered_on__gt = new Date(since).toISOString();
	return query;
}

/** Whether the orders came oldest first (those without a readable time aside). */
function oldestFirst(orders: IDataObject[]): boolean {
	const times = orders.map((order) => orderTime(order.ordered_on)).filter(Number.isFinite);
	return times.every((time, index) => index === 0 || times[index - 1] <= time);
}

/**
 * Compares what Apicbase listed with what earlier polls saw and returns the orders not seen
 * before, oldest first. The first poll (until a read reaches the end of the list) only records
 * what exists. Orders without a readable `ordered_on` are ignored (every sent order has one).
 * `next` is where the list goes on when this poll's read was cut short by its time limit.
 */
export function diffOrders(
	previous: OrderFeedState,
	orders: IDataObject[],
	next?: DrfCursor,
): { fresh: IDataObject[]; state: OrderFeedState } {
	const first = previous.started !== true;
	const since = lookBackFrom(previous);
	const seen = new Map(Object.entries(previous.seen ?? {}));

	const dated = orders
		.map((order) => ({ order, id: String(order.id ?? ''), time: orderTime(order.ordered_on) }))
		.filter((entry) => entry.id !== '' && Number.isFinite(entry.time))
		.sort((a, b) => a.time - b.time);

	const fresh: IDataObject[] = [];
	const readNewest = Math.max(-Infinity, ...dated.map((entry) => entry.time));
	for (const { order, id, time } of dated) {
		if (seen.has(id)) continue;
		seen.set(id, new Date(time).toISOString());
		if (!first && time > since) fresh.push(order);
	}
	const newest = Math.max(
		...[orderTime(previous.cursor), orderTime(previous.pass?.newest), readNewest].filter(Number.isFinite),
		-Infinity,
	);
	const started = previous.started === true || next === undefined;

	// Cut short with older orders maybe still to come (the list is not oldest first, one timestamp
	// fills more than the read, or an earlier poll's part of this read was so): read on from here;
	// the cursor waits, every ID is kept.
	if (next !== undefined && (previous.pass !== undefined || !oldestFirst(orders) || !(readNewest > since))) {
		const state: OrderFeedState = { ...(started ? { started } : {}), seen: Object.fromEntries(seen) };
		if (previous.cursor !== undefined) state.cursor = previous.cursor;
		if (previous.catchingUp) state.catchingUp = true;
		state.pass = { next, ...(Number.isFinite(newest) ? { newest: new Date(newest).toISOString() } : {}) };
		return { fresh, state };
	}

	// Read to the end, or oldest first: every order up to `newest` has been read.
	const state: OrderFeedState = started ? { started } : {};
	if (next !== undefined) state.catchingUp = true;
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
