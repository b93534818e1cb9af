/**
 * A strict local stand-in for the MBX Systems API (https://api-sandbox.mbx.com): HMAC-signed
 * requests (MBX-Auth + X-Date), OAuth 2 authorization-code flow with bearer and refresh tokens,
 * /v2/authenticate, and the documented endpoints with the `q` parameter and the list envelope:
 * countries, items, customer_catalog_items, inventories, invoices, ship_methods,
 * customer_order_submissions (create, update and delete while pending; status progression and an
 * order-update webhook driven from tests), and the Forge endpoints automation_task_types,
 * automation_queues, automation_tasks (with its CSV report) and serial_data.
 *
 * Every /v2 resource answers only for the caller's organization; a verb a known path does not
 * support is a 405 after authentication; write bodies are checked Rails style (422 listing every
 * problem). See the README-style notes on each public helper below.
 *
 * The signature check is written here from the vendor's description on purpose: it must not share
 * code with the node under test, or a bug in the node's signing would be mirrored and go unseen.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { RecordClock } from '../common/clock';
import { header, SandboxServer, type Fault, type RequestContext, type SandboxResponse, type SandboxSecret } from '../common/server';
import {
	MBX_DEMO,
	MBX_ORGANIZATIONS,
	MBX_OTHER_ORG,
	makeItem,
	prng,
	seedCountries,
	seedItems,
	type MbxCountry,
	type MbxItem,
	type MbxOrganization,
} from './seed';
import {
	ASSIGNEE_NAMES,
	makeCatalogItem,
	makeInventory,
	makeOrder,
	orderNumbers,
	promiseDate,
	renderOrder,
	SEED_CLOCK_END,
	seedAutomation,
	seedCatalogItems,
	seedInventories,
	seedOrders,
	seedShipMethods,
	seedTaskTypes,
	shipOrder,
	type InvoiceRecord,
	type MbxAddress,
	type MbxAutomationQueue,
	type MbxAutomationTask,
	type MbxAutomationTaskType,
	type MbxCatalogItem,
	type MbxInventory,
	type MbxInvoice,
	type MbxOrder,
	type MbxOrderLine,
	type MbxOrderStatus,
	type MbxSerialData,
	type MbxShipMethod,
	type QueueRecord,
	type SerialDataRecord,
	type SerialRecord,
	type ShipContext,
} from './seed-operations';
import {
	toCsv,
	validateOrderInput,
	validateQueueInput,
	validateSerialDataInput,
	validateTaskUpdate,
	type OrderRules,
} from './validation';
import { withoutKeys } from '../../../nodes/shared/values';

export { MBX_DEMO, MBX_OTHER_ORG };
export type {
	MbxAddress,
	MbxAutomationQueue,
	MbxAutomationTask,
	MbxAutomationTaskType,
	MbxCatalogItem,
	MbxCountry,
	MbxInventory,
	MbxInvoice,
	MbxItem,
	MbxOrder,
	MbxOrderLine,
	MbxOrderStatus,
	MbxOrganization,
	MbxSerialData,
	MbxShipMethod,
};

export interface MbxSandboxOptions {
	/** Reject X-Date values further than this from the server clock; null = no check (default). */
	maxClockSkewSeconds: number | null;
	/** Also accept a signature computed over the path without the query string (default false). */
	acceptPathOnlySignature: boolean;
	/** Lifetime of issued bearer tokens; MBX documents 3 hours (default 10800). */
	bearerTtlSeconds: number;
	/** Lifetime of authorization codes from /oauth/authorize (default 600). */
	authCodeTtlSeconds: number;
	/**
	 * What a list does with filter keys (a field of the list as a top-level key of `q`, beside
	 * `limit` and `offset`): `honour` (default) returns only the rows whose field equals the value;
	 * `ignore` accepts the keys of known fields and returns every row; `refuse` answers 400 to any
	 * key besides `limit` and `offset`. A key that is not a field of the list is a 400 in all three.
	 */
	filterBehaviour: MbxFilterBehaviour;
	/**
	 * Refuse a second order with the same purchase order number in one organization (default true).
	 * MBX documents no such rule; false lets tests check that workflows do not rely on it.
	 */
	uniquePurchaseOrders: boolean;
	/**
	 * Requests a minute each organization may make to /v2 (null = no limit, the default: MBX
	 * documents none). Over it: 429 with Retry-After until the fixed one-minute window ends.
	 */
	rateLimitPerMinute: number | null;
}

/** The three ways a server may treat filter keys in `q`; MBX documents none of them. */
export const MBX_FILTER_BEHAVIOURS = ['honour', 'ignore', 'refuse'] as const;
export type MbxFilterBehaviour = (typeof MBX_FILTER_BEHAVIOURS)[number];

