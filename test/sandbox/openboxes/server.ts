/**
 * A strict local stand-in for the OpenBoxes REST API under the `/openboxes` context path: cookie
 * sessions (JSESSIONID) with idle expiry, the Grails "Ajax or not" redirects for unauthenticated
 * and forbidden calls, login/logout/status/chooseLocation/getAppContext, and the product list with
 * GORM `max`/`offset` semantics. The behaviour follows the open-source server (reference
 * openboxes-api.md); the hosted vendor layer (rate limiting) is an option that is off by default.
 */
import { randomBytes } from 'node:crypto';

import { header, SandboxServer, type Fault, type RequestContext, type SandboxResponse } from '../common/server';
import {
	HANDLING_ICONS,
	OPENBOXES_BROWSER,
	OPENBOXES_DEMO,
	OPENBOXES_INACTIVE,
	PRODUCT_CATEGORIES,
	grailsDate,
	hibernateUuid,
	productCodeFor,
	seedLocations,
	seedProducts,
	seedUsers,
	type HandlingIcon,
	type OpenBoxesLocation,
	type OpenBoxesProduct,
	type OpenBoxesUser,
	type RoleType,
} from './seed';

export { OPENBOXES_BROWSER, OPENBOXES_DEMO, OPENBOXES_INACTIVE, PRODUCT_CATEGORIES };
export type { OpenBoxesLocation, OpenBoxesProduct, OpenBoxesUser };

export interface OpenBoxesSandboxOptions {
	/** Idle time after which a session is gone; OpenBoxes sets 7200 s (2 h) per request. */
	sessionIdleSeconds: number;
	/** Requests per one-minute window per session (or per client address before login); null = no
	 * limit, as in the open-source server. A number turns on the hosted vendor layer (429s). */
	rateLimitPerMinute: number | null;
}

const DEFAULT_OPTIONS: OpenBoxesSandboxOptions = { sessionIdleSeconds: 7200, rateLimitPerMinute: null };

const API = '/openboxes/api';
const HTML = 'text/html;charset=utf-8';
const APP_VERSION = '0.9.9-SNAPSHOT';
const PRODUCT_CLASS = 'class org.pih.warehouse.product.Product';
const RATE_WINDOW_MS = 60_000;

/** Role hierarchy as RoleInterceptor applies it: a higher role includes the lower ones. */
const ROLE_RANK: Record<RoleType, number> = {
	ROLE_BROWSER: 1,
	ROLE_ASSISTANT: 2,
	ROLE_MANAGER: 3,
	ROLE_ADMIN: 4,
	ROLE_SUPERUSER: 5,
};

interface Session {
	id: string;
	userId: string | null;
	locationId: string | null;
	lastAccess: number;
}

interface RateBucket {
	windowStart: number;
	count: number;
}

/** 'read' needs ROLE_BROWSER, 'write' needs ROLE_MANAGER (create/save/update/delete actions). */
type Access = 'read' | 'write';

