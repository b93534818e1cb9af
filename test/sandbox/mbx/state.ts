/**
 * The in-memory database behind the MBX sandbox: every row list, the lookups built from the seed,
 * the OAuth grants, the rate-limit windows and the record clock, in one MbxState that server.ts
 * owns and hands to each handler module as its first argument. Also what every module needs to
 * read and write rows: the per-organization views lists page through and the never-repeating
 * timestamps writes are stamped with.
 */
import { RecordClock } from '../common/clock';
import type { AuthCode, BearerToken } from './oauth';
import type { MbxSandboxOptions } from './options';
import { seedCountries, seedItems, type MbxCountry, type MbxItem, type MbxOrganization } from './seed';
import {
	SEED_CLOCK_END,
	seedAutomation,
	seedCatalogItems,
	seedInventories,
	seedOrders,
	seedShipMethods,
	seedTaskTypes,
	type InvoiceRecord,
	type MbxAutomationTask,
	type MbxAutomationTaskType,
	type MbxCatalogItem,
	type MbxInventory,
	type MbxOrder,
	type MbxShipMethod,
	type QueueRecord,
	type SerialDataRecord,
	type SerialRecord,
} from './seed-operations';
import type { MbxWebhookDelivery, MbxWebhookSubscription } from './webhooks';

export interface MbxState {
	settings: MbxSandboxOptions;
	/** MbxSandbox.clock: what tick() stamps with and rate-limit windows are timed by. */
	readonly clock: RecordClock;

	readonly countryRows: MbxCountry[];
	// Items, catalog items and inventories are the seed plus what addItems() appended; reset() drops the rest.
	itemRows: MbxItem[];
	readonly seededItemCount: number;

	// Reference data, built once; addItems() appends catalog items, inventories and map entries too.
	readonly shipMethodRows: MbxShipMethod[];
	readonly taskTypeRows: MbxAutomationTaskType[];
	catalogRows: MbxCatalogItem[];
	inventoryRows: MbxInventory[];
	readonly itemOwners: Map<number, number>;
	/** "<organization id>:<item name>" -> item: an order line's product code is an item name. */
	readonly itemsByProductCode: Map<string, MbxItem>;
	readonly prices: Map<number, number>;
	readonly countryCodes: Set<string>;

	// Mutable state: rebuilt from the seed by reset().
	orderRows: MbxOrder[];
	invoiceRows: InvoiceRecord[];
	serialRows: SerialRecord[];
	queueRows: QueueRecord[];
	taskRows: MbxAutomationTask[];
	serialDataRows: SerialDataRecord[];
	subscriptions: MbxWebhookSubscription[];
	deliveries: MbxWebhookDelivery[];
	nextIds: {
		order: number;
		invoice: number;
		serial: number;
		queue: number;
		task: number;
		serialData: number;
		subscription: number;
	};
	/** The last timestamp handed out, in epoch ms: the sandbox clock never repeats or goes back. */
	lastTick: number;

	readonly authCodes: Map<string, AuthCode>;
	readonly bearerTokens: Map<string, BearerToken>;
	/** refresh token -> owning client; rotation deletes the old entry. */
	readonly refreshTokens: Map<string, { clientId: string; organization: MbxOrganization }>;
	bearersIssued: number;
	/** Rate-limit windows by caller (see throttle). */
	readonly buckets: Map<string, { windowStart: number; count: number }>;
	/** Each organization's rows of a row list, kept between requests (see owned). */
	readonly ownedViews: WeakMap<object, Map<number, { scanned: number; rows: unknown[] }>>;
}

