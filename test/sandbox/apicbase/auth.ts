/**
 * OAuth2 as django-oauth-toolkit and oauthlib answer it: the token endpoint (client credentials
 * for the supplier, authorization code and refresh for the customer app), the consent page, and
 * the access and refresh tokens they mint, including the plain tokens the Apicbase UI generates.
 */
import { randomBytes } from 'node:crypto';
import { header, type RequestContext, type SandboxResponse } from '../common/server';
import { unknownPath } from './access';
import { APICBASE_DEMO } from './demo';
import { json } from './http';
import {
	sandboxNow,
	type AccessToken,
	type ApicbaseState,
	type AuthorizationCode,
	type Client,
	type RefreshToken,
} from './model';

/**
 * Records a secret the sandbox hands out and returns it (SandboxServer.issue): the e2e tests look
 * for every issued token and code in n8n's logs and database.
 */
export type Issue = (value: string, source: string) => string;

export const CLIENTS: Client[] = [
	{ id: APICBASE_DEMO.supplierClientId, secret: APICBASE_DEMO.supplierClientSecret, kind: 'supplier' },
	{ id: APICBASE_DEMO.customerClientId, secret: APICBASE_DEMO.customerClientSecret, kind: 'customer' },
];

const CODE_LIFETIME_MS = 60_000;
const UI_CLIENT_ID = 'apicbase-ui';
/** Tokens generated in the Apicbase UI do not expire for practical purposes (10 years here). */
const UI_TOKEN_TTL_SECONDS = 10 * 365 * 86_400;