interface AuthedCall {
	ctx: RequestContext;
	session: Session;
	user: OpenBoxesUser;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorBody(status: number, message: string, extra: JsonObject = {}): SandboxResponse {
	return { status, body: { errorCode: status, errorMessage: message, ...extra } };
}

/** Any uncaught Java exception reaches ErrorsController as a 500 with the exception class as cause. */
function exception(cause: string, message: string): SandboxResponse {
	return { status: 500, body: { errorCode: 500, cause, errorMessage: message } };
}

function text(status: number, body: string): SandboxResponse {
	return { status, headers: { 'Content-Type': HTML }, body };
}

function redirect(location: string): SandboxResponse {
	return { status: 302, headers: { Location: location } };
}

const NOT_FOUND = (): SandboxResponse => errorBody(404, 'Resource not found');

function contentTypeIsJson(ctx: RequestContext): boolean {
	return (header(ctx.headers, 'content-type') ?? '').includes('application/json');
}

/** RequestUtil.isAjax: XHR header, or JSON in either direction. Only Ajax calls get JSON errors. */
function isAjax(ctx: RequestContext): boolean {
	return (
		header(ctx.headers, 'x-requested-with') === 'XMLHttpRequest' ||
		contentTypeIsJson(ctx) ||
		(header(ctx.headers, 'accept') ?? '').includes('application/json')
	);
}

function validateOptions(options: Partial<OpenBoxesSandboxOptions>): Partial<OpenBoxesSandboxOptions> {
	for (const key of Object.keys(options)) {
		if (!(key in DEFAULT_OPTIONS)) throw new Error(`unknown option: ${key}`);
	}
	const { sessionIdleSeconds, rateLimitPerMinute } = options;
	if (sessionIdleSeconds !== undefined && !(typeof sessionIdleSeconds === 'number' && sessionIdleSeconds > 0)) {
		throw new Error('sessionIdleSeconds must be a positive number');
	}
	if (
		rateLimitPerMinute !== undefined &&
		rateLimitPerMinute !== null &&
		!(Number.isInteger(rateLimitPerMinute) && rateLimitPerMinute > 0)
	) {
		throw new Error('rateLimitPerMinute must be a positive integer or null');
	}
	return options;
}

type SortKey = (p: OpenBoxesProduct) => string | number | boolean | null;

/** Sortable product properties; strings compare case-insensitively like MySQL's default collation. */
const SORT_KEYS: Record<string, SortKey> = {
	name: (p) => p.name.toLowerCase(),
	productCode: (p) => p.productCode.toLowerCase(),
	dateCreated: (p) => p.dateCreated,
	lastUpdated: (p) => p.lastUpdated,
	description: (p) => p.description?.toLowerCase() ?? null,
	category: (p) => p.category.toLowerCase(),
	updatedBy: (p) => p.updatedBy?.toLowerCase() ?? null,
	unitOfMeasure: (p) => p.unitOfMeasure?.toLowerCase() ?? null,
	pricePerUnit: (p) => p.pricePerUnit,
	active: (p) => p.active,
	id: (p) => p.id,
};

function compareValues(a: string | number | boolean | null, b: string | number | boolean | null): number {
	if (a === b) return 0;
	// MySQL puts NULL first in ascending order.
	if (a === null) return -1;
	if (b === null) return 1;
	return a < b ? -1 : 1;
}

/** The sort is a total order: equal keys fall back to id ascending, so paging never skips a row. */
function productComparator(sort: string, descending: boolean): (a: OpenBoxesProduct, b: OpenBoxesProduct) => number {
	const key = SORT_KEYS[sort];
	return (a, b) => {
		const primary = compareValues(key(a), key(b));
		if (primary !== 0) return descending ? -primary : primary;
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	};
}

/** GORM hands max/offset to Integer conversion; a non-number surfaces as a 500. */
function intParam(ctx: RequestContext, name: string): number | undefined | SandboxResponse {
	const raw = ctx.query.get(name);
	if (raw === null || raw === '') return undefined;
	if (!/^-?\d+$/.test(raw.trim())) {
		return exception('java.lang.NumberFormatException', `For input string: "${raw}"`);
	}
	return Number.parseInt(raw, 10);
}

/** The optional string fields a create may carry, echoed in the `{"product":...}` answer. */
const OPTIONAL_PRODUCT_STRINGS = [
	'abcClass',
	'upc',
	'ndc',
	'manufacturer',
	'manufacturerCode',
	'manufacturerName',
	'brandName',
	'modelNumber',
	'vendor',
	'vendorCode',
	'vendorName',
] as const;

export class OpenBoxesSandbox extends SandboxServer {
	private readonly initialOptions: OpenBoxesSandboxOptions;
	private settings: OpenBoxesSandboxOptions;
	private readonly userRows: OpenBoxesUser[] = seedUsers();
	private readonly locationRows: OpenBoxesLocation[] = seedLocations();
	private productRows: OpenBoxesProduct[] = seedProducts();
	private sessions = new Map<string, Session>();
	private buckets = new Map<string, RateBucket>();

	constructor(options: Partial<OpenBoxesSandboxOptions> = {}) {
		super('openboxes');
		this.initialOptions = { ...DEFAULT_OPTIONS, ...validateOptions(options) };
		this.settings = { ...this.initialOptions };
		this.registerRoutes();
	}

