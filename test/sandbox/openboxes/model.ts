/**
 * The in-memory database behind the OpenBoxes sandbox: the row types, the enum vocabularies the
 * server validates against, the id generator and the date formats (reference openboxes-api.md §0).
 * Rows hold ids and epoch milliseconds; the JSON shapes are rendered in render.ts.
 */
import type {
	OpenBoxesCategory,
	OpenBoxesLocation,
	OpenBoxesPerson,
	OpenBoxesProduct,
	OpenBoxesUser,
	Organization,
} from './seed';

// ---- vocabularies ----

/** InventoryLevel.status (InventoryStatus). */
export const INVENTORY_STATUSES = ['INACTIVE', 'NOT_SUPPORTED', 'SUPPORTED_NON_INVENTORY', 'SUPPORTED', 'STOCK', 'FORMULARY'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];

/** Requisition.status, in enum order: Groovy compares enums by ordinal for "backwards" checks. */
export const REQUISITION_STATUSES = [
	'CREATED',
	'EDITING',
	'PENDING_APPROVAL',
	'APPROVED',
	'REJECTED',
	'VERIFYING',
	'PICKING',
	'PICKED',
	'PENDING',
	'CHECKING',
	'ISSUED',
	'RECEIVED',
	'CANCELED',
	'DELETED',
	'ERROR',
	'DISPATCHED',
	'REQUESTED',
	'OPEN',
	'FULFILLED',
	'REVIEWING',
	'CONFIRMING',
] as const;
export type RequisitionStatus = (typeof REQUISITION_STATUSES)[number];

/** RequisitionStatus.sortOrder, used by the outbound list's default order. */
export const REQUISITION_SORT_ORDER: Partial<Record<RequisitionStatus, number>> = {
	CREATED: 1,
	EDITING: 2,
	PENDING_APPROVAL: 3,
	APPROVED: 4,
	REJECTED: 5,
	VERIFYING: 6,
	PICKING: 7,
	PICKED: 8,
	PENDING: 9,
	CHECKING: 10,
	ISSUED: 11,
	RECEIVED: 12,
	CANCELED: 13,
	DELETED: 14,
};

export const STOCK_MOVEMENT_STATUS_CODES = [
	'CREATED',
	'REQUESTING',
	'REQUESTED',
	'PENDING_APPROVAL',
	'VALIDATING',
	'VALIDATED',
	'APPROVED',
	'PICKING',
	'PICKED',
	'CHECKING',
	'CHECKED',
	'PACKED',
	'REVIEWING',
	'DISPATCHED',
	'CANCELED',
	'REJECTED',
	'PENDING',
	'IN_PROGRESS',
] as const;
export type StockMovementStatusCode = (typeof STOCK_MOVEMENT_STATUS_CODES)[number];

