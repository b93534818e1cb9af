import { NodeApiError, type INode } from 'n8n-workflow';

import { backoffDelayMs, DEFAULT_RETRY, isRetryable, retryAfterMs, withRetry } from '../../../nodes/shared/retry';

const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

/** An error shaped as n8n's request helper throws it: a NodeApiError around the HTTP client's error. */
function httpError(status: number, headers: Record<string, string> = {}, data: unknown = {}) {
	const clientError = Object.assign(new Error(`Request failed with status code ${status}`), {
		isAxiosError: true,
		response: { status, headers, data },
	});
	return new NodeApiError(node, clientError as never);
}

describe('retryAfterMs', () => {
	it('reads seconds, an HTTP date, or a retryAfter body field', () => {
		expect(retryAfterMs({ status: 429, headers: { 'retry-after': '7' }, body: {} })).toBe(7000);
		const now = Date.parse('2026-11-24T10:00:00Z');
		expect(retryAfterMs({ status: 429, headers: { 'retry-after': 'Tue, 24 Nov 2026 10:00:30 GMT' }, body: {} }, now)).toBe(30_000);
		expect(retryAfterMs({ status: 429, headers: {}, body: { retryAfter: 3 } })).toBe(3000);
		expect(retryAfterMs({ status: 429, headers: {}, body: {} })).toBeUndefined();
	});
});

describe('isRetryable', () => {
	it('retries 429 for any method and 5xx only where a repeat cannot create twice', () => {
		expect(isRetryable({ status: 429, headers: {}, body: {} }, 'POST')).toBe(true);
		expect(isRetryable({ status: 503, headers: {}, body: {} }, 'GET')).toBe(true);
		expect(isRetryable({ status: 503, headers: {}, body: {} }, 'POST')).toBe(false);
		expect(isRetryable({ status: 400, headers: {}, body: {} }, 'GET')).toBe(false);
		expect(isRetryable({ status: 500, headers: {}, body: {} }, 'GET')).toBe(false);
	});
});

describe('withRetry', () => {
	it('waits as long as Retry-After says, then succeeds', async () => {
		const waits: number[] = [];
		let calls = 0;
		const result = await withRetry(
			async () => {
				calls++;
				if (calls < 3) throw httpError(429, { 'retry-after': '2' });
				return 'ok';
			},
			{ wait: async (ms) => void waits.push(ms) },
		);
		expect(result).toBe('ok');
		expect(waits).toEqual([2000, 2000]);
	});

	it('backs off exponentially without Retry-After and caps long waits', async () => {
		expect(backoffDelayMs(0, DEFAULT_RETRY)).toBe(1000);
		expect(backoffDelayMs(2, DEFAULT_RETRY)).toBe(4000);
		expect(backoffDelayMs(0, DEFAULT_RETRY, 600_000)).toBe(DEFAULT_RETRY.maxDelayMs);
	});

	it('gives up after maxRetries and hands back the last error', async () => {
		let calls = 0;
		const failing = withRetry(
			async () => {
				calls++;
				throw httpError(503);
			},
			{ maxRetries: 2, wait: async () => undefined },
		);
		await expect(failing).rejects.toBeInstanceOf(NodeApiError);
		expect(calls).toBe(3);
	});

	it('does not retry errors that are not retryable', async () => {
		let calls = 0;
		await expect(
			withRetry(
				async () => {
					calls++;
					throw httpError(404);
				},
				{ wait: async () => undefined },
			),
		).rejects.toBeInstanceOf(NodeApiError);
		expect(calls).toBe(1);
	});

	it('uses n8n-workflow sleep by default', async () => {
		let calls = 0;
		const started = Date.now();
		await withRetry(async () => {
			if (calls++ === 0) throw httpError(429, { 'retry-after': '0.05' });
			return true;
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(45);
	});
});
