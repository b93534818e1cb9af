/**
 * The OAuth 2 authorization-code flow: /oauth/authorize hands out single-use codes and
 * /oauth/token exchanges one (or a refresh token, rotated on use) for a bearer and refresh token
 * pair. Every code and token is handed to `issue` first, so the secret-leak checks know it.
 */
import { randomBytes } from 'node:crypto';

import { header, type RequestContext, type SandboxResponse } from '../common/server';
import { safeEqual } from './auth';
import { isHttpUrl, isPlainObject } from './http';
import { MBX_DEMO, type MbxOrganization } from './seed';
import type { MbxState } from './state';

/** Records a secret the sandbox hands out (SandboxServer.issue) and returns it. */
export type IssueSecret = (value: string, source: string) => string;

/** The token request's parameters, as strings. */
type TokenParams = Record<string, string>;

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	organization: MbxOrganization;
	redirectUri: string;
}

export const OAUTH_CLIENTS: readonly OAuthClient[] = [
	{
		clientId: MBX_DEMO.clientId,
		clientSecret: MBX_DEMO.clientSecret,
		organization: MBX_DEMO,
		redirectUri: MBX_DEMO.redirectUri,
	},
];

export interface AuthCode {
	clientId: string;
	/** The redirect_uri given at /oauth/authorize, if any; the token request must repeat it. */
	redirectUri: string | undefined;
	expiresAt: number;
	used: boolean;
}

export interface BearerToken {
	clientId: string;
	organization: MbxOrganization;
	expiresAt: number;
}

const oauthError = (status: number, error: string, description: string): SandboxResponse => ({
	status,
	headers: { 'Cache-Control': 'no-store' },
	body: { error, error_description: description },
});

const randomToken = () => randomBytes(24).toString('base64url');

export function authorize(state: MbxState, issue: IssueSecret, ctx: RequestContext): SandboxResponse {
	const client = OAUTH_CLIENTS.find((c) => c.clientId === ctx.query.get('client_id'));
	// The vendor doc: "the API server will return a 401 error with the error message of Invalid client_id".
	if (!client) return { status: 401, body: 'Invalid client_id' };
	const responseType = ctx.query.get('response_type');
	if (responseType !== 'code') {
		return oauthError(400, 'unsupported_response_type', `response_type must be 'code', got '${responseType ?? ''}'`);
	}
	const redirectUri = ctx.query.get('redirect_uri') ?? undefined;
	if (redirectUri !== undefined && !isHttpUrl(redirectUri)) {
		return oauthError(400, 'invalid_request', 'redirect_uri must be an absolute http(s) URL without a fragment');
	}

	const code = issue(randomToken(), 'OAuth2 authorization code');
	state.authCodes.set(code, {
		clientId: client.clientId,
		redirectUri,
		expiresAt: Date.now() + state.settings.authCodeTtlSeconds * 1000,
		used: false,
	});
	// Append by hand so an existing query in redirect_uri is kept byte for byte.
	const base = redirectUri ?? client.redirectUri;
	const oauthState = ctx.query.get('state');
	let location = `${base}${base.includes('?') ? '&' : '?'}code=${encodeURIComponent(code)}`;
	if (oauthState !== null) location += `&state=${encodeURIComponent(oauthState)}`;
	return {
		status: 302,
		headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' },
		body: `<html><body>You are being <a href="${escapeHtml(location)}">redirected</a>.</body></html>`,
	};
}

export function token(state: MbxState, issue: IssueSecret, ctx: RequestContext): SandboxResponse {
	const params = tokenParams(ctx);
	if (!params) {
		return oauthError(400, 'invalid_request', 'Body must be application/x-www-form-urlencoded or a JSON object');
	}

	const credentials = clientCredentials(ctx, params);
	if (credentials === 'malformed') return invalidClient('Malformed HTTP Basic credentials');
	if (!credentials) return invalidClient('Client authentication is required');
	const client = OAUTH_CLIENTS.find((c) => c.clientId === credentials.clientId);
	if (!client || !safeEqual(credentials.clientSecret, client.clientSecret)) {
		return invalidClient('Unknown client or wrong client secret');
	}

	const grantType = params.grant_type;
	if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
	if (grantType === 'authorization_code') return exchangeCode(state, issue, client, params);
	if (grantType === 'refresh_token') return refresh(state, issue, client, params);
	return oauthError(400, 'unsupported_grant_type', `grant_type '${grantType}' is not supported`);
}

