/**
 * Who is calling a /v2 endpoint: a bearer token from /oauth/token, else the HMAC signature of
 * MBX-Auth and X-Date (base64 HMAC-SHA1 over method, body MD5, date and request target), then
 * the per-caller rate limit. withAuth wraps every /v2 handler in that order.
 *
 * The signature check is written here from the vendor's description on purpose: it must not share
 * code with the node under test, or a bug in the node's signing would be mirrored and go unseen.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { header, type RequestContext, type SandboxResponse } from '../common/server';
import { errors } from './http';
import { MBX_ORGANIZATIONS, type MbxOrganization } from './seed';
import type { MbxState } from './state';

/** The 401 reasons, kept in one place so tests and callers can match on them. */
export const MBX_AUTH_ERRORS = {
	missingAuth: 'Missing MBX-Auth header',
	malformedAuth: 'Malformed MBX-Auth header: expected "<public token>:<base64 signature>"',
	unknownToken: 'Unknown public token',
	missingDate: 'Missing X-Date header',
	invalidDate: 'X-Date is not an ISO-8601 date',
	skew: 'X-Date is outside the allowed clock skew',
	badSignature: 'Signature does not match',
	badBearer: 'Invalid or expired bearer token',
} as const;

const RATE_WINDOW_MS = 60_000;

type AuthResult = { ok: true; organization: MbxOrganization } | { ok: false; response: SandboxResponse };

// YYYY-MM-DD, optionally followed by Thh:mm[:ss[.fraction]] and an optional Z or ±hh[:mm] offset.
const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Epoch milliseconds of an ISO-8601 date, or undefined when the value is not one. Naive = UTC. */
export function parseIsoDate(value: string): number | undefined {
	const match = ISO_8601.exec(value);
	if (!match) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
	const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	// setUTCFullYear rolls 2015-02-30 over into March; such a date is invalid, not a synonym.
	if (date.getUTCDate() !== day) return undefined;
	date.setUTCHours(hour, minute, second, Number((fraction + '000').slice(0, 3)));
	let offsetMinutes = 0;
	if (zone && zone !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		const offsetHours = Number(digits.slice(0, 2));
		const offsetMins = Number(digits.slice(2) || '0');
		if (offsetHours > 23 || offsetMins > 59) return undefined;
		offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
	}
	return date.getTime() - offsetMinutes * 60_000;
}

/** base64(HMAC-SHA1(secret, METHOD \n md5hex(body) \n X-Date \n request-target)), as MBX defines it. */
function mbxSignature(secret: string, method: string, body: string, date: string, target: string): string {
	const bodyMd5 = createHash('md5').update(body, 'utf8').digest('hex');
	const message = [method, bodyMd5, date, target].join('\n');
	return createHmac('sha1', Buffer.from(secret, 'utf8')).update(message, 'utf8').digest('base64');
}

export function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

export function withAuth(
	state: MbxState,
	ctx: RequestContext,
	handler: (organization: MbxOrganization) => SandboxResponse,
): SandboxResponse {
	const auth = authenticate(state, ctx);
	const caller = auth.ok ? `org:${auth.organization.organizationId}` : `addr:${ctx.req.socket.remoteAddress ?? 'unknown'}`;
	const throttled = throttle(state, caller);
	if (throttled) return throttled;
	return auth.ok ? handler(auth.organization) : auth.response;
}

/** A valid bearer wins; otherwise MBX-Auth is checked; a lone invalid bearer gets its own reason. */
function authenticate(state: MbxState, ctx: RequestContext): AuthResult {
	const bearer = /^Bearer\s+(\S+)$/i.exec(header(ctx.headers, 'authorization') ?? '')?.[1];
	if (bearer !== undefined) {
		const token = state.bearerTokens.get(bearer);
		if (token && Date.now() < token.expiresAt) return { ok: true, organization: token.organization };
		if (header(ctx.headers, 'mbx-auth') === undefined) {
			return { ok: false, response: errors(401, MBX_AUTH_ERRORS.badBearer) };
		}
	}
	return authenticateHmac(state, ctx);
}

function authenticateHmac(state: MbxState, ctx: RequestContext): AuthResult {
	const fail = (reason: string): AuthResult => ({ ok: false, response: errors(401, reason) });

	const auth = header(ctx.headers, 'mbx-auth');
	if (!auth) return fail(MBX_AUTH_ERRORS.missingAuth);
	// Base64 has no ':', so the last colon separates the public token from the signature.
	const colon = auth.lastIndexOf(':');
	const publicToken = auth.slice(0, colon);
	const signature = auth.slice(colon + 1);
	if (colon <= 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return fail(MBX_AUTH_ERRORS.malformedAuth);
	const organization = MBX_ORGANIZATIONS.find((o) => o.publicToken === publicToken);
	if (!organization) return fail(MBX_AUTH_ERRORS.unknownToken);

	const date = header(ctx.headers, 'x-date');
	if (!date) return fail(MBX_AUTH_ERRORS.missingDate);
	const sentAt = parseIsoDate(date);
	if (sentAt === undefined) return fail(MBX_AUTH_ERRORS.invalidDate);
	const skew = state.settings.maxClockSkewSeconds;
	if (skew !== null && Math.abs(Date.now() - sentAt) > skew * 1000) return fail(MBX_AUTH_ERRORS.skew);

	// The signed target is the request target exactly as received; the path-only variant is opt-in.
	const targets = [ctx.target];
	if (state.settings.acceptPathOnlySignature && ctx.target.includes('?')) {
		targets.push(ctx.target.slice(0, ctx.target.indexOf('?')));
	}
	const matches = targets.some((target) =>
		safeEqual(signature, mbxSignature(organization.secretToken, ctx.method, ctx.rawBody, date, target)),
	);
	return matches ? { ok: true, organization } : fail(MBX_AUTH_ERRORS.badSignature);
}

/**
 * The rate limit, keyed by caller: the organization once authenticated (HMAC and OAuth share
 * its budget), else the client address. A fixed window from the caller's first request, timed
 * by the sandbox clock; refused requests are not counted.
 */
function throttle(state: MbxState, key: string): SandboxResponse | undefined {
	const limit = state.settings.rateLimitPerMinute;
	if (limit === null) return undefined;
	const now = state.clock.now();
	let bucket = state.buckets.get(key);
	// A clock set back also starts a new window, so Retry-After never exceeds a minute.
	if (!bucket || now - bucket.windowStart >= RATE_WINDOW_MS || now < bucket.windowStart) {
		bucket = { windowStart: now, count: 0 };
		state.buckets.set(key, bucket);
	}
	if (bucket.count >= limit) {
		const retryAfter = Math.max(1, Math.ceil((bucket.windowStart + RATE_WINDOW_MS - now) / 1000));
		return {
			status: 429,
			headers: { 'Retry-After': String(retryAfter) },
			body: { errors: [`Rate limit exceeded: ${limit} requests a minute. Try again in ${retryAfter} seconds.`] },
		};
	}
	bucket.count++;
	return undefined;
}