export const SHIPMENT_STATUSES = ['CREATED', 'PENDING', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Order.status with its numeric weight (OrderStatus.groovy). */
export const ORDER_STATUSES = ['PENDING', 'APPROVED', 'PLACED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'COMPLETED', 'CANCELED', 'REJECTED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The derived status the PO list reports and filters on (OrderSummaryStatus). */
export const ORDER_SUMMARY_STATUSES = [
	'PENDING',
	'APPROVED',
	'PLACED',
	'PARTIALLY_SHIPPED',
	'SHIPPED',
	'PARTIALLY_RECEIVED',
	'RECEIVED',
	'PARTIALLY_INVOICED',
	'INVOICED',
	'COMPLETED',
	'CANCELED',
	'REJECTED',
] as const;
export type OrderSummaryStatus = (typeof ORDER_SUMMARY_STATUSES)[number];

export const INVENTORY_LEVEL_STATUSES = ['ALL_PRODUCTS', 'BELOW_MINIMUM', 'BELOW_REORDER', 'BELOW_MAXIMUM'] as const;
export type InventoryLevelStatus = (typeof INVENTORY_LEVEL_STATUSES)[number];

/** ExpirationFilter with the days of "expiring within" (null: today). */
export const EXPIRATION_FILTERS = {
	SUBTRACT_EXPIRED_STOCK: null,
	DO_NOT_SUBTRACT_EXPIRED_STOCK: null,
	SUBTRACT_EXPIRING_WITHIN_MONTH: 30,
	SUBTRACT_EXPIRING_WITHIN_QUARTER: 90,
	SUBTRACT_EXPIRING_WITHIN_HALF_YEAR: 180,
	SUBTRACT_EXPIRING_WITHIN_YEAR: 365,
} as const satisfies Record<string, number | null>;
export type ExpirationFilter = keyof typeof EXPIRATION_FILTERS;

export type PutawayStatus = 'READY' | 'PENDING' | 'COMPLETED' | 'CANCELED';

export const SHIPMENT_TYPES = [
	{ id: '1', name: 'Air', description: 'Air freight', displayName: 'Air' },
	{ id: '2', name: 'Sea', description: 'Sea freight', displayName: 'Sea' },
	{ id: '3', name: 'Land', description: 'Truck or van', displayName: 'Land' },
	{ id: '4', name: 'Suitcase', description: 'Hand carried', displayName: 'Suitcase' },
	{ id: '5', name: 'Default', description: 'Default', displayName: 'Default' },
] as const;

export const PAYMENT_TERMS = [
	{ id: 'ff80818190a1c3b10190a1c4e2a50701', code: 'NET30', name: 'Net 30', description: 'Payment due 30 days after invoice' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50702', code: 'NET60', name: 'Net 60', description: 'Payment due 60 days after invoice' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50703', code: 'PREPAY', name: 'Prepayment', description: 'Payment before shipment' },
] as const;

// ---- rows ----

export interface InventoryItemRow {
	id: string;
	productId: string;
	/** null is the default lot, rendered "DEFAULT" in availability rows. */
	lotNumber: string | null;
	expirationDate: number | null;
	dateCreated: number;
	lastUpdated: number;
}

/** One ProductAvailability row: stock of one lot in one bin (null: no bin) of one facility.
 * quantityAllocated is not stored: it is the sum of open picks (see inventory.ts). */
export interface AvailabilityRow {
	id: string;
	productId: string;
	locationId: string;
	binLocationId: string | null;
	inventoryItemId: string;
	quantityOnHand: number;
	quantityOnHold: number;
	dateCreated: number;
	lastUpdated: number;
}

/** A facility-level InventoryLevel (internalLocation null). */
export interface InventoryLevelRow {
	id: string;
	locationId: string;
	productId: string;
	minQuantity: number | null;
	reorderQuantity: number | null;
	maxQuantity: number | null;
	status: InventoryStatus;
	forecastQuantity: number | null;
	forecastPeriodDays: number | null;
	expectedLeadTimeDays: number | null;
	abcClass: string | null;
	comments: string | null;
	dateCreated: number;
	lastUpdated: number;
}

/** Stock picked for a stock movement line; it is allocated while the movement is not shipped. */
export interface Pick {
	availabilityId: string;
	inventoryItemId: string;
	binLocationId: string | null;
	quantity: number;
}

export interface StockMovementLine {
	id: string;
	productId: string;
	quantityRequested: number;
	sortOrder: number;
	comments: string | null;
	/** Lot of a supplier shipment line (shipment-based movements have no picks). */
	inventoryItemId: string | null;
	picks: Pick[];
	orderItemId: string | null;
}

export interface ShipmentRow {
	id: string;
	shipmentNumber: string;
	currentStatus: ShipmentStatus;
	dateShipped: number | null;
	expectedDeliveryDate: number | null;
	dateDelivered: number | null;
	shipmentTypeId: string | null;
	trackingNumber: string | null;
	driverName: string | null;
	comments: string | null;
	/** Stock the receipt put at the destination, so a rollback can take it back out. */
	received: Array<{ availabilityId: string; quantity: number }>;
}

/** A stock movement: a view over a requisition (kind 'requisition') or a shipment (PO / supplier). */
export interface StockMovementRow {
	id: string;
	kind: 'requisition' | 'shipment';
	identifier: string;
	description: string | null;
	originId: string;
	destinationId: string;
	requestedById: string;
	createdById: string;
	updatedById: string;
	dateRequested: number;
	dateCreated: number;
	lastUpdated: number;
	/** null for shipment-based movements. */
	requisitionStatus: RequisitionStatus | null;
	sourceType: 'ELECTRONIC' | 'PAPER' | null;
	shipment: ShipmentRow | null;
	orderId: string | null;
	lines: StockMovementLine[];
}

export interface OrderItemRow {
	id: string;
	productId: string;
	quantity: number;
	/** OrderItem.unitPrice is nullable in OpenBoxes: a line may have no price yet. */
	unitPrice: number | null;
	quantityShipped: number;
	quantityReceived: number;
	quantityInvoiced: number;
	dateCreated: number;
	lastUpdated: number;
}

export interface PurchaseOrderRow {
	id: string;
	orderNumber: string;
	name: string;
	description: string | null;
	status: OrderStatus;
	originId: string;
	destinationId: string;
	orderedById: string | null;
	createdById: string;
	dateOrdered: number | null;
	dateCreated: number;
	lastUpdated: number;
	paymentTermId: string | null;
	paymentMethodType: string | null;
	hasPrepaymentInvoice: boolean;
	currencyCode: string;
	items: OrderItemRow[];
}

export interface PutawayItemRow {
	id: string;
	productId: string;
	inventoryItemId: string;
	/** The bin the stock sits in (a receiving bin). */
	currentLocationId: string;
	putawayLocationId: string | null;
	quantity: number;
	status: PutawayStatus;
}

/** A saved putaway is a transfer order inside one facility. */
export interface PutawayRow {
	id: string;
	putawayNumber: string;
	status: PutawayStatus;
	locationId: string;
	assigneeId: string;
	putawayDate: number | null;
	dateCreated: number;
	lastUpdated: number;
	sortBy: string | null;
	items: PutawayItemRow[];
}

export interface CategoryRow extends OpenBoxesCategory {
	parentCategoryId: string | null;
	dateCreated: number;
	lastUpdated: number;
}

/** Everything the sandbox knows; reset() replaces it with a fresh seed. */
export interface OpenBoxesState {
	users: OpenBoxesUser[];
	persons: OpenBoxesPerson[];
	organizations: Organization[];
	locations: OpenBoxesLocation[];
	categories: CategoryRow[];
	products: OpenBoxesProduct[];
	inventoryItems: InventoryItemRow[];
	availability: AvailabilityRow[];
	inventoryLevels: InventoryLevelRow[];
	stockMovements: StockMovementRow[];
	purchaseOrders: PurchaseOrderRow[];
	putaways: PutawayRow[];
	/** The inventory id of each facility (InventoryLevel.inventory). */
	inventoryIds: Record<string, string>;
	/** Monthly demand per `${locationId}:${productId}` (forecasting, read by the reorder report). */
	monthlyDemand: Record<string, number>;
	counter: number;
	/**
	 * Goes up whenever a listed product's fields change in place (see productsChanged); an insert
	 * or delete changes `products` itself. Cached product lists are redone when either moves.
	 */
	productsRevision: number;
}

// ---- ids ----

/**
 * A Hibernate `uuid`-generator style id: IP(8) JVM(8) hi-time(4) lo-time(8) counter(4), lowercase.
 * The counter makes every id unique; the time part follows the creation date like the real thing.
 */
export function hibernateUuid(ms: number, counter: number): string {
	const hi = Math.floor(ms / 0x100000000) & 0xffff;
	const lo = ms % 0x100000000;
	const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
	return 'ff808181' + '8c1f2b7a' + hex(hi, 4) + hex(lo, 8) + hex(counter & 0xffff, 4);
}

/** Call after changing fields of products already in `state.products` (see productsRevision). */
export function productsChanged(state: OpenBoxesState): void {
	state.productsRevision++;
}

/** A fresh id for a row created at `ms`; the state's counter keeps ids unique. */
export function newId(state: OpenBoxesState, ms: number): string {
	state.counter++;
	return hibernateUuid(ms, state.counter);
}

// ---- dates ----

export const DAY = 86_400_000;

/** Dates as Grails renders java.util.Date: `yyyy-MM-dd'T'HH:mm:ss'Z'` in GMT. */
export function grailsDate(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Now, truncated to the second: the database stores datetimes without milliseconds. */
export function nowSeconds(): number {
	const now = Date.now();
	return now - (now % 1000);
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `MM/dd/yyyy`, the custom toJson date format (server time zone: UTC). */
export function usDate(ms: number): string {
	const d = new Date(ms);
	return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

/** `MM/dd/yyyy HH:mm XXX`, used for shipment dates. */
export function usDateTime(ms: number): string {
	const d = new Date(ms);
	return `${usDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} Z`;
}

/** `MMMM dd, yyyy`, the putaway dateCreated format. */
export function longDate(ms: number): string {
	const d = new Date(ms);
	return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())}, ${d.getUTCFullYear()}`;
}

/** `ddMMMyyyy`, as in generated stock movement names (e.g. 23Jun2018). */
export function shortNameDate(ms: number): string {
	const d = new Date(ms);
	return `${pad(d.getUTCDate())}${MONTHS[d.getUTCMonth()].slice(0, 3)}${d.getUTCFullYear()}`;
}

/**
 * `Date.parse("MM/dd/yyyy", value)` as the list filters call it. Anything not in that format is
 * a ParseException (the caller turns it into a 500); like a lenient SimpleDateFormat, 13/01/2024
 * rolls over into the next year rather than failing.
 */
export function parseUsDate(value: string): number | undefined {
	const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
	if (!match) return undefined;
	return Date.UTC(Number(match[3]), Number(match[1]) - 1, Number(match[2]));
}

/**
 * The flexible parser of manually bound dates (DataBindingConstants): `MM/dd/yyyy`,
 * `yyyy-MM-dd`, `yyyyMMdd`, each with an optional ` `/`T` time `HH:mm[:ss[.SSS]]` and zone.
 */
export function parseFlexibleDate(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	const date =
		/^(?<m>\d{2})\/(?<d>\d{2})\/(?<y>\d{4})/.exec(trimmed) ??
		/^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})/.exec(trimmed) ??
		/^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})/.exec(trimmed);
	if (!date?.groups) return undefined;
	const rest = trimmed.slice(date[0].length);
	const time = /^(?:[T ](?<h>\d{2}):(?<min>\d{2})(?::(?<s>\d{2})(?:\.(?<ms>\d{1,3}))?)?)?\s*(?<zone>Z|[+-]\d{2}:?\d{2})?$/.exec(rest);
	if (!time?.groups) return undefined;
	const { y, m, d } = date.groups;
	const { h, min, s, ms, zone } = time.groups;
	if (Number(m) < 1 || Number(m) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
	let utc = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(h ?? 0), Number(min ?? 0), Number(s ?? 0), Number((ms ?? '0').padEnd(3, '0')));
	if (zone && zone !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		utc -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
	}
	return utc;
}

// ---- misc ----

/** mulberry32: a tiny seeded PRNG, so seeds are varied yet identical on every run. */
export function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function personName(p: { firstName: string; lastName: string }): string {
	return `${p.firstName} ${p.lastName}`;
}
