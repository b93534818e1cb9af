import { diffFeedInPasses, MAX_REMEMBERED_STATUSES, type FeedRecord, type PassFeedState as FeedState } from '../../../nodes/shared/changeFeed';

/** A poll that reads the whole list (a pass in one poll). */
const diffFeed = <T>(previous: FeedState, records: Array<FeedRecord<T>>) => diffFeedInPasses(previous, records, undefined);

const at = (second: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, second)).toISOString().replace('.000Z', 'Z');
const rec = (id: number, updated: number, status?: string, created = 0): FeedRecord<{ id: number }> => ({
	id: String(id),
	updatedAt: at(updated),
	createdAt: at(created),
	status,
	record: { id },
});

describe('diffFeedInPasses, the whole list read in each poll', () => {
	it('emits each of 1,000 changes sharing one timestamp exactly once, however they spread over polls', () => {
		let state: FeedState = diffFeed({}, [rec(0, 1)]).state;
		const emitted: string[] = [];
		const visible: Array<FeedRecord<{ id: number }>> = [rec(0, 1)];
		// 1,000 products change within the same second; each poll sees the ones changed so far.
		for (const batch of [137, 400, 3, 300, 160]) {
			const start = visible.length;
			for (let id = start; id < start + batch; id++) visible.push(rec(id, 5));
			const { changes, state: next } = diffFeed(state, [...visible].reverse());
			state = next;
			emitted.push(...changes.map((c) => c.record.id));
		}
		const again = diffFeed(state, [...visible].reverse());
		expect(again.changes).toEqual([]);
		expect(emitted).toHaveLength(1000);
		expect(new Set(emitted).size).toBe(1000);
	});

	it('tells creations, status changes and other edits apart', () => {
		const first = diffFeed({}, [rec(1, 1, 'PENDING'), rec(2, 1, 'PLACED')]);
		expect(first.changes).toEqual([]);
		const { changes } = diffFeed(first.state, [rec(1, 2, 'PLACED'), rec(2, 2, 'PLACED'), rec(3, 2, 'PENDING', 2)]);
		expect(changes.map((c) => [c.record.id, c.event, c.previousStatus])).toEqual([
			['1', 'statusChanged', 'PENDING'],
			['2', 'updated', 'PLACED'],
			['3', 'created', null],
		]);
	});

	it('ignores records older than the cursor and repeats within one poll', () => {
		const { state } = diffFeed({}, [rec(1, 5)]);
		const { changes } = diffFeed(state, [rec(2, 6), rec(2, 6), rec(3, 4)]);
		expect(changes.map((c) => c.record.id)).toEqual(['2']);
	});

	it('reports the first records ever created when the first poll found none', () => {
		const empty = diffFeed({}, []);
		expect(empty.changes).toEqual([]);
		const { changes } = diffFeed(empty.state, [rec(1, 3, 'PENDING', 3)]);
		expect(changes.map((c) => [c.record.id, c.event])).toEqual([['1', 'created']]);
	});

	describe('records created in the cursor\'s own second (one-second vendor times)', () => {
		/** The cursor as the feed stores it (ISO with milliseconds). */
		const cursorAt = (second: number) => new Date(Date.parse(at(second))).toISOString();
		const events = (changes: Array<{ event: string; previousStatus: string | null; record: { id: string } }>) =>
			changes.map((c) => [c.record.id, c.event, c.previousStatus]);

		it('a record created in the second of a poll, after it read, is created (not updated) on the next poll', () => {
			// The poll at second 5 read products 1 and 2; product 3 was created in second 5 afterwards.
			const { state } = diffFeed({ cursor: at(4), atCursor: [] }, [rec(1, 5, undefined, 5), rec(2, 5)]);
			// What the pass read, newest time and the IDs at it; the cursor moves there when the next pass ends.
			expect(state.lastPass).toEqual({ newest: cursorAt(5), atNewest: ['1', '2'] });
			const next = diffFeed(state, [rec(1, 5, undefined, 5), rec(2, 5), rec(3, 5, undefined, 5)]);
			expect(events(next.changes)).toEqual([['3', 'created', null]]);
			// With a status (MBX orders) too: new, so no previous status.
			const withStatus = diffFeed({ cursor: at(5), atCursor: ['1'], statuses: { '1': 'pending' } }, [rec(1, 5, 'pending', 5), rec(3, 5, 'pending', 5)]);
			expect(events(withStatus.changes)).toEqual([['3', 'created', null]]);
		});

		it('a record the poll saw in that second and that changed later is updated, and one it saw is not repeated', () => {
			const { state } = diffFeed({ cursor: at(4), atCursor: [] }, [rec(1, 5, undefined, 5)]);
			expect(diffFeed(state, [rec(1, 5, undefined, 5)]).changes).toEqual([]);
			expect(events(diffFeed(state, [rec(1, 7, undefined, 5)]).changes)).toEqual([['1', 'updated', null]]);
		});

		it('an older record changed in the cursor\'s second after the read is updated', () => {
			const { state } = diffFeed({ cursor: at(4), atCursor: [] }, [rec(1, 5, undefined, 5)]);
			expect(events(diffFeed(state, [rec(1, 5, undefined, 5), rec(2, 5, undefined, 3)]).changes)).toEqual([['2', 'updated', null]]);
		});

		it('the first poll\'s second counts too: records created in it after the first read are created', () => {
			const first = diffFeed({}, [rec(1, 5, undefined, 5), rec(2, 3)]);
			expect(first.changes).toEqual([]);
			const { changes } = diffFeed(first.state, [rec(1, 5, undefined, 5), rec(2, 3), rec(3, 5, undefined, 5), rec(4, 5, undefined, 2)]);
			expect(events(changes)).toEqual([
				['3', 'created', null],
				['4', 'updated', null],
			]);
		});

		it('hundreds created and updated in one second over several polls: each once, under the right event', () => {
			// Products 0..99 exist (created at second 0). Second 5 sees 3 polls; between them, new products
			// are created and old ones edited, all stamped with second 5; then second 9 polls once more.
			const visible = new Map<number, FeedRecord<{ id: number }>>();
			for (let id = 0; id < 100; id++) visible.set(id, rec(id, 1));
			let state = diffFeed({}, [...visible.values()]).state;
			const emitted: Array<[string, string]> = [];
			const poll = () => {
				const result = diffFeed(state, [...visible.values()].reverse());
				state = result.state;
				emitted.push(...result.changes.map((c): [string, string] => [c.record.id, c.event]));
			};
			let nextId = 100;
			const batches: Array<[number, number[]]> = [
				[120, [0, 1, 2]],
				[250, Array.from({ length: 40 }, (_, i) => 10 + i)],
				[3, []],
				[0, Array.from({ length: 30 }, (_, i) => 60 + i)],
			];
			for (const [created, edited] of batches) {
				for (let n = 0; n < created; n++, nextId++) visible.set(nextId, rec(nextId, 5, undefined, 5));
				for (const id of edited) visible.set(id, rec(id, 5, undefined, 0));
				poll();
			}
			poll();
			const created = emitted.filter(([, event]) => event === 'created').map(([id]) => Number(id));
			const updated = emitted.filter(([, event]) => event === 'updated').map(([id]) => Number(id));
			expect(created.sort((a, b) => a - b)).toEqual(Array.from({ length: 373 }, (_, i) => 100 + i));
			expect(updated.sort((a, b) => a - b)).toEqual([0, 1, 2, ...Array.from({ length: 40 }, (_, i) => 10 + i), ...Array.from({ length: 30 }, (_, i) => 60 + i)]);
		});

		it('keeps working on a state stored before this rule (same keys), also with IDs stored as numbers', () => {
			const stored = JSON.parse(JSON.stringify({ cursor: at(5), atCursor: [1, 2], statuses: { '1': 'pending', '2': 'released' } })) as FeedState;
			const records = [rec(1, 5, 'pending', 5), rec(2, 5, 'released', 5)];
			// Nothing is repeated after the upgrade...
			expect(diffFeed(stored, records).changes).toEqual([]);
			// ...and what comes next is told apart as before.
			const { changes, state } = diffFeed(stored, [...records, rec(3, 5, 'pending', 5), rec(2, 6, 'shipped', 5)]);
			expect(events(changes)).toEqual([
				['3', 'created', null],
				['2', 'statusChanged', 'released'],
			]);
			expect(state.lastPass?.newest).toBe(cursorAt(6));
			expect(diffFeed(state, [...records, rec(3, 5, 'pending', 5), rec(2, 6, 'shipped', 5)]).changes).toEqual([]);
		});
	});

	it('keeps the status memory bounded', () => {
		const many = Array.from({ length: MAX_REMEMBERED_STATUSES + 50 }, (_, i) => rec(i, 1, 'OPEN'));
		const { state } = diffFeed({}, many);
		expect(Object.keys(state.statuses ?? {})).toHaveLength(MAX_REMEMBERED_STATUSES);
		expect(state.statuses?.['0']).toBeUndefined();
	});
});
