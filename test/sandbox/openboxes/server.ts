/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code, never published: n8n's rules for node code do not apply */
/**
 * A strict local stand-in for the OpenBoxes REST API under the `/openboxes` context path: cookie
 * sessions (JSESSIONID) with idle expiry, the Grails "Ajax or not" redirects for unauthenticated
 * and forbidden calls, login/logout/status/chooseLocation/getAppContext, products, locations,
 * stock (availability, inventory levels, the reorder report and its fallbacks), stock movements,
 * purchase orders, put-aways, users and the generic API. The behaviour follows the open-source
 * server (reference openboxes-api.md); the hosted vendor layer (rate limiting, API keys and the
 * vendor-only endpoints of openboxes-custom-integrations) is switched by options.
 */
import { randomBytes } from 'node:crypto';

import { RecordClock } from '../common/clock';
import { header, SandboxServer, type Fault, type RequestContext, type SandboxResponse, type SandboxSecret } from '../common/server';
import { deleteLocation, deleteProduct, saveLocation, saveProduct, saveUser, updateProduct } from './catalog';
import { genericCreate, genericDelete, genericList, genericRead, genericSearch, genericUpdate, inventoryItem as genericInventoryItem } from './generic';
import {
	ApiError,
	HTML,
	NOT_FOUND,
	bodyObject,
	comparator,
	compareValues,
	empty,
	enumValue,
	errorBody,
	exception,
	fail,
	illegalArgument,
	isAjax,
	isObject,
	ok,
	page,
	redirect,
	text,
	validationError,
	type JsonObject,
	type SortValue,
} from './http';
import {
	allocations,
	available,
	isExpired,
	isFacility,
	isShipped,
	itemById,
	quantityOnHand,
	reorderReport,
	rowsAt,
	setQuantityOnHand as countStock,
	type ReorderReportItem,
} from './inventory';
import {
	EXPIRATION_FILTERS,
	INVENTORY_LEVEL_STATUSES,
	grailsDate,
	productsChanged,
	usDate,
	type ExpirationFilter,
	type InventoryLevelStatus,
	type OpenBoxesState,
	type OrderStatus,
	type OrderSummaryStatus,
	type StockMovementRow,
} from './model';
import {
	createStockMovement,
	deleteStockMovement,
	listStockMovements,
	movementJson,
	itemJson as movementItemJson,
	receive,
	rollback as rollbackStockMovement,
	transition,
	updateItems,
	updateShipment,
} from './movements';
import {
	deletePurchaseOrder,
	listPurchaseOrders,
	orderJson,
	orderSummaryJson,
	rollbackPurchaseOrder,
	savePurchaseOrder,
	setPurchaseOrderStatus as moveOrder,
} from './orders';
import { putawayCandidates, putawayJson, savePutaway } from './putaways';
import {
	availabilityJson,
	inventoryItemJson,
	inventoryLevelJson,
	locationBaseJson,
	locationJson,
	productJson,
	userJson,
	type AvailabilityJson,
	type InventoryLevelJson,
} from './render';
import {
	ACTIVITY_CODES,
	LOCATION_TYPES,
	LOCATION_TYPE_ACTIVITIES,
	LOCATION_TYPE_CODES,
	OPENBOXES_ASSISTANT,
	OPENBOXES_BINS,
	OPENBOXES_BROWSER,
	OPENBOXES_DEMO,
	OPENBOXES_FINANCE,
	OPENBOXES_INACTIVE,
	OPENBOXES_MANAGER,
	PRODUCT_CATEGORIES,
	ROLE_TYPES,
	moreProducts,
	seedUsers,
	type OpenBoxesLocation,
	type OpenBoxesProduct,
	type OpenBoxesUser,
	type RoleType,
} from './seed';
import { OPENBOXES_STOCK, seedState } from './seed-activity';
import { SHIPMENT_SHIPPED, shipmentShippedBody, shipmentShippedEvent } from './webhookPayload';
import { deliverWebhook, type OpenBoxesWebhookDelivery } from './webhookSender';

export {
	OPENBOXES_ASSISTANT,
	OPENBOXES_BINS,
	OPENBOXES_BROWSER,
	OPENBOXES_DEMO,
	OPENBOXES_FINANCE,
	OPENBOXES_INACTIVE,
	OPENBOXES_MANAGER,
	OPENBOXES_STOCK,
	PRODUCT_CATEGORIES,
};
export type { OpenBoxesWebhookDelivery } from './webhookSender';
export type { AvailabilityJson, ExpirationFilter, InventoryLevelJson, InventoryLevelStatus, OpenBoxesLocation, OpenBoxesProduct, OpenBoxesUser, OrderStatus, OrderSummaryStatus, ReorderReportItem };

/** A hosted-tier API key grants one user at one location, without a session. */
export interface ApiKeyGrant {
	username: string;
	location: string;
}

export interface OpenBoxesSandboxOptions {
	/** Idle time after which a session is gone; OpenBoxes sets 7200 s (2 h) per request. */
	sessionIdleSeconds: number;
	/** Requests per one-minute window per session, API key, or client address before login; null = no
	 * limit, as in the open-source server. A number turns on the hosted vendor layer (429s). The
	 * window is timed by the record clock, so a test passes it by setting the clock. */
	rateLimitPerMinute: number | null;
	/** Hosted-tier API keys (the open-source server has none): key -> the user and location it acts
	 * as. An empty map ignores the header entirely, like the open-source server. */
	apiKeys: Record<string, ApiKeyGrant>;
	/** The request header that carries the API key. */
	apiKeyHeader: string;
	/** Passwords by username that replace the seeded ones, as when a user changed theirs (the e2e
	 * tests give admin one no n8n text contains, so that a leak of it can be searched for). */
	passwords: Record<string, string>;
	/** false answers the reorder report with 404, as servers older than v0.9.6 do. */
	reorderReportAvailable: boolean;
	/** The hosted tier's POST/PUT on /api/purchaseOrders; false gives the open-source 404. */
	purchaseOrderWrites: boolean;
	/** The other vendor-doc endpoints: /api/putAways (alias), GET /api/inventoryItems, POST /api/users. */
	hostedEndpoints: boolean;
	/** openboxes.webhook.endpoint.url: where `shipment.shipped` goes when a shipment leaves a location
	 * with the ENABLE_WEBHOOKS activity. null: none set (OpenBoxes' own default is a webhook.site
	 * address; the sandbox never calls out and records the delivery as failed). */
	webhookUrl: string | null;
	/** openboxes.webhook.endpoint.headers: fixed headers on every event (OpenBoxes' default: header1). */
	webhookHeaders: Record<string, string>;
	/** openboxes.webhook.enabled: OpenBoxes 0.9.x reads it but never acts on it; only the origin's
	 * ENABLE_WEBHOOKS activity decides. Kept so that tests can show exactly that. */
	webhookEnabled: boolean;
}

const DEFAULT_OPTIONS: OpenBoxesSandboxOptions = {
	sessionIdleSeconds: 7200,
	rateLimitPerMinute: null,
	apiKeys: { [OPENBOXES_DEMO.apiKey]: { username: OPENBOXES_DEMO.username, location: OPENBOXES_DEMO.locationId } },
	apiKeyHeader: 'X-API-Key',
	passwords: {},
	reorderReportAvailable: true,
	purchaseOrderWrites: true,
	hostedEndpoints: true,
	webhookUrl: null,
	webhookHeaders: { header1: 'value1' },
	webhookEnabled: false,
};