	// ---- helpers for tests, e2e and demos ----

	get options(): Readonly<OpenBoxesSandboxOptions> {
		return { ...this.settings };
	}

	/** Changes options at runtime (also `POST /__sandbox/config`); throws on an invalid value. */
	configure(options: Partial<OpenBoxesSandboxOptions>): OpenBoxesSandboxOptions {
		const next = { ...this.settings, ...validateOptions(options) };
		// A new limit starts with fresh windows, so a test never inherits counts from the old one.
		if (next.rateLimitPerMinute !== this.settings.rateLimitPerMinute) this.buckets.clear();
		this.settings = next;
		return { ...this.settings };
	}

	/** The current catalogue (seed plus anything created), inactive included, in default order. */
	products(): OpenBoxesProduct[] {
		return [...this.productRows].sort(productComparator('name', false)).map((p) => structuredClone(p));
	}

	locations(): OpenBoxesLocation[] {
		return this.locationRows.map((l) => structuredClone(l));
	}

	/** Live (not idle-expired) sessions, logged in or not. */
	sessionCount(): number {
		this.purgeExpiredSessions();
		return this.sessions.size;
	}

	/** Forgets every session, as a server restart would; returns how many there were. */
	expireAllSessions(): number {
		const count = this.sessions.size;
		this.sessions.clear();
		return count;
	}

	// ---- base-class hooks ----

	/** The caller's session is invalidated; its cookie then behaves exactly like no login. */
	protected expireAuth(ctx: RequestContext): void {
		for (const id of this.cookieSessionIds(ctx)) this.sessions.delete(id);
	}

	protected resetState(): void {
		this.settings = { ...this.initialOptions };
		this.productRows = seedProducts();
		this.sessions.clear();
		this.buckets.clear();
	}

	protected control(action: string, body: unknown): SandboxResponse | undefined {
		if (action === 'expireSessions') return { status: 200, body: { expired: this.expireAllSessions() } };
		if (action !== 'config') return undefined;
		if (body !== undefined && !isObject(body)) return { status: 400, body: { error: 'config body must be a JSON object' } };
		try {
			return { status: 200, body: this.configure((body ?? {}) as Partial<OpenBoxesSandboxOptions>) };
		} catch (error) {
			return { status: 400, body: { error: (error as Error).message } };
		}
	}

	/** Under /openboxes/api the security interceptor runs before the 404, so a logged-out caller
	 * gets the usual 302; anywhere else an unknown URL is a plain 404. */
	protected notFound(ctx: RequestContext): SandboxResponse {
		if (ctx.path.startsWith(`${API}/`)) return this.secured('read', NOT_FOUND)(ctx);
		return NOT_FOUND();
	}

	protected faultResponse(fault: Fault): SandboxResponse {
		const status = fault.status ?? 503;
		if (status === 429) {
			const retryAfter = fault.retryAfterSeconds ?? 1;
			return {
				status,
				headers: { 'Retry-After': String(retryAfter) },
				body: fault.body ?? {
					errorCode: 429,
					errorMessage: `Rate limit exceeded. Try again in ${retryAfter} seconds.`,
					retryAfter,
				},
			};
		}
		const messages: Record<number, string> = {
			500: 'Internal server error',
			502: 'Bad gateway',
			503: 'Service unavailable',
			504: 'Gateway timeout',
		};
		return { status, body: fault.body ?? { errorCode: status, errorMessage: messages[status] ?? `Injected error ${status}` } };
	}

	// ---- routes ----