function exchangeCode(state: MbxState, issue: IssueSecret, client: OAuthClient, params: TokenParams): SandboxResponse {
	if (!params.code) return oauthError(400, 'invalid_request', 'code is required');
	const grant = state.authCodes.get(params.code);
	if (!grant || grant.clientId !== client.clientId) {
		return oauthError(400, 'invalid_grant', 'The authorization code is unknown');
	}
	if (grant.used) return oauthError(400, 'invalid_grant', 'The authorization code has already been used');
	if (Date.now() >= grant.expiresAt) return oauthError(400, 'invalid_grant', 'The authorization code has expired');
	if (grant.redirectUri !== undefined && params.redirect_uri !== grant.redirectUri) {
		return oauthError(400, 'invalid_grant', 'redirect_uri does not match the one used to authorize');
	}
	grant.used = true;
	return issueTokens(state, issue, client);
}

function refresh(state: MbxState, issue: IssueSecret, client: OAuthClient, params: TokenParams): SandboxResponse {
	if (!params.refresh_token) return oauthError(400, 'invalid_request', 'refresh_token is required');
	const owner = state.refreshTokens.get(params.refresh_token);
	if (!owner || owner.clientId !== client.clientId) {
		return oauthError(400, 'invalid_grant', 'The refresh token is invalid or has already been used');
	}
	// Rotation: a refresh token works exactly once.
	state.refreshTokens.delete(params.refresh_token);
	return issueTokens(state, issue, client);
}

function issueTokens(state: MbxState, issue: IssueSecret, client: OAuthClient): SandboxResponse {
	const now = Date.now();
	const accessToken = issue(randomToken(), `OAuth2 access token #${state.bearersIssued + 1}`);
	const refreshToken = issue(randomToken(), `OAuth2 refresh token #${state.bearersIssued + 1}`);
	const ttl = state.settings.bearerTtlSeconds;
	state.bearerTokens.set(accessToken, {
		clientId: client.clientId,
		organization: client.organization,
		expiresAt: now + ttl * 1000,
	});
	state.refreshTokens.set(refreshToken, { clientId: client.clientId, organization: client.organization });
	state.bearersIssued++;
	return {
		status: 200,
		headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
		body: {
			access_token: accessToken,
			token_type: 'bearer',
			expires_in: ttl,
			refresh_token: refreshToken,
			created_at: Math.floor(now / 1000),
		},
	};
}

function invalidClient(description: string): SandboxResponse {
	const response = oauthError(401, 'invalid_client', description);
	response.headers = { ...response.headers, 'WWW-Authenticate': 'Basic realm="MBX"' };
	return response;
}

function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The token request's parameters from a form-urlencoded or JSON body (string values only). */
function tokenParams(ctx: RequestContext): TokenParams | undefined {
	const contentType = (header(ctx.headers, 'content-type') ?? '').toLowerCase();
	if (contentType.includes('application/json')) {
		if (!isPlainObject(ctx.json)) return undefined;
		return Object.fromEntries(
			Object.entries(ctx.json)
				.filter(([, v]) => typeof v === 'string' || typeof v === 'number')
				.map(([k, v]) => [k, String(v)]),
		);
	}
	if (contentType === '' || contentType.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(ctx.rawBody));
	}
	return undefined;
}

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1, form-encoded parts) or else the body. */
function clientCredentials(
	ctx: RequestContext,
	params: TokenParams,
): { clientId: string; clientSecret: string } | 'malformed' | undefined {
	const basic = /^Basic\s+(\S+)$/i.exec(header(ctx.headers, 'authorization') ?? '')?.[1];
	if (basic !== undefined) {
		const decoded = Buffer.from(basic, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon < 0) return 'malformed';
		try {
			const formDecode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
			return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
		} catch {
			return 'malformed';
		}
	}
	if (!params.client_id) return undefined;
	return { clientId: params.client_id, clientSecret: params.client_secret ?? '' };
}
