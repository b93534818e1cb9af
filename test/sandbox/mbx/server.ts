/**
 * A strict local stand-in for the MBX Systems API (https://api-sandbox.mbx.com): HMAC-signed
 * requests (MBX-Auth + X-Date), OAuth 2 authorization-code flow with bearer and refresh tokens,
 * /v2/authenticate, /v2/countries and /v2/items with the `q` parameter and the list envelope.
 *
 * The signature check is written here from the vendor's description on purpose: it must not share
 * code with the node under test, or a bug in the node's signing would be mirrored and go unseen.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { header, SandboxServer, type Fault, type RequestContext, type SandboxResponse } from '../common/server';
import {
	MBX_DEMO,
	MBX_ORGANIZATIONS,
	MBX_OTHER_ORG,
	seedCountries,
	seedItems,
	type MbxCountry,
	type MbxItem,
	type MbxOrganization,
} from './seed';

export { MBX_DEMO, MBX_OTHER_ORG };
export type { MbxCountry, MbxItem, MbxOrganization };

export interface MbxSandboxOptions {
	/** Reject X-Date values further than this from the server clock; null = no check (default). */
	maxClockSkewSeconds: number | null;
	/** Also accept a signature computed over the path without the query string (default false). */
	acceptPathOnlySignature: boolean;
	/** Lifetime of issued bearer tokens; MBX documents 3 hours (default 10800). */
	bearerTtlSeconds: number;
	/** Lifetime of authorization codes from /oauth/authorize (default 600). */
	authCodeTtlSeconds: number;
}

const DEFAULT_OPTIONS: MbxSandboxOptions = {
	maxClockSkewSeconds: null,
	acceptPathOnlySignature: false,
	bearerTtlSeconds: 3 * 3600,
	authCodeTtlSeconds: 600,
};

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

const LIST_DEFAULT_LIMIT = 25;
const LIST_MAX_LIMIT = 100;

const COUNTRY_FIELDS: ReadonlyArray<keyof MbxCountry> = ['id', 'name', 'iso_code', 'created_at', 'updated_at'];
const ITEM_FIELDS: ReadonlyArray<keyof MbxItem> = [
	'id',
	'name',
	'description',
	'item_category_id',
	'stocked',
	'weight',
	'serialized',
	'created_at',
	'updated_at',
	'purchasing_group_id',
	'manufacturer_sku',
	'archived_at',
	'manufacturer_id',
	'owner_id',
];

interface OAuthClient {
	clientId: string;
	clientSecret: string;
	organization: MbxOrganization;
	redirectUri: string;
}

const OAUTH_CLIENTS: readonly OAuthClient[] = [
	{
		clientId: MBX_DEMO.clientId,
		clientSecret: MBX_DEMO.clientSecret,
		organization: MBX_DEMO,
		redirectUri: MBX_DEMO.redirectUri,
	},
];

interface AuthCode {
	clientId: string;
	/** The redirect_uri given at /oauth/authorize, if any; the token request must repeat it. */
	redirectUri: string | undefined;
	expiresAt: number;
	used: boolean;
}

interface BearerToken {
	clientId: string;
	organization: MbxOrganization;
	expiresAt: number;
}

type AuthResult = { ok: true; organization: MbxOrganization } | { ok: false; response: SandboxResponse };

const errors = (status: number, ...messages: string[]): SandboxResponse => ({ status, body: { errors: messages } });

const oauthError = (status: number, error: string, description: string): SandboxResponse => ({
	status,
	headers: { 'Cache-Control': 'no-store' },
	body: { error, error_description: description },
});

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

function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

const randomToken = () => randomBytes(24).toString('base64url');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

type FilterValue = string | number | boolean | null;
interface ListQuery {
	limit: number;
	offset: number;
	filters: Record<string, FilterValue>;
}

/** Parses the `q` parameter (URI-escaped JSON); returns a reason string when it is invalid. */
function parseQ(raw: string | null, fields: readonly string[]): ListQuery | string {
	const query: ListQuery = { limit: LIST_DEFAULT_LIMIT, offset: 0, filters: {} };
	if (raw === null) return query;
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return 'not valid JSON';
	}
	if (!isPlainObject(parsed)) return 'must be a JSON object';
	for (const [key, value] of Object.entries(parsed)) {
		if (key === 'limit' || key === 'offset') {
			if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
				return `${key} must be a non-negative integer`;
			}
			query[key] = key === 'limit' ? Math.min(value, LIST_MAX_LIMIT) : value;
		} else if (key === 'filters') {
			if (!isPlainObject(value)) return 'filters must be a JSON object';
			for (const [field, expected] of Object.entries(value)) {
				if (!fields.includes(field)) return `unknown filter field '${field}'`;
				if (expected !== null && !['string', 'number', 'boolean'].includes(typeof expected)) {
					return `filter '${field}' must be a string, number, boolean or null`;
				}
				query.filters[field] = expected as FilterValue;
			}
		} else {
			// Strict on purpose: a misspelt key (e.g. "ofset") would otherwise silently return page one.
			return `unknown key '${key}' (expected limit, offset, filters)`;
		}
	}
	return query;
}

