/**
 * A strict local stand-in for the Apicbase API, supplier side: OAuth2 (client credentials for the
 * supplier, authorization code + refresh for a customer app), the Generic Suppliers endpoints with
 * DRF pagination, filters and error shapes, a per-token rate limit, and the webhook Apicbase uses
 * to push orders (signed with hex HMAC-SHA256 over the exact bytes sent).
 *
 * Sources: /work/shared/vendor-docs/apicbase-*.txt and /work/shared/reference/apicbase-mbx.md §1.
 * The backend is Django + DRF + django-oauth-toolkit, so where Apicbase documents nothing the
 * sandbox answers the way those libraries do by default.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { pythonJsonDumps } from '../../../nodes/shared/pythonJson';
import {
	SandboxServer,
	header,
	type Fault,
	type RequestContext,
	type RouteHandler,
	type SandboxResponse,
} from '../common/server';
import {
	ARTICLES,
	CUSTOMERS,
	SEED_ORDER_COUNT,
	apiCustomer,
	apiCustomerPackage,
	apiOrder,
	buildOrder,
	buildOrders,
	webhookOrder,
	type ApiOrder,
	type SeedOrder,
} from './seed';

/** The consent page (held in a constant: the community lint reads 'auth…' keys with '/' values as secrets). */
const CONSENT_PAGE = '/oauth/authorize/';

export const APICBASE_DEMO = {
	supplierClientId: 'demo-supplier-client',
	supplierClientSecret: 'demo-supplier-secret',
	customerClientId: 'demo-customer-client',
	customerClientSecret: 'demo-customer-secret',
	/** The user the authorize endpoint pretends is logged in and approves every request. */
	customerUsername: 'demo.chef',
	supplierScope: 'supplier',
	customerScopes: ['accounts', 'library', 'inventory', 'procurement', 'sales', 'media'],
	tokenPath: '/oauth/token/',
	authorizePath: CONSENT_PAGE,
	apiPrefix: '/api/v2/',
	purchaseOrdersPath: '/api/v2/integrations/suppliers/purchase_orders/',
	customersPath: '/api/v2/integrations/suppliers/customers/',
	webhookSignatureHeader: 'X-APIC-WEBHOOK-SIGNATURE',
	seededOrderCount: SEED_ORDER_COUNT,
} as const;

export interface ApicbaseSandboxOptions {
	supplierTokenTtlSeconds?: number;
	customerTokenTtlSeconds?: number;
	rateLimitPerMinute?: number;
	/** Key for webhook signatures; null = the supplier client secret (Apicbase's default). */
	webhookSecret?: string | null;
}

type Config = Required<ApicbaseSandboxOptions>;

const DEFAULTS: Config = {
	supplierTokenTtlSeconds: 604800,
	customerTokenTtlSeconds: 604800,
	rateLimitPerMinute: 100,
	webhookSecret: null,
};

export type WebhookTamper = 'none' | 'body' | 'signature' | 'missingSignature' | 'wrongSecret';

export interface WebhookOptions {
	url: string;
	orderId?: string;
	order?: object;
	encoding?: 'python' | 'compact';
	tamper?: WebhookTamper;
}

export interface WebhookResult {
	status: number;
	body: string;
	sentBody: string;
	signature: string | undefined;
}

export interface WebhookDelivery extends WebhookResult {
	at: string;
	url: string;
	/** The order's id when the payload is one of the sandbox's orders, else null. */
	orderId: string | null;
	encoding: 'python' | 'compact';
	tamper: WebhookTamper;
	/** Set when the receiver could not be reached (status is then 0). */
	error?: string;
}

interface Client {
	id: string;
	secret: string;
	kind: 'supplier' | 'customer';
}

interface AccessToken {
	value: string;
	clientId: string;
	scopes: string[];
	expiresAtMs: number;
	revoked: boolean;
}

interface RefreshToken {
	value: string;
	clientId: string;
	scopes: string[];
	accessToken: string;
	revoked: boolean;
}

interface AuthorizationCode {
	code: string;
	clientId: string;
	redirectUri: string | null;
	scopes: string[];
	expiresAtMs: number;
	used: boolean;
}

const CLIENTS: Client[] = [
	{ id: APICBASE_DEMO.supplierClientId, secret: APICBASE_DEMO.supplierClientSecret, kind: 'supplier' },
	{ id: APICBASE_DEMO.customerClientId, secret: APICBASE_DEMO.customerClientSecret, kind: 'customer' },
];

