import { diffFeedInPasses, type FeedEvent, type FeedRecord, type PassFeedState } from '../../../nodes/shared/changeFeed';

/**
 * A list read in passes, a few pages a poll, while records change between and during polls: every
 * change must be reported exactly once, under the right event, however the reads and the changes
 * interleave. The "vendor" below is a list in ID order with one-second change times.
 */
interface Row {
	id: number;
	updated: number;
	created: number;
	status: string;
}

const iso = (second: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, 0) + second * 1000).toISOString().replace('.000Z', 'Z');
const asRecord = (row: Row): FeedRecord<Row> => ({ id: String(row.id), updatedAt: iso(row.updated), createdAt: iso(row.created), status: row.status, record: { ...row } });

class Vendor {
	rows: Row[] = [];
	clock = 0;
	/** Every change made, as [id, change time, event a trigger should report]. */
	made: Array<[number, number, FeedEvent]> = [];

	create(n = 1): void {
		for (let i = 0; i < n; i++) {
			const id = this.rows.length + 1;
			this.rows.push({ id, updated: this.clock, created: this.clock, status: 'pending' });
			this.made.push([id, this.clock, 'created']);
		}
	}

	change(id: number, status?: string): void {
		const row = this.rows[id - 1];
		// A second change in a second already read moves no time: no poller can see it (ASSUMPTIONS O22).
		if (row.updated === this.clock) return;
		row.updated = this.clock;
		const event: FeedEvent = status && status !== row.status ? 'statusChanged' : 'updated';
		if (status) row.status = status;
		this.made.push([id, this.clock, event]);
	}

	page(offset: number, size: number): { records: Array<FeedRecord<Row>>; next: number | undefined } {
		const rows = this.rows.slice(offset, offset + size).map(asRecord);
		return { records: rows, next: offset + size < this.rows.length ? offset + size : undefined };
	}
}

/** One poll reading `pages` pages of `size` from where the pass stopped; the vendor's clock ticks per page. */
function poll(vendor: Vendor, state: PassFeedState, pages: number, size: number, duringRead?: (page: number) => void) {
	let offset = state.pass?.offset ?? 0;
	const records: Array<FeedRecord<Row>> = [];
	let next: number | undefined = offset;
	for (let page = 0; page < pages && next !== undefined; page++) {
		const read = vendor.page(offset, size);
		records.push(...read.records);
		next = read.next;
		if (next !== undefined) offset = next;
		duringRead?.(page);
		vendor.clock++;
	}
	return diffFeedInPasses(state, records, next);
}