const DEFAULT_OPTIONS: MbxSandboxOptions = {
	maxClockSkewSeconds: null,
	acceptPathOnlySignature: false,
	bearerTtlSeconds: 3 * 3600,
	authCodeTtlSeconds: 600,
	filterBehaviour: 'honour',
	uniquePurchaseOrders: true,
	rateLimitPerMinute: null,
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
// MBX's docs show one answer of 232 countries, so a page holds at least that many (ASSUMPTIONS.md M7).
const LIST_MAX_LIMIT = 250;
const RATE_WINDOW_MS = 60_000;

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

const CATALOG_ITEM_FIELDS: ReadonlyArray<keyof MbxCatalogItem> = ['id', 'customer_sku', 'price', 'item_id'];
const INVENTORY_FIELDS: ReadonlyArray<keyof MbxInventory> = [
	'id',
	'item_id',
	'inventory_location_id',
	'quantity_on_hand',
	'quantity_allocated',
	'quantity_on_order',
	'average_cost',
	'last_cost',
	'reorder_level',
	'order_up_to_level',
	'lead_time',
	'created_at',
	'updated_at',
];
const INVOICE_FIELDS: ReadonlyArray<keyof MbxInvoice> = ['id', 'order_id', 'billed_at', 'total', 'created_at', 'updated_at'];
const SHIP_METHOD_FIELDS: ReadonlyArray<keyof MbxShipMethod> = ['id', 'name', 'description', 'carrier'];
/** The order fields q can filter on: the scalar ones (not recipient, lines, invoices...). */
const ORDER_FILTER_FIELDS: ReadonlyArray<keyof MbxOrder> = [
	'id',
	'organization_id',
	'purchase_order',
	'customer_order',
	'ship_method_id',
	'ship_method',
	'ship_account',
	'end_user_po',
	'end_user_name',
	'end_user_order_dt',
	'notes',
	'customer_rma_case',
	'duties_and_taxes_account',
	'status',
	'promise_date',
	'created_at',
	'updated_at',
];
const TASK_TYPE_FIELDS: ReadonlyArray<keyof MbxAutomationTaskType> = ['id', 'name', 'description'];
const QUEUE_FIELDS: ReadonlyArray<keyof MbxAutomationQueue> = ['id', 'serial_id', 'work_order_id', 'finished', 'ip_address'];
const SERIAL_DATA_FIELDS: ReadonlyArray<keyof MbxSerialData> = [
	'id',
	'manufacturer_serial',
	'serial_data_type_id',
	'metadata',
	'value',
	'created_at',
];

/** The exact header row of GET /v2/automation_tasks/details.csv. */
export const AUTOMATION_TASK_CSV_COLUMNS = [
	'id',
	'automation_queue_id',
	'automation_task_type_id',
	'sequence',
	'started_at',
	'completed_at',
	'failed',
	'message',
	'assignee_id',
	'assignee_name',
	'work_order_id',
	'serial_id',
	'item_id',
	'manufacturer_serial',
] as const;

/** The header the order-update webhook names its event in, and that event. */
export const MBX_WEBHOOK_EVENT_HEADER = 'X-MBX-Event';
export const MBX_ORDER_UPDATED_EVENT = 'order.updated';
const WEBHOOK_TIMEOUT_MS = 5000;
/** Headers the sandbox sets itself on a delivery; a subscription may not override them. */
const RESERVED_WEBHOOK_HEADERS = ['content-type', 'content-length', 'host', 'x-mbx-event', 'transfer-encoding'];

/** A queue as the helper `queues()` gives it: the API row plus its serial and tasks. */
export interface MbxAutomationQueueDetails extends MbxAutomationQueue {
	manufacturer_serial: string;
	automation_tasks: MbxAutomationTask[];
}

export interface MbxWebhookSubscription {
	id: number;
	url: string;
	/** Extra headers sent with every delivery (e.g. a shared secret). */
	headers: Record<string, string>;
	/** Only this organization's orders are delivered (default: the demo org). */
	organizationId: number;
}

export interface MbxWebhookDelivery {
	at: string;
	subscriptionId: number;
	url: string;
	event: typeof MBX_ORDER_UPDATED_EVENT;
	orderId: number;
	/** The headers sent. */
	headers: Record<string, string>;
	/** The body sent: the order as GET renders it, as JSON. */
	body: string;
	/** The receiver's HTTP status; 0 when there was no answer (see error). Never retried. */
	status: number;
	responseBody: string;
	error?: string;
}

/** Thrown by helpers (advanceOrder, subscribeWebhook); the control API answers with its status. */
export class MbxSandboxError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'MbxSandboxError';
	}
}

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

const methodNotAllowed = (allowed: readonly string[]): SandboxResponse => ({
	status: 405,
	headers: { Allow: allowed.join(', ') },
	body: { errors: ['Method not allowed'] },
});

const notFoundRecord = (model: string, id: string): SandboxResponse =>
	errors(404, `Couldn't find ${model} with 'id'=${id}`);

const withJsonBody = (ctx: RequestContext, handler: (body: Record<string, unknown>) => SandboxResponse) =>
	isPlainObject(ctx.json) ? handler(ctx.json) : errors(400, 'Request body must be a JSON object');

const renderInvoice = (invoice: InvoiceRecord): MbxInvoice => withoutKeys(invoice, ['organizationId']);
const renderQueue = (queue: QueueRecord): MbxAutomationQueue => withoutKeys(queue, ['organizationId']);
const renderSerialData = (data: SerialDataRecord): MbxSerialData => withoutKeys(data, ['organizationId']);

function sandboxErrorResponse(error: unknown): SandboxResponse {
	if (error instanceof MbxSandboxError) return errors(error.status, error.message);
	throw error;
}

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

/**
 * Parses the `q` parameter (URI-escaped JSON): `limit`, `offset` and, read literally, filter
 * fields as top-level keys (`{"limit":100,"offset":0,"status":"shipped"}`). Returns a reason
 * string when it is invalid: an unknown key (a `filters` wrapper included), or, when filter keys
 * are refused, any key besides limit and offset.
 */
function parseQ(raw: string | null, fields: readonly string[], behaviour: MbxFilterBehaviour): ListQuery | string {
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
		} else if (behaviour !== 'refuse' && fields.includes(key)) {
			if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
				return `filter '${key}' must be a string, number, boolean or null`;
			}
			query.filters[key] = value as FilterValue;
		} else {
			// Strict on purpose: a misspelt key (e.g. "ofset") would otherwise silently return page one.
			const expected = behaviour === 'refuse' ? 'limit, offset' : `limit, offset or a field: ${fields.join(', ')}`;
			return `unknown key '${key}' (expected ${expected})`;
		}
	}
	return query;
}

interface ResourceSpec {
	/** The model name in 404s: "Couldn't find <model> with 'id'=<id>". */
	model: string;
	/** The fields q may filter on. */
	fields: readonly string[];
	/** The rows the caller's organization may see, in id order; filters read their fields. */
	rows: (organization: MbxOrganization) => ReadonlyArray<{ id: number }>;
	/** The row as the API renders it (default: as stored); only the rows answered are rendered. */
	render?: (row: never) => unknown;
	create?: (organization: MbxOrganization, body: Record<string, unknown>) => SandboxResponse;
	update?: (organization: MbxOrganization, id: string, body: Record<string, unknown>) => SandboxResponse;
	destroy?: (organization: MbxOrganization, id: string) => SandboxResponse;
}

export class MbxSandbox extends SandboxServer {
	private readonly initialOptions: MbxSandboxOptions;
	private settings: MbxSandboxOptions;
	private readonly countryRows: MbxCountry[] = seedCountries();
	// Items, catalog items and inventories are the seed plus what addItems() appended; reset() drops the rest.
	private itemRows: MbxItem[] = seedItems();
	private readonly seededItemCount = this.itemRows.length;
	private authCodes = new Map<string, AuthCode>();
	private bearerTokens = new Map<string, BearerToken>();
	/** refresh token -> owning client; rotation deletes the old entry. */
	private refreshTokens = new Map<string, { clientId: string; organization: MbxOrganization }>();
	private bearersIssued = 0;

