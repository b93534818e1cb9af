/**
 * A strict local stand-in for the Apicbase API, supplier side: OAuth2 (client credentials for the
 * supplier, authorization code + refresh for a customer app), the Generic Suppliers endpoints with
 * DRF pagination, filters and error shapes, a per-token rate limit, and the webhook Apicbase uses
 * to push orders (signed with hex HMAC-SHA256 over the exact bytes sent).
 *
 * Sources: Apicbase's supplier-ordering and automate-orders support articles, and the project's
 * notes on Apicbase (hosts, OAuth2 flows, supplier endpoints, webhook signatures).
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
	type SandboxSecret,
} from '../common/server';
import {
	ARTICLES,
	CUSTOMERS,
	SEED_ORDER_COUNT,
	formatCents,
	formatDateTime,
	apiCustomer,
	apiCustomerPackage,
	apiOrder,
	buildOrder,
	buildOrders,
	webhookOrder,
	type ApiOrder,
	type SeedOrder,
} from './seed';
import { multipartBoundary, parseAssortment, parseMultipart } from './assortment';
import {
	OUTLETS,
	STOCK_ITEMS,
	SUPPLIERS,
	USERS,
	apiCustomerOrder,
	apiStock,
	apiStockItem,
	formatMilli,
	buildCustomerOrders,
	buildStockLevels,
	type CustomerOrderStatus,
	type SeedCustomerOrder,
	type SeedPoPackage,
	type SeedStockLevel,
} from './customerSeed';

/**
 * Paths of the assortment-file and customer-side endpoints. Several are not in public material
 * (marked U in apicbase-mbx.md §1.4/1.5), so they live here together, easy to change.
 * `:name` segments are parameters; fill them with apicbasePath().
 */
export const APICBASE_PATHS = {
	assortmentFiles: '/api/v2/integrations/suppliers/files/',
	assortmentFile: '/api/v2/integrations/suppliers/files/:id/',
	purchaseOrders: '/api/v2/procurement/purchase_orders/',
	purchaseOrder: '/api/v2/procurement/purchase_orders/:id/',
	closeDeliveries: '/api/v2/procurement/purchase_orders/:id/close_deliveries/',
	deliveries: '/api/v2/procurement/deliveries/',
	delivery: '/api/v2/procurement/deliveries/:id/',
	submitDelivery: '/api/v2/procurement/deliveries/:id/submit/',
	outlets: '/api/v2/accounts/outlets/',
	outlet: '/api/v2/accounts/outlets/:id/',
	users: '/api/v2/accounts/users',
	stockItems: '/api/v2/inventory/outlets/:outlet_id/stock_items/',
	stockItemStock: '/api/v2/inventory/outlets/:outlet_id/stock_items/:stock_item_id/stock/',
} as const;

/** Fills the `:name` segments of an APICBASE_PATHS template (values URL-encoded). */
export function apicbasePath(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/:([a-z_]+)/g, (_m, key: string) => {
		if (params[key] === undefined) throw new Error(`missing path parameter ${key}`);
		return encodeURIComponent(String(params[key]));
	});
}

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
	/** Customer side (customerSeed.ts): an outlet and one purchase order per status. */
	outletId: 101,
	orderedPurchaseOrderId: 7001,
	deliveredPurchaseOrderId: 7002,
	inProgressPurchaseOrderId: 7003,
	closedPurchaseOrderId: 7004,
	stockItemId: 5001,
} as const;

export interface ApicbaseSandboxOptions {
	supplierTokenTtlSeconds?: number;
	customerTokenTtlSeconds?: number;
	/** Requests a minute per access token (null = no limit); configure() changes it at runtime. */
	rateLimitPerMinute?: number | null;
	/** Key for webhook signatures; null = the supplier client secret (Apicbase's default). */
	webhookSecret?: string | null;
	/** Seconds before an uploaded assortment file turns from PENDING to PROCESSED. */
	assortmentProcessingSeconds?: number;
}

type Config = Required<ApicbaseSandboxOptions>;

const DEFAULTS: Config = {
	supplierTokenTtlSeconds: 604800,
	customerTokenTtlSeconds: 604800,
	rateLimitPerMinute: 100,
	webhookSecret: null,
	assortmentProcessingSeconds: 0,
};

export type WebhookTamper = 'none' | 'body' | 'signature' | 'missingSignature' | 'wrongSecret';