/** The seeded state, with the given options in force. */
export function createState(settings: MbxSandboxOptions): MbxState {
	const countryRows = seedCountries();
	const itemRows = seedItems();
	const shipMethodRows = seedShipMethods();
	const taskTypeRows = seedTaskTypes();
	const catalogRows = seedCatalogItems(itemRows);
	const inventoryRows = seedInventories(itemRows, catalogRows);
	const state: MbxState = {
		settings,
		clock: new RecordClock(),
		countryRows,
		itemRows,
		seededItemCount: itemRows.length,
		shipMethodRows,
		taskTypeRows,
		catalogRows,
		inventoryRows,
		itemOwners: new Map(itemRows.map((i) => [i.id, i.owner_id])),
		itemsByProductCode: new Map(itemRows.map((i) => [`${i.owner_id}:${i.name}`, i])),
		prices: new Map(catalogRows.map((c) => [c.item_id, c.price])),
		countryCodes: new Set(countryRows.map((c) => c.iso_code)),
		orderRows: [],
		invoiceRows: [],
		serialRows: [],
		queueRows: [],
		taskRows: [],
		serialDataRows: [],
		subscriptions: [],
		deliveries: [],
		nextIds: { order: 0, invoice: 0, serial: 0, queue: 0, task: 0, serialData: 0, subscription: 0 },
		lastTick: SEED_CLOCK_END,
		authCodes: new Map(),
		bearerTokens: new Map(),
		refreshTokens: new Map(),
		bearersIssued: 0,
		buckets: new Map(),
		ownedViews: new WeakMap(),
	};
	seedOperations(state);
	return state;
}

/** Orders, invoices, automation and serial data back to the seed; webhooks and ids start over. */
export function seedOperations(state: MbxState): void {
	const { orders, invoices } = seedOrders(state.itemRows, state.catalogRows, state.shipMethodRows);
	const automation = seedAutomation(state.itemRows);
	state.orderRows = orders;
	state.invoiceRows = invoices;
	state.serialRows = automation.serials;
	state.queueRows = automation.queues;
	state.taskRows = automation.tasks;
	state.serialDataRows = automation.serialData;
	state.subscriptions = [];
	state.deliveries = [];
	const next = (rows: ReadonlyArray<{ id: number }>) => rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
	state.nextIds = {
		order: next(orders),
		invoice: next(invoices),
		serial: next(automation.serials),
		queue: next(automation.queues),
		task: next(automation.tasks),
		serialData: next(automation.serialData),
		subscription: 1,
	};
	state.lastTick = SEED_CLOCK_END;
}

/**
 * One organization's rows of `source`, in source order, kept between calls so a list of
 * 100,000 rows costs its page and not a scan. Sources only grow in place (push); anything
 * that removes rows replaces the array, which starts a new view.
 */
export function owned<T extends object>(
	state: MbxState,
	source: T[],
	organizationId: number,
	ownerOf: (row: T) => number | undefined,
): T[] {
	let views = state.ownedViews.get(source);
	if (!views) {
		views = new Map();
		state.ownedViews.set(source, views);
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
 * Now, as an ISO timestamp strictly later than any handed out before (seeded ones included);
 * while the clock is set, its time, repeated (a database storing whole seconds does that).
 */
export function tick(state: MbxState): string {
	const setAt = state.clock.setAt();
	if (setAt !== null) {
		state.lastTick = Math.max(state.lastTick, setAt);
		return new Date(setAt).toISOString();
	}
	state.lastTick = Math.max(Date.now(), state.lastTick + 1);
	return new Date(state.lastTick).toISOString();
}

/**
 * `n` timestamps as `n` calls of tick() would give them, but ending now where there is room,
 * so a bulk addition does not run the clock ahead of real time; while the clock is set, its time.
 */
export function ticks(state: MbxState, n: number): string[] {
	if (n === 0) return [];
	const setAt = state.clock.setAt();
	if (setAt !== null) {
		state.lastTick = Math.max(state.lastTick, setAt);
		return new Array<string>(n).fill(new Date(setAt).toISOString());
	}
	const first = Math.max(state.lastTick + 1, Date.now() - n + 1);
	state.lastTick = first + n - 1;
	return Array.from({ length: n }, (_, k) => new Date(first + k).toISOString());
}
