import { timingSafeEqual } from 'node:crypto';

/** Compares two secrets in constant time (for equal lengths); never throws. */
export function secureEquals(actual: string | undefined, expected: string | undefined): boolean {
	if (typeof actual !== 'string' || typeof expected !== 'string' || expected === '') return false;
	const a = Buffer.from(actual, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}