export interface WebhookOptions {
	url: string;
	orderId?: string;
	order?: object;
	encoding?: 'python' | 'compact';
	tamper?: WebhookTamper;
	/** How long Apicbase waits for the answer (Apicbase does not document it; 10 s here by default). */
	timeoutMs?: number;
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
/** How far apart addOrders() places orders (less when the last order is nearer the clock). */
const ADDED_ORDER_SPREAD_US = 3_000_000;
/** At most this many supplier order lists are kept (each filter value makes one). */
const CACHED_ORDER_LISTS = 64;
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

interface AssortmentFile {
	id: number;
	customerNumber: string;
	filename: string | null;
	articles: unknown[];
	createdMs: number;
}

interface DeliveredPackage {
	id: number;
	/** The purchase order line delivered (SeedPoPackage.id); the API names it by its supplier package. */
	line: number;
	supplierPackage: number;
	quantityMilli: number;
	priceCents: number | null;
	intakeReason: string | null;
}

interface Delivery {
	id: number;
	purchaseOrder: number;
	status: 'DRAFT' | 'SUBMITTED';
	remarks: string | null;
	updateStock: boolean;
	totalDiscountCents: number | null;
	totalDiscountRemarks: string | null;
	packages: DeliveredPackage[];
	createdMs: number;
	deliveryDateUs: number | null;
}

const FIRST_FILE_ID = 301;
const FIRST_DELIVERY_ID = 4001;
const UI_CLIENT_ID = 'apicbase-ui';
/** Tokens generated in the Apicbase UI do not expire for practical purposes (10 years here). */
const UI_TOKEN_TTL_SECONDS = 10 * 365 * 86_400;
const PO_STATUSES: CustomerOrderStatus[] = ['IN_PROGRESS', 'ORDERED', 'DELIVERED'];
const PO_ORDERINGS = ['id', 'ordered_on', 'order_number', 'expected_delivery_date'];

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
	private files: AssortmentFile[] = [];
	/** Supplier order lists by ordering and filters, kept between requests (see cachedOrders). */
	private orderLists = new Map<string, { source: SeedOrder[]; length: number; revision: number; rows: SeedOrder[] }>();
	/** Goes up when a supplier flag of an order changes (the only change an order sees after it is made). */
	private flagsRevision = 0;
	private customerOrders: SeedCustomerOrder[] = [];
	private receipts: Delivery[] = [];
	private stockLevels: SeedStockLevel[] = [];

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

		const P = APICBASE_PATHS;
		this.route('POST', P.assortmentFiles, supplier((ctx) => this.createAssortmentFile(ctx)));
		this.route('GET', P.assortmentFiles, supplier((ctx) => this.paginate(ctx, [...this.files].reverse(), (f) => this.apiFile(f))));
		this.route('ANY', P.assortmentFiles, allow('GET, POST'));
		this.route('GET', P.assortmentFile, supplier((ctx) => this.getAssortmentFile(ctx)));
		this.route('ANY', P.assortmentFile, allow('GET'));

		const procurement = (handler: RouteHandler) => this.api('procurement', handler);
		const allowIn = (scope: string, methods: string) => this.api(scope, (ctx) => this.methodNotAllowed(ctx, methods));
		this.route('GET', P.purchaseOrders, procurement((ctx) => this.listCustomerOrders(ctx)));
		this.route('ANY', P.purchaseOrders, allowIn('procurement', 'GET'));
		this.route('POST', P.closeDeliveries, procurement((ctx) => this.closeDeliveries(ctx)));
		this.route('ANY', P.closeDeliveries, allowIn('procurement', 'POST'));
		this.route('GET', P.purchaseOrder, procurement((ctx) => this.getCustomerOrder(ctx)));
		this.route('ANY', P.purchaseOrder, allowIn('procurement', 'GET'));
		this.route('POST', P.deliveries, procurement((ctx) => this.createDelivery(ctx)));
		this.route('GET', P.deliveries, procurement((ctx) => this.paginate(ctx, [...this.receipts].reverse(), (d) => this.apiDelivery(d))));
		this.route('ANY', P.deliveries, allowIn('procurement', 'GET, POST'));
		this.route('POST', P.submitDelivery, procurement((ctx) => this.submitDelivery(ctx)));
		this.route('ANY', P.submitDelivery, allowIn('procurement', 'POST'));
		this.route('GET', P.delivery, procurement((ctx) => this.getDelivery(ctx)));
		this.route('ANY', P.delivery, allowIn('procurement', 'GET'));

		const accounts = (handler: RouteHandler) => this.api('accounts', handler);
		this.route('GET', P.outlets, accounts((ctx) => this.paginate(ctx, [...OUTLETS], (o) => ({ ...o }))));
		this.route('ANY', P.outlets, allowIn('accounts', 'GET'));
		this.route('GET', P.outlet, accounts((ctx) => this.getOutlet(ctx)));
		this.route('ANY', P.outlet, allowIn('accounts', 'GET'));
		this.route('GET', P.users, accounts((ctx) => this.paginate(ctx, [...USERS], (u) => ({ ...u }))));
		this.route('ANY', P.users, allowIn('accounts', 'GET'));

