/**
 * What every API call passes before its handler runs: the bearer token (django-oauth-toolkit's
 * access tokens), the scope, and DRF's per-token throttle with its RateLimit headers. Unknown API
 * paths count against the limit too, so their 404 is answered here as well.
 */
import { header, type RequestContext, type RouteHandler, type SandboxResponse } from '../common/server';
import { APICBASE_DEMO } from './demo';
import { DETAIL, json, throttledDetail } from './http';
import { sandboxNow, type AccessToken, type ApicbaseState } from './model';

const WINDOW_MS = 60_000;

export function bearer(state: ApicbaseState, ctx: RequestContext): { token?: AccessToken; error?: SandboxResponse } {
	const challenge = { 'WWW-Authenticate': 'Bearer realm="api"' };
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header(ctx.headers, 'authorization') ?? '');
	if (!match) return { error: json(401, { detail: DETAIL.notProvided }, challenge) };
	const token = state.accessTokens.get(match[1]);
	if (!token || token.revoked || token.expiresAtMs <= sandboxNow(state)) {
		return { error: json(401, { detail: DETAIL.invalidToken }, challenge) };
	}
	return { token };
}

/** The limit is per access token; requests without a valid token share one bucket per address. */
function bucketKey(ctx: RequestContext, token: AccessToken | undefined): string {
	return token ? `token:${token.value}` : `anon:${ctx.req.socket.remoteAddress ?? ''}`;
}

/** Fixed 60-second window from the bucket's first request; throttled requests are not counted. */
function throttle(state: ApicbaseState, key: string): { headers: Record<string, string>; throttled?: SandboxResponse } {
	const now = sandboxNow(state);
	const limit = state.config.rateLimitPerMinute;
	if (limit === null) return { headers: {} };
	let bucket = state.buckets.get(key);
	if (!bucket || now >= bucket.windowStartMs + WINDOW_MS) {
		bucket = { windowStartMs: now, count: 0 };
		state.buckets.set(key, bucket);
	}
	const reset = Math.max(1, Math.ceil((bucket.windowStartMs + WINDOW_MS - now) / 1000));
	const headers = (remaining: number) => ({
		'RateLimit-Limit': String(limit),
		'RateLimit-Remaining': String(remaining),
		'RateLimit-Reset': String(reset),
	});
	if (bucket.count >= limit) {
		const h = { ...headers(0), 'Retry-After': String(reset) };
		return { headers: h, throttled: json(429, { detail: throttledDetail(reset) }, h) };
	}
	bucket.count++;
	return { headers: headers(limit - bucket.count) };
}

/** Wraps an API handler: throttle, authenticate, check the scope, then answer. */
export function guarded(state: ApicbaseState, scope: string, handler: RouteHandler): RouteHandler {
	return async (ctx) => {
		const auth = bearer(state, ctx);
		const limit = throttle(state, bucketKey(ctx, auth.token));
		if (limit.throttled) return limit.throttled;
		let response: SandboxResponse;
		if (auth.error) response = auth.error;
		else if (!auth.token!.scopes.includes(scope)) response = json(403, { detail: DETAIL.forbidden });
		else response = await handler(ctx);
		return { ...response, headers: { ...(response.headers ?? {}), ...limit.headers } };
	};
}

/** Django's 404 for a path no route matches. */
export function unknownPath(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const response = json(404, { detail: DETAIL.notFound });
	if (!ctx.path.startsWith(APICBASE_DEMO.apiPrefix)) return response;
	// Unknown API paths still count against the caller's rate limit and carry its headers.
	const limit = throttle(state, bucketKey(ctx, bearer(state, ctx).token));
	return limit.throttled ?? { ...response, headers: limit.headers };
}