export class MbxSandbox extends SandboxServer {
	private readonly initialOptions: MbxSandboxOptions;
	private settings: MbxSandboxOptions;
	private readonly countryRows: MbxCountry[] = seedCountries();
	private readonly itemRows: MbxItem[] = seedItems();
	private authCodes = new Map<string, AuthCode>();
	private bearerTokens = new Map<string, BearerToken>();
	/** refresh token -> owning client; rotation deletes the old entry. */
	private refreshTokens = new Map<string, { clientId: string; organization: MbxOrganization }>();
	private bearersIssued = 0;

	constructor(options: Partial<MbxSandboxOptions> = {}) {
		super('mbx');
		this.initialOptions = { ...DEFAULT_OPTIONS, ...validateOptions(options) };
		this.settings = { ...this.initialOptions };
		this.registerRoutes();
	}

	// ---- helpers for tests, e2e and demos ----

	get options(): Readonly<MbxSandboxOptions> {
		return { ...this.settings };
	}

	/** Changes options at runtime (also `POST /__sandbox/config`); throws on an invalid value. */
	configure(options: Partial<MbxSandboxOptions>): MbxSandboxOptions {
		this.settings = { ...this.settings, ...validateOptions(options) };
		return { ...this.settings };
	}

	/** The seeded countries, in id order. */
	countries(): MbxCountry[] {
		return this.countryRows.map((c) => ({ ...c }));
	}

	/** The seeded items owned by one organization (the demo org by default). */
	items(organizationId: number = MBX_DEMO.organizationId): MbxItem[] {
		return this.itemRows.filter((i) => i.owner_id === organizationId).map((i) => ({ ...i }));
	}

	/** How many bearer tokens /oauth/token has issued since start or the last reset. */
	issuedBearerTokens(): number {
		return this.bearersIssued;
	}

	/** The /oauth/authorize URL for the demo client (the server must be started). */
	authorizeUrl(params: { redirectUri?: string; state?: string; clientId?: string } = {}): string {
		const query = new URLSearchParams({ response_type: 'code', client_id: params.clientId ?? MBX_DEMO.clientId });
		if (params.redirectUri !== undefined) query.set('redirect_uri', params.redirectUri);
		if (params.state !== undefined) query.set('state', params.state);
		return `${this.url}/oauth/authorize?${query.toString()}`;
	}

	// ---- base-class hooks ----

	/** HMAC is stateless, so the only thing to expire is every issued bearer token. */
	protected expireAuth(_ctx: RequestContext): void {
		const now = Date.now();
		for (const token of this.bearerTokens.values()) token.expiresAt = Math.min(token.expiresAt, now);
	}

	protected resetState(): void {
		this.settings = { ...this.initialOptions };
		this.authCodes.clear();
		this.bearerTokens.clear();
		this.refreshTokens.clear();
		this.bearersIssued = 0;
	}

	protected control(action: string, body: unknown): SandboxResponse | undefined {
		if (action !== 'config') return undefined;
		if (body !== undefined && !isPlainObject(body)) return errors(400, 'config body must be a JSON object');
		try {
			return { status: 200, body: this.configure((body ?? {}) as Partial<MbxSandboxOptions>) };
		} catch (error) {
			return errors(400, (error as Error).message);
		}
	}

	// Rails-style routing: an unknown route is a 404 before any authentication happens.
	protected notFound(_ctx: RequestContext): SandboxResponse {
		return errors(404, 'Not found');
	}

	protected faultResponse(fault: Fault): SandboxResponse {
		const status = fault.status ?? 503;
		const headers: Record<string, string> = {};
		if (status === 429) headers['Retry-After'] = String(fault.retryAfterSeconds ?? 1);
		const message =
			status === 429 ? 'Rate limit exceeded' : status === 503 ? 'Service unavailable' : `Injected error ${status}`;
		return { status, headers, body: fault.body ?? { errors: [message] } };
	}