const API = '/openboxes/api';
const APP_VERSION = '0.9.9-SNAPSHOT';
const RATE_WINDOW_MS = 60_000;

/** Role hierarchy as RoleInterceptor applies it: a higher role includes the lower ones. */
const ROLE_RANK: Partial<Record<RoleType, number>> = {
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

/** A webhook event ready to send: its type, the shipment it is about and the exact body. */
interface ShippedEvent {
	type: string;
	shipmentId: string;
	body: string;
}

/**
 * 'read' needs ROLE_BROWSER, 'write' ROLE_MANAGER (create/save/update/delete actions), 'assistant'
 * ROLE_ASSISTANT (the explicit rules for stock movement and PO delete), 'purchaseApprover' the
 * flat ROLE_PURCHASE_APPROVER (PO rollback).
 */
type Access = 'read' | 'write' | 'assistant' | 'purchaseApprover';

interface AuthedCall {
	ctx: RequestContext;
	session: Session;
	user: OpenBoxesUser;
}

type Handler = (call: AuthedCall) => SandboxResponse;

/** The secrets among options: API keys, changed passwords and webhook header values, with what each is. */
function optionSecrets(options: Partial<OpenBoxesSandboxOptions>): Array<[string, string]> {
	return [
		...Object.keys(options.apiKeys ?? {}).map((key): [string, string] => ['API key', key]),
		...Object.entries(options.passwords ?? {}).map(([user, password]): [string, string] => [`password of ${user}`, password]),
		...Object.entries(options.webhookHeaders ?? {}).map(([name, value]): [string, string] => [`webhook header ${name}`, value]),
	];
}

function validateOptions(options: Partial<OpenBoxesSandboxOptions>): Partial<OpenBoxesSandboxOptions> {
	for (const key of Object.keys(options)) {
		if (!(key in DEFAULT_OPTIONS)) throw new Error(`unknown option: ${key}`);
	}
	const { sessionIdleSeconds, rateLimitPerMinute, apiKeys, apiKeyHeader, passwords } = options;
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
	if (apiKeys !== undefined) {
		const valid =
			isObject(apiKeys) &&
			Object.values(apiKeys).every((g) => isObject(g) && typeof g.username === 'string' && typeof g.location === 'string');
		if (!valid) throw new Error('apiKeys must map each key to {"username","location"}');
	}
	if (apiKeyHeader !== undefined && !(typeof apiKeyHeader === 'string' && /^[A-Za-z0-9-]+$/.test(apiKeyHeader))) {
		throw new Error('apiKeyHeader must be a header name');
	}
	if (passwords !== undefined && !(isObject(passwords) && Object.values(passwords).every((p) => typeof p === 'string' && p))) {
		throw new Error('passwords must map usernames to passwords');
	}
	for (const key of ['reorderReportAvailable', 'purchaseOrderWrites', 'hostedEndpoints', 'webhookEnabled'] as const) {
		if (options[key] !== undefined && typeof options[key] !== 'boolean') throw new Error(`${key} must be a boolean`);
	}
	const { webhookUrl, webhookHeaders } = options;
	if (webhookUrl !== undefined && webhookUrl !== null && !(typeof webhookUrl === 'string' && /^https?:\/\/\S+$/.test(webhookUrl))) {
		throw new Error('webhookUrl must be an http(s) URL or null');
	}
	if (
		webhookHeaders !== undefined &&
		!(isObject(webhookHeaders) && Object.entries(webhookHeaders).every(([name, value]) => /^[A-Za-z0-9-]+$/.test(name) && typeof value === 'string'))
	) {
		throw new Error('webhookHeaders must map header names to text values');
	}
	return options;
}

type SortKey = (p: OpenBoxesProduct) => SortValue;

/** A product list kept between requests, and the catalogue it was made from (see cachedProducts). */
interface CachedProducts {
	source: OpenBoxesProduct[];
	length: number;
	revision: number;
	rows: OpenBoxesProduct[];
}

/** At most this many product lists are kept (each search term makes one). */
const CACHED_PRODUCT_LISTS = 64;

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

function npe(property: string): never {
	return fail('java.lang.NullPointerException', `Cannot get property '${property}' on null object`);
}

export class OpenBoxesSandbox extends SandboxServer {
	private readonly initialOptions: OpenBoxesSandboxOptions;
	private settings: OpenBoxesSandboxOptions;
	private state: OpenBoxesState = seedState();
	private sessions = new Map<string, Session>();
	private buckets = new Map<string, RateBucket>();
	private deliveries: OpenBoxesWebhookDelivery[] = [];
	/** Product lists by sort order and filter, kept between requests (see cachedProducts). */
	private productLists = new Map<string, CachedProducts>();
	/** The clock dateCreated and lastUpdated come from, and the rate-limit windows: real time unless a test sets it (also `POST /__sandbox/clock {"at"}`). */
	readonly clock = new RecordClock();

	constructor(options: Partial<OpenBoxesSandboxOptions> = {}) {
		super('openboxes');
		this.initialOptions = structuredClone({ ...DEFAULT_OPTIONS, ...validateOptions(options) });
		this.settings = structuredClone(this.initialOptions);
		this.registerRoutes();
	}

	// ---- helpers for tests, e2e and demos ----

	get options(): Readonly<OpenBoxesSandboxOptions> {
		return structuredClone(this.settings);
	}

	/** Changes options at runtime (also `POST /__sandbox/config`); throws on an invalid value. */
	configure(options: Partial<OpenBoxesSandboxOptions>): OpenBoxesSandboxOptions {
		const next = structuredClone({ ...this.settings, ...validateOptions(options) });
		for (const [source, value] of optionSecrets(options)) this.issue(value, source);
		// A new limit starts with fresh windows, so a test never inherits counts from the old one.
		if (next.rateLimitPerMinute !== this.settings.rateLimitPerMinute) this.buckets.clear();
		this.settings = next;
		return structuredClone(this.settings);
	}

	/** The current catalogue (seed plus anything created), inactive included, in default order. */
	products(): OpenBoxesProduct[] {
		return this.sortedProducts('name', false).map((p) => structuredClone(p));
	}

	/**
	 * Appends `n` active products made like the seeded ones (unique codes and names), all created
	 * and last updated at the record clock's current second, as a bulk import in that second
	 * would. In memory: about a second per 100,000. reset() drops them.
	 */
	addProducts(n: number): void {
		if (!Number.isInteger(n) || n < 0) throw new Error(`count must be a whole number of 0 or more, got ${n}`);
		const added = moreProducts(this.state.products, n, this.nowSeconds(), () => ++this.state.counter);
		for (const product of added) this.state.products.push(product);
	}

	/** Every location: facilities, suppliers, wards, bins and inactive ones. */
	locations(): OpenBoxesLocation[] {
		return this.state.locations.map((l) => structuredClone(l));
	}

	users(): OpenBoxesUser[] {
		return this.state.users.map((u) => structuredClone(u));
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

	/**
	 * A physical count: the product then has exactly `quantity` on hand and available at the
	 * location (default Boston Headquarters), in one unexpired lot; bumps the product's lastUpdated.
	 */
	setQuantityOnHand(productId: string, quantity: number, locationId: string = OPENBOXES_DEMO.locationId): void {
		const product = this.state.products.find((p) => p.id === productId);
		if (!product) throw new Error(`unknown product: ${productId}`);
		if (!isFacility(this.state, locationId)) throw new Error(`not a facility with inventory: ${locationId}`);
		if (!Number.isInteger(quantity) || quantity < 0) throw new Error('quantity must be a non-negative integer');
		// A stock count changes stock rows, not the product record: its lastUpdated stays.
		countStock(this.state, productId, quantity, locationId, this.nowSeconds());
	}

	/** Sum of quantity on hand, or null when the product was never stocked there. */
	quantityOnHand(productId: string, locationId: string = OPENBOXES_DEMO.locationId): number | null {
		return quantityOnHand(this.state, productId, locationId);
	}

	/** ProductAvailability rows (lot x bin) at a facility, as `/api/products/{id}/productAvailability` renders them. */
	productAvailability(productId?: string, locationId: string = OPENBOXES_DEMO.locationId): AvailabilityJson[] {
		const allocated = allocations(this.state);
		return rowsAt(this.state, locationId, productId).map((r) => availabilityJson(this.state, r, allocated.get(r.id) ?? 0) );
	}

	/** Facility-level inventory levels, as `GET /api/facilities/{id}/inventory-levels` returns them. */
	inventoryLevels(locationId: string = OPENBOXES_DEMO.locationId): InventoryLevelJson[] {
		return this.state.inventoryLevels
			.filter((l) => l.locationId === locationId)
			.map((l) => inventoryLevelJson(this.state, l));
	}

	/** What the reorder report answers for a session at `locationId` (admin, no ROLE_FINANCE). */
	reorderReportItems(
		status: InventoryLevelStatus = 'BELOW_REORDER',
		locationId: string = OPENBOXES_DEMO.locationId,
		expiration: ExpirationFilter = 'SUBTRACT_EXPIRED_STOCK',
	): ReorderReportItem[] {
		return reorderReport(this.state, locationId, status, expiration, false, Date.now());
	}

	/** Sets products' lastUpdated (default: now, to the second), as edits in the UI would. */
	touchProducts(productIds: string[], lastUpdated?: string): void {
		const stamp = lastUpdated ?? grailsDate(this.nowSeconds());
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(stamp)) throw new Error(`lastUpdated must be yyyy-MM-ddTHH:mm:ssZ: ${stamp}`);
		for (const id of productIds) {
			const product = this.state.products.find((p) => p.id === id);
			if (!product) throw new Error(`unknown product: ${id}`);
			product.lastUpdated = stamp;
		}
		productsChanged(this.state);
	}

	/** Every stock movement as `GET /api/stockMovements/{id}` renders it, oldest first. */
	stockMovements(): JsonObject[] {
		return this.state.stockMovements.map((sm) => movementJson(this.state, sm));
	}

	/** Receives a shipped stock movement in full: stock lands in the destination's receiving bin. */
	receiveStockMovement(id: string): void {
		const sm = this.state.stockMovements.find((s) => s.id === id);
		if (!sm) throw new Error(`unknown stock movement: ${id}`);
		receive(this.state, sm, this.nowSeconds());
	}

	/** Every purchase order as a list row (OrderSummary), in list order. */
	purchaseOrders(): JsonObject[] {
		return this.state.purchaseOrders.map((o) => orderSummaryJson(this.state, o));
	}

	/** Moves a purchase order along PENDING -> APPROVED -> PLACED -> ... -> RECEIVED (or to a derived
	 * status such as SHIPPED or INVOICED); its items follow and lastUpdated is bumped. */
	setPurchaseOrderStatus(id: string, status: OrderStatus | OrderSummaryStatus): void {
		const order = this.state.purchaseOrders.find((o) => o.id === id);
		if (!order) throw new Error(`unknown purchase order: ${id}`);
		moveOrder(order, status, this.nowSeconds());
	}

	/** Saved putaways as `GET /api/putaways/{id}` renders them. */
	putaways(): JsonObject[] {
		return this.state.putaways.map((p) => putawayJson(this.state, p));
	}

	/** Ticks "Enable Webhooks" among the location's supported activities, as an admin does in the UI. */
	enableWebhooks(locationId: string = OPENBOXES_DEMO.locationId): void {
		const location = this.state.locations.find((l) => l.id === locationId);
		if (!location) throw new Error(`unknown location: ${locationId}`);
		if (!location.supportedActivities.includes('ENABLE_WEBHOOKS')) location.supportedActivities.push('ENABLE_WEBHOOKS');
	}

	/** Every webhook event the sandbox sent (or tried to), oldest first. */
	webhookDeliveries(): OpenBoxesWebhookDelivery[] {
		return structuredClone(this.deliveries);
	}

	/**
	 * WebhookPublisherService.publishShippedEvent for a shipped stock movement: nothing unless its
	 * origin supports ENABLE_WEBHOOKS, else one POST to webhookUrl with webhookHeaders. Shipping
	 * through the API (status DISPATCHED, or ISSUED for a supplier shipment) calls this before the
	 * call answers; tests and the demo can call it to send the event again.
	 */
	async publishShippedEvent(
		id: string,
		who: { userId: string | null; locationId: string | null } = { userId: OPENBOXES_DEMO.userId, locationId: OPENBOXES_DEMO.locationId },
	): Promise<OpenBoxesWebhookDelivery | undefined> {
		const sm = this.state.stockMovements.find((s) => s.id === id);
		if (!sm || !isShipped(sm)) throw new Error(`not a shipped stock movement: ${id}`);
		return await this.publishShipped(this.shippedEventOf(sm, who));
	}

	private shippedEventOf(sm: StockMovementRow, who: { userId: string | null; locationId: string | null }): ShippedEvent | undefined {
		const origin = this.state.locations.find((l) => l.id === sm.originId);
		if (!origin?.supportedActivities.includes('ENABLE_WEBHOOKS')) return undefined;
		const event = shipmentShippedEvent(this.state, sm, who, Date.now());
		return { type: SHIPMENT_SHIPPED, shipmentId: String(event.id), body: shipmentShippedBody(event) };
	}

	private async publishShipped(event: ShippedEvent | undefined): Promise<OpenBoxesWebhookDelivery | undefined> {
		if (!event) return undefined;
		const delivery = await deliverWebhook({ url: this.settings.webhookUrl, headers: this.settings.webhookHeaders }, event);
		this.deliveries.push(delivery);
		return structuredClone(delivery);
	}

	// ---- base-class hooks ----

	/** The seeded users' passwords (as `passwords` sets them), and the API keys and webhook headers it started with. */
	protected knownSecrets(): SandboxSecret[] {
		const passwords = seedUsers().map((user) => ({
			source: `password of ${user.username}`,
			value: Object.hasOwn(this.initialOptions.passwords, user.username) ? this.initialOptions.passwords[user.username] : user.password,
		}));
		return [...passwords, ...optionSecrets(this.initialOptions).map(([source, value]) => ({ source, value }))];
	}

	/** The caller's session is invalidated; its cookie then behaves exactly like no login. */
	protected expireAuth(ctx: RequestContext): void {
		for (const id of this.cookieSessionIds(ctx)) this.sessions.delete(id);
	}

	protected resetState(): void {
		this.settings = structuredClone(this.initialOptions);
		this.state = seedState();
		this.sessions.clear();
		this.buckets.clear();
		this.deliveries = [];
		this.productLists.clear();
		this.clock.set(null);
	}

	/**
	 * A product list made by `build`, kept between requests while the catalogue is the same array,
	 * as long, and at the same productsRevision: sorting and filtering 100,000 products for each
	 * page would cost far more than the page. Products are only appended in place; a delete,
	 * reset or rollback replaces the array.
	 */
	private cachedProducts(key: string, build: () => OpenBoxesProduct[]): OpenBoxesProduct[] {
		const { products, productsRevision } = this.state;
		const cached = this.productLists.get(key);
		if (cached?.source === products && cached.length === products.length && cached.revision === productsRevision) {
			return cached.rows;
		}
		const rows = build();
		if (this.productLists.size >= CACHED_PRODUCT_LISTS) this.productLists.clear();
		this.productLists.set(key, { source: products, length: products.length, revision: productsRevision, rows });
		return rows;
	}

	/**
	 * Every product in one sort order, a total one as `comparator` makes it: equal keys fall back to
	 * id ascending, so paging never skips a row. Each key is worked out once, not per comparison.
	 */
	private sortedProducts(sort: string, descending: boolean): OpenBoxesProduct[] {
		return this.cachedProducts(`sort:${sort}:${descending}`, () => {
			const keyOf = SORT_KEYS[sort];
			const keyed = this.state.products.map((product) => ({ id: product.id, key: keyOf(product), product }));
			keyed.sort((a, b) => {
				const primary = compareValues(a.key, b.key);
				if (primary !== 0) return descending ? -primary : primary;
				return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
			});
			return keyed.map(({ product }) => product);
		});
	}

	/** Now, truncated to the second: the database stores datetimes without milliseconds. */
	private nowSeconds(): number {
		const now = this.clock.now();
		return now - (now % 1000);
	}

	/**
	 * Control actions for callers in another process (demo, e2e): `clock` {at}, `expireSessions`, `config`, and
	 * the test helpers `setQuantityOnHand` {productId, quantity, locationId?}, `touchProducts`
	 * {productIds, lastUpdated?}, `receiveStockMovement` {id}, `setPurchaseOrderStatus` {id, status},
	 * `enableWebhooks` {locationId?}, `publishShippedEvent` {id} and `webhookDeliveries`.
	 */
	protected control(action: string, body: unknown): Promise<SandboxResponse> | SandboxResponse | undefined {
		if (action === 'clock') return this.clock.control(body);
		if (action === 'expireSessions') return { status: 200, body: { expired: this.expireAllSessions() } };
		if (action === 'webhookDeliveries') return { status: 200, body: this.webhookDeliveries() };
		if (action === 'publishShippedEvent') {
			const id = isObject(body) ? String(body.id) : '';
			return this.publishShippedEvent(id).then(
				(delivery) => ({ status: 200, body: delivery ?? { sent: false, reason: 'the origin does not support ENABLE_WEBHOOKS' } }),
				(error: Error) => ({ status: 400, body: { error: error.message } }),
			);
		}
		const actions: Record<string, (b: JsonObject) => unknown> = {
			config: (b) => this.configure(b as Partial<OpenBoxesSandboxOptions>),
			setQuantityOnHand: (b) => {
				this.setQuantityOnHand(String(b.productId), Number(b.quantity), typeof b.locationId === 'string' ? b.locationId : undefined);
				return { quantityOnHand: this.quantityOnHand(String(b.productId), typeof b.locationId === 'string' ? b.locationId : undefined) };
			},
			touchProducts: (b) => {
				this.touchProducts(Array.isArray(b.productIds) ? b.productIds.map(String) : [], typeof b.lastUpdated === 'string' ? b.lastUpdated : undefined);
				return { touched: Array.isArray(b.productIds) ? b.productIds.length : 0 };
			},
			receiveStockMovement: (b) => {
				this.receiveStockMovement(String(b.id));
				return { received: b.id };
			},
			setPurchaseOrderStatus: (b) => {
				this.setPurchaseOrderStatus(String(b.id), String(b.status) as OrderStatus);
				return this.purchaseOrders().find((o) => o.id === b.id);
			},
			enableWebhooks: (b) => {
				const locationId = typeof b.locationId === 'string' ? b.locationId : OPENBOXES_DEMO.locationId;
				this.enableWebhooks(locationId);
				return { locationId, supportedActivities: this.locations().find((l) => l.id === locationId)?.supportedActivities };
			},
		};
		const run = Object.hasOwn(actions, action) ? actions[action] : undefined;
		if (!run) return undefined;
		if (body !== undefined && !isObject(body)) return { status: 400, body: { error: `${action} body must be a JSON object` } };
		try {
			return { status: 200, body: run(body ?? {}) };
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

	private get(path: string, handler: Handler, access: Access = 'read'): void {
		this.route('GET', `${API}${path}`, this.secured(access, handler));
	}

	private post(path: string, handler: Handler, access: Access = 'write'): void {
		this.route('POST', `${API}${path}`, this.secured(access, handler));
	}

	private put(path: string, handler: Handler, access: Access = 'write'): void {
		this.route('PUT', `${API}${path}`, this.secured(access, handler));
	}

	private delete(path: string, handler: Handler, access: Access = 'write'): void {
		this.route('DELETE', `${API}${path}`, this.secured(access, handler));
	}

	/** A route that only exists on the hosted tier (option `hostedEndpoints`). */
	private hosted(handler: Handler): Handler {
		return (call) => (this.settings.hostedEndpoints ? handler(call) : NOT_FOUND());
	}

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

		// Products: the fixed paths before /products/{id}.
		this.get('/products', ({ ctx }) => this.listProducts(ctx));
		this.post('/products', ({ ctx, user }) => ok({ product: saveProduct(this.state, bodyObject(ctx), user, this.nowSeconds()) }));
		this.get('/products/search', (call) => this.searchProducts(call));
		this.get('/products/availableItems', (call) => this.availableItems(call));
		this.get('/products/:id', ({ ctx }) => ok({ data: productJson(this.product(ctx.params.id)) }));
		const update: Handler = ({ ctx, user }) => {
			const product = this.product(ctx.params.id);
			updateProduct(this.state, product, bodyObject(ctx), user, this.nowSeconds());
			return ok({ data: productJson(product) });
		};
		this.post('/products/:id', update);
		this.put('/products/:id', update);
		this.delete('/products/:id', ({ ctx }) => {
			deleteProduct(this.state, this.product(ctx.params.id));
			return empty(204);
		});
		this.get('/products/:id/productAvailability', (call) => this.productAvailabilityOf(call));
		this.get('/products/:id/productSummary', (call) => this.productSummary(call));
		this.get('/products/:productId/inventoryItems/:lotNumber', ({ ctx }) => this.lotLookup(ctx));

		// Locations.
		this.get('/locations', (call) => this.listLocations(call));
		this.post('/locations', ({ ctx }) => ok({ data: locationJson(saveLocation(this.state, bodyObject(ctx), this.nowSeconds())) }));
		this.get('/locations/locationTypes', ({ ctx }) => this.locationTypes(ctx));
		this.get('/locations/supportedActivities', () => ok({ data: [...ACTIVITY_CODES] }));
		this.get('/locations/:id', ({ ctx }) => {
			const location = this.state.locations.find((l) => l.id === ctx.params.id);
			// Location.get(id) of an unknown id renders as {"data":null}, with 200.
			return ok({ data: location ? locationJson(location) : null });
		});
		const updateLocation: Handler = ({ ctx }) => {
			const location = this.state.locations.find((l) => l.id === ctx.params.id);
			if (!location) illegalArgument(`No Location found for location ID ${ctx.params.id}`);
			return ok({ data: locationJson(saveLocation(this.state, bodyObject(ctx), this.nowSeconds(), location)) });
		};
		this.post('/locations/:id', updateLocation);
		this.put('/locations/:id', updateLocation);
		this.delete('/locations/:id', ({ ctx }) => {
			const location = this.state.locations.find((l) => l.id === ctx.params.id);
			if (!location) illegalArgument(`No Location found for location ID ${ctx.params.id}`);
			deleteLocation(this.state, location);
			return empty(204);
		});
		this.get('/locations/:id/productSummary', (call) => this.locationProductSummary(call));

		// Stock levels and the reorder report.
		this.get('/facilities/:facilityId/inventories/reorderReport', (call) => this.reorderReport(call));
		this.get('/facilities/:facilityId/inventory-levels', ({ ctx }) => this.facilityInventoryLevels(ctx));

		// Stock movements.
		this.get('/stockMovements', ({ ctx }) => listStockMovements(this.state, ctx));
		this.post('/stockMovements', ({ ctx, session, user }) => {
			if (!session.locationId) npe('id');
			return ok({ data: movementJson(this.state, createStockMovement(this.state, bodyObject(ctx), user, this.nowSeconds())) }, 201);
		});
		this.get('/stockMovements/:id', ({ ctx }) => {
			const sm = this.movement(ctx.params.id);
			return ok({ data: movementJson(this.state, sm), totalCount: sm.lines.length });
		});
		this.delete('/stockMovements/:id', ({ ctx, session }) => {
			const sm = this.state.stockMovements.find((s) => s.id === ctx.params.id);
			if (!sm) return { status: 404, body: { errorMessage: `Stockmovement with id ${ctx.params.id} does not exist` } };
			return deleteStockMovement(this.state, sm, session.locationId);
		}, 'assistant');
		this.get('/stockMovements/:id/status', ({ ctx }) => ok({ data: this.movement(ctx.params.id).requisitionStatus }));
		// Shipping publishes OpenBoxes' webhook event before the call answers (ShipmentService.sendShipment).
		this.route('POST', `${API}/stockMovements/:id/status`, async (ctx) => {
			let shipped: ShippedEvent | undefined;
			const response = this.secured('write', ({ ctx, session, user }) => {
				const sm = this.movement(ctx.params.id);
				const wasShipped = isShipped(sm);
				transition(this.state, sm, bodyObject(ctx), user, this.nowSeconds());
				if (!wasShipped && isShipped(sm)) shipped = this.shippedEventOf(sm, { userId: user.id, locationId: session.locationId });
				return empty(200);
			})(ctx);
			await this.publishShipped(shipped);
			return response;
		});
		this.delete('/stockMovements/:id/status', ({ ctx, user }) => {
			rollbackStockMovement(this.state, this.movement(ctx.params.id), user, this.nowSeconds());
			return redirect(`${ctx.baseUrl}${API}/stockMovements/${ctx.params.id}`);
		});
		this.post('/stockMovements/:id/updateItems', ({ ctx, user }) => {
			const sm = this.movement(ctx.params.id);
			updateItems(this.state, sm, bodyObject(ctx), user, this.nowSeconds());
			return ok({ data: movementJson(this.state, sm) });
		});
		this.post('/stockMovements/:id/updateShipment', ({ ctx, user }) => {
			updateShipment(this.state, this.movement(ctx.params.id), bodyObject(ctx), user, this.nowSeconds());
			return empty(200);
		});
		this.get('/stockMovements/:id/stockMovementItems', ({ ctx }) => {
			const sm = this.movement(ctx.params.id);
			return ok({ data: this.softPage(sm.lines, ctx).map((line) => movementItemJson(this.state, sm, line)) });
		});

		// Purchase orders.
		this.get('/purchaseOrders', ({ ctx }) => listPurchaseOrders(this.state, ctx));
		this.post('/purchaseOrders', ({ ctx, user }) => {
			if (!this.settings.purchaseOrderWrites) return NOT_FOUND();
			return ok({ data: orderJson(this.state, savePurchaseOrder(this.state, bodyObject(ctx), user, this.nowSeconds())) }, 201);
		});
		this.get('/purchaseOrders/:id', ({ ctx }) => {
			const order = this.state.purchaseOrders.find((o) => o.id === ctx.params.id);
			if (!order) return { status: 404, headers: { 'Content-Type': 'text/plain;charset=utf-8' }, body: `Order not found with id ${ctx.params.id}` };
			return ok({ data: orderJson(this.state, order) });
		});
		const updateOrder: Handler = ({ ctx, user }) => {
			if (!this.settings.purchaseOrderWrites) return NOT_FOUND();
			const order = this.state.purchaseOrders.find((o) => o.id === ctx.params.id);
			if (!order) return { status: 404, body: { errorMessage: `Order not found with id ${ctx.params.id}` } };
			return ok({ data: orderJson(this.state, savePurchaseOrder(this.state, bodyObject(ctx), user, this.nowSeconds(), order)) });
		};
		this.post('/purchaseOrders/:id', updateOrder);
		this.put('/purchaseOrders/:id', updateOrder);
		this.delete('/purchaseOrders/:id', ({ ctx }) => {
			const order = this.state.purchaseOrders.find((o) => o.id === ctx.params.id);
			if (!order) return { status: 404, body: { errorMessage: `Order not found with id ${ctx.params.id}` } };
			return deletePurchaseOrder(this.state, order);
		}, 'assistant');
		this.post('/purchaseOrders/:id/rollback', ({ ctx }) => {
			const order = this.state.purchaseOrders.find((o) => o.id === ctx.params.id);
			if (!order) return { status: 404, body: { errorMessage: `Order not found with id ${ctx.params.id}` } };
			rollbackPurchaseOrder(this.state, order, this.nowSeconds());
			return empty(200);
		}, 'purchaseApprover');

		// Put-aways; the vendor doc spells the path /api/putAways.
		for (const [base, wrap] of [
			['/putaways', (h: Handler) => h],
			['/putAways', (h: Handler) => this.hosted(h)],
		] as const) {
			this.get(base, wrap((call) => this.listPutaways(call)));
			this.get(`${base}/:id`, wrap(({ ctx }) => {
				const putaway = this.state.putaways.find((p) => p.id === ctx.params.id);
				if (!putaway) illegalArgument(`No putaway found for order ID ${ctx.params.id}`);
				return ok({ data: putawayJson(this.state, putaway) });
			}));
			this.post(base, wrap(({ ctx, session, user }) => {
				const location = this.state.locations.find((l) => l.id === session.locationId);
				if (!location) npe('id');
				return ok({ data: putawayJson(this.state, savePutaway(this.state, bodyObject(ctx), user, location.id, this.nowSeconds())) });
			}));
		}

		// Inventory items: the hosted tier lists them at /api/inventoryItems (the generic resource).
		this.get('/inventoryItems', this.hosted(({ ctx }) => ok({ data: page(genericInventoryItem.rows(this.state), ctx).map((i) => inventoryItemJson(this.state, i)) })));

		// Users: an options lookup in the open-source server; the hosted tier can also create.
		this.get('/users', (call) => this.listUsers(call));
		this.post('/users', this.hosted(({ ctx }) => ok({ data: userJson(saveUser(this.state, bodyObject(ctx), this.nowSeconds(), true)) }, 201)));

		// The generic API.
		this.get('/generic/:resource', ({ ctx }) => genericList(this.state, ctx));
		this.post('/generic/:resource', ({ ctx, user }) => genericCreate(this.state, ctx, user, this.nowSeconds()));
		this.get('/generic/:resource/search', ({ ctx }) => genericSearch(this.state, ctx));
		this.post('/generic/:resource/search', ({ ctx }) => genericSearch(this.state, ctx), 'read');
		this.get('/generic/:resource/:id', ({ ctx }) => genericRead(this.state, ctx));
		this.post('/generic/:resource/:id', ({ ctx, user }) => genericUpdate(this.state, ctx, user, this.nowSeconds()));
		this.put('/generic/:resource/:id', ({ ctx, user }) => genericUpdate(this.state, ctx, user, this.nowSeconds()));
		this.delete('/generic/:resource/:id', ({ ctx }) => genericDelete(this.state, ctx));

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

	/** The roles a user holds at a location: the default roles plus that location's LocationRoles. */
	private effectiveRoles(user: OpenBoxesUser, locationId: string | null): RoleType[] {
		const local = locationId ? (user.locationRoles[locationId] ?? []) : [];
		return [...new Set([...user.roles, ...local])];
	}

	private rank(user: OpenBoxesUser, locationId: string | null): number {
		return Math.max(0, ...this.effectiveRoles(user, locationId).map((r) => ROLE_RANK[r] ?? 0));
	}

	/** The hosted API key, when keys are configured and the request carries one. */
	private apiKeyOf(ctx: RequestContext): string | undefined {
		if (Object.keys(this.settings.apiKeys).length === 0) return undefined;
		return header(ctx.headers, this.settings.apiKeyHeader);
	}

	/** An API route behind SecurityInterceptor (login) and RoleInterceptor (role for the action). */
	private secured(access: Access, handler: Handler): (ctx: RequestContext) => SandboxResponse {
		return (ctx) => this.rateLimited(ctx, () => {
			let session: Session | undefined;
			let user: OpenBoxesUser | undefined;
			const apiKey = this.apiKeyOf(ctx);
			if (apiKey !== undefined) {
				// The hosted layer authenticates the key itself: no session, no redirect.
				const grant = Object.hasOwn(this.settings.apiKeys, apiKey) ? this.settings.apiKeys[apiKey] : undefined;
				user = grant ? this.state.users.find((u) => u.username === grant.username && u.active) : undefined;
				if (!grant || !user) return errorBody(401, 'Invalid API key');
				const locationId = this.state.locations.some((l) => l.id === grant.location) ? grant.location : null;
				session = { id: `api-key:${apiKey}`, userId: user.id, locationId, lastAccess: Date.now() };
			} else {
				session = this.touchSession(ctx);
				user = session?.userId ? this.state.users.find((u) => u.id === session!.userId) : undefined;
				if (session && user && !user.active) {
					// SecurityInterceptor drops an inactive user from the session on the first request.
					session.userId = null;
					user = undefined;
				}
			}
			if (!session || !user) {
				return redirect(
					isAjax(ctx) ? `${ctx.baseUrl}/openboxes/errors/handleUnauthorized` : `${ctx.baseUrl}/openboxes/auth/login`,
				);
			}
			const allowed =
				access === 'purchaseApprover'
					? this.effectiveRoles(user, session.locationId).includes('ROLE_PURCHASE_APPROVER')
					: this.rank(user, session.locationId) >=
						ROLE_RANK[access === 'write' ? 'ROLE_MANAGER' : access === 'assistant' ? 'ROLE_ASSISTANT' : 'ROLE_BROWSER']!;
			if (!allowed) return redirect(`${ctx.baseUrl}/openboxes/errors/handleForbidden`);
			try {
				return handler({ ctx, session, user });
			} catch (error) {
				// An exception reaching ErrorsController becomes its error response.
				if (error instanceof ApiError) return error.response;
				throw error;
			}
		});
	}

	/**
	 * The hosted layer in front of the app: a fixed one-minute window per session, per API key,
	 * or per client address when the call carries neither. It answers before the app runs, so a
	 * rejected call neither reaches the handler nor refreshes the session. Windows follow the
	 * record clock, so a test that sets the clock a minute on passes one without waiting.
	 */
	private rateLimited(ctx: RequestContext, next: () => SandboxResponse): SandboxResponse {
		const limit = this.settings.rateLimitPerMinute;
		if (limit === null) return next();
		const now = this.clock.now();
		const apiKey = this.apiKeyOf(ctx);
		const key =
			(apiKey !== undefined ? `key:${apiKey}` : undefined) ??
			this.peekSession(ctx)?.id ??
			`addr:${ctx.req.socket.remoteAddress ?? 'unknown'}`;
		let bucket = this.buckets.get(key);
		// A clock set back also starts a new window, so Retry-After never exceeds a minute.
		if (!bucket || now - bucket.windowStart >= RATE_WINDOW_MS || now < bucket.windowStart) {
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

	// ---- lookups that fail like the controllers do ----

	private product(id: string): OpenBoxesProduct {
		const product = this.state.products.find((p) => p.id === id);
		if (!product) throw new ApiError(NOT_FOUND());
		return product;
	}

	private movement(id: string) {
		const sm = this.state.stockMovements.find((s) => s.id === id);
		if (!sm) throw new ApiError(NOT_FOUND());
		return sm;
	}

	/** The session location (`session.warehouse`), or the NPE the controllers hit without one. */
	private sessionLocation(session: Session): OpenBoxesLocation {
		const location = this.state.locations.find((l) => l.id === session.locationId);
		return location ?? npe('id');
	}

	/** Command-object max/offset: a value that is not a number is ignored, not an error. */
	private softPage<T>(rows: T[], ctx: RequestContext): T[] {
		const int = (name: string) => {
			const raw = ctx.query.get(name);
			return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
		};
		const start = int('offset') ?? 0;
		const max = int('max');
		return rows.slice(start, max ? start + max : undefined);
	}

	// ---- ApiController ----

	private login(ctx: RequestContext): SandboxResponse {
		// request.JSON is only populated for a JSON content type; anything else is empty credentials.
		const body = bodyObject(ctx);
		const username = typeof body.username === 'string' ? body.username : undefined;
		const password = typeof body.password === 'string' ? body.password : undefined;
		const user = username
			? this.state.users.find((u) => u.username === username || u.email === username)
			: undefined;
		const expected = user && Object.hasOwn(this.settings.passwords, user.username) ? this.settings.passwords[user.username] : user?.password;
		if (!user || password === undefined || expected !== password) return text(401, 'Authentication failed');

		let session = this.peekSession(ctx);
		const headers: Record<string, string> = { 'Content-Type': HTML };
		if (!session) {
			session = { id: this.issue(randomBytes(16).toString('hex').toUpperCase(), 'session cookie JSESSIONID'), userId: null, locationId: null, lastAccess: Date.now() };
			this.sessions.set(session.id, session);
			headers['Set-Cookie'] = `JSESSIONID=${session.id}; Path=/openboxes; HttpOnly`;
		}
		session.userId = user.id;
		// `if (request.JSON.location) session.warehouse = Location.get(...)`: not validated, an
		// unknown id silently leaves the session without a location.
		const location = body.location;
		if (location) {
			const id = typeof location === 'string' || typeof location === 'number' ? String(location) : undefined;
			session.locationId = this.state.locations.some((l) => l.id === id) ? (id ?? null) : null;
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
		const location = this.state.locations.find((l) => l.id === id);
		if (!location) return errorBody(404, `Location not found with id ${id ?? 'null'}`);
		session.locationId = location.id;
		return text(200, `User ${user.firstName} ${user.lastName} is now logged into ${location.name}`);
	}

	private appContext({ ctx, session, user }: AuthedCall): SandboxResponse {
		const location = this.state.locations.find((l) => l.id === session.locationId);
		if (!location) return exception('java.lang.NullPointerException', "Cannot get property 'id' on null object");
		const roles = this.effectiveRoles(user, location.id);
		const rank = this.rank(user, location.id);
		const highestRole = roles.reduce<RoleType | null>(
			(best, r) => (best === null || (ROLE_RANK[r] ?? 0) > (ROLE_RANK[best] ?? 0) ? r : best),
			null,
		);
		return {
			status: 200,
			body: {
				data: {
					user: userJson(user),
					location: locationJson(location),
					currentLocationRoles: roles,
					isSuperuser: rank >= ROLE_RANK.ROLE_SUPERUSER!,
					isUserAdmin: rank >= ROLE_RANK.ROLE_ADMIN!,
					isUserApprover: roles.includes('ROLE_PURCHASE_APPROVER'),
					isUserManager: rank >= ROLE_RANK.ROLE_MANAGER!,
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

	// ---- ProductApiController ----

	private listProducts(ctx: RequestContext): SandboxResponse {
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

		// Filtering the sorted list keeps its order: the same rows as sorting the matches.
		const matches = this.cachedProducts(`list:${sort}:${descending}:${includeInactive}:${q}`, () =>
			this.sortedProducts(sort, descending).filter(
				(p) =>
					(includeInactive || p.active) &&
					(!q ||
						p.name.toLowerCase().includes(q) ||
						p.productCode.toLowerCase().includes(q) ||
						(p.description ?? '').toLowerCase().includes(q)),
			),
		);
		// GORM only applies max/offset when they are > -1; Hibernate treats max 0 as "no limit".
		return ok({ data: page(matches, ctx).map((p) => productJson(p)), totalCount: matches.length });
	}

	/**
	 * `search`: name >= 3 characters (else `{"data":[]}`), split on spaces and commas; any term
	 * may match a name or description fragment, a code / unit / lot number prefix. Active
	 * products only, ordered by product code. `availableItems=true` adds stock at the session location.
	 */
	private searchProducts({ ctx, session }: AuthedCall): SandboxResponse {
		const name = ctx.query.get('name');
		if (name === null || name.length < 3) return ok({ data: [] });
		const terms = name.toLowerCase().split(/[, ]/).filter(Boolean);
		const lots = (productId: string) => this.state.inventoryItems.filter((i) => i.productId === productId && i.lotNumber);
		const matches = this.state.products
			.filter((p) => p.active)
			.filter((p) =>
				terms.some(
					(t) =>
						p.name.toLowerCase().includes(t) ||
						(p.description ?? '').toLowerCase().includes(t) ||
						p.productCode.toLowerCase().startsWith(t) ||
						(p.unitOfMeasure ?? '').toLowerCase().startsWith(t) ||
						lots(p.id).some((i) => i.lotNumber!.toLowerCase().startsWith(t)),
				),
			)
			.sort(comparator((p) => p.productCode, false));
		if (ctx.query.get('availableItems')) {
			const location = this.sessionLocation(session);
			const allocated = allocations(this.state);
			return ok({
				data: matches.flatMap((p) => {
					const rows = rowsAt(this.state, location.id, p.id).filter((r) => r.quantityOnHand > 0);
					if (rows.length === 0) return [];
					const expiries = rows.map((r) => itemById(this.state, r.inventoryItemId)!.expirationDate).filter((d): d is number => d !== null);
					return [
						{
							productCode: p.productCode,
							name: p.name,
							id: p.id,
							product: productJson(p),
							quantityAvailable: rows.reduce((sum, r) => sum + Math.max(0, available(r, allocated)), 0),
							minExpirationDate: expiries.length ? usDate(Math.min(...expiries)) : null,
							color: p.color,
							active: p.active,
						},
					];
				}),
			});
		}
		const exact = terms.join(' ');
		return ok({
			data: matches.map((p) => ({
				id: p.id,
				name: p.name,
				active: p.active,
				productCode: p.productCode,
				coldChain: p.handlingIcons.some((i) => i.label === 'Cold chain'),
				controlledSubstance: p.handlingIcons.some((i) => i.label === 'Controlled substance'),
				hazardousMaterial: p.handlingIcons.some((i) => i.label === 'Hazardous material'),
				reconditioned: false,
				unitOfMeasure: p.unitOfMeasure,
				lotAndExpiryControl: p.lotAndExpiryControl,
				exactMatch: p.productCode.toLowerCase() === exact,
				color: p.color,
				displayName: null,
				handlingIcons: structuredClone(p.handlingIcons),
			})),
		});
	}

	/** AvailableItem rows of the active products at `location.id` (default: the session location). */
	private availableItems({ ctx, session }: AuthedCall): SandboxResponse {
		const productIds = [...ctx.query.getAll('product.id'), ...ctx.query.getAll('id')];
		const locationId = ctx.query.get('location.id') || session.locationId;
		const location = this.state.locations.find((l) => l.id === locationId);
		if (!location || productIds.length === 0) illegalArgument('Must specify a location and at least one product');
		const allocated = allocations(this.state);
		const now = Date.now();
		const data = this.state.products
			.filter((p) => p.active && productIds.includes(p.id))
			.flatMap((p) =>
				rowsAt(this.state, location.id, p.id)
					.filter((r) => r.quantityOnHand > 0)
					.map((r) => {
						const item = itemById(this.state, r.inventoryItemId)!;
						const bin = r.binLocationId ? this.state.locations.find((l) => l.id === r.binLocationId) : undefined;
						const free = available(r, allocated);
						const picked = this.state.stockMovements
							.filter((sm) => sm.lines.some((l) => l.picks.some((k) => k.availabilityId === r.id)) && allocated.has(r.id))
							.map((sm) => sm.identifier);
						const status = r.quantityOnHold > 0 ? 'HOLD' : isExpired(item, now) ? 'NOT_AVAILABLE' : free > 0 ? 'AVAILABLE' : picked.length ? 'PICKED' : 'NOT_AVAILABLE';
						return {
							'inventoryItem.id': item.id,
							'product.name': p.name,
							product: productJson(p),
							productCode: p.productCode,
							lotNumber: item.lotNumber,
							expirationDate: item.expirationDate === null ? null : usDate(item.expirationDate),
							binLocation: bin ? locationJson(bin) : null,
							zone: null,
							quantityAvailable: free > 0 ? free : 0,
							quantityOnHand: r.quantityOnHand,
							status,
							pickedRequisitionNumbers: picked.join(','),
							'binLocation.id': bin?.id ?? null,
							'binLocation.name': bin?.name ?? null,
						};
					}),
			);
		return ok({ data });
	}

	/** Rows (lot x bin) at the session location; an unknown product simply has none. */
	private productAvailabilityOf({ ctx, session }: AuthedCall): SandboxResponse {
		const location = this.sessionLocation(session);
		const allocated = allocations(this.state);
		return ok({ data: rowsAt(this.state, location.id, ctx.params.id).map((r) => availabilityJson(this.state, r, allocated.get(r.id) ?? 0)) });
	}

	/** Product.load never fails: an unknown or never-stocked product has quantityOnHand null. */
	private productSummary({ ctx, session }: AuthedCall): SandboxResponse {
		const location = this.sessionLocation(session);
		return ok({
			data: {
				product: { id: ctx.params.id },
				location: { id: location.id },
				quantityOnHand: quantityOnHand(this.state, ctx.params.id, location.id),
			},
		});
	}

	/** `{"inventoryItem":..,"quantityOnHand":N}`: the lot's stock over every location. */
	private lotLookup(ctx: RequestContext): SandboxResponse {
		const item = this.state.inventoryItems.find((i) => i.productId === ctx.params.productId && i.lotNumber === ctx.params.lotNumber);
		if (!item) return ok({ inventoryItem: null, quantityOnHand: 0 });
		const quantity = this.state.availability.filter((r) => r.inventoryItemId === item.id).reduce((sum, r) => sum + r.quantityOnHand, 0);
		return ok({ inventoryItem: inventoryItemJson(this.state, item), quantityOnHand: quantity });
	}

	// ---- LocationApiController ----

	/** Active top-level locations (no bins) matching every filter, by name; no paging, no count. */
	private listLocations({ ctx }: AuthedCall): SandboxResponse {
		const q = ctx.query;
		const name = q.get('name');
		if (name && name.length < 3) return ok({ data: [] });
		const typeCodes = q.getAll('locationTypeCode').filter(Boolean).map((c) => enumValue(LOCATION_TYPE_CODES, c, 'org.pih.warehouse.core.LocationTypeCode'));
		const activities = q.getAll('activityCodes').filter(Boolean).map((c) => enumValue(ACTIVITY_CODES, c, 'org.pih.warehouse.core.ActivityCode'));
		const rows = this.state.locations
			.filter((l) => l.active && l.parentLocation === null)
			.filter((l) => !name || l.name.toLowerCase().includes(name.toLowerCase()))
			.filter((l) => typeCodes.length === 0 || typeCodes.includes(l.locationType.locationTypeCode))
			.filter((l) => activities.every((a) => l.supportedActivities.includes(a)))
			.sort(comparator((l) => l.name.toLowerCase(), false));
		const baseJson = q.get('presentation') === 'toBaseJson';
		return ok({ data: rows.map((l) => (baseJson ? locationBaseJson(l) : locationJson(l))) });
	}

	private locationTypes(ctx: RequestContext): SandboxResponse {
		const activities = ctx.query.getAll('activityCode').filter(Boolean);
		const types = LOCATION_TYPES.filter(
			(t) => activities.length === 0 || activities.some((a) => (LOCATION_TYPE_ACTIVITIES[t.id] ?? []).includes(a)),
		);
		return ok({ data: types.map((t) => ({ ...t, supportedActivities: [...(LOCATION_TYPE_ACTIVITIES[t.id] ?? [])] })) });
	}

	/** Quantity on hand per product at the SESSION location; the id in the path is ignored. */
	private locationProductSummary({ session }: AuthedCall): SandboxResponse {
		const location = this.sessionLocation(session);
		const totals = new Map<string, number>();
		for (const row of rowsAt(this.state, location.id)) totals.set(row.productId, (totals.get(row.productId) ?? 0) + row.quantityOnHand);
		const data = [...totals]
			.map(([productId, qoh]) => {
				const product = this.state.products.find((p) => p.id === productId)!;
				return { productId, productName: product.name, productCode: product.productCode, quantityOnHand: qoh };
			})
			.sort((a, b) => (a.productName.toLowerCase() < b.productName.toLowerCase() ? -1 : a.productName.toLowerCase() > b.productName.toLowerCase() ? 1 : a.productId < b.productId ? -1 : 1));
		return ok({ data });
	}

	// ---- InventoryApiController, InventoryLevelApiController ----

	/** The reorder report of the SESSION location: the facility id in the path is ignored. */
	private reorderReport({ ctx, session, user }: AuthedCall): SandboxResponse {
		if (!this.settings.reorderReportAvailable) return NOT_FOUND();
		const q = ctx.query;
		const errors: string[] = [];
		const enumParam = <T extends string>(name: string, values: readonly T[], fallback: T, cls: string): T => {
			const raw = q.get(name);
			if (!raw) return fallback;
			if ((values as readonly string[]).includes(raw)) return raw as T;
			errors.push(`Failed to convert property value of type java.lang.String to required type ${cls} for property ${name}`);
			return fallback;
		};
		const status = enumParam('inventoryLevelStatus', INVENTORY_LEVEL_STATUSES, 'ALL_PRODUCTS', 'org.pih.warehouse.inventory.InventoryLevelStatus');
		const expiration = enumParam('expiration', Object.keys(EXPIRATION_FILTERS) as ExpirationFilter[], 'SUBTRACT_EXPIRED_STOCK', 'org.pih.warehouse.inventory.ExpirationFilter');
		const additional = q.getAll('additionalLocations').filter(Boolean);
		if (additional.some((id) => !isFacility(this.state, id))) {
			errors.push(`Property [additionalLocations] of class [class org.pih.warehouse.inventory.ReorderReportFilterCommand] with value [${additional.join(', ')}] does not pass custom validation`);
		}
		if (errors.length > 0) return validationError(errors);
		const location = this.state.locations.find((l) => l.id === session.locationId) ?? npe('inventory');
		const finance = this.effectiveRoles(user, location.id).includes('ROLE_FINANCE');
		let items = reorderReport(this.state, location.id, status, expiration, finance, Date.now(), additional);
		const categories = q.getAll('categories').filter(Boolean);
		if (categories.length) {
			const names = new Set(this.state.categories.filter((c) => categories.includes(c.id)).map((c) => c.name));
			items = items.filter((i) => names.has(String(i.product.category)));
		}
		// No product carries tags in the sandbox: a tag filter matches nothing.
		if (q.getAll('tags').filter(Boolean).length) items = [];
		return ok({ data: items });
	}

	/** Facility-level levels of the facility IN THE PATH (unlike the reorder report). */
	private facilityInventoryLevels(ctx: RequestContext): SandboxResponse {
		const facility = this.state.locations.find((l) => l.id === ctx.params.facilityId);
		if (!facility) illegalArgument(`Unable to locate facility with id ${ctx.params.facilityId}`);
		return ok({ data: this.inventoryLevels(facility.id) });
	}

	// ---- PutawayApiController ----

	private listPutaways({ ctx, session }: AuthedCall): SandboxResponse {
		const locationId = ctx.query.get('location.id') || session.locationId;
		const location = this.state.locations.find((l) => l.id === locationId);
		if (!location) illegalArgument('Must provide location.id as request parameter');
		return ok({ data: putawayCandidates(this.state, location.id) });
	}

	// ---- SelectOptionsApiController.usersOptions ----

	/**
	 * `searchTerm` (split on spaces and commas, any term in first name, last name or e-mail),
	 * `active`, `roleTypes` (default roles, or LocationRoles at `location`, which defaults to the
	 * session location); ordered by last name descending; no paging.
	 */
	private listUsers({ ctx, session }: AuthedCall): SandboxResponse {
		const q = ctx.query;
		const terms = (q.get('searchTerm') ?? '').split(/[, ]/).filter(Boolean).map((t) => t.toLowerCase());
		const roleTypes = q.getAll('roleTypes').filter(Boolean).map((r) => enumValue(ROLE_TYPES, r, 'org.pih.warehouse.core.RoleType'));
		const locationParam = q.get('location') || (roleTypes.length ? session.locationId : null);
		const location = locationParam ? this.state.locations.find((l) => l.id === locationParam) : undefined;
		const active = q.get('active');
		const rows = this.state.users
			.filter((u) => active === null || u.active === (active.toLowerCase() === 'true'))
			.filter((u) => terms.length === 0 || terms.some((t) => [u.firstName, u.lastName, u.email].some((f) => f.toLowerCase().includes(t))))
			.filter(
				(u) =>
					roleTypes.length === 0 ||
					roleTypes.some((r) => u.roles.includes(r) || (!!location && (u.locationRoles[location.id] ?? []).includes(r))),
			)
			.sort(comparator((u) => u.lastName.toLowerCase(), true));
		return ok({ data: rows.map((u) => userJson(u)) });
	}
}