const CODE_LIFETIME_MS = 60_000;
const WINDOW_MS = 60_000;
const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 10;
const ORDERINGS = ['ordered_on', '-ordered_on', 'order_number', '-order_number'];
const WEBHOOK_TIMEOUT_MS = 10_000;

const DETAIL = {
	notProvided: 'Authentication credentials were not provided.',
	invalidToken: 'Invalid token.',
	forbidden: 'You do not have permission to perform this action.',
	notFound: 'Not found.',
	invalidPage: 'Invalid page.',
};

/** DRF's Throttled message, singular for one second as ngettext renders it. */
function throttledDetail(wait: number): string {
	return `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse => ({
	status,
	body,
	headers,
});

/** oauthlib's generate_token: 30 characters from [A-Za-z0-9]. */
function generateToken(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return [...randomBytes(30)].map((b) => alphabet[b % alphabet.length]).join('');
}

function hmacHex(key: string, message: string): string {
	return createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(message, 'utf8')).digest('hex');
}

/** Python's urllib.parse.quote_plus, which DRF uses (via urlencode) to rebuild next/previous. */
function quotePlus(value: string): string {
	return encodeURIComponent(value)
		.replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
		.replace(/%20/g, '+');
}

/** Django's QueryDict.get returns the last value of a repeated parameter. */
function lastParam(query: URLSearchParams, name: string): string | undefined {
	return query.getAll(name).at(-1);
}

/** Python int() on a string: surrounding whitespace, a sign and digit-group underscores allowed. */
function pythonInt(raw: string): number | null {
	return /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(raw) ? Number(raw.trim().replace(/_/g, '')) : null;
}

const DATETIME_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Django's forms.DateTimeField on an ISO value: date only (midnight) or date and time with optional
 * seconds, fraction and offset; naive values are UTC. Returns microseconds since the epoch, or null.
 * A '+01:00' offset sent unencoded in a URL arrives as ' 01:00' and is rejected, as on the server.
 */
export function parseDateTime(raw: string): number | null {
	const m = DATETIME_RE.exec(raw.trim());
	if (!m) return null;
	const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
	if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(ms);
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
	let us = ms * 1000 + Number((m[7] ?? '').padEnd(6, '0'));
	const tz = m[8];
	if (tz && tz.toUpperCase() !== 'Z') {
		const digits = tz.slice(1).replace(':', '');
		const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
		us -= (tz[0] === '-' ? -1 : 1) * offsetMin * 60_000_000;
	}
	return us;
}

/** Tamper 'body': change one character after signing and keep the JSON valid (a digit becomes
 * another digit; without digits a letter changes case). */
function tamperBody(body: string): string {
	let i = body.search(/\d(?=[^\d]*$)/);
	if (i >= 0) return body.slice(0, i) + String((Number(body[i]) + 1) % 10) + body.slice(i + 1);
	i = body.search(/[A-Za-z](?=[^A-Za-z]*$)/);
	if (i < 0) return body + ' ';
	const ch = body[i];
	return body.slice(0, i) + (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) + body.slice(i + 1);
}

/** The Python type name DRF puts in "got type ..." messages for a parsed JSON value. */
function pythonTypeName(value: unknown): string {
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'object') return 'dict';
	if (typeof value === 'string') return 'str';
	if (typeof value === 'boolean') return 'bool';
	return Number.isInteger(value) ? 'int' : 'float';
}

function flipHexDigit(hex: string): string {
	const flipped = (parseInt(hex[0], 16) ^ 1).toString(16);
	return flipped + hex.slice(1);
}

class ControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export class ApicbaseSandbox extends SandboxServer {
	private readonly initialConfig: Config;
	private config: Config;
	private orders: SeedOrder[] = [];
	private nextSeq = SEED_ORDER_COUNT + 1;
	private accessTokens = new Map<string, AccessToken>();
	private refreshTokens = new Map<string, RefreshToken>();
	private codes = new Map<string, AuthorizationCode>();
	private buckets = new Map<string, { windowStartMs: number; count: number }>();
	private deliveries: WebhookDelivery[] = [];
	/** Added to Date.now(): lets tests expire codes, tokens and rate windows without waiting. */
	private clockOffsetMs = 0;

	constructor(options: ApicbaseSandboxOptions = {}) {
		super('apicbase');
		this.initialConfig = { ...DEFAULTS, ...options };
		this.config = { ...this.initialConfig };
		this.resetState();

		this.route('POST', '/oauth/token/', (ctx) => this.token(ctx));
		this.route('ANY', '/oauth/token/', (ctx) => this.methodNotAllowedPlain(ctx, 'POST'));
		this.route('GET', '/oauth/authorize/', (ctx) => this.authorize(ctx));

		const supplier = (handler: RouteHandler) => this.api('supplier', handler);
		const allow = (methods: string) => supplier((ctx) => this.methodNotAllowed(ctx, methods));
		const orders = APICBASE_DEMO.purchaseOrdersPath;
		this.route('GET', orders, supplier((ctx) => this.listPurchaseOrders(ctx)));
		this.route('PATCH', orders, supplier((ctx) => this.patchPurchaseOrders(ctx)));
		this.route('ANY', orders, allow('GET, PATCH'));
		const customers = APICBASE_DEMO.customersPath;
		this.route('GET', customers, supplier((ctx) => this.listCustomers(ctx)));
		this.route('ANY', customers, allow('GET'));
		this.route('GET', `${customers}:customer_number/packages`, supplier((ctx) => this.listPackages(ctx)));
		this.route('ANY', `${customers}:customer_number/packages`, allow('GET'));
	}

	// -------------------------------------------------------------------------------------------
	// Public helpers

	/** Change options at runtime (also POST /__sandbox/config). */
	configure(partial: ApicbaseSandboxOptions): Config {
		for (const key of Object.keys(DEFAULTS) as Array<keyof Config>) {
			if (partial[key] !== undefined) (this.config as Record<string, unknown>)[key] = partial[key];
		}
		return { ...this.config };
	}

	currentConfig(): Config {
		return { ...this.config };
	}

	/** All orders as the supplier API renders them (the seed plus orders accepted via webhook). */
	purchaseOrders(): ApiOrder[] {
		return this.orders.map(apiOrder);
	}

	customers(): Array<{ customer_number: string; supplier_outlet_id: string | null }> {
		return CUSTOMERS.map(apiCustomer);
	}

	webhookDeliveries(): WebhookDelivery[] {
		return this.deliveries.map((d) => ({ ...d }));
	}

	resetRateLimits(): void {
		this.buckets.clear();
	}

	/** Move the sandbox clock forward (codes, tokens, rate-limit windows and *_at stamps use it). */
	advanceClock(seconds: number): void {
		this.clockOffsetMs += seconds * 1000;
	}

	now(): number {
		return Date.now() + this.clockOffsetMs;
	}

	/** The secret webhooks are signed with: the dedicated webhook secret, else the client secret. */
	webhookSecret(): string {
		return this.config.webhookSecret ?? APICBASE_DEMO.supplierClientSecret;
	}

	/**
	 * Push an order the way Apicbase does: serialise once, sign those bytes, POST those bytes.
	 * Without `order`/`orderId` a new ORDERED order is built; it joins the API list only when the
	 * receiver answers 2xx (otherwise the customer sees an error and the order is not sent).
	 */
	async sendWebhook(opts: WebhookOptions): Promise<WebhookResult> {
		const encoding = opts.encoding ?? 'python';
		const tamper = opts.tamper ?? 'none';
		if (!opts.url) throw new ControlError(400, 'url is required');
		if (!['python', 'compact'].includes(encoding)) throw new ControlError(400, `unknown encoding ${encoding}`);
		if (!['none', 'body', 'signature', 'missingSignature', 'wrongSecret'].includes(tamper)) {
			throw new ControlError(400, `unknown tamper mode ${tamper}`);
		}

		let payload: unknown;
		let orderIdValue: string | null = null;
		let newOrder: SeedOrder | undefined;
		if (opts.order !== undefined) {
			payload = opts.order;
		} else if (opts.orderId !== undefined) {
			const found = this.orders.find((o) => o.id === opts.orderId);
			if (!found) throw new ControlError(404, `unknown order id ${opts.orderId}`);
			payload = webhookOrder(found);
			orderIdValue = found.id;
		} else {
			newOrder = buildOrder(this.nextSeq, this.now() * 1000);
			payload = webhookOrder(newOrder);
			orderIdValue = newOrder.id;
		}

		const signedBody = encoding === 'compact' ? JSON.stringify(payload) : pythonJsonDumps(payload);
		const secret = this.webhookSecret();
		const digest = hmacHex(tamper === 'wrongSecret' ? `${secret}-but-wrong` : secret, signedBody);
		const sentBody = tamper === 'body' ? tamperBody(signedBody) : signedBody;
		const signature =
			tamper === 'missingSignature' ? undefined : tamper === 'signature' ? flipHexDigit(digest) : digest;

		const headers: Record<string, string> = { 'Content-Type': 'application/json' };
		if (signature !== undefined) headers[APICBASE_DEMO.webhookSignatureHeader] = signature;

		const delivery: WebhookDelivery = {
			at: new Date(this.now()).toISOString(),
			url: opts.url,
			orderId: orderIdValue,
			encoding,
			tamper,
			status: 0,
			body: '',
			sentBody,
			signature,
		};
		try {
			const response = await fetch(opts.url, {
				method: 'POST',
				headers,
				body: Buffer.from(sentBody, 'utf8'),
				redirect: 'manual',
				signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
			});
			delivery.status = response.status;
			delivery.body = await response.text();
		} catch (error) {
			delivery.error = (error as Error).message;
		}
		this.deliveries.push(delivery);

		if (newOrder && delivery.status >= 200 && delivery.status < 300) {
			this.orders.push(newOrder);
			this.nextSeq++;
		}
		return { status: delivery.status, body: delivery.body, sentBody, signature };
	}

	// -------------------------------------------------------------------------------------------
	// Base-class hooks

	protected expireAuth(_ctx: RequestContext): void {
		const now = this.now();
		for (const token of this.accessTokens.values()) token.expiresAtMs = Math.min(token.expiresAtMs, now);
	}

	protected resetState(): void {
		this.config = { ...this.initialConfig };
		this.orders = buildOrders();
		this.nextSeq = SEED_ORDER_COUNT + 1;
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.codes.clear();
		this.buckets.clear();
		this.deliveries = [];
		this.clockOffsetMs = 0;
	}

	protected notFound(ctx: RequestContext): SandboxResponse {
		const response = json(404, { detail: DETAIL.notFound });
		if (!ctx.path.startsWith(APICBASE_DEMO.apiPrefix)) return response;
		// Unknown API paths still count against the caller's rate limit and carry its headers.
		const limit = this.throttle(this.bucketKey(ctx, this.bearer(ctx).token));
		return limit.throttled ?? { ...response, headers: limit.headers };
	}

	protected faultResponse(fault: Fault): SandboxResponse {
		const status = fault.status ?? 503;
		const messages: Record<number, string> = {
			400: 'Malformed request.',
			401: DETAIL.invalidToken,
			403: DETAIL.forbidden,
			404: DETAIL.notFound,
			500: 'A server error occurred.',
			503: 'Service temporarily unavailable, try again later.',
		};
		const headers: Record<string, string> = {};
		let detail = messages[status] ?? `Injected ${status}.`;
		if (status === 429) {
			const wait = fault.retryAfterSeconds ?? 1;
			headers['Retry-After'] = String(wait);
			detail = throttledDetail(wait);
		}
		return json(status, fault.body ?? { detail }, headers);
	}

	protected control(action: string, body: unknown): Promise<SandboxResponse> | SandboxResponse | undefined {
		const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
		switch (action) {
			case 'config':
				return json(200, this.configure(input as ApicbaseSandboxOptions));
			case 'webhook':
				return this.sendWebhook(input as unknown as WebhookOptions).then(
					(result) => json(200, result),
					(error: Error) => {
						if (error instanceof ControlError) return json(error.status, { error: error.message });
						throw error;
					},
				);
			case 'webhooks':
				return json(200, this.webhookDeliveries());
			case 'rate-limits/reset':
				this.resetRateLimits();
				return { status: 204 };
			case 'clock':
				this.advanceClock(Number(input.advanceSeconds ?? 0));
				return json(200, { now: new Date(this.now()).toISOString() });
			default:
				return undefined;
		}
	}

	// -------------------------------------------------------------------------------------------
	// OAuth2 (django-oauth-toolkit / oauthlib behaviour)

	/** Token parameters come from the body only: form-encoded (DOT's default) or JSON. */
	private bodyParams(ctx: RequestContext): Map<string, string> {
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
	private basicCredentials(ctx: RequestContext): { id: string; secret: string } | undefined {
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

	private oauthError(status: number, error: string, description?: string): SandboxResponse {
		const body: Record<string, string> = { error };
		if (description) body.error_description = description;
		return json(status, body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
	}

	private token(ctx: RequestContext): SandboxResponse {
		// Django routes '/oauth/token/' only; the base router also matches the slash-less path.
		if (!ctx.path.endsWith('/')) return this.notFound(ctx);
		const params = this.bodyParams(ctx);
		const grant = params.get('grant_type') ?? '';
		if (!['client_credentials', 'authorization_code', 'refresh_token'].includes(grant)) {
			return this.oauthError(400, 'unsupported_grant_type');
		}

		const basic = this.basicCredentials(ctx);
		const clientId = basic ? basic.id : params.get('client_id');
		const secret = basic ? basic.secret : params.get('client_secret');
		const client = CLIENTS.find((c) => c.id === clientId);
		if (!client || client.secret !== secret) return this.oauthError(401, 'invalid_client');

		if (grant === 'client_credentials') {
			if (client.kind !== 'supplier') return this.oauthError(400, 'unauthorized_client');
			const scopes = this.scopeList(params.get('scope'));
			if (scopes.length !== 1 || scopes[0] !== APICBASE_DEMO.supplierScope) {
				return this.oauthError(400, 'invalid_scope');
			}
			const access = this.issueAccessToken(client, scopes, this.config.supplierTokenTtlSeconds);
			return this.tokenResponse(access, this.config.supplierTokenTtlSeconds);
		}

		// The customer app uses the authorization-code flow and refreshes its tokens.
		if (client.kind !== 'customer') return this.oauthError(400, 'unauthorized_client');
		const ttl = this.config.customerTokenTtlSeconds;

		if (grant === 'authorization_code') {
			const codeValue = params.get('code');
			if (!codeValue) return this.oauthError(400, 'invalid_request', 'Missing code parameter.');
			const code = this.codes.get(codeValue);
			if (!code || code.used || code.clientId !== client.id || code.expiresAtMs <= this.now()) {
				return this.oauthError(400, 'invalid_grant');
			}
			const redirectUri = params.get('redirect_uri') ?? null;
			if (code.redirectUri !== redirectUri) {
				return this.oauthError(400, 'invalid_request', 'Mismatching redirect URI.');
			}
			code.used = true;
			const access = this.issueAccessToken(client, code.scopes, ttl);
			return this.tokenResponse(access, ttl, this.issueRefreshToken(access));
		}

		const refreshValue = params.get('refresh_token');
		if (!refreshValue) return this.oauthError(400, 'invalid_request', 'Missing refresh token parameter.');
		const refresh = this.refreshTokens.get(refreshValue);
		if (!refresh || refresh.revoked || refresh.clientId !== client.id) return this.oauthError(400, 'invalid_grant');
		let scopes = refresh.scopes;
		if (params.has('scope')) {
			scopes = this.scopeList(params.get('scope'));
			if (!scopes.length || scopes.some((s) => !refresh.scopes.includes(s))) return this.oauthError(400, 'invalid_scope');
		}
		// DOT rotates refresh tokens and revokes the access token they belonged to.
		refresh.revoked = true;
		const old = this.accessTokens.get(refresh.accessToken);
		if (old) old.revoked = true;
		const access = this.issueAccessToken(client, scopes, ttl);
		return this.tokenResponse(access, ttl, this.issueRefreshToken(access));
	}

	private scopeList(raw: string | undefined): string[] {
		return [...new Set((raw ?? '').split(/\s+/).filter(Boolean))];
	}

	private issueAccessToken(client: Client, scopes: string[], ttlSeconds: number): AccessToken {
		const token: AccessToken = {
			value: generateToken(),
			clientId: client.id,
			scopes,
			expiresAtMs: this.now() + ttlSeconds * 1000,
			revoked: false,
		};
		this.accessTokens.set(token.value, token);
		return token;
	}

	private issueRefreshToken(access: AccessToken): RefreshToken {
		const refresh: RefreshToken = {
			value: generateToken(),
			clientId: access.clientId,
			scopes: access.scopes,
			accessToken: access.value,
			revoked: false,
		};
		this.refreshTokens.set(refresh.value, refresh);
		return refresh;
	}

	private tokenResponse(access: AccessToken, ttlSeconds: number, refresh?: RefreshToken): SandboxResponse {
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
	 * The authorize page. A real user logs in and approves; the sandbox approves at once as
	 * APICBASE_DEMO.customerUsername. Without redirect_uri Apicbase shows the code on a page.
	 */
	private authorize(ctx: RequestContext): SandboxResponse {
		if (!ctx.path.endsWith('/')) return this.notFound(ctx);
		const q = ctx.query;
		const client = CLIENTS.find((c) => c.id === q.get('client_id') && c.kind === 'customer');
		if (!client) return this.oauthError(400, 'invalid_request', 'Invalid client_id parameter value.');
		const redirectUri = q.get('redirect_uri') || null;
		let target: URL | undefined;
		if (redirectUri !== null) {
			try {
				target = new URL(redirectUri);
			} catch {
				target = undefined;
			}
			if (!target || !['http:', 'https:'].includes(target.protocol)) {
				return this.oauthError(400, 'invalid_request', 'Invalid redirect URI.');
			}
		}
		const state = q.get('state');
		const fail = (error: string): SandboxResponse => {
			if (!target) return this.oauthError(400, error);
			target.searchParams.set('error', error);
			if (state !== null) target.searchParams.set('state', state);
			return { status: 302, headers: { Location: target.toString() } };
		};
		if (q.get('response_type') !== 'code') return fail('unsupported_response_type');
		const scopes = this.scopeList(q.get('scope') ?? undefined);
		if (!scopes.length || scopes.some((s) => !(APICBASE_DEMO.customerScopes as readonly string[]).includes(s))) {
			return fail('invalid_scope');
		}

		const code: AuthorizationCode = {
			code: generateToken(),
			clientId: client.id,
			redirectUri,
			scopes,
			expiresAtMs: this.now() + CODE_LIFETIME_MS,
			used: false,
		};
		this.codes.set(code.code, code);
		if (!target) {
			return {
				status: 200,
				headers: { 'Content-Type': 'text/html; charset=utf-8' },
				body: `<html><body><p>Your authorization code:</p><code id="code">${code.code}</code></body></html>`,
			};
		}
		target.searchParams.set('code', code.code);
		if (state !== null) target.searchParams.set('state', state);
		return { status: 302, headers: { Location: target.toString() } };
	}

	// -------------------------------------------------------------------------------------------
	// API authentication, permissions and throttling

	private bearer(ctx: RequestContext): { token?: AccessToken; error?: SandboxResponse } {
		const challenge = { 'WWW-Authenticate': 'Bearer realm="api"' };
		const match = /^Bearer\s+(\S+)\s*$/i.exec(header(ctx.headers, 'authorization') ?? '');
		if (!match) return { error: json(401, { detail: DETAIL.notProvided }, challenge) };
		const token = this.accessTokens.get(match[1]);
		if (!token || token.revoked || token.expiresAtMs <= this.now()) {
			return { error: json(401, { detail: DETAIL.invalidToken }, challenge) };
		}
		return { token };
	}

	/** The limit is per access token; requests without a valid token share one bucket per address. */
	private bucketKey(ctx: RequestContext, token: AccessToken | undefined): string {
		return token ? `token:${token.value}` : `anon:${ctx.req.socket.remoteAddress ?? ''}`;
	}

	/** Fixed 60-second window from the bucket's first request; throttled requests are not counted. */
	private throttle(key: string): { headers: Record<string, string>; throttled?: SandboxResponse } {
		const now = this.now();
		const limit = this.config.rateLimitPerMinute;
		let bucket = this.buckets.get(key);
		if (!bucket || now >= bucket.windowStartMs + WINDOW_MS) {
			bucket = { windowStartMs: now, count: 0 };
			this.buckets.set(key, bucket);
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
	private api(scope: string, handler: RouteHandler): RouteHandler {
		return async (ctx) => {
			const auth = this.bearer(ctx);
			const limit = this.throttle(this.bucketKey(ctx, auth.token));
			if (limit.throttled) return limit.throttled;
			let response: SandboxResponse;
			if (auth.error) response = auth.error;
			else if (!auth.token!.scopes.includes(scope)) response = json(403, { detail: DETAIL.forbidden });
			else response = await handler(ctx);
			return { ...response, headers: { ...(response.headers ?? {}), ...limit.headers } };
		};
	}

	private methodNotAllowed(ctx: RequestContext, allow: string): SandboxResponse {
		return json(405, { detail: `Method "${ctx.method}" not allowed.` }, { Allow: allow });
	}

	/** Django's plain View answers an unsupported method with an empty 405. */
	private methodNotAllowedPlain(ctx: RequestContext, allow: string): SandboxResponse {
		if (!ctx.path.endsWith('/')) return this.notFound(ctx);
		return { status: 405, headers: { Allow: allow } };
	}

	// -------------------------------------------------------------------------------------------
	// DRF PageNumberPagination

	/** next/previous as DRF builds them: absolute URL, query re-encoded sorted by key, `page`
	 * replaced (and removed for page 1). */
	private pageLink(ctx: RequestContext, page: number): string {
		const parsed = new URL(ctx.target, 'http://sandbox.local');
		const groups = new Map<string, string[]>();
		for (const [k, val] of parsed.searchParams) groups.set(k, [...(groups.get(k) ?? []), val]);
		if (page === 1) groups.delete('page');
		else groups.set('page', [String(page)]);
		const query = [...groups.keys()]
			.sort()
			.flatMap((k) => groups.get(k)!.map((val) => `${quotePlus(k)}=${quotePlus(val)}`))
			.join('&');
		return `${ctx.baseUrl}${parsed.pathname}${query ? `?${query}` : ''}`;
	}

	private paginate<T>(ctx: RequestContext, items: T[], render: (item: T) => unknown): SandboxResponse {
		// page_size: invalid, zero or negative falls back to the default; larger than 200 is clamped.
		const rawSize = lastParam(ctx.query, 'page_size');
		const parsedSize = rawSize === undefined ? null : pythonInt(rawSize);
		const pageSize = parsedSize !== null && parsedSize > 0 ? Math.min(parsedSize, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
		const pageCount = Math.max(1, Math.ceil(items.length / pageSize));

		const rawPage = lastParam(ctx.query, 'page') || '1';
		const page = rawPage === 'last' ? pageCount : pythonInt(rawPage);
		if (page === null || page < 1 || page > pageCount) return json(404, { detail: DETAIL.invalidPage });

		const start = (page - 1) * pageSize;
		return json(200, {
			count: items.length,
			next: page < pageCount ? this.pageLink(ctx, page + 1) : null,
			previous: page > 1 ? this.pageLink(ctx, page - 1) : null,
			results: items.slice(start, start + pageSize).map(render),
		});
	}

	// -------------------------------------------------------------------------------------------
	// Supplier endpoints

	private listPurchaseOrders(ctx: RequestContext): SandboxResponse {
		const q = (name: string) => lastParam(ctx.query, name);
		const errors: Record<string, string[]> = {};
		let rows = this.orders;

		// django-filter: empty values mean "no filter"; all field errors are reported at once.
		const status = q('status');
		if (status) {
			if (status !== 'ORDERED' && status !== 'DELIVERED') {
				errors.status = [`Select a valid choice. ${status} is not one of the available choices.`];
			} else rows = rows.filter((o) => o.status === status);
		}
		const comparisons: Array<[string, (a: number, b: number) => boolean]> = [
			['ordered_on__gt', (a, b) => a > b],
			['ordered_on__gte', (a, b) => a >= b],
			['ordered_on__lt', (a, b) => a < b],
		];
		for (const [name, compare] of comparisons) {
			const raw = q(name);
			if (!raw) continue;
			const bound = parseDateTime(raw);
			if (bound === null) errors[name] = ['Enter a valid date/time.'];
			else rows = rows.filter((o) => compare(o.orderedOnUs, bound));
		}
		// django-filter's BooleanWidget: true/false/1/0 (any case); anything else is ignored.
		const flags: Array<[string, (o: SeedOrder) => boolean]> = [
			['fetched_by_supplier', (o) => o.fetchedAtUs !== null],
			['viewed_by_supplier', (o) => o.viewedAtUs !== null],
		];
		for (const [name, isSet] of flags) {
			const wanted = ({ true: true, '1': true, false: false, '0': false } as Record<string, boolean>)[
				(q(name) ?? '').toLowerCase()
			];
			if (wanted !== undefined) rows = rows.filter((o) => isSet(o) === wanted);
		}
		const orderNumber = q('order_number');
		if (orderNumber) rows = rows.filter((o) => o.orderNumber === orderNumber);
		if (Object.keys(errors).length) return json(400, errors);

		// DRF OrderingFilter drops unknown fields silently; the id tie-break keeps pages stable.
		const requested = (q('ordering') ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter((s) => ORDERINGS.includes(s));
		const ordering = requested.length ? requested : ['-ordered_on'];
		const sorted = [...rows].sort((a, b) => {
			for (const term of ordering) {
				const desc = term.startsWith('-');
				const field = desc ? term.slice(1) : term;
				const [x, y] = field === 'ordered_on' ? [a.orderedOnUs, b.orderedOnUs] : [a.orderNumber, b.orderNumber];
				if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
			}
			return a.seq - b.seq;
		});
		return this.paginate(ctx, sorted, apiOrder);
	}

	/** Body: a JSON list of {id, fetched_by_supplier?: true, viewed_by_supplier?: true}. Validated as
	 * a DRF ListSerializer: errors come back as a list with one object per item, nothing is saved
	 * unless every item is valid. */
	private patchPurchaseOrders(ctx: RequestContext): SandboxResponse {
		const type = (header(ctx.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
		if (type !== 'application/json') {
			return json(415, { detail: `Unsupported media type "${header(ctx.headers, 'content-type') ?? ''}" in request.` });
		}
		if (ctx.json === undefined) {
			return json(400, { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' });
		}
		if (!Array.isArray(ctx.json)) {
			const got = ctx.json === null ? 'NoneType' : pythonTypeName(ctx.json);
			return json(400, { non_field_errors: [`Expected a list of items but got type "${got}".`] });
		}

		const now = this.now() * 1000;
		const errors: Array<Record<string, string[]>> = [];
		const updates: Array<{ order: SeedOrder; fetched: boolean; viewed: boolean }> = [];
		for (const item of ctx.json as unknown[]) {
			const itemErrors: Record<string, string[]> = {};
			if (!item || typeof item !== 'object' || Array.isArray(item)) {
				const got = item === null ? 'NoneType' : Array.isArray(item) ? 'list' : pythonTypeName(item);
				errors.push({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] });
				continue;
			}
			const data = item as Record<string, unknown>;
			let order: SeedOrder | undefined;
			if (data.id === undefined || data.id === null || data.id === '') {
				itemErrors.id = ['This field is required.'];
			} else {
				order = this.orders.find((o) => o.id === data.id);
				if (!order) itemErrors.id = [`Invalid pk "${String(data.id)}" - object does not exist.`];
			}
			const flag = (name: string): boolean => {
				const value = data[name];
				if (value === undefined) return false;
				if (value === true || value === 'true' || value === 'True' || value === 1) return true;
				if (value === false || value === 'false' || value === 'False' || value === 0) {
					itemErrors[name] = ['This flag cannot be unset.'];
				} else itemErrors[name] = ['Must be a valid boolean.'];
				return false;
			};
			const fetched = flag('fetched_by_supplier');
			const viewed = flag('viewed_by_supplier');
			errors.push(itemErrors);
			if (order) updates.push({ order, fetched, viewed });
		}
		if (errors.some((e) => Object.keys(e).length)) return json(400, errors);

		// Marking again keeps the first timestamp: the flags record when it first happened.
		for (const { order, fetched, viewed } of updates) {
			if (fetched && order.fetchedAtUs === null) order.fetchedAtUs = now;
			if (viewed && order.viewedAtUs === null) order.viewedAtUs = now;
		}
		return json(
			200,
			updates.map((u) => apiOrder(u.order)),
		);
	}

	private listCustomers(ctx: RequestContext): SandboxResponse {
		const sorted = [...CUSTOMERS].sort((a, b) => (a.customerNumber < b.customerNumber ? -1 : 1));
		return this.paginate(ctx, sorted, apiCustomer);
	}

	private listPackages(ctx: RequestContext): SandboxResponse {
		const customer = CUSTOMERS.find((c) => c.customerNumber === ctx.params.customer_number);
		if (!customer) return json(404, { detail: DETAIL.notFound });
		const articles = customer.assortment.map((i) => ARTICLES[i]);
		return this.paginate(ctx, articles, (article) => apiCustomerPackage(customer, article));
	}
}