	// ---- routes ----

	private registerRoutes(): void {
		this.route('GET', '/oauth/authorize', (ctx) => this.authorize(ctx));
		this.route('POST', '/oauth/token', (ctx) => this.token(ctx));

		const authenticated = (ctx: RequestContext) =>
			this.withAuth(ctx, (organization) => ({
				status: 200,
				body: `Successfully authenticated as ${organization.organizationName}`,
			}));
		this.route('GET', '/v2/authenticate', authenticated);
		this.route('POST', '/v2/authenticate', authenticated);

		this.route('GET', '/v2/countries/:id?', (ctx) =>
			this.withAuth(ctx, () => this.listOrGet(ctx, 'Country', this.countryRows, COUNTRY_FIELDS)),
		);
		this.route('GET', '/v2/items/:id?', (ctx) =>
			this.withAuth(ctx, (organization) =>
				this.listOrGet(
					ctx,
					'Item',
					// Items are customer-owned: each organization only ever sees its own.
					this.itemRows.filter((i) => i.owner_id === organization.organizationId),
					ITEM_FIELDS,
				),
			),
		);
	}

	private listOrGet<T extends { id: number }>(
		ctx: RequestContext,
		model: string,
		rows: readonly T[],
		fields: readonly string[],
	): SandboxResponse {
		const id = ctx.params.id;
		if (id !== undefined) {
			const found = /^\d+$/.test(id) ? rows.find((r) => r.id === Number(id)) : undefined;
			return found ? { status: 200, body: found } : errors(404, `Couldn't find ${model} with 'id'=${id}`);
		}
		const query = parseQ(ctx.query.get('q'), fields);
		if (typeof query === 'string') return errors(400, `Invalid q parameter: ${query}`);
		const filters = Object.entries(query.filters);
		const matches = rows.filter((row) =>
			filters.every(([field, expected]) => (row as Record<string, unknown>)[field] === expected),
		);
		const page = matches.slice(query.offset, query.offset + query.limit);
		return {
			status: 200,
			body: { count: page.length, total_results: matches.length, offset: query.offset, results: page },
		};
	}

	// ---- authentication ----

	private withAuth(ctx: RequestContext, handler: (organization: MbxOrganization) => SandboxResponse): SandboxResponse {
		const auth = this.authenticate(ctx);
		return auth.ok ? handler(auth.organization) : auth.response;
	}

	/** A valid bearer wins; otherwise MBX-Auth is checked; a lone invalid bearer gets its own reason. */
	private authenticate(ctx: RequestContext): AuthResult {
		const bearer = /^Bearer\s+(\S+)$/i.exec(header(ctx.headers, 'authorization') ?? '')?.[1];
		if (bearer !== undefined) {
			const token = this.bearerTokens.get(bearer);
			if (token && Date.now() < token.expiresAt) return { ok: true, organization: token.organization };
			if (header(ctx.headers, 'mbx-auth') === undefined) {
				return { ok: false, response: errors(401, MBX_AUTH_ERRORS.badBearer) };
			}
		}
		return this.authenticateHmac(ctx);
	}

	private authenticateHmac(ctx: RequestContext): AuthResult {
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
		const skew = this.settings.maxClockSkewSeconds;
		if (skew !== null && Math.abs(Date.now() - sentAt) > skew * 1000) return fail(MBX_AUTH_ERRORS.skew);

		// The signed target is the request target exactly as received; the path-only variant is opt-in.
		const targets = [ctx.target];
		if (this.settings.acceptPathOnlySignature && ctx.target.includes('?')) {
			targets.push(ctx.target.slice(0, ctx.target.indexOf('?')));
		}
		const matches = targets.some((target) =>
			safeEqual(signature, mbxSignature(organization.secretToken, ctx.method, ctx.rawBody, date, target)),
		);
		return matches ? { ok: true, organization } : fail(MBX_AUTH_ERRORS.badSignature);
	}

	// ---- OAuth 2 ----

	private authorize(ctx: RequestContext): SandboxResponse {
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

		const code = randomToken();
		this.authCodes.set(code, {
			clientId: client.clientId,
			redirectUri,
			expiresAt: Date.now() + this.settings.authCodeTtlSeconds * 1000,
			used: false,
		});
		// Append by hand so an existing query in redirect_uri is kept byte for byte.
		const base = redirectUri ?? client.redirectUri;
		const state = ctx.query.get('state');
		let location = `${base}${base.includes('?') ? '&' : '?'}code=${encodeURIComponent(code)}`;
		if (state !== null) location += `&state=${encodeURIComponent(state)}`;
		return {
			status: 302,
			headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' },
			body: `<html><body>You are being <a href="${escapeHtml(location)}">redirected</a>.</body></html>`,
		};
	}