/** oauthlib's generate_token: 30 characters from [A-Za-z0-9]. */
function generateToken(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return [...randomBytes(30)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Token parameters come from the body only: form-encoded (DOT's default) or JSON. */
function bodyParams(ctx: RequestContext): Map<string, string> {
	const type = (header(ctx.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
	const params = new Map<string, string>();
	if (type === 'application/json') {
		if (ctx.json && typeof ctx.json === 'object' && !Array.isArray(ctx.json)) {
			for (const [k, val] of Object.entries(ctx.json as Record<string, unknown>)) {
				if (val !== null && val !== undefined) params.set(k, String(val));
			}
		}
	} else if (type === 'application/x-www-form-urlencoded') {
		for (const [k, val] of new URLSearchParams(ctx.rawBody)) params.set(k, val);
	}
	return params;
}

/** HTTP Basic client authentication; id and secret are form-decoded as oauthlib does. */
function basicCredentials(ctx: RequestContext): { id: string; secret: string } | undefined {
	const match = /^Basic\s+(\S+)\s*$/i.exec(header(ctx.headers, 'authorization') ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return { id: '', secret: '' };
	const unquote = (s: string) => {
		try {
			return decodeURIComponent(s.replace(/\+/g, ' '));
		} catch {
			return s;
		}
	};
	return { id: unquote(decoded.slice(0, colon)), secret: unquote(decoded.slice(colon + 1)) };
}

function oauthError(status: number, error: string, description?: string): SandboxResponse {
	const body: Record<string, string> = { error };
	if (description) body.error_description = description;
	return json(status, body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

export function token(state: ApicbaseState, issue: Issue, ctx: RequestContext): SandboxResponse {
	// Django routes '/oauth/token/' only; the base router also matches the slash-less path.
	if (!ctx.path.endsWith('/')) return unknownPath(state, ctx);
	const params = bodyParams(ctx);
	const grant = params.get('grant_type') ?? '';
	if (!['client_credentials', 'authorization_code', 'refresh_token'].includes(grant)) {
		return oauthError(400, 'unsupported_grant_type');
	}

	const basic = basicCredentials(ctx);
	const clientId = basic ? basic.id : params.get('client_id');
	const secret = basic ? basic.secret : params.get('client_secret');
	const client = CLIENTS.find((c) => c.id === clientId);
	if (!client || client.secret !== secret) return oauthError(401, 'invalid_client');

	if (grant === 'client_credentials') {
		if (client.kind !== 'supplier') return oauthError(400, 'unauthorized_client');
		const scopes = scopeList(params.get('scope'));
		if (scopes.length !== 1 || scopes[0] !== APICBASE_DEMO.supplierScope) {
			return oauthError(400, 'invalid_scope');
		}
		const access = mintAccessToken(state, issue, client, scopes, state.config.supplierTokenTtlSeconds);
		return tokenResponse(access, state.config.supplierTokenTtlSeconds);
	}

	// The customer app uses the authorization-code flow and refreshes its tokens.
	if (client.kind !== 'customer') return oauthError(400, 'unauthorized_client');
	const ttl = state.config.customerTokenTtlSeconds;

	if (grant === 'authorization_code') {
		const codeValue = params.get('code');
		if (!codeValue) return oauthError(400, 'invalid_request', 'Missing code parameter.');
		const code = state.codes.get(codeValue);
		if (!code || code.used || code.clientId !== client.id || code.expiresAtMs <= sandboxNow(state)) {
			return oauthError(400, 'invalid_grant');
		}
		const redirectUri = params.get('redirect_uri') ?? null;
		if (code.redirectUri !== redirectUri) {
			return oauthError(400, 'invalid_request', 'Mismatching redirect URI.');
		}
		code.used = true;
		const access = mintAccessToken(state, issue, client, code.scopes, ttl);
		return tokenResponse(access, ttl, issueRefreshToken(state, issue, access));
	}

	const refreshValue = params.get('refresh_token');
	if (!refreshValue) return oauthError(400, 'invalid_request', 'Missing refresh token parameter.');
	const refresh = state.refreshTokens.get(refreshValue);
	if (!refresh || refresh.revoked || refresh.clientId !== client.id) return oauthError(400, 'invalid_grant');
	let scopes = refresh.scopes;
	if (params.has('scope')) {
		scopes = scopeList(params.get('scope'));
		if (!scopes.length || scopes.some((s) => !refresh.scopes.includes(s))) return oauthError(400, 'invalid_scope');
	}
	// DOT rotates refresh tokens and revokes the access token they belonged to.
	refresh.revoked = true;
	const old = state.accessTokens.get(refresh.accessToken);
	if (old) old.revoked = true;
	const access = mintAccessToken(state, issue, client, scopes, ttl);
	return tokenResponse(access, ttl, issueRefreshToken(state, issue, access));
}

/** Django's plain View answers an unsupported method with an empty 405. */
export function tokenMethodNotAllowed(state: ApicbaseState, ctx: RequestContext, allow: string): SandboxResponse {
	if (!ctx.path.endsWith('/')) return unknownPath(state, ctx);
	return { status: 405, headers: { Allow: allow } };
}

function scopeList(raw: string | undefined): string[] {
	return [...new Set((raw ?? '').split(/\s+/).filter(Boolean))];
}

function mintAccessToken(state: ApicbaseState, issue: Issue, client: Client, scopes: string[], ttlSeconds: number): AccessToken {
	const token: AccessToken = {
		value: issue(generateToken(), `access token of ${client.id}`),
		clientId: client.id,
		scopes,
		expiresAtMs: sandboxNow(state) + ttlSeconds * 1000,
		revoked: false,
	};
	state.accessTokens.set(token.value, token);
	return token;
}

function issueRefreshToken(state: ApicbaseState, issue: Issue, access: AccessToken): RefreshToken {
	const refresh: RefreshToken = {
		value: issue(generateToken(), `refresh token of ${access.clientId}`),
		clientId: access.clientId,
		scopes: access.scopes,
		accessToken: access.value,
		revoked: false,
	};
	state.refreshTokens.set(refresh.value, refresh);
	return refresh;
}

function tokenResponse(access: AccessToken, ttlSeconds: number, refresh?: RefreshToken): SandboxResponse {
	const body: Record<string, unknown> = {
		access_token: access.value,
		expires_in: ttlSeconds,
		token_type: 'Bearer',
		scope: access.scopes.join(' '),
	};
	if (refresh) body.refresh_token = refresh.value;
	return json(200, body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

/**
 * A token as generated in the Apicbase UI ("plain access token" credential): no OAuth flow, no
 * refresh token, the given scopes. Returns the bearer value.
 */
export function uiAccessToken(state: ApicbaseState, issue: Issue, scopes: string[]): string {
	const known = [...APICBASE_DEMO.customerScopes, APICBASE_DEMO.supplierScope] as string[];
	const unknown = scopes.filter((s) => !known.includes(s));
	if (unknown.length) throw new Error(`unknown scope(s): ${unknown.join(', ')}`);
	const client: Client = { id: UI_CLIENT_ID, secret: '', kind: 'customer' };
	return mintAccessToken(state, issue, client, [...new Set(scopes)], UI_TOKEN_TTL_SECONDS).value;
}

/**
 * The authorize page. A real user logs in and approves; the sandbox approves at once as
 * APICBASE_DEMO.customerUsername. Without redirect_uri Apicbase shows the code on a page.
 */
export function authorize(state: ApicbaseState, issue: Issue, ctx: RequestContext): SandboxResponse {
	if (!ctx.path.endsWith('/')) return unknownPath(state, ctx);
	const q = ctx.query;
	const client = CLIENTS.find((c) => c.id === q.get('client_id') && c.kind === 'customer');
	if (!client) return oauthError(400, 'invalid_request', 'Invalid client_id parameter value.');
	const redirectUri = q.get('redirect_uri') || null;
	let target: URL | undefined;
	if (redirectUri !== null) {
		try {
			target = new URL(redirectUri);
		} catch {
			target = undefined;
		}
		if (!target || !['http:', 'https:'].includes(target.protocol)) {
			return oauthError(400, 'invalid_request', 'Invalid redirect URI.');
		}
	}
	const stateParam = q.get('state');
	const fail = (error: string): SandboxResponse => {
		if (!target) return oauthError(400, error);
		target.searchParams.set('error', error);
		if (stateParam !== null) target.searchParams.set('state', stateParam);
		return { status: 302, headers: { Location: target.toString() } };
	};
	if (q.get('response_type') !== 'code') return fail('unsupported_response_type');
	const scopes = scopeList(q.get('scope') ?? undefined);
	if (!scopes.length || scopes.some((s) => !(APICBASE_DEMO.customerScopes as readonly string[]).includes(s))) {
		return fail('invalid_scope');
	}

	const code: AuthorizationCode = {
		code: issue(generateToken(), 'OAuth2 authorization code'),
		clientId: client.id,
		redirectUri,
		scopes,
		expiresAtMs: sandboxNow(state) + CODE_LIFETIME_MS,
		used: false,
	};
	state.codes.set(code.code, code);
	if (!target) {
		return {
			status: 200,
			headers: { 'Content-Type': 'text/html; charset=utf-8' },
			body: `<html><body><p>Your authorization code:</p><code id="code">${code.code}</code></body></html>`,
		};
	}
	target.searchParams.set('code', code.code);
	if (stateParam !== null) target.searchParams.set('state', stateParam);
	return { status: 302, headers: { Location: target.toString() } };
}
