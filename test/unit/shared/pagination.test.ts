import { sleep } from 'n8n-workflow';

import { nextOffset, pageTokenNumber, readPages } from '../../../nodes/shared/pagination';

describe('readPages', () => {
	const source = Array.from({ length: 250 }, (_, i) => i);
	const fetchOffsetPage = async (offset: number, remaining: number | undefined) => {
		const size = Math.min(100, remaining ?? 100);
		const items = source.slice(offset, offset + size);
		return { items, next: nextOffset({ offset, received: items.length, requested: size, total: source.length }) };
	};

	it('returns every item exactly once across pages', async () => {
		expect(await readPages(0, fetchOffsetPage)).toEqual({ items: source, next: undefined });
	});

	it('stops at the limit and asks only for what it still needs', async () => {
		const asked: Array<number | undefined> = [];
		const { items } = await readPages(0, async (offset: number, remaining) => {
			asked.push(remaining);
			return await fetchOffsetPage(offset, remaining);
		}, { limit: 130 });
		expect(items).toEqual(source.slice(0, 130));
		expect(asked).toEqual([130, 30]);
	});

	it('stops when a server repeats a cursor instead of looping forever', async () => {
		let calls = 0;
		const { items } = await readPages('a', async () => {
			calls++;
			return { items: [calls], next: 'a' };
		});
		expect(items).toEqual([1]);
	});
});

describe('readPages with a deadline', () => {
	const source = Array.from({ length: 1000 }, (_, i) => i);
	const slowPage = (ms: number) => async (offset: number) => {
		await sleep(ms);
		const items = source.slice(offset, offset + 100);
		return { items, next: nextOffset({ offset, received: items.length, requested: 100, total: source.length }) };
	};

	it('stops while the next page would still be in time, and says where to go on', async () => {
		const started = Date.now();
		const first = await readPages(0, slowPage(40), { deadline: started + 500 });
		expect(Date.now() - started).toBeLessThan(500);
		expect(first.items.length).toBeGreaterThan(0);
		expect(first.items.length).toBeLessThan(1000);
		expect(first.next).toBe(first.items.length);
		// Going on from there reads the rest, each item once.
		const rest = await readPages(first.next!, slowPage(1), { deadline: Date.now() + 60_000 });
		expect([...first.items, ...rest.items]).toEqual(source);
		expect(rest.next).toBeUndefined();
	});

	it('reads one page even when the deadline has passed, so every poll moves on', async () => {
		const run = await readPages(300, slowPage(1), { deadline: Date.now() - 1 });
		expect(run).toEqual({ items: source.slice(300, 400), next: 400 });
	});
});

describe('nextOffset', () => {
	it('uses the total when the API gives one', () => {
		expect(nextOffset({ offset: 0, received: 100, requested: 100, total: 150 })).toBe(100);
		expect(nextOffset({ offset: 100, received: 50, requested: 100, total: 150 })).toBeUndefined();
	});

	it('stops on a short or empty page when there is no total', () => {
		expect(nextOffset({ offset: 0, received: 100, requested: 100 })).toBe(100);
		expect(nextOffset({ offset: 100, received: 99, requested: 100 })).toBeUndefined();
		expect(nextOffset({ offset: 200, received: 0, requested: 100 })).toBeUndefined();
	});
});

describe('pageTokenNumber', () => {
	it('reads an offset or page number from a record picker token, starting at the first one', () => {
		expect(pageTokenNumber(undefined, 0)).toBe(0);
		expect(pageTokenNumber('50', 0)).toBe(50);
		expect(pageTokenNumber('-3', 0)).toBe(0);
		expect(pageTokenNumber('abc', 1)).toBe(1);
		expect(pageTokenNumber('3.7', 1)).toBe(3);
		expect(pageTokenNumber('0', 1)).toBe(1);
	});
});
