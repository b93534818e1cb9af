import { diffFeed, MAX_REMEMBERED_STATUSES, type FeedRecord, type FeedState } from '../../nodes/shared/changeFeed';

const at = (second: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, second)).toISOString().replace('.000Z', 'Z');
const rec = (id: number, updated: number, status?: string, created = 0): FeedRecord<{ id: number }> => ({
	id: String(id),
	updatedAt: at(updated),
	createdAt: at(created),
	status,
	record: { id },
});

describe('diffFeed', () => {
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

	it('keeps the status memory bounded', () => {
		const many = Array.from({ length: MAX_REMEMBERED_STATUSES + 50 }, (_, i) => rec(i, 1, 'OPEN'));
		const { state } = diffFeed({}, many);
		expect(Object.keys(state.statuses ?? {})).toHaveLength(MAX_REMEMBERED_STATUSES);
		expect(state.statuses?.['0']).toBeUndefined();
	});
});