		const inventory = (handler: RouteHandler) => this.api('inventory', handler);
		this.route('GET', P.stockItems, inventory((ctx) => this.listStockItems(ctx)));
		this.route('ANY', P.stockItems, allowIn('inventory', 'GET'));
		this.route('GET', P.stockItemStock, inventory((ctx) => this.getStock(ctx)));
		this.route('ANY', P.stockItemStock, allowIn('inventory', 'GET'));
	}

	// -------------------------------------------------------------------------------------------
	// Public helpers

	/** Change options at runtime (also POST /__sandbox/config). */
	configure(partial: ApicbaseSandboxOptions): Config {
		if (partial.webhookSecret) this.issue(partial.webhookSecret, 'webhook secret');
		const limit = this.config.rateLimitPerMinute;
		for (const key of Object.keys(DEFAULTS) as Array<keyof Config>) {
			if (partial[key] !== undefined) (this.config as Record<string, unknown>)[key] = partial[key];
		}
		// A new limit starts with fresh windows, so a test never inherits counts from the old one.
		if (this.config.rateLimitPerMinute !== limit) this.buckets.clear();
		return { ...this.config };
	}

	/**
	 * Appends `n` supplier purchase orders in status ORDERED, as if customers had sent them and the
	 * supplier accepted (no webhook goes out), built like the seeded ones. Their ordered_on follows
	 * the last order and ends at the sandbox clock's now, 3 s apart, or closer when the last order
	 * is nearer now than that allows. In memory: well under a second per 100,000.
	 */
	addOrders(n: number): void {
		if (!Number.isInteger(n) || n < 0) throw new Error(`count must be a whole number of 0 or more, got ${n}`);
		if (n === 0) return;
		const nowUs = this.now() * 1000;
		const lastUs = this.orders.reduce((max, o) => Math.max(max, o.orderedOnUs), Number.NEGATIVE_INFINITY);
		const step = Math.max(1, Math.min(ADDED_ORDER_SPREAD_US, Math.floor((nowUs - lastUs) / n)));
		// Ends at now; only a clock behind the last order puts them after now, 1 µs apart.
		const firstUs = Math.max(nowUs - step * (n - 1), lastUs + step);
		for (let k = 0; k < n; k++) this.orders.push(buildOrder(this.nextSeq++, firstUs + k * step));
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

	/**
	 * A token as generated in the Apicbase UI ("plain access token" credential): no OAuth flow, no
	 * refresh token, the given scopes. Returns the bearer value.
	 */
	issueAccessToken(scopes: string[]): string {
		const known = [...APICBASE_DEMO.customerScopes, APICBASE_DEMO.supplierScope] as string[];
		const unknown = scopes.filter((s) => !known.includes(s));
		if (unknown.length) throw new Error(`unknown scope(s): ${unknown.join(', ')}`);
		const client: Client = { id: UI_CLIENT_ID, secret: '', kind: 'customer' };
		return this.mintAccessToken(client, [...new Set(scopes)], UI_TOKEN_TTL_SECONDS).value;
	}

	/** Uploaded assortment files as the API renders them, with the parsed articles. */
	assortmentFiles(): Array<Record<string, unknown> & { articleList: unknown[] }> {
		return this.files.map((f) => ({ ...this.apiFile(f), articleList: structuredClone(f.articles) }));
	}

	/** Customer-side purchase orders as GET purchase_orders/ renders them. */
	customerPurchaseOrders(): Array<Record<string, unknown>> {
		return this.customerOrders.map(apiCustomerOrder);
	}

	/** Deliveries created through the API (drafts and submitted). */
	customerDeliveries(): Array<Record<string, unknown>> {
		return this.receipts.map((d) => this.apiDelivery(d));
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
	 * The customer gives up on the order that was refused (it stays unsent) and builds another: the
	 * next new webhook order is a different one. Without this, the refused order is sent again.
	 */
	abandonRefusedOrder(): void {
		this.nextSeq++;
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
				signal: AbortSignal.timeout(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
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

	protected knownSecrets(): SandboxSecret[] {
		const secrets = CLIENTS.map((c) => ({ source: `client secret of ${c.id}`, value: c.secret }));
		if (this.initialConfig.webhookSecret) secrets.push({ source: 'webhook secret', value: this.initialConfig.webhookSecret });
		return secrets;
	}

	/** The caller's token runs out, as a week-old token would; other applications' tokens stay valid. */
	protected expireAuth(ctx: RequestContext): void {
		const token = this.bearer(ctx).token;
		if (token) token.expiresAtMs = Math.min(token.expiresAtMs, this.now());
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
		this.orderLists.clear();
		this.flagsRevision = 0;
		this.files = [];
		this.customerOrders = buildCustomerOrders();
		this.receipts = [];
		this.stockLevels = buildStockLevels();
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
			case 'access-token':
				try {
					const scopes = Array.isArray(input.scopes) ? input.scopes.map(String) : [];
					return json(200, { access_token: this.issueAccessToken(scopes), scope: scopes.join(' ') });
				} catch (error) {
					return json(400, { error: (error as Error).message });
				}
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
			const access = this.mintAccessToken(client, scopes, this.config.supplierTokenTtlSeconds);
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
			const access = this.mintAccessToken(client, code.scopes, ttl);
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
		const access = this.mintAccessToken(client, scopes, ttl);
		return this.tokenResponse(access, ttl, this.issueRefreshToken(access));
	}

	private scopeList(raw: string | undefined): string[] {
		return [...new Set((raw ?? '').split(/\s+/).filter(Boolean))];
	}

	private mintAccessToken(client: Client, scopes: string[], ttlSeconds: number): AccessToken {
		const token: AccessToken = {
			value: this.issue(generateToken(), `access token of ${client.id}`),
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
			value: this.issue(generateToken(), `refresh token of ${access.clientId}`),
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
			code: this.issue(generateToken(), 'OAuth2 authorization code'),
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
		if (limit === null) return { headers: {} };
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
		const filters: Array<(o: SeedOrder) => boolean> = [];
		// What the filters are, for the list cache: the value each one was given.
		const applied: string[] = [];

		// django-filter: empty values mean "no filter"; all field errors are reported at once.
		const status = q('status');
		if (status) {
			if (status !== 'ORDERED' && status !== 'DELIVERED') {
				errors.status = [`Select a valid choice. ${status} is not one of the available choices.`];
			} else {
				filters.push((o) => o.status === status);
				applied.push(`status=${status}`);
			}
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
			else {
				filters.push((o) => compare(o.orderedOnUs, bound));
				applied.push(`${name}=${bound}`);
			}
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
			if (wanted !== undefined) {
				filters.push((o) => isSet(o) === wanted);
				applied.push(`${name}=${wanted}`);
			}
		}
		const orderNumber = q('order_number');
		if (orderNumber) {
			filters.push((o) => o.orderNumber === orderNumber);
			applied.push(`order_number=${JSON.stringify(orderNumber)}`);
		}
		if (Object.keys(errors).length) return json(400, errors);

		// DRF OrderingFilter drops unknown fields silently; the id tie-break keeps pages stable.
		const requested = (q('ordering') ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter((s) => ORDERINGS.includes(s));
		const ordering = requested.length ? requested : ['-ordered_on'];
		// Filtering the sorted list keeps its order: the same rows as sorting the matches.
		const rows = filters.length
			? this.cachedOrders(`${ordering.join(',')}?${applied.join('&')}`, () =>
					this.sortedOrders(ordering).filter((o) => filters.every((matches) => matches(o))),
				)
			: this.sortedOrders(ordering);
		return this.paginate(ctx, rows, apiOrder);
	}

	/**
	 * A supplier order list made by `build`, kept between requests while the orders are the same
	 * array, as long, and no flag changed: sorting and filtering 100,000 orders for each page would
	 * cost far more than the page. Orders are only appended; their sorted fields never change.
	 */
	private cachedOrders(key: string, build: () => SeedOrder[]): SeedOrder[] {
		const cached = this.orderLists.get(key);
		if (cached?.source === this.orders && cached.length === this.orders.length && cached.revision === this.flagsRevision) {
			return cached.rows;
		}
		const rows = build();
		if (this.orderLists.size >= CACHED_ORDER_LISTS) this.orderLists.clear();
		this.orderLists.set(key, { source: this.orders, length: this.orders.length, revision: this.flagsRevision, rows });
		return rows;
	}

	/** Every supplier order in one ordering; seq breaks ties, so the order is total. */
	private sortedOrders(ordering: string[]): SeedOrder[] {
		return this.cachedOrders(ordering.join(','), () =>
			[...this.orders].sort((a, b) => {
				for (const term of ordering) {
					const desc = term.startsWith('-');
					const field = desc ? term.slice(1) : term;
					const [x, y] = field === 'ordered_on' ? [a.orderedOnUs, b.orderedOnUs] : [a.orderNumber, b.orderNumber];
					if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
				}
				return a.seq - b.seq;
			}),
		);
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
		this.flagsRevision++;
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

	// -------------------------------------------------------------------------------------------
	// Assortment files (supplier)

	private apiFile(file: AssortmentFile): Record<string, unknown> {
		const processedMs = file.createdMs + this.config.assortmentProcessingSeconds * 1000;
		const processed = this.now() >= processedMs;
		return {
			id: file.id,
			customer_number: file.customerNumber,
			file_name: file.filename,
			status: processed ? 'PROCESSED' : 'PENDING',
			articles: file.articles.length,
			created: formatDateTime(file.createdMs * 1000),
			processed: processed ? formatDateTime(processedMs * 1000) : null,
		};
	}

	private createAssortmentFile(ctx: RequestContext): SandboxResponse {
		const contentType = header(ctx.headers, 'content-type');
		const boundary = multipartBoundary(contentType);
		if (boundary === null) {
			if ((contentType ?? '').toLowerCase().startsWith('multipart/form-data')) {
				return json(400, { detail: 'Multipart form parse error - Invalid boundary in multipart: None' });
			}
			return json(415, { detail: `Unsupported media type "${contentType ?? ''}" in request.` });
		}
		const parts = parseMultipart(Buffer.from(ctx.rawBody, 'utf8'), boundary);
		if (parts === null) return json(400, { detail: 'Multipart form parse error - Invalid multipart body.' });

		const errors: Record<string, string[]> = {};
		// Django keeps the last value of a repeated field.
		const filePart = parts.filter((p) => p.name === 'file').at(-1);
		const numberPart = parts.filter((p) => p.name === 'customer_number' && p.filename === null).at(-1);
		if (!filePart) errors.file = ['No file was submitted.'];
		else if (filePart.filename === null) {
			errors.file = ['The submitted data was not a file. Check the encoding type on the form.'];
		} else if (!filePart.data.length) errors.file = ['The submitted file is empty.'];
		const customerNumber = numberPart?.data.toString('utf8');
		if (customerNumber === undefined) errors.customer_number = ['This field is required.'];
		else if (!customerNumber.trim()) errors.customer_number = ['This field may not be blank.'];
		else if (customerNumber.length > 50) errors.customer_number = ['Ensure this field has no more than 50 characters.'];
		if (Object.keys(errors).length) return json(400, errors);

		const parsed = parseAssortment(filePart!.data);
		if ('errors' in parsed) return json(400, { file: parsed.errors });
		const file: AssortmentFile = {
			id: FIRST_FILE_ID + this.files.length,
			customerNumber: customerNumber!.trim(),
			filename: filePart!.filename,
			articles: parsed.articles,
			createdMs: this.now(),
		};
		this.files.push(file);
		// Processing is asynchronous: the creation response always says PENDING.
		return json(201, { ...this.apiFile(file), status: 'PENDING', processed: null });
	}

	private getAssortmentFile(ctx: RequestContext): SandboxResponse {
		const file = this.files.find((f) => String(f.id) === ctx.params.id);
		return file ? json(200, this.apiFile(file)) : json(404, { detail: DETAIL.notFound });
	}

	// -------------------------------------------------------------------------------------------
	// Customer side: purchase orders and deliveries (scope procurement)

	private findCustomerOrder(id: string | undefined): SeedCustomerOrder | undefined {
		return this.customerOrders.find((o) => String(o.id) === id);
	}

	private listCustomerOrders(ctx: RequestContext): SandboxResponse {
		const q = (name: string) => lastParam(ctx.query, name);
		const errors: Record<string, string[]> = {};
		let rows = this.customerOrders;
		const choice = (value: string) => `Select a valid choice. ${value} is not one of the available choices.`;

		const status = q('status');
		if (status) {
			if (!PO_STATUSES.includes(status as CustomerOrderStatus)) errors.status = [choice(status)];
			else rows = rows.filter((o) => o.status === status);
		}
		const statusIn = q('status__in');
		if (statusIn) {
			const wanted = statusIn.split(',').map((s) => s.trim());
			const bad = wanted.find((s) => !PO_STATUSES.includes(s as CustomerOrderStatus));
			if (bad !== undefined) errors.status__in = [choice(bad)];
			else rows = rows.filter((o) => wanted.includes(o.status));
		}
		// ModelChoiceFilter: an unknown or non-numeric id is a validation error.
		const related: Array<[string, number[], (o: SeedCustomerOrder) => number]> = [
			['supplier', SUPPLIERS.map((x) => x.id), (o) => o.supplierId],
			['outlet', OUTLETS.map((x) => x.id), (o) => o.outletId],
			['user', USERS.map((x) => x.id), (o) => o.userId],
		];
		for (const [name, ids, get] of related) {
			const raw = q(name);
			if (!raw) continue;
			const id = pythonInt(raw);
			if (id === null || !ids.includes(id)) {
				errors[name] = ['Select a valid choice. That choice is not one of the available choices.'];
			} else rows = rows.filter((o) => get(o) === id);
		}
		const orderNumber = q('order_number');
		if (orderNumber) rows = rows.filter((o) => o.orderNumber === orderNumber);
		const contains = q('order_number__icontains');
		if (contains) rows = rows.filter((o) => o.orderNumber.toLowerCase().includes(contains.toLowerCase()));

		const dates: Array<[string, (o: SeedCustomerOrder) => number | null, (a: number, b: number) => boolean]> = [
			['ordered_on__gt', (o) => o.orderedOnUs, (a, b) => a > b],
			['ordered_on__lt', (o) => o.orderedOnUs, (a, b) => a < b],
			['expected_delivery_date__gt', (o) => o.expectedDeliveryUs, (a, b) => a > b],
			['expected_delivery_date__lt', (o) => o.expectedDeliveryUs, (a, b) => a < b],
		];
		for (const [name, get, compare] of dates) {
			const raw = q(name);
			if (!raw) continue;
			const bound = parseDateTime(raw);
			if (bound === null) errors[name] = ['Enter a valid date/time.'];
			// SQL: a NULL date never satisfies a comparison.
			else rows = rows.filter((o) => get(o) !== null && compare(get(o)!, bound));
		}
		const flags: Array<[string, (o: SeedCustomerOrder) => boolean]> = [
			['delivery_closed', (o) => o.deliveryClosed],
			['viewed_by_supplier', (o) => o.viewedAtUs !== null],
			['fetched_by_supplier', (o) => o.fetchedAtUs !== null],
		];
		for (const [name, isSet] of flags) {
			const wanted = ({ true: true, '1': true, false: false, '0': false } as Record<string, boolean>)[
				(q(name) ?? '').toLowerCase()
			];
			if (wanted !== undefined) rows = rows.filter((o) => isSet(o) === wanted);
		}
		if (Object.keys(errors).length) return json(400, errors);

		// Default: newest first (creation order = id). Unknown ordering fields are dropped.
		const requested = (q('ordering') ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter((s) => PO_ORDERINGS.includes(s.replace(/^-/, '')));
		const ordering = requested.length ? requested : ['-id'];
		const value = (o: SeedCustomerOrder, field: string): number | string | null =>
			field === 'id'
				? o.id
				: field === 'order_number'
					? o.orderNumber
					: field === 'ordered_on'
						? o.orderedOnUs
						: o.expectedDeliveryUs;
		const sorted = [...rows].sort((a, b) => {
			for (const term of ordering) {
				const desc = term.startsWith('-');
				const field = desc ? term.slice(1) : term;
				const [x, y] = [value(a, field), value(b, field)];
				if (x === y) continue;
				// PostgreSQL: NULLs sort last ascending, first descending.
				if (x === null) return desc ? -1 : 1;
				if (y === null) return desc ? 1 : -1;
				return (x < y ? -1 : 1) * (desc ? -1 : 1);
			}
			return a.id - b.id;
		});
		return this.paginate(ctx, sorted, apiCustomerOrder);
	}

	private getCustomerOrder(ctx: RequestContext): SandboxResponse {
		const order = this.findCustomerOrder(ctx.params.id);
		return order ? json(200, apiCustomerOrder(order)) : json(404, { detail: DETAIL.notFound });
	}

	private closeDeliveries(ctx: RequestContext): SandboxResponse {
		const order = this.findCustomerOrder(ctx.params.id);
		if (!order) return json(404, { detail: DETAIL.notFound });
		if (order.status !== 'DELIVERED') {
			return json(400, { detail: 'Only delivered purchase orders can be closed for deliveries.' });
		}
		if (order.deliveryClosed) return json(400, { detail: 'Deliveries for this purchase order are already closed.' });
		if (this.receipts.some((d) => d.purchaseOrder === order.id && d.status === 'DRAFT')) {
			return json(400, { detail: 'Submit or delete the draft deliveries of this purchase order first.' });
		}
		order.deliveryClosed = true;
		return json(200, apiCustomerOrder(order));
	}

	private apiDelivery(delivery: Delivery): Record<string, unknown> {
		return {
			id: delivery.id,
			purchase_order: delivery.purchaseOrder,
			status: delivery.status,
			remarks: delivery.remarks,
			update_stock: delivery.updateStock,
			total_discount: delivery.totalDiscountCents === null ? null : formatCents(delivery.totalDiscountCents),
			total_discount_remarks: delivery.totalDiscountRemarks,
			delivered_packages: delivery.packages.map((p) => ({
				id: p.id,
				supplier_package: p.supplierPackage,
				quantity: formatMilli(p.quantityMilli),
				price: p.priceCents === null ? null : formatCents(p.priceCents),
				intake_reason: p.intakeReason,
			})),
			created: formatDateTime(delivery.createdMs * 1000),
			delivery_date: delivery.deliveryDateUs === null ? null : formatDateTime(delivery.deliveryDateUs),
		};
	}

	/** A DRF DecimalField: number or numeric string with at most `places` decimals, in 10^-places units. */
	private decimal(value: unknown, places: number): { units?: number; error?: string } {
		const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
		const m = typeof text === 'string' ? /^\s*(-?)(\d+)(?:\.(\d*))?\s*$/.exec(text) : null;
		if (!m) return { error: 'A valid number is required.' };
		const fraction = (m[3] ?? '').replace(/0+$/, '');
		if (fraction.length > places) {
			return { error: `Ensure that there are no more than ${places} decimal places.` };
		}
		const units = Number(m[2]) * 10 ** places + Number(fraction.padEnd(places, '0') || '0');
		return { units: m[1] ? -units : units };
	}

	private createDelivery(ctx: RequestContext): SandboxResponse {
		const type = (header(ctx.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
		if (type !== 'application/json') {
			return json(415, { detail: `Unsupported media type "${header(ctx.headers, 'content-type') ?? ''}" in request.` });
		}
		if (ctx.json === undefined) return json(400, { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' });
		if (!ctx.json || typeof ctx.json !== 'object' || Array.isArray(ctx.json)) {
			const got = ctx.json === null ? 'NoneType' : pythonTypeName(ctx.json);
			return json(400, { non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] });
		}
		const body = ctx.json as Record<string, unknown>;
		const errors: Record<string, unknown> = {};
		const text = (name: string): string | null => {
			const value = body[name];
			if (value === undefined || value === null) return null;
			if (typeof value !== 'string') errors[name] = ['Not a valid string.'];
			return typeof value === 'string' ? value : null;
		};

		let order: SeedCustomerOrder | undefined;
		const poValue = body.purchase_order;
		if (poValue === undefined || poValue === null || poValue === '') {
			errors.purchase_order = ['This field is required.'];
		} else if (typeof poValue !== 'number' && typeof poValue !== 'string') {
			errors.purchase_order = [`Incorrect type. Expected pk value, received ${pythonTypeName(poValue)}.`];
		} else {
			order = this.findCustomerOrder(String(poValue).trim());
			if (!order) errors.purchase_order = [`Invalid pk "${String(poValue)}" - object does not exist.`];
			else if (order.status === 'IN_PROGRESS' || (order.status === 'DELIVERED' && order.deliveryClosed)) {
				errors.purchase_order = [
					'Deliveries can only be created for ordered purchase orders, or delivered purchase orders that still accept deliveries.',
				];
			}
		}
		const remarks = text('remarks');
		const discountRemarks = text('total_discount_remarks');
		let updateStock = true;
		if (body.update_stock !== undefined) {
			if (typeof body.update_stock !== 'boolean') errors.update_stock = ['Must be a valid boolean.'];
			else updateStock = body.update_stock;
		}
		let totalDiscountCents: number | null = null;
		if (body.total_discount !== undefined && body.total_discount !== null) {
			const d = this.decimal(body.total_discount, 2);
			if (d.error) errors.total_discount = [d.error];
			else totalDiscountCents = d.units!;
		}

		const packages: DeliveredPackage[] = [];
		const lines = body.delivered_packages ?? [];
		if (!Array.isArray(lines)) {
			errors.delivered_packages = [`Expected a list of items but got type "${pythonTypeName(lines)}".`];
		} else {
			let firstId = this.receipts.reduce((n, d) => n + d.packages.length, 0) + 1;
			const lineErrors = lines.map((line: unknown) => {
				const e: Record<string, string[]> = {};
				if (!line || typeof line !== 'object' || Array.isArray(line)) {
					const got = line === null ? 'NoneType' : pythonTypeName(line);
					return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] };
				}
				const l = line as Record<string, unknown>;
				// A delivered package names the supplier package of an order line, as the order's own lines do
				// (packages[].supplier_package). Unknown keys such as the old "package" are ignored, as DRF does,
				// so a line carrying only "package" fails on the missing supplier_package.
				let orderLine: SeedPoPackage | undefined;
				const supplierPackage = l.supplier_package;
				if (supplierPackage === undefined || supplierPackage === null || supplierPackage === '') {
					e.supplier_package = ['This field is required.'];
				} else if (typeof supplierPackage !== 'number' && typeof supplierPackage !== 'string') {
					e.supplier_package = [`Incorrect type. Expected pk value, received ${pythonTypeName(supplierPackage)}.`];
				} else {
					orderLine = order?.packages.find((p) => String(p.supplierPackageId) === String(supplierPackage).trim());
					if (!orderLine) e.supplier_package = [`Invalid pk "${String(supplierPackage)}" - object does not exist.`];
				}
				let quantityMilli = 0;
				if (l.quantity === undefined || l.quantity === null) e.quantity = ['This field is required.'];
				else {
					const d = this.decimal(l.quantity, 3);
					if (d.error) e.quantity = [d.error];
					else if (d.units! < 0) e.quantity = ['Ensure this value is greater than or equal to 0.'];
					else quantityMilli = d.units!;
				}
				let priceCents: number | null = null;
				if (l.price !== undefined && l.price !== null) {
					const d = this.decimal(l.price, 2);
					if (d.error) e.price = [d.error];
					else if (d.units! < 0) e.price = ['Ensure this value is greater than or equal to 0.'];
					else priceCents = d.units!;
				}
				let intakeReason: string | null = null;
				if (l.intake_reason !== undefined && l.intake_reason !== null) {
					if (typeof l.intake_reason !== 'string') e.intake_reason = ['Not a valid string.'];
					else intakeReason = l.intake_reason;
				}
				if (!Object.keys(e).length && orderLine) {
					packages.push({
						id: firstId++,
						line: orderLine.id,
						supplierPackage: orderLine.supplierPackageId,
						quantityMilli,
						priceCents,
						intakeReason,
					});
				}
				return e;
			});
			if (lineErrors.some((e) => Object.keys(e).length)) errors.delivered_packages = lineErrors;
		}
		if (Object.keys(errors).length) return json(400, errors);

		const delivery: Delivery = {
			id: FIRST_DELIVERY_ID + this.receipts.length,
			purchaseOrder: order!.id,
			status: 'DRAFT',
			remarks,
			updateStock,
			totalDiscountCents,
			totalDiscountRemarks: discountRemarks,
			packages,
			createdMs: this.now(),
			deliveryDateUs: null,
		};
		this.receipts.push(delivery);
		order!.deliveryIds.push(delivery.id);
		return json(201, this.apiDelivery(delivery));
	}

	private getDelivery(ctx: RequestContext): SandboxResponse {
		const delivery = this.receipts.find((d) => String(d.id) === ctx.params.id);
		return delivery ? json(200, this.apiDelivery(delivery)) : json(404, { detail: DETAIL.notFound });
	}

	/** DRAFT → SUBMITTED once: the PO becomes DELIVERED, package quantities and (optionally) stock grow. */
	private submitDelivery(ctx: RequestContext): SandboxResponse {
		const delivery = this.receipts.find((d) => String(d.id) === ctx.params.id);
		if (!delivery) return json(404, { detail: DETAIL.notFound });
		const body = (ctx.json && typeof ctx.json === 'object' && !Array.isArray(ctx.json) ? ctx.json : {}) as Record<
			string,
			unknown
		>;
		let deliveryDateUs = this.now() * 1000;
		if (body.delivery_date !== undefined && body.delivery_date !== null) {
			// Without a time zone the date is taken as UTC (apicbase-mbx.md §1.4).
			const parsed = typeof body.delivery_date === 'string' ? parseDateTime(body.delivery_date) : null;
			if (parsed === null) {
				return json(400, {
					delivery_date: [
						'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
					],
				});
			}
			deliveryDateUs = parsed;
		}
		if (delivery.status !== 'DRAFT') return json(400, { detail: 'Only draft deliveries can be submitted.' });
		const order = this.customerOrders.find((o) => o.id === delivery.purchaseOrder)!;
		if (order.deliveryClosed) return json(400, { detail: 'Deliveries for this purchase order are closed.' });

		delivery.status = 'SUBMITTED';
		delivery.deliveryDateUs = deliveryDateUs;
		order.status = 'DELIVERED';
		for (const line of delivery.packages) {
			const pkg = order.packages.find((p) => p.id === line.line)!;
			pkg.quantityDeliveredMilli += line.quantityMilli;
			if (line.priceCents !== null) pkg.priceCents = line.priceCents;
			if (!delivery.updateStock) continue;
			let level = this.stockLevels.find((l) => l.outletId === order.outletId && l.stockItemId === pkg.stockItemId);
			if (!level) {
				// The first delivery of an item into an outlet starts its stock there.
				level = { outletId: order.outletId, stockItemId: pkg.stockItemId, quantityMilli: 0, valueCents: 0, aggregatedQuantityMilli: 0, aggregatedValueCents: 0, modifiedUs: 0 };
				this.stockLevels.push(level);
			}
			level.quantityMilli += line.quantityMilli;
			level.aggregatedQuantityMilli += line.quantityMilli;
			const added = Math.round((line.quantityMilli * (line.priceCents ?? pkg.priceCents)) / 1000);
			level.valueCents += added;
			level.aggregatedValueCents += added;
			level.modifiedUs = this.now() * 1000;
		}
		return json(200, this.apiDelivery(delivery));
	}

	// -------------------------------------------------------------------------------------------
	// Accounts and inventory

	private getOutlet(ctx: RequestContext): SandboxResponse {
		const outlet = OUTLETS.find((o) => String(o.id) === ctx.params.id);
		return outlet ? json(200, { ...outlet }) : json(404, { detail: DETAIL.notFound });
	}

	private listStockItems(ctx: RequestContext): SandboxResponse {
		const outlet = OUTLETS.find((o) => String(o.id) === ctx.params.outlet_id);
		if (!outlet) return json(404, { detail: DETAIL.notFound });
		let levels = this.stockLevels.filter((l) => l.outletId === outlet.id);
		const raw = lastParam(ctx.query, 'modified_date__gt');
		if (raw) {
			const bound = parseDateTime(raw);
			if (bound === null) return json(400, { modified_date__gt: ['Enter a valid date/time.'] });
			levels = levels.filter((l) => l.modifiedUs > bound);
		}
		return this.paginate(ctx, levels, (l) => apiStockItem(STOCK_ITEMS.find((i) => i.id === l.stockItemId)!, l));
	}

	private getStock(ctx: RequestContext): SandboxResponse {
		const level = this.stockLevels.find(
			(l) => String(l.outletId) === ctx.params.outlet_id && String(l.stockItemId) === ctx.params.stock_item_id,
		);
		return level ? json(200, apiStock(level)) : json(404, { detail: DETAIL.notFound });
	}
}