describe('diffFeedInPasses', () => {
	it('the first pass only records the present, over several polls', () => {
		const vendor = new Vendor();
		vendor.create(25);
		let state: PassFeedState = {};
		const reported: string[] = [];
		for (let i = 0; i < 3; i++) {
			const result = poll(vendor, state, 1, 10);
			state = result.state;
			reported.push(...result.changes.map((c) => c.record.id));
		}
		expect(reported).toEqual([]);
		expect(state.pass).toBeUndefined();
		expect(Date.parse(state.cursor!)).toBe(Date.parse(iso(0)));
		expect(Object.keys(state.statuses ?? {})).toHaveLength(25);
	});

	it('reads the whole list in one poll like diffFeed: creations, status changes and edits, each once', () => {
		const vendor = new Vendor();
		vendor.create(5);
		let state = poll(vendor, {}, 10, 100).state;
		vendor.create(2);
		vendor.change(1, 'released');
		vendor.change(2);
		const { changes, state: next } = poll(vendor, state, 10, 100);
		expect(changes.map((c) => [c.record.id, c.event, c.previousStatus])).toEqual([
			['1', 'statusChanged', 'pending'],
			['2', 'updated', 'pending'],
			['6', 'created', null],
			['7', 'created', null],
		]);
		state = next;
		for (let i = 0; i < 3; i++) {
			const again = poll(vendor, state, 10, 100);
			expect(again.changes).toEqual([]);
			state = again.state;
		}
		// What is remembered of reported changes stays small once the cursor has moved past them.
		expect(Object.keys(state.reported ?? {})).toEqual([]);
	});

	it('reports a change made during a pass to a page it had already read, in the next pass', () => {
		const vendor = new Vendor();
		vendor.create(30);
		let state: PassFeedState = {};
		for (let i = 0; i < 3; i++) state = poll(vendor, state, 1, 10).state;
		vendor.clock += 5;
		// Pass 2, poll 1 reads page 1; then order 3 (page 1) changes, then order 25 (page 3) changes later.
		let result = poll(vendor, state, 1, 10);
		expect(result.changes).toEqual([]);
		vendor.change(3, 'released');
		vendor.clock++;
		vendor.change(25, 'shipped');
		state = result.state;
		const reported: string[] = [];
		for (let i = 0; i < 6; i++) {
			result = poll(vendor, state, 1, 10);
			state = result.state;
			reported.push(...result.changes.map((c) => `${c.record.id}:${c.event}`));
		}
		expect(reported.sort()).toEqual(['25:statusChanged', '3:statusChanged']);
	});

	it.each([
		[1, 10],
		[2, 10],
		[1, 7],
		[3, 4],
		[50, 100],
	])('reports every change exactly once while the list grows and changes between and during polls (%i pages of %i a poll)', (pages, size) => {
		const vendor = new Vendor();
		vendor.create(40);
		let state: PassFeedState = {};
		// The first pass: the present, not reported.
		do state = poll(vendor, state, pages, size).state;
		while (state.pass);
		vendor.made = [];

		const reported: Array<[number, number, FeedEvent]> = [];
		let seed = 7;
		const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
		for (let round = 0; round < 60; round++) {
			const result = poll(vendor, state, pages, size, () => {
				// Changes while the poll reads: on pages read, pages to come, and new records at the end.
				if (random(3) === 0) vendor.change(1 + random(vendor.rows.length), ['pending', 'released', 'shipped'][random(3)]);
				if (random(4) === 0) vendor.create(1 + random(3));
			});
			state = result.state;
			for (const change of result.changes) reported.push([Number(change.record.id), change.record.record.updated, change.event]);
			vendor.clock++;
			if (random(2) === 0) vendor.change(1 + random(vendor.rows.length));
		}
		// Quiet polls until two more passes have read the whole list.
		for (let passes = 0; passes < 2; ) {
			const result = poll(vendor, state, pages, size);
			state = result.state;
			for (const change of result.changes) reported.push([Number(change.record.id), change.record.record.updated, change.event]);
			vendor.clock++;
			if (!state.pass) passes++;
		}
		const key = ([id, time]: [number, number, FeedEvent]) => `${id}@${time}`;
		// Each record's latest change is reported exactly once; older ones may have been overtaken before a read.
		const latest = new Map<number, number>();
		for (const [id, time] of vendor.made) latest.set(id, Math.max(latest.get(id) ?? -1, time));
		const reportedKeys = reported.map(key);
		expect(new Set(reportedKeys).size).toBe(reportedKeys.length);
		for (const [id, time] of latest) expect(reportedKeys).toContain(`${id}@${time}`);
		// A record reported as created is one made after the first pass, and only once.
		const createdIds = reported.filter(([, , event]) => event === 'created').map(([id]) => id);
		expect(new Set(createdIds).size).toBe(createdIds.length);
		expect(createdIds.every((id) => id > 40)).toBe(true);
		expect(vendor.rows.filter((row) => row.id > 40).every((row) => createdIds.includes(row.id))).toBe(true);
	});

	it('carries on from a state written before passes (no pass, no report memory): nothing repeated, nothing lost', () => {
		const vendor = new Vendor();
		vendor.create(10);
		vendor.clock = 3;
		const old: PassFeedState = { cursor: iso(0), atCursor: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], statuses: Object.fromEntries(vendor.rows.map((r) => [String(r.id), 'pending'])) };
		vendor.change(4, 'released');
		const first = poll(vendor, old, 5, 100);
		expect(first.changes.map((c) => [c.record.id, c.event])).toEqual([['4', 'statusChanged']]);
		expect(poll(vendor, first.state, 5, 100).changes).toEqual([]);
	});

	it('a record without a status, reported as new, is an edit when it changes again while the cursor still lags behind its creation', () => {
		const vendor = new Vendor();
		vendor.create(5);
		const statusless = (state: PassFeedState) => {
			const { records, next } = vendor.page(0, 100);
			return diffFeedInPasses(state, records.map((r) => ({ ...r, status: undefined })), next);
		};
		let state = statusless({}).state;
		vendor.clock = 10;
		vendor.create(1);
		const created = statusless(state);
		expect(created.changes.map((c) => [c.record.id, c.event])).toEqual([['6', 'created']]);
		state = created.state;
		vendor.clock = 20;
		vendor.change(6);
		// The cursor moved only to the pass before (second 0): by its creation time record 6 still looks new.
		expect(Date.parse(state.cursor!)).toBeLessThan(Date.parse(iso(10)));
		expect(statusless(state).changes.map((c) => [c.record.id, c.event])).toEqual([['6', 'updated']]);
	});
});