	// Reference data, built once; addItems() appends catalog items, inventories and map entries too.
	private readonly shipMethodRows: MbxShipMethod[] = seedShipMethods();
	private readonly taskTypeRows: MbxAutomationTaskType[] = seedTaskTypes();
	private catalogRows: MbxCatalogItem[] = seedCatalogItems(this.itemRows);
	private inventoryRows: MbxInventory[] = seedInventories(this.itemRows, this.catalogRows);
	private readonly itemOwners = new Map(this.itemRows.map((i) => [i.id, i.owner_id]));
	/** "<organization id>:<item name>" -> item: an order line's product code is an item name. */
	private readonly itemsByProductCode = new Map(this.itemRows.map((i) => [`${i.owner_id}:${i.name}`, i]));
	private readonly prices = new Map(this.catalogRows.map((c) => [c.item_id, c.price]));
	private readonly countryCodes = new Set(this.countryRows.map((c) => c.iso_code));

	// Mutable state: rebuilt from the seed by reset().
	private orderRows: MbxOrder[] = [];
	private invoiceRows: InvoiceRecord[] = [];
	private serialRows: SerialRecord[] = [];
	private queueRows: QueueRecord[] = [];
	private taskRows: MbxAutomationTask[] = [];
	private serialDataRows: SerialDataRecord[] = [];
	private subscriptions: MbxWebhookSubscription[] = [];
	private deliveries: MbxWebhookDelivery[] = [];
	private nextIds = { order: 0, invoice: 0, serial: 0, queue: 0, task: 0, serialData: 0, subscription: 0 };
	/** The last timestamp handed out, in epoch ms: the sandbox clock never repeats or goes back. */
	private lastTick = SEED_CLOCK_END;
	/**
	 * Real time unless a test sets it (also `POST /__sandbox/clock {"at"}`): then created_at and
	 * updated_at stand still, and so does the rate-limit window, so a test passes it by setting the clock.
	 */
	readonly clock = new RecordClock();
	/** Rate-limit windows by caller (see throttle). */
	private buckets = new Map<string, { windowStart: number; count: number }>();
	/** Each organization's rows of a row list, kept between requests (see owned). */
	private ownedViews = new WeakMap<object, Map<number, { scanned: number; rows: unknown[] }>>();

	constructor(options: Partial<MbxSandboxOptions> = {}) {
		super('mbx');
		this.initialOptions = { ...DEFAULT_OPTIONS, ...validateOptions(options) };
		this.settings = { ...this.initialOptions };
		this.seedOperations();
		this.registerRoutes();
	}

	// ---- helpers for tests, e2e and demos ----

	get options(): Readonly<MbxSandboxOptions> {
		return { ...this.settings };
	}

	/** Changes options at runtime (also `POST /__sandbox/config`); throws on an invalid value. */
	configure(options: Partial<MbxSandboxOptions>): MbxSandboxOptions {
		const next = { ...this.settings, ...validateOptions(options) };
		// A new limit starts with fresh windows, so a test never inherits counts from the old one.
		if (next.rateLimitPerMinute !== this.settings.rateLimitPerMinute) this.buckets.clear();
		this.settings = next;
		return { ...this.settings };
	}

	/**
	 * Appends `n` items owned by the organization, made like the seeded ones (names numbered on
	 * from the organization's last item, so unique), each with its customer catalog item and
	 * inventory, created now on the sandbox clock. In memory: about a second per 100,000.
	 * reset() drops them again.
	 */
	addItems(n: number, organizationId: number = MBX_DEMO.organizationId): void {
		checkCount(n);
		knownOrganization(organizationId);
		const stamps = this.ticks(n);
		const owned = this.owned(this.itemRows, organizationId, (i) => i.owner_id).length;
		// Seeded from the first new position, so the same additions give the same items.
		const first = this.itemRows.length;
		const [itemRandom, catalogRandom, inventoryRandom] = [20150424, 20240611, 20140725].map((seed) => prng(seed + first));
		let id = this.itemRows.reduce((max, i) => Math.max(max, i.id), 0) + 1;
		for (let k = 0; k < n; k++) {
			const item = makeItem(id++, organizationId, owned + k, itemRandom);
			item.created_at = item.updated_at = stamps[k];
			if (item.archived_at !== null) item.archived_at = stamps[k];
			const index = this.itemRows.length;
			const catalogItem = makeCatalogItem(item, index, catalogRandom);
			this.itemRows.push(item);
			this.catalogRows.push(catalogItem);
			this.inventoryRows.push(makeInventory(item, index, catalogItem, inventoryRandom));
			this.itemOwners.set(item.id, organizationId);
			this.itemsByProductCode.set(`${organizationId}:${item.name}`, item);
			this.prices.set(item.id, catalogItem.price);
		}
	}

	/**
	 * Appends `n` pending customer order submissions of the organization, as POST
	 * /v2/customer_order_submissions would have made them: seed-style consignees and ship methods,
	 * one to three lines of the organization's unarchived items, purchase orders unique within the
	 * organization, created now on the sandbox clock. No webhook is sent. In memory: about a
	 * second per 100,000.
	 */
	addOrders(n: number, organizationId: number = MBX_DEMO.organizationId): void {
		checkCount(n);
		knownOrganization(organizationId);
		if (n === 0) return;
		const orderable = this.owned(this.itemRows, organizationId, (i) => i.owner_id).filter((i) => i.archived_at === null);
		if (orderable.length === 0) throw new MbxSandboxError(422, `organization ${organizationId} has no item to order`);
		const existing = this.owned(this.orderRows, organizationId, (o) => o.organization_id);
		const taken = new Set(existing.map((o) => o.purchase_order));
		const stamps = this.ticks(n);
		const random = prng(organizationId * 7919 + this.nextIds.order);
		const priceOf = (itemId: number) => this.prices.get(itemId) ?? 0;
		let index = existing.length;
		for (let k = 0; k < n; k++) {
			while (taken.has(orderNumbers(organizationId, index).purchaseOrder)) index++;
			const numbers = orderNumbers(organizationId, index);
			taken.add(numbers.purchaseOrder);
			const at = Date.parse(stamps[k]);
			const order = makeOrder(
				{ id: this.nextIds.order++, organizationId, index, ...numbers, status: 'pending', createdMs: at, updatedMs: at },
				random,
				orderable,
				priceOf,
				this.shipMethodRows,
			);
			this.orderRows.push(order);
			index++;
		}
	}

	/** The seeded countries, in id order. */
	countries(): MbxCountry[] {
		return this.countryRows.map((c) => ({ ...c }));
	}