	private registerRoutes(): void {
		// ApiController actions are mapped by "/api/$action/$id?" for every HTTP method.
		this.route('ANY', `${API}/login`, this.open((ctx) => this.login(ctx)));
		this.route('ANY', `${API}/logout`, this.open((ctx) => this.logout(ctx)));
		this.route('ANY', `${API}/status`, this.open(() => ({
			status: 200,
			body: { status: 'OK', database: { status: true, message: 'Database is available' } },
		})));
		this.route('ANY', `${API}/chooseLocation/:id?`, this.secured('read', (call) => this.chooseLocation(call)));
		this.route('ANY', `${API}/getAppContext`, this.secured('read', (call) => this.appContext(call)));

		this.route('GET', `${API}/products`, this.secured('read', (call) => this.listProducts(call.ctx)));
		this.route('POST', `${API}/products`, this.secured('write', (call) => this.createProduct(call)));
		this.route('GET', `${API}/products/:id`, this.secured('read', (call) => this.readProduct(call.ctx)));

		this.route('ANY', '/openboxes/errors/handleUnauthorized', (ctx) =>
			isAjax(ctx)
				? errorBody(401, 'Unauthorized user: null')
				: redirect(`${ctx.baseUrl}/openboxes/auth/login`),
		);
		this.route('ANY', '/openboxes/errors/handleForbidden', (ctx) =>
			isAjax(ctx)
				? errorBody(403, 'Access denied')
				: text(403, '<!DOCTYPE html><html><head><title>Access denied</title></head><body><h1>Access denied</h1></body></html>'),
		);
		this.route('ANY', '/openboxes/auth/login', () =>
			text(
				200,
				'<!DOCTYPE html><html><head><title>Login | OpenBoxes</title></head><body>' +
					'<form method="post" action="/openboxes/auth/handleLogin">' +
					'<input name="username"><input name="password" type="password"><button>Login</button>' +
					'</form></body></html>',
			),
		);
	}

	// ---- the layers every API call passes: hosted rate limit, then the security interceptor ----

	/** An API route that needs no login (login, logout, status). */
	private open(handler: (ctx: RequestContext) => SandboxResponse): (ctx: RequestContext) => SandboxResponse {
		return (ctx) => this.rateLimited(ctx, () => {
			this.touchSession(ctx);
			return handler(ctx);
		});
	}

	/** An API route behind SecurityInterceptor (login) and RoleInterceptor (role for the action). */
	private secured(access: Access, handler: (call: AuthedCall) => SandboxResponse): (ctx: RequestContext) => SandboxResponse {
		return (ctx) => this.rateLimited(ctx, () => {
			const session = this.touchSession(ctx);
			let user = session?.userId ? this.userRows.find((u) => u.id === session.userId) : undefined;
			if (session && user && !user.active) {
				// SecurityInterceptor drops an inactive user from the session on the first request.
				session.userId = null;
				user = undefined;
			}
			if (!session || !user) {
				return redirect(
					isAjax(ctx) ? `${ctx.baseUrl}/openboxes/errors/handleUnauthorized` : `${ctx.baseUrl}/openboxes/auth/login`,
				);
			}
			const needed: RoleType = access === 'write' ? 'ROLE_MANAGER' : 'ROLE_BROWSER';
			const rank = Math.max(0, ...user.roles.map((r) => ROLE_RANK[r]));
			if (rank < ROLE_RANK[needed]) return redirect(`${ctx.baseUrl}/openboxes/errors/handleForbidden`);
			return handler({ ctx, session, user });
		});
	}

