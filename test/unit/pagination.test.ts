import { collectPages, nextOffset, pageTokenNumber } from '../../nodes/shared/pagination';

describe('collectPages', () => {
	const source = Array.from({ length: 250 }, (_, i) => i);
	const fetchOffsetPage = async (offset: number, remaining: number | undefined) => {
		const size = Math.min(100, remaining ?? 100);
		const items = source.slice(offset, offset + size);
		return { items, next: nextOffset({ offset, received: items.length, requested: size, total: source.length }) };
	};

	it('returns every item exactly once across pages', async () => {
		expect(await collectPages(0, fetchOffsetPage)).toEqual(source);
	});

	it('stops at the limit and asks only for what it still needs', async () => {
		const asked: Array<number | undefined> = [];
		const items = await collectPages(0, async (offset: number, remaining) => {
			asked.push(remaining);
			return await fetchOffsetPage(offset, remaining);
		}, 130);
		expect(items).toEqual(source.slice(0, 130));
		expect(asked).toEqual([130, 30]);
	});

	it('stops when a server repeats a cursor instead of looping forever', async () => {
		let calls = 0;
		const items = await collectPages('a', async () => {
			calls++;
			return { items: [calls], next: 'a' };
		});
		expect(items).toEqual([1]);
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