	/** The seeded items owned by one organization (the demo org by default). */
	items(organizationId: number = MBX_DEMO.organizationId): MbxItem[] {
		return this.itemRows.filter((i) => i.owner_id === organizationId).map((i) => ({ ...i }));
	}

	/** The 25 ship methods (global reference data), in id order. */
	shipMethods(): MbxShipMethod[] {
		return this.shipMethodRows.map((m) => ({ ...m }));
	}

	/** One customer catalog item per item of the organization, in id order. */
	catalogItems(organizationId: number = MBX_DEMO.organizationId): MbxCatalogItem[] {
		return this.catalogRows.filter((c) => this.itemOwners.get(c.item_id) === organizationId).map((c) => ({ ...c }));
	}

	/** One inventory per item of the organization, in id order. */
	inventories(organizationId: number = MBX_DEMO.organizationId): MbxInventory[] {
		return this.inventoryRows.filter((i) => this.itemOwners.get(i.item_id) === organizationId).map((i) => ({ ...i }));
	}

	/** The organization's invoices: the seeded ones, then one per order shipped since. */
	invoices(organizationId: number = MBX_DEMO.organizationId): MbxInvoice[] {
		return this.invoiceRows.filter((i) => i.organizationId === organizationId).map(renderInvoice);
	}

	/** The organization's customer order submissions as GET renders them, in id order. */
	orders(organizationId: number = MBX_DEMO.organizationId): MbxOrder[] {
		return this.orderRows.filter((o) => o.organization_id === organizationId).map(renderOrder);
	}

	/** One order (any organization) as GET renders it, or undefined. */
	order(id: number): MbxOrder | undefined {
		const found = this.orderRows.find((o) => o.id === id);
		return found && renderOrder(found);
	}

	/** The 8 automation task types (global reference data). */
	taskTypes(): MbxAutomationTaskType[] {
		return this.taskTypeRows.map((t) => ({ ...t }));
	}

	/** The organization's automation queues with their serial number and tasks, in id order. */
	queues(organizationId: number = MBX_DEMO.organizationId): MbxAutomationQueueDetails[] {
		return this.queueRows
			.filter((q) => q.organizationId === organizationId)
			.map((q) => ({
				...renderQueue(q),
				manufacturer_serial: this.serialRows.find((s) => s.id === q.serial_id)?.manufacturerSerial ?? '',
				automation_tasks: this.taskRows.filter((t) => t.automation_queue_id === q.id).map((t) => ({ ...t })),
			}));
	}

	/** Every automation task of the organization's queues, in id order. */
	tasks(organizationId: number = MBX_DEMO.organizationId): MbxAutomationTask[] {
		const queueIds = new Set(this.queueRows.filter((q) => q.organizationId === organizationId).map((q) => q.id));
		return this.taskRows.filter((t) => queueIds.has(t.automation_queue_id)).map((t) => ({ ...t }));
	}

	/** The organization's serial data, in id order. */
	serialData(organizationId: number = MBX_DEMO.organizationId): MbxSerialData[] {
		return this.serialDataRows.filter((d) => d.organizationId === organizationId).map(renderSerialData);
	}

	/**
	 * Moves an order one step: pending -> released (sets promise_date unless the order has one) -> shipped (adds
	 * invoices, tracking_numbers, serial numbers on serialized lines and an invoice record). Bumps
	 * updated_at, then POSTs the order to every webhook subscriber of its organization and waits for
	 * the deliveries. Also `POST /__sandbox/orders/<id>/advance`. Throws MbxSandboxError 404 for an
	 * unknown id and 422 for an order that has already shipped.
	 */
	async advanceOrder(id: number): Promise<MbxOrder> {
		const order = this.orderRows.find((o) => o.id === id);
		if (!order) throw new MbxSandboxError(404, `Couldn't find CustomerOrderSubmission with 'id'=${id}`);
		if (order.status === 'shipped') throw new MbxSandboxError(422, `Order ${id} has already shipped`);
		const at = this.tick();
		if (order.status === 'pending') {
			order.status = 'released';
			// The anticipated ship date the customer gave is kept; without one MBX sets its own.
			order.promise_date ??= promiseDate(Date.parse(at), 7);
			order.updated_at = at;
		} else {
			this.invoiceRows.push(shipOrder(order, this.nextIds.invoice++, at, this.shipContext(order)));
		}
		const rendered = renderOrder(order);
		await this.deliverOrderUpdate(rendered);
		return rendered;
	}

