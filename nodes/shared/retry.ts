import { sleep } from 'n8n-workflow';

import { readHttpFailure, type HttpFailure } from './httpFailure';

export interface RetryOptions {
	/** Retries after the first attempt. */
	maxRetries: number;
	baseDelayMs: number;
	/** The longest single wait; a longer Retry-After is capped to this. */
	maxDelayMs: number;
	/** HTTP method of the request: 5xx answers are retried only for idempotent methods. */
	method: string;
	wait: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = {
	maxRetries: 3,
	baseDelayMs: 1000,
	maxDelayMs: 60_000,
	method: 'GET',
	wait: async (ms) => await sleep(ms),
};

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRYABLE_SERVER_ERRORS = new Set([502, 503, 504]);

/** Milliseconds the server asked us to wait: Retry-After (seconds or HTTP date) or a body field. */
export function retryAfterMs(failure: HttpFailure, now = Date.now()): number | undefined {
	const header = failure.headers['retry-after'];
	if (header !== undefined && header.trim() !== '') {
		const seconds = Number(header);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(header);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const body = failure.body as { retryAfter?: unknown } | undefined;
	if (body && typeof body === 'object' && typeof body.retryAfter === 'number') {
		return Math.max(0, body.retryAfter * 1000);
	}
	return undefined;
}

/** Whether a failed request may be sent again: 429 always (it was not processed), 5xx only
 * when repeating the request cannot create something twice. */
export function isRetryable(failure: HttpFailure, method: string): boolean {
	if (failure.status === 429) return true;
	return RETRYABLE_SERVER_ERRORS.has(failure.status) && IDEMPOTENT.has(method.toUpperCase());
}

export function backoffDelayMs(retry: number, options: RetryOptions, hintMs?: number): number {
	const delay = hintMs ?? options.baseDelayMs * 2 ** retry;
	return Math.min(delay, options.maxDelayMs);
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function attempt<T>(send: () => Promise<T>): Promise<Attempt<T>> {
	try {
		return { ok: true, value: await send() };
	} catch (error) {
		return { ok: false, error };
	}
}

/**
 * Sends a request, and again after a wait when the answer was 429 (or a 5xx for idempotent
 * methods), up to `maxRetries` times. The last failure is handed back unchanged: every caller
 * turns it into a NodeApiError with the vendor's message.
 */
export async function withRetry<T>(send: () => Promise<T>, overrides: Partial<RetryOptions> = {}): Promise<T> {
	const options = { ...DEFAULT_RETRY, ...overrides };
	for (let retry = 0; ; retry++) {
		const outcome = await attempt(send);
		if (outcome.ok) return outcome.value;
		const failure = readHttpFailure(outcome.error);
		if (!failure || retry >= options.maxRetries || !isRetryable(failure, options.method)) {
			throw outcome.error;
		}
		await options.wait(backoffDelayMs(retry, options, retryAfterMs(failure)));
	}
}