	private token(ctx: RequestContext): SandboxResponse {
		const params = tokenParams(ctx);
		if (!params) {
			return oauthError(400, 'invalid_request', 'Body must be application/x-www-form-urlencoded or a JSON object');
		}

		const credentials = clientCredentials(ctx, params);
		if (credentials === 'malformed') return this.invalidClient('Malformed HTTP Basic credentials');
		if (!credentials) return this.invalidClient('Client authentication is required');
		const client = OAUTH_CLIENTS.find((c) => c.clientId === credentials.clientId);
		if (!client || !safeEqual(credentials.clientSecret, client.clientSecret)) {
			return this.invalidClient('Unknown client or wrong client secret');
		}

		const grantType = params.grant_type;
		if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required');
		if (grantType === 'authorization_code') return this.exchangeCode(client, params);
		if (grantType === 'refresh_token') return this.refresh(client, params);
		return oauthError(400, 'unsupported_grant_type', `grant_type '${grantType}' is not supported`);
	}

	private exchangeCode(client: OAuthClient, params: Record<string, string>): SandboxResponse {
		if (!params.code) return oauthError(400, 'invalid_request', 'code is required');
		const grant = this.authCodes.get(params.code);
		if (!grant || grant.clientId !== client.clientId) {
			return oauthError(400, 'invalid_grant', 'The authorization code is unknown');
		}
		if (grant.used) return oauthError(400, 'invalid_grant', 'The authorization code has already been used');
		if (Date.now() >= grant.expiresAt) return oauthError(400, 'invalid_grant', 'The authorization code has expired');
		if (grant.redirectUri !== undefined && params.redirect_uri !== grant.redirectUri) {
			return oauthError(400, 'invalid_grant', 'redirect_uri does not match the one used to authorize');
		}
		grant.used = true;
		return this.issueTokens(client);
	}

	private refresh(client: OAuthClient, params: Record<string, string>): SandboxResponse {
		if (!params.refresh_token) return oauthError(400, 'invalid_request', 'refresh_token is required');
		const owner = this.refreshTokens.get(params.refresh_token);
		if (!owner || owner.clientId !== client.clientId) {
			return oauthError(400, 'invalid_grant', 'The refresh token is invalid or has already been used');
		}
		// Rotation: a refresh token works exactly once.
		this.refreshTokens.delete(params.refresh_token);
		return this.issueTokens(client);
	}

	private issueTokens(client: OAuthClient): SandboxResponse {
		const now = Date.now();
		const accessToken = randomToken();
		const refreshToken = randomToken();
		const ttl = this.settings.bearerTtlSeconds;
		this.bearerTokens.set(accessToken, {
			clientId: client.clientId,
			organization: client.organization,
			expiresAt: now + ttl * 1000,
		});
		this.refreshTokens.set(refreshToken, { clientId: client.clientId, organization: client.organization });
		this.bearersIssued++;
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

	private invalidClient(description: string): SandboxResponse {
		const response = oauthError(401, 'invalid_client', description);
		response.headers = { ...response.headers, 'WWW-Authenticate': 'Basic realm="MBX"' };
		return response;
	}
}

function validateOptions(options: Partial<MbxSandboxOptions>): Partial<MbxSandboxOptions> {
	const known = Object.keys(DEFAULT_OPTIONS);
	for (const [key, value] of Object.entries(options)) {
		if (!known.includes(key)) throw new Error(`Unknown MBX sandbox option '${key}'`);
		if (value === undefined) continue;
		const nonNegative = typeof value === 'number' && Number.isFinite(value) && value >= 0;
		const valid =
			key === 'acceptPathOnlySignature'
				? typeof value === 'boolean'
				: key === 'maxClockSkewSeconds'
					? value === null || nonNegative
					: nonNegative;
		if (!valid) throw new Error(`Invalid value for MBX sandbox option '${key}': ${JSON.stringify(value)}`);
	}
	// Drop undefined values so they never overwrite a default.
	return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && !value.includes('#');
	} catch {
		return false;
	}
}

function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The token request's parameters from a form-urlencoded or JSON body (string values only). */
function tokenParams(ctx: RequestContext): Record<string, string> | undefined {
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
	params: Record<string, string>,
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