	/**
	 * Registers an order-update webhook (also `POST /__sandbox/webhooks` with the same JSON). Every
	 * status change of the organization's orders is POSTed to `url` with Content-Type
	 * application/json, X-MBX-Event: order.updated and the extra `headers`.
	 */
	subscribeWebhook(input: {
		url: string;
		headers?: Record<string, string>;
		organizationId?: number;
	}): MbxWebhookSubscription {
		if (!isPlainObject(input)) throw new MbxSandboxError(400, 'webhook subscription must be a JSON object');
		const { url, headers = {}, organizationId = MBX_DEMO.organizationId } = input;
		if (typeof url !== 'string' || !isHttpUrl(url)) {
			throw new MbxSandboxError(400, 'url must be an absolute http(s) URL without a fragment');
		}
		if (!isPlainObject(headers)) throw new MbxSandboxError(400, 'headers must be a JSON object of strings');
		for (const [name, value] of Object.entries(headers)) {
			if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || typeof value !== 'string' || /[\r\n]/.test(value)) {
				throw new MbxSandboxError(400, `headers.${name} is not a valid header`);
			}
			if (RESERVED_WEBHOOK_HEADERS.includes(name.toLowerCase())) {
				throw new MbxSandboxError(400, `headers.${name} is set by the sandbox and cannot be overridden`);
			}
		}
		if (!MBX_ORGANIZATIONS.some((o) => o.organizationId === organizationId)) {
			throw new MbxSandboxError(400, `organizationId ${String(organizationId)} is not a known organization`);
		}
		const subscription: MbxWebhookSubscription = {
			id: this.nextIds.subscription++,
			url,
			headers: { ...headers },
			organizationId,
		};
		this.subscriptions.push(subscription);
		return { ...subscription, headers: { ...subscription.headers } };
	}

	/** The webhook subscriptions (also `GET /__sandbox/webhooks`). */
	webhookSubscriptions(): MbxWebhookSubscription[] {
		return this.subscriptions.map((s) => ({ ...s, headers: { ...s.headers } }));
	}

	/** Every delivery attempt, in order (also `GET /__sandbox/webhooks/deliveries`). */
	webhookDeliveries(): MbxWebhookDelivery[] {
		return this.deliveries.map((d) => ({ ...d, headers: { ...d.headers } }));
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

	protected knownSecrets(): SandboxSecret[] {
		return [
			...MBX_ORGANIZATIONS.map((o) => ({ source: `HMAC secret token of ${o.organizationName}`, value: o.secretToken })),
			...OAUTH_CLIENTS.map((c) => ({ source: `OAuth2 client secret of ${c.clientId}`, value: c.clientSecret })),
		];
	}

	/** HMAC is stateless, so the only thing to expire is every issued bearer token. */
	protected expireAuth(): void {
		const now = Date.now();
		for (const token of this.bearerTokens.values()) token.expiresAt = Math.min(token.expiresAt, now);
	}

	protected resetState(): void {
		this.settings = { ...this.initialOptions };
		this.authCodes.clear();
		this.bearerTokens.clear();
		this.refreshTokens.clear();
		this.bearersIssued = 0;
		this.clock.set(null);
		this.buckets.clear();
		this.dropAddedItems();
		this.seedOperations();
	}

	protected control(action: string, body: unknown): Promise<SandboxResponse> | SandboxResponse | undefined {
		if (action === 'clock') return this.clock.control(body);
		if (action === 'config') {
			if (body !== undefined && !isPlainObject(body)) return errors(400, 'config body must be a JSON object');
			try {
				return { status: 200, body: this.configure((body ?? {}) as Partial<MbxSandboxOptions>) };
			} catch (error) {
				return errors(400, (error as Error).message);
			}
		}
		const advance = /^orders\/(\d+)\/advance$/.exec(action);
		if (advance) {
			return this.advanceOrder(Number(advance[1])).then(
				(order) => ({ status: 200, body: order }),
				sandboxErrorResponse,
			);
		}
		// The control hook does not see the method: no body lists, a JSON body subscribes.
		if (action === 'webhooks') {
			if (body === undefined) return { status: 200, body: this.webhookSubscriptions() };
			try {
				return { status: 201, body: this.subscribeWebhook(body as { url: string }) };
			} catch (error) {
				return sandboxErrorResponse(error);
			}
		}
		if (action === 'webhooks/deliveries') return { status: 200, body: this.webhookDeliveries() };
		return undefined;
	}

	// Rails-style routing: an unknown route is a 404 before any authentication happens.
	protected notFound(): SandboxResponse {
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

	// ---- state ----

	/** Back to the seeded items: what addItems() appended goes, with its catalog items and inventories. */
	private dropAddedItems(): void {
		const added = this.itemRows.slice(this.seededItemCount);
		if (added.length === 0) return;
		for (const item of added) {
			this.itemOwners.delete(item.id);
			this.itemsByProductCode.delete(`${item.owner_id}:${item.name}`);
			this.prices.delete(item.id);
		}
		// New arrays, not truncated ones: the per-organization views see the change (see owned).
		this.itemRows = this.itemRows.slice(0, this.seededItemCount);
		this.catalogRows = this.catalogRows.slice(0, this.seededItemCount);
		this.inventoryRows = this.inventoryRows.slice(0, this.seededItemCount);
	}

	/**
	 * One organization's rows of `source`, in source order, kept between calls so a list of
	 * 100,000 rows costs its page and not a scan. Sources only grow in place (push); anything
	 * that removes rows replaces the array, which starts a new view.
	 */
	private owned<T extends object>(source: T[], organizationId: number, ownerOf: (row: T) => number | undefined): T[] {
		let views = this.ownedViews.get(source);
		if (!views) {
			views = new Map();
			this.ownedViews.set(source, views);
		}
		let view = views.get(organizationId) as { scanned: number; rows: T[] } | undefined;
		if (!view || view.scanned > source.length) {
			view = { scanned: 0, rows: [] };
			views.set(organizationId, view);
		}
		for (; view.scanned < source.length; view.scanned++) {
			const row = source[view.scanned];
			if (ownerOf(row) === organizationId) view.rows.push(row);
		}
		return view.rows;
	}

	/**
	 * `n` timestamps as `n` calls of tick() would give them, but ending now where there is room,
	 * so a bulk addition does not run the clock ahead of real time; while the clock is set, its time.
	 */
	private ticks(n: number): string[] {
		if (n === 0) return [];
		const setAt = this.clock.setAt();
		if (setAt !== null) {
			this.lastTick = Math.max(this.lastTick, setAt);
			return new Array<string>(n).fill(new Date(setAt).toISOString());
		}
		const first = Math.max(this.lastTick + 1, Date.now() - n + 1);
		this.lastTick = first + n - 1;
		return Array.from({ length: n }, (_, k) => new Date(first + k).toISOString());
	}

	/**
	 * The rate limit, keyed by caller: the organization once authenticated (HMAC and OAuth share
	 * its budget), else the client address. A fixed window from the caller's first request, timed
	 * by the sandbox clock; refused requests are not counted.
	 */
	private throttle(key: string): SandboxResponse | undefined {
		const limit = this.settings.rateLimitPerMinute;
		if (limit === null) return undefined;
		const now = this.clock.now();
		let bucket = this.buckets.get(key);
		// A clock set back also starts a new window, so Retry-After never exceeds a minute.
		if (!bucket || now - bucket.windowStart >= RATE_WINDOW_MS || now < bucket.windowStart) {
			bucket = { windowStart: now, count: 0 };
			this.buckets.set(key, bucket);
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

	private seedOperations(): void {
		const { orders, invoices } = seedOrders(this.itemRows, this.catalogRows, this.shipMethodRows);
		const automation = seedAutomation(this.itemRows);
		this.orderRows = orders;
		this.invoiceRows = invoices;
		this.serialRows = automation.serials;
		this.queueRows = automation.queues;
		this.taskRows = automation.tasks;
		this.serialDataRows = automation.serialData;
		this.subscriptions = [];
		this.deliveries = [];
		const next = (rows: ReadonlyArray<{ id: number }>) => rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
		this.nextIds = {
			order: next(orders),
			invoice: next(invoices),
			serial: next(automation.serials),
			queue: next(automation.queues),
			task: next(automation.tasks),
			serialData: next(automation.serialData),
			subscription: 1,
		};
		this.lastTick = SEED_CLOCK_END;
	}

	/**
	 * Now, as an ISO timestamp strictly later than any handed out before (seeded ones included);
	 * while the clock is set, its time, repeated (a database storing whole seconds does that).
	 */
	private tick(): string {
		const setAt = this.clock.setAt();
		if (setAt !== null) {
			this.lastTick = Math.max(this.lastTick, setAt);
			return new Date(setAt).toISOString();
		}
		this.lastTick = Math.max(Date.now(), this.lastTick + 1);
		return new Date(this.lastTick).toISOString();
	}

	private shipContext(order: MbxOrder): ShipContext {
		return {
			item: (code) => this.itemsByProductCode.get(`${order.organization_id}:${code}`),
			price: (itemId) => this.prices.get(itemId) ?? 0,
			shipMethod: this.shipMethodRows.find((m) => m.id === order.ship_method_id)!,
		};
	}

	private async deliverOrderUpdate(order: MbxOrder): Promise<void> {
		const body = JSON.stringify(order);
		// One at a time, in subscription order, so the delivery log is deterministic.
		for (const subscription of this.subscriptions.filter((s) => s.organizationId === order.organization_id)) {
			const headers = {
				...subscription.headers,
				'Content-Type': 'application/json',
				[MBX_WEBHOOK_EVENT_HEADER]: MBX_ORDER_UPDATED_EVENT,
			};
			const delivery: MbxWebhookDelivery = {
				at: new Date().toISOString(),
				subscriptionId: subscription.id,
				url: subscription.url,
				event: MBX_ORDER_UPDATED_EVENT,
				orderId: order.id,
				headers,
				body,
				status: 0,
				responseBody: '',
			};
			try {
				const response = await fetch(subscription.url, {
					method: 'POST',
					headers,
					body,
					redirect: 'manual',
					signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
				});
				delivery.status = response.status;
				delivery.responseBody = await response.text();
			} catch (error) {
				delivery.error = (error as Error).message;
			}
			this.deliveries.push(delivery);
		}
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
		this.notAllowed('/v2/authenticate', ['GET', 'POST']);

		// Reference data every organization sees.
		this.resource('/v2/countries', { model: 'Country', fields: COUNTRY_FIELDS, rows: () => this.countryRows });
		this.resource('/v2/ship_methods', {
			model: 'ShipMethod',
			fields: SHIP_METHOD_FIELDS,
			rows: () => this.shipMethodRows,
		});
		this.resource('/v2/automation_task_types', {
			model: 'AutomationTaskType',
			fields: TASK_TYPE_FIELDS,
			rows: () => this.taskTypeRows,
		});

		// Customer-owned data: each organization only ever sees its own.
		this.resource('/v2/items', {
			model: 'Item',
			fields: ITEM_FIELDS,
			rows: (org) => this.owned(this.itemRows, org.organizationId, (i) => i.owner_id),
		});
		this.resource('/v2/customer_catalog_items', {
			model: 'CustomerCatalogItem',
			fields: CATALOG_ITEM_FIELDS,
			rows: (org) => this.owned(this.catalogRows, org.organizationId, (c) => this.itemOwners.get(c.item_id)),
		});
		this.resource('/v2/inventories', {
			model: 'Inventory',
			fields: INVENTORY_FIELDS,
			rows: (org) => this.owned(this.inventoryRows, org.organizationId, (i) => this.itemOwners.get(i.item_id)),
		});
		this.resource('/v2/invoices', {
			model: 'Invoice',
			fields: INVOICE_FIELDS,
			rows: (org) => this.owned(this.invoiceRows, org.organizationId, (i) => i.organizationId),
			render: renderInvoice,
		});
		this.resource('/v2/customer_order_submissions', {
			model: 'CustomerOrderSubmission',
			fields: ORDER_FILTER_FIELDS,
			rows: (org) => this.owned(this.orderRows, org.organizationId, (o) => o.organization_id),
			render: renderOrder,
			create: (org, body) => this.createOrder(org, body),
			update: (org, id, body) => this.updateOrder(org, id, body),
			destroy: (org, id) => this.deleteOrder(org, id),
		});
		this.resource('/v2/automation_queues', {
			model: 'AutomationQueue',
			fields: QUEUE_FIELDS,
			rows: (org) => this.owned(this.queueRows, org.organizationId, (q) => q.organizationId),
			render: renderQueue,
			create: (org, body) => this.createQueue(org, body),
		});
		this.resource('/v2/serial_data', {
			model: 'SerialDatum',
			fields: SERIAL_DATA_FIELDS,
			rows: (org) => this.owned(this.serialDataRows, org.organizationId, (d) => d.organizationId),
			render: renderSerialData,
			create: (org, body) => this.createSerialData(org, body),
		});

		// automation_tasks: an update addressed by serial and sequence in the body, and a report.
		this.route('PUT', '/v2/automation_tasks', (ctx) =>
			this.withAuth(ctx, (org) => withJsonBody(ctx, (body) => this.updateTask(org, body))),
		);
		this.notAllowed('/v2/automation_tasks', ['PUT']);
		this.route('GET', '/v2/automation_tasks/details.csv', (ctx) => this.withAuth(ctx, (org) => this.tasksCsv(org)));
		this.notAllowed('/v2/automation_tasks/details.csv', ['GET']);
	}

	/** Any other verb on a known path: 405 once the caller is authenticated. */
	private notAllowed(path: string, allowed: readonly string[]): void {
		this.route('ANY', path, (ctx) => this.withAuth(ctx, () => methodNotAllowed(allowed)));
	}

	/** GET list and GET by id, plus POST (collection), PUT and DELETE (member) when given. */
	private resource(path: string, spec: ResourceSpec): void {
		const member = `${path}/:id`;
		const collectionVerbs = ['GET'];
		const memberVerbs = ['GET'];
		const render = (spec.render ?? ((row: unknown) => row)) as (row: { id: number }) => unknown;
		this.route('GET', path, (ctx) => this.withAuth(ctx, (org) => this.list(ctx, spec.rows(org), spec.fields, render)));
		this.route('GET', member, (ctx) =>
			this.withAuth(ctx, (org) => this.show(spec.model, spec.rows(org), ctx.params.id, render)),
		);
		const { create, update, destroy } = spec;
		if (create) {
			collectionVerbs.push('POST');
			this.route('POST', path, (ctx) => this.withAuth(ctx, (org) => withJsonBody(ctx, (body) => create(org, body))));
		}
		if (update) {
			memberVerbs.push('PUT');
			this.route('PUT', member, (ctx) =>
				this.withAuth(ctx, (org) => withJsonBody(ctx, (body) => update(org, ctx.params.id, body))),
			);
		}
		if (destroy) {
			memberVerbs.push('DELETE');
			this.route('DELETE', member, (ctx) => this.withAuth(ctx, (org) => destroy(org, ctx.params.id)));
		}
		this.notAllowed(path, collectionVerbs);
		this.notAllowed(member, memberVerbs);
	}

	private show(
		model: string,
		rows: ReadonlyArray<{ id: number }>,
		id: string,
		render: (row: { id: number }) => unknown,
	): SandboxResponse {
		const found = /^\d+$/.test(id) ? rows.find((r) => r.id === Number(id)) : undefined;
		return found ? { status: 200, body: render(found) } : notFoundRecord(model, id);
	}

	private list(
		ctx: RequestContext,
		rows: ReadonlyArray<{ id: number }>,
		fields: readonly string[],
		render: (row: { id: number }) => unknown,
	): SandboxResponse {
		const behaviour = this.settings.filterBehaviour;
		const query = parseQ(ctx.query.get('q'), fields, behaviour);
		if (typeof query === 'string') return errors(400, `Invalid q parameter: ${query}`);
		// `ignore`: the keys were accepted, and make no difference.
		const filters = behaviour === 'honour' ? Object.entries(query.filters) : [];
		const matches =
			filters.length === 0
				? rows
				: rows.filter((row) => filters.every(([field, expected]) => (row as Record<string, unknown>)[field] === expected));
		const page = matches.slice(query.offset, query.offset + query.limit).map(render);
		return {
			status: 200,
			body: { count: page.length, total_results: matches.length, offset: query.offset, results: page },
		};
	}

	// ---- customer order submissions ----

	private orderRules(organization: MbxOrganization, exceptOrderId?: number): OrderRules {
		const organizationId = organization.organizationId;
		return {
			organizationId,
			shipMethodExists: (id) => this.shipMethodRows.some((m) => m.id === id),
			productExists: (code) => this.itemsByProductCode.has(`${organizationId}:${code}`),
			countryExists: (isoCode) => this.countryCodes.has(isoCode),
			purchaseOrderTaken: (purchaseOrder) =>
				this.settings.uniquePurchaseOrders &&
				this.orderRows.some(
					(o) =>
						o.organization_id === organizationId &&
						o.purchase_order === purchaseOrder &&
						o.id !== exceptOrderId,
				),
		};
	}

	private findOrder(organization: MbxOrganization, id: string): MbxOrder | undefined {
		if (!/^\d+$/.test(id)) return undefined;
		return this.orderRows.find((o) => o.id === Number(id) && o.organization_id === organization.organizationId);
	}

	private shipMethodName(id: number): string {
		return this.shipMethodRows.find((m) => m.id === id)?.name ?? '';
	}

	private createOrder(organization: MbxOrganization, body: Record<string, unknown>): SandboxResponse {
		const { errors: problems, changes } = validateOrderInput(body, this.orderRules(organization), 'create');
		if (problems.length > 0) return errors(422, ...problems);
		const at = this.tick();
		const order: MbxOrder = {
			id: this.nextIds.order++,
			organization_id: organization.organizationId,
			purchase_order: changes.purchase_order!,
			customer_order: changes.customer_order!,
			ship_method_id: changes.ship_method_id!,
			ship_method: this.shipMethodName(changes.ship_method_id!),
			ship_account: changes.ship_account ?? null,
			end_user_po: changes.end_user_po ?? null,
			end_user_name: changes.end_user_name ?? null,
			end_user_order_dt: changes.end_user_order_dt ?? null,
			notes: changes.notes ?? null,
			customer_rma_case: changes.customer_rma_case ?? null,
			customer_data: changes.customer_data ?? null,
			recipient: changes.recipient!,
			importer_of_record: changes.importer_of_record ?? null,
			duties_and_taxes_account: changes.duties_and_taxes_account ?? null,
			status: 'pending',
			lines: changes.lines!,
			promise_date: changes.promise_date ?? null,
			created_at: at,
			updated_at: at,
		};
		this.orderRows.push(order);
		return { status: 201, body: renderOrder(order) };
	}

	private updateOrder(organization: MbxOrganization, id: string, body: Record<string, unknown>): SandboxResponse {
		const order = this.findOrder(organization, id);
		if (!order) return notFoundRecord('CustomerOrderSubmission', id);
		if (order.status !== 'pending') {
			return errors(422, `Order ${order.id} can no longer be changed: it is ${order.status}`);
		}
		const { errors: problems, changes } = validateOrderInput(body, this.orderRules(organization, order.id), 'update');
		if (problems.length > 0) return errors(422, ...problems);
		const before = JSON.stringify(renderOrder(order));
		Object.assign(order, changes);
		if (changes.ship_method_id !== undefined) order.ship_method = this.shipMethodName(changes.ship_method_id);
		// Like Rails, a save that changes nothing leaves updated_at alone.
		if (JSON.stringify(renderOrder(order)) !== before) order.updated_at = this.tick();
		return { status: 200, body: renderOrder(order) };
	}

	private deleteOrder(organization: MbxOrganization, id: string): SandboxResponse {
		const order = this.findOrder(organization, id);
		if (!order) return notFoundRecord('CustomerOrderSubmission', id);
		if (order.status !== 'pending') {
			return errors(422, `Order ${order.id} can no longer be deleted: it is ${order.status}`);
		}
		this.orderRows = this.orderRows.filter((o) => o !== order);
		return { status: 200, body: renderOrder(order) };
	}

	// ---- Forge: automation queues and tasks, serial data ----

	private createQueue(organization: MbxOrganization, body: Record<string, unknown>): SandboxResponse {
		const { errors: problems, value } = validateQueueInput(body, (id) => this.taskTypeRows.some((t) => t.id === id));
		if (!value) return errors(422, ...problems);
		const organizationId = organization.organizationId;
		let serial = this.serialRows.find(
			(s) => s.organizationId === organizationId && s.manufacturerSerial === value.manufacturer_serial,
		);
		if (!serial) {
			// A system MBX has not built: no item or work order is known for it.
			serial = {
				id: this.nextIds.serial++,
				organizationId,
				manufacturerSerial: value.manufacturer_serial,
				itemId: null,
				workOrderId: null,
			};
			this.serialRows.push(serial);
		}
		const queue: QueueRecord = {
			id: this.nextIds.queue++,
			serial_id: serial.id,
			work_order_id: serial.workOrderId,
			finished: false,
			ip_address: value.ip_address,
			organizationId,
		};
		this.queueRows.push(queue);
		const tasks = value.automation_tasks.map(
			(task): MbxAutomationTask => ({
				id: this.nextIds.task++,
				automation_queue_id: queue.id,
				automation_task_type_id: task.task_type_id,
				sequence: task.sequence,
				started_at: null,
				completed_at: null,
				failed: false,
				message: null,
				assignee_id: task.assignee_id,
			}),
		);
		this.taskRows.push(...tasks);
		return { status: 201, body: { ...renderQueue(queue), automation_tasks: tasks.map((t) => ({ ...t })) } };
	}

	private updateTask(organization: MbxOrganization, body: Record<string, unknown>): SandboxResponse {
		const { errors: problems, value } = validateTaskUpdate(body);
		if (!value) return errors(422, ...problems);
		const serial = this.serialRows.find(
			(s) => s.organizationId === organization.organizationId && s.manufacturerSerial === value.manufacturer_serial,
		);
		// A serial queued more than once is addressed through its latest queue.
		const queue = serial && [...this.queueRows].reverse().find((q) => q.serial_id === serial.id);
		if (!queue) return errors(422, `manufacturer_serial '${value.manufacturer_serial}' has no automation queue`);
		const queueTasks = this.taskRows.filter((t) => t.automation_queue_id === queue.id);
		const task = queueTasks.find((t) => t.sequence === value.sequence);
		if (!task) {
			return errors(
				422,
				`sequence ${value.sequence} is not a task of the automation queue for '${value.manufacturer_serial}'`,
			);
		}
		const refuse = (reason: string) => errors(422, `Task with sequence ${task.sequence} ${reason}`);
		switch (value.message_type) {
			case 'start':
				if (task.failed) return refuse('has failed');
				if (task.completed_at) return refuse('is already completed');
				task.started_at = this.tick();
				break;
			case 'complete':
				if (task.failed) return refuse('has failed');
				if (task.completed_at) return refuse('is already completed');
				if (!task.started_at) return refuse('has not been started');
				task.completed_at = this.tick();
				break;
			case 'fail':
				if (task.failed) return refuse('has already failed');
				if (task.completed_at) return refuse('is already completed');
				task.failed = true;
				this.taskRows.push({
					id: this.nextIds.task++,
					automation_queue_id: queue.id,
					automation_task_type_id: task.automation_task_type_id,
					sequence: Math.max(...queueTasks.map((t) => t.sequence)) + 1,
					started_at: null,
					completed_at: null,
					failed: false,
					message: null,
					assignee_id: task.assignee_id,
				});
				break;
			case 'notify':
				break;
		}
		if (value.message !== undefined) task.message = value.message;
		const open = this.taskRows.filter((t) => t.automation_queue_id === queue.id && !t.failed);
		queue.finished = open.length > 0 && open.every((t) => t.completed_at !== null);
		return { status: 200, body: { ...task } };
	}

	private tasksCsv(organization: MbxOrganization): SandboxResponse {
		const rows: unknown[][] = [];
		for (const task of this.tasks(organization.organizationId)) {
			const queue = this.queueRows.find((q) => q.id === task.automation_queue_id)!;
			const serial = this.serialRows.find((s) => s.id === queue.serial_id);
			rows.push([
				task.id,
				task.automation_queue_id,
				task.automation_task_type_id,
				task.sequence,
				task.started_at,
				task.completed_at,
				task.failed,
				task.message,
				task.assignee_id,
				task.assignee_id === null ? null : ASSIGNEE_NAMES[task.assignee_id],
				queue.work_order_id,
				queue.serial_id,
				serial?.itemId,
				serial?.manufacturerSerial,
			]);
		}
		return {
			status: 200,
			headers: {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': 'attachment; filename="details.csv"',
			},
			body: toCsv([AUTOMATION_TASK_CSV_COLUMNS, ...rows]),
		};
	}

	private createSerialData(organization: MbxOrganization, body: Record<string, unknown>): SandboxResponse {
		const { errors: problems, value } = validateSerialDataInput(body);
		if (!value) return errors(422, ...problems);
		const record: SerialDataRecord = {
			id: this.nextIds.serialData++,
			...value,
			created_at: this.tick(),
			organizationId: organization.organizationId,
		};
		this.serialDataRows.push(record);
		return { status: 201, body: renderSerialData(record) };
	}

	// ---- authentication ----

	private withAuth(ctx: RequestContext, handler: (organization: MbxOrganization) => SandboxResponse): SandboxResponse {
		const auth = this.authenticate(ctx);
		const caller = auth.ok ? `org:${auth.organization.organizationId}` : `addr:${ctx.req.socket.remoteAddress ?? 'unknown'}`;
		const throttled = this.throttle(caller);
		if (throttled) return throttled;
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

		const code = this.issue(randomToken(), 'OAuth2 authorization code');
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
		const accessToken = this.issue(randomToken(), `OAuth2 access token #${this.bearersIssued + 1}`);
		const refreshToken = this.issue(randomToken(), `OAuth2 refresh token #${this.bearersIssued + 1}`);
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

/** A count of records to add: a whole number, 0 or more. */
function checkCount(n: number): void {
	if (!Number.isInteger(n) || n < 0) throw new MbxSandboxError(400, `count must be a whole number of 0 or more, got ${n}`);
}

function knownOrganization(organizationId: number): void {
	if (!MBX_ORGANIZATIONS.some((o) => o.organizationId === organizationId)) {
		throw new MbxSandboxError(400, `organizationId ${String(organizationId)} is not a known organization`);
	}
}

function validateOptions(options: Partial<MbxSandboxOptions>): Partial<MbxSandboxOptions> {
	const known = Object.keys(DEFAULT_OPTIONS);
	for (const [key, value] of Object.entries(options)) {
		if (!known.includes(key)) throw new Error(`Unknown MBX sandbox option '${key}'`);
		if (value === undefined) continue;
		const nonNegative = typeof value === 'number' && Number.isFinite(value) && value >= 0;
		const valid =
			key === 'acceptPathOnlySignature' || key === 'uniquePurchaseOrders'
				? typeof value === 'boolean'
				: key === 'maxClockSkewSeconds'
					? value === null || nonNegative
					: key === 'rateLimitPerMinute'
						? value === null || (Number.isInteger(value) && (value as number) > 0)
						: key === 'filterBehaviour'
							? (MBX_FILTER_BEHAVIOURS as readonly unknown[]).includes(value)
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
