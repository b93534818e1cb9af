import { diffSnapshot, forgetUnread, type SnapshotRow } from '../../../nodes/OpenBoxes/trigger/listSnapshot';

const row = (id: string, status = ''): SnapshotRow<{ id: string }> => ({ id, status, record: { id } });
const isPlaced = { matches: (status: string) => status === 'PLACED' };

describe('diffSnapshot', () => {
	it('the first poll reports nothing and remembers every ID with its status', () => {
		const { entered, memory } = diffSnapshot(undefined, [row('1', 'PENDING'), row('2', 'PLACED')], isPlaced);
		expect(entered).toEqual([]);
		expect(memory).toEqual({ 1: 'PENDING', 2: 'PLACED' });
	});

	it('an empty first read still starts a memory, so the first record ever is reported', () => {
		const first = diffSnapshot(undefined, [], { matches: () => true });
		expect(first.memory).toEqual({});
		expect(diffSnapshot(first.memory, [row('1')], { matches: () => true }).entered.map((e) => e.row.id)).toEqual(['1']);
	});

	it('reports rows that match now and did not before, with the status they had', () => {
		const { entered, memory } = diffSnapshot({ 1: 'PENDING', 2: 'PLACED' }, [row('1', 'PLACED'), row('2', 'PLACED'), row('3', 'PLACED'), row('4', 'PENDING')], isPlaced);
		expect(entered.map((e) => [e.row.id, e.previousStatus])).toEqual([
			['1', 'PENDING'],
			['3', null],
		]);
		expect(memory).toEqual({ 1: 'PLACED', 2: 'PLACED', 3: 'PLACED', 4: 'PENDING' });
	});

	it('a row read twice (the list shifted between pages) counts once', () => {
		const { entered } = diffSnapshot({}, [row('1', 'PLACED'), row('1', 'PLACED')], isPlaced);
		expect(entered).toHaveLength(1);
	});

	it('keeps IDs missing from a read (the rest of the list may come next poll), until told which were read', () => {
		const { memory } = diffSnapshot({ 1: 'PLACED', 2: 'PLACED' }, [row('1', 'PLACED')], isPlaced);
		expect(memory).toEqual({ 1: 'PLACED', 2: 'PLACED' });
		expect(forgetUnread(memory, new Set(['1']))).toEqual({ 1: 'PLACED' });
		expect(forgetUnread({ constructor: 'PLACED', x: '' }, new Set(['constructor']))).toEqual({ constructor: 'PLACED' });
	});

	it('IDs that look like object keys are plain IDs', () => {
		const { entered, memory } = diffSnapshot({}, [row('constructor', 'PLACED'), row('__proto__', 'PLACED')], isPlaced);
		expect(entered.map((e) => e.row.id)).toEqual(['constructor', '__proto__']);
		const stored = JSON.parse(JSON.stringify(memory)) as Record<string, string>;
		expect(diffSnapshot(stored, [row('constructor', 'PLACED'), row('__proto__', 'PLACED')], isPlaced).entered).toEqual([]);
	});
});