	/**
	 * The hosted layer in front of the app: a fixed one-minute window per session (per client
	 * address when the call carries no live session). It answers before the app runs, so a
	 * rejected call neither reaches the handler nor refreshes the session.
	 */
	private rateLimited(ctx: RequestContext, next: () => SandboxResponse): SandboxResponse {
		const limit = this.settings.rateLimitPerMinute;
		if (limit === null) return next();
		const now = Date.now();
		const key = this.peekSession(ctx)?.id ?? `addr:${ctx.req.socket.remoteAddress ?? 'unknown'}`;
		let bucket = this.buckets.get(key);
		if (!bucket || now - bucket.windowStart >= RATE_WINDOW_MS) {
			bucket = { windowStart: now, count: 0 };
			this.buckets.set(key, bucket);
		}
		bucket.count++;
		const resetAt = bucket.windowStart + RATE_WINDOW_MS;
		const headers: Record<string, string> = {
			'X-RateLimit-Limit': String(limit),
			'X-RateLimit-Remaining': String(Math.max(0, limit - bucket.count)),
			// Epoch seconds when the window ends.
			'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
		};
		if (bucket.count > limit) {
			const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000));
			return {
				status: 429,
				headers: { ...headers, 'Retry-After': String(retryAfter) },
				body: { errorCode: 429, errorMessage: `Rate limit exceeded. Try again in ${retryAfter} seconds.`, retryAfter },
			};
		}
		const response = next();
		return { ...response, headers: { ...headers, ...(response.headers ?? {}) } };
	}

	// ---- sessions ----

	private cookieSessionIds(ctx: RequestContext): string[] {
		const cookie = header(ctx.headers, 'cookie') ?? '';
		return cookie
			.split(';')
			.map((part) => part.trim())
			.filter((part) => part.startsWith('JSESSIONID='))
			.map((part) => part.slice('JSESSIONID='.length));
	}

	private isExpired(session: Session, now: number): boolean {
		return now - session.lastAccess > this.settings.sessionIdleSeconds * 1000;
	}

	private purgeExpiredSessions(): void {
		const now = Date.now();
		for (const [id, session] of this.sessions) if (this.isExpired(session, now)) this.sessions.delete(id);
	}

	/** The live session named by the request's JSESSIONID cookie, without touching it. */
	private peekSession(ctx: RequestContext): Session | undefined {
		const now = Date.now();
		for (const id of this.cookieSessionIds(ctx)) {
			const session = this.sessions.get(id);
			if (!session) continue;
			if (this.isExpired(session, now)) {
				this.sessions.delete(id);
				continue;
			}
			return session;
		}
		return undefined;
	}

	/** Like Tomcat, any request that names a live session refreshes its idle timer. */
	private touchSession(ctx: RequestContext): Session | undefined {
		const session = this.peekSession(ctx);
		if (session) session.lastAccess = Date.now();
		return session;
	}

	// ---- ApiController ----

	private login(ctx: RequestContext): SandboxResponse {
		// request.JSON is only populated for a JSON content type; anything else is empty credentials.
		const body = contentTypeIsJson(ctx) && isObject(ctx.json) ? ctx.json : {};
		const username = typeof body.username === 'string' ? body.username : undefined;
		const password = typeof body.password === 'string' ? body.password : undefined;
		const user = username
			? this.userRows.find((u) => u.username === username || u.email === username)
			: undefined;
		if (!user || password === undefined || user.password !== password) return text(401, 'Authentication failed');

		let session = this.peekSession(ctx);
		const headers: Record<string, string> = { 'Content-Type': HTML };
		if (!session) {
			session = { id: randomBytes(16).toString('hex').toUpperCase(), userId: null, locationId: null, lastAccess: Date.now() };
			this.sessions.set(session.id, session);
			headers['Set-Cookie'] = `JSESSIONID=${session.id}; Path=/openboxes; HttpOnly`;
		}
		session.userId = user.id;
		// `if (request.JSON.location) session.warehouse = Location.get(...)`: not validated, an
		// unknown id silently leaves the session without a location.
		const location = body.location;
		if (location) {
			const id = typeof location === 'string' || typeof location === 'number' ? String(location) : undefined;
			session.locationId = this.locationRows.some((l) => l.id === id) ? (id ?? null) : null;
		}
		return { status: 200, headers, body: 'Authentication was successful' };
	}

	private logout(ctx: RequestContext): SandboxResponse {
		const session = this.peekSession(ctx);
		if (session) this.sessions.delete(session.id);
		return text(200, 'Logout was successful');
	}

	private chooseLocation({ ctx, session, user }: AuthedCall): SandboxResponse {
		const id = ctx.params.id;
		const location = this.locationRows.find((l) => l.id === id);
		if (!location) return errorBody(404, `Location not found with id ${id ?? 'null'}`);
		session.locationId = location.id;
		return text(200, `User ${user.firstName} ${user.lastName} is now logged into ${location.name}`);
	}

	private appContext({ ctx, session, user }: AuthedCall): SandboxResponse {
		const location = this.locationRows.find((l) => l.id === session.locationId);
		if (!location) return exception('java.lang.NullPointerException', "Cannot get property 'id' on null object");
		const rank = Math.max(0, ...user.roles.map((r) => ROLE_RANK[r]));
		const highestRole = user.roles.reduce<RoleType | null>(
			(best, r) => (best === null || ROLE_RANK[r] > ROLE_RANK[best] ? r : best),
			null,
		);
		return {
			status: 200,
			body: {
				data: {
					user: this.userJson(user),
					location: structuredClone(location),
					currentLocationRoles: [...user.roles],
					isSuperuser: rank >= ROLE_RANK.ROLE_SUPERUSER,
					isUserAdmin: rank >= ROLE_RANK.ROLE_ADMIN,
					isUserApprover: false,
					isUserManager: rank >= ROLE_RANK.ROLE_MANAGER,
					highestRole,
					supportedActivities: [...location.supportedActivities],
					isImpersonated: false,
					grailsVersion: '3.3.16',
					appVersion: APP_VERSION,
					environment: 'PRODUCTION',
					ipAddress: ctx.req.socket.remoteAddress ?? null,
					hostname: 'Unknown',
					timezone: null,
					activeLanguage: 'en',
					isPaginated: true,
					pageSize: 10,
					currencyCode: 'USD',
					localizationModeEnabled: false,
				},
			},
		};
	}

	private userJson(user: OpenBoxesUser): JsonObject {
		return {
			id: user.id,
			name: `${user.firstName} ${user.lastName}`,
			firstName: user.firstName,
			lastName: user.lastName,
			email: user.email,
			username: user.username,
			roles: [...user.roles],
		};
	}

	// ---- ProductApiController ----

	private listProducts(ctx: RequestContext): SandboxResponse {
		const max = intParam(ctx, 'max');
		if (typeof max === 'object') return max;
		const offset = intParam(ctx, 'offset');
		if (typeof offset === 'object') return offset;
		const sort = ctx.query.get('sort') || 'name';
		if (!(sort in SORT_KEYS)) {
			return exception(
				'org.hibernate.QueryException',
				`could not resolve property: ${sort} of: org.pih.warehouse.product.Product`,
			);
		}
		const descending = (ctx.query.get('order') ?? '').toLowerCase() === 'desc';
		const includeInactive = ['true', 'on'].includes((ctx.query.get('includeInactive') ?? '').toLowerCase());
		const q = (ctx.query.get('q') ?? '').trim().toLowerCase();

		const matches = this.productRows
			.filter((p) => includeInactive || p.active)
			.filter(
				(p) =>
					!q ||
					p.name.toLowerCase().includes(q) ||
					p.productCode.toLowerCase().includes(q) ||
					(p.description ?? '').toLowerCase().includes(q),
			)
			.sort(productComparator(sort, descending));
		// GORM only applies max/offset when they are > -1; Hibernate treats max 0 as "no limit".
		const start = offset !== undefined && offset > 0 ? offset : 0;
		const end = max !== undefined && max > 0 ? start + max : undefined;
		return {
			status: 200,
			body: { data: matches.slice(start, end).map((p) => structuredClone(p)), totalCount: matches.length },
		};
	}

	private readProduct(ctx: RequestContext): SandboxResponse {
		const product = this.productRows.find((p) => p.id === ctx.params.id);
		return product ? { status: 200, body: { data: structuredClone(product) } } : NOT_FOUND();
	}

	/** Just enough of `save`: the role check, the required fields and the `{"product":...}` answer. */
	private createProduct({ ctx, user }: AuthedCall): SandboxResponse {
		const body = contentTypeIsJson(ctx) && isObject(ctx.json) ? ctx.json : {};
		const idOf = (nested: unknown, dotted: unknown): string | undefined => {
			if (isObject(nested) && typeof nested.id === 'string' && nested.id) return nested.id;
			return typeof dotted === 'string' && dotted ? dotted : undefined;
		};
		const productTypeId = idOf(body.productType, body['productType.id']);
		if (!productTypeId) return exception('java.lang.IllegalArgumentException', 'Product type is required');
		if (productTypeId !== 'DEFAULT') {
			return exception('java.lang.IllegalArgumentException', `Unable to find product type with id ${productTypeId}`);
		}

		const name = typeof body.name === 'string' ? body.name.trim() : '';
		const categoryId = idOf(body.category, body['category.id']);
		const category = PRODUCT_CATEGORIES.find((c) => c.id === categoryId);
		const productCode =
			typeof body.productCode === 'string' && body.productCode.trim() ? body.productCode.trim() : this.nextProductCode();
		const errors: string[] = [];
		if (!name) errors.push(`Property [name] of class [${PRODUCT_CLASS}] cannot be null`);
		else if (name.length > 255) {
			errors.push(`Property [name] of class [${PRODUCT_CLASS}] with value [${name}] exceeds the maximum size of [255]`);
		}
		if (!category) errors.push(`Property [category] of class [${PRODUCT_CLASS}] cannot be null`);
		if (this.productRows.some((p) => p.productCode === productCode)) {
			errors.push(`Property [productCode] of class [${PRODUCT_CLASS}] with value [${productCode}] must be unique`);
		}
		if (errors.length > 0 || !category) {
			return errorBody(400, `Validation error. ${errors.join('; ')}`, { errorMessages: errors });
		}

		const flag = (key: string) => body[key] === true || body[key] === 'true';
		const optionalString = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : null);
		const price = typeof body.pricePerUnit === 'number' ? body.pricePerUnit : Number.parseFloat(String(body.pricePerUnit));
		const now = Date.now() - (Date.now() % 1000);
		const handlingIcons: HandlingIcon[] = [];
		if (flag('coldChain')) handlingIcons.push({ ...HANDLING_ICONS.coldChain });
		if (flag('controlledSubstance')) handlingIcons.push({ ...HANDLING_ICONS.controlledSubstance });
		if (flag('hazardousMaterial')) handlingIcons.push({ ...HANDLING_ICONS.hazardousMaterial });
		const product: OpenBoxesProduct = {
			id: hibernateUuid(now, this.productRows.length + 1),
			productCode,
			name,
			description: optionalString('description'),
			category: category.name,
			unitOfMeasure: optionalString('unitOfMeasure'),
			pricePerUnit: Number.isFinite(price) ? price : null,
			dateCreated: grailsDate(now),
			lastUpdated: grailsDate(now),
			updatedBy: `${user.firstName} ${user.lastName}`,
			color: optionalString('color'),
			handlingIcons,
			lotAndExpiryControl: flag('lotAndExpiryControl'),
			active: body.active === undefined ? true : flag('active'),
			displayNames: { default: null },
		};
		this.productRows.push(product);

		// Product.toFullJson: associations as {"id"} only, plus the flags and optional fields.
		const full: JsonObject = {
			id: product.id,
			productCode: product.productCode,
			name: product.name,
			description: product.description,
			productType: { id: productTypeId },
			category: { id: category.id },
			defaultUom: null,
			glAccount: null,
			productFamily: null,
			createdBy: { id: user.id },
			updatedBy: { id: user.id },
			unitOfMeasure: product.unitOfMeasure,
			attributes: [],
			costPerUnit: typeof body.costPerUnit === 'number' ? body.costPerUnit : null,
			controlledSubstance: flag('controlledSubstance'),
			hazardousMaterial: flag('hazardousMaterial'),
			active: product.active,
			coldChain: flag('coldChain'),
			serialized: false,
			lotControl: false,
			essential: false,
			reconditioned: flag('reconditioned'),
			packageSize: null,
			pricePerUnit: product.pricePerUnit,
			dateCreated: product.dateCreated,
			lastUpdated: product.lastUpdated,
			color: product.color,
			lotAndExpiryControl: product.lotAndExpiryControl,
		};
		for (const key of OPTIONAL_PRODUCT_STRINGS) full[key] = optionalString(key);
		return { status: 200, body: { product: full } };
	}

	/** The next code from the seed's permutation that nobody uses yet (codes are unique). */
	private nextProductCode(): string {
		const used = new Set(this.productRows.map((p) => p.productCode));
		for (let i = this.productRows.length; ; i++) {
			const code = productCodeFor(i);
			if (!used.has(code)) return code;
		}
	}
}
