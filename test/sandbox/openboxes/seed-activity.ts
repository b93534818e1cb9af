/**
 * Seeded stock and activity for the OpenBoxes sandbox: lots and availability rows at the two
 * depots, facility inventory levels (products below minimum, below reorder, above maximum, out of
 * stock, never stocked), ~80 purchase orders, ~60 inbound and outbound stock movements and two
 * put-aways. Built from seeded PRNGs, so every run (and every reset) yields the same rows.
 */
import { allocations, available, binsOf, isExpired, itemById, pickStock } from './inventory';
import {
	DAY,
	PAYMENT_TERMS,
	hibernateUuid,
	prng,
	type AvailabilityRow,
	type InventoryItemRow,
	type InventoryLevelRow,
	type InventoryStatus,
	type OpenBoxesState,
	type OrderStatus,
	type PurchaseOrderRow,
	type PutawayRow,
	type RequisitionStatus,
	type ShipmentStatus,
	type StockMovementRow,
} from './model';
import {
	LAST_UPDATE,
	OPENBOXES_ASSISTANT,
	OPENBOXES_BINS,
	OPENBOXES_DEMO,
	OPENBOXES_FINANCE,
	OPENBOXES_MANAGER,
	PRODUCT_CATEGORIES,
	seedLocations,
	seedOrganizations,
	seedPersons,
	seedProducts,
	seedUsers,
	type OpenBoxesProduct,
} from './seed';

const BHQ = OPENBOXES_DEMO.locationId;
const MW = OPENBOXES_DEMO.warehouseId;
const PEDIATRIC = 'ff80818190a1c3b10190a1c4e2a50011';
const MATERNITY = 'ff80818190a1c3b10190a1c4e2a50012';
const DISPENSARY = 'ff80818190a1c3b10190a1c4e2a50013';
const SUPPLIERS = [OPENBOXES_DEMO.supplierId, 'ff80818190a1c3b10190a1c4e2a50004', 'ff80818190a1c3b10190a1c4e2a50005', 'ff80818190a1c3b10190a1c4e2a50006'];
const STAFF = [OPENBOXES_DEMO.userId, OPENBOXES_MANAGER.userId, OPENBOXES_ASSISTANT.userId, OPENBOXES_FINANCE.userId];
const PERSONS = ['ff80818190a1c3b10190a1c4e2a50111', 'ff80818190a1c3b10190a1c4e2a50112'];

/** Where each product of a facility's level set sits against its level. */
type Band =
	| 'NORMAL'
	| 'BELOW_REORDER'
	| 'BELOW_MINIMUM'
	| 'STOCK_OUT'
	| 'ABOVE_MAXIMUM'
	| 'NEVER_STOCKED'
	| 'EXPIRED_LOT'
	| 'ON_HOLD'
	| 'MAX_ONLY';

/** The fixed head of Boston Headquarters' level set, so demos and tests have stable examples. */
const DEMO_BANDS: readonly Band[] = [
	'BELOW_REORDER',
	'BELOW_MINIMUM',
	'ABOVE_MAXIMUM',
	'NORMAL',
	'NEVER_STOCKED',
	'EXPIRED_LOT',
	'STOCK_OUT',
	'ON_HOLD',
	'MAX_ONLY',
];

const STOCK_SEED_TIME = Date.UTC(2023, 0, 2, 8, 0, 0);

interface Builder {
	state: OpenBoxesState;
	random: () => number;
	/** Counter of seeded ids (product ids use 1..1250). */
	next: number;
}

function seededId(b: Builder, ms: number): string {
	b.next++;
	return hibernateUuid(ms, b.next);
}

const pickOne = <T>(b: Builder, list: readonly T[]): T => list[Math.floor(b.random() * list.length)];
const between = (b: Builder, lo: number, hi: number): number => lo + Math.floor(b.random() * (hi - lo + 1));

function shuffled<T>(b: Builder, list: readonly T[]): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(b.random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** A seed timestamp on a whole second between `from` and `to`. */
function seedTime(b: Builder, from: number, to: number): number {
	const ms = from + Math.floor(b.random() * (to - from));
	return ms - (ms % 1000);
}

function item(b: Builder, productId: string, lotNumber: string | null, expirationDate: number | null): InventoryItemRow {
	const existing = b.state.inventoryItems.find((i) => i.productId === productId && i.lotNumber === lotNumber);
	if (existing) return existing;
	const created = seedTime(b, STOCK_SEED_TIME, LAST_UPDATE - 30 * DAY);
	const row: InventoryItemRow = { id: seededId(b, created), productId, lotNumber, expirationDate, dateCreated: created, lastUpdated: created };
	b.state.inventoryItems.push(row);
	return row;
}

function lotNumber(b: Builder, product: OpenBoxesProduct, expires: number): string {
	const d = new Date(expires);
	return `${(product.productCode ?? 'XX').slice(0, 2)}${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}-${between(b, 100, 999)}`;
}

/** Puts `quantity` of a product at a facility, spread over 1-3 lots (or the default lot) and bins. */
function stock(b: Builder, product: OpenBoxesProduct, facilityId: string, quantity: number, extra: { expired?: number; hold?: number } = {}): void {
	const bins = binsOf(b.state, facilityId, false);
	const lots: InventoryItemRow[] = [];
	if (product.lotAndExpiryControl) {
		const count = between(b, 1, 3);
		for (let i = 0; i < count; i++) {
			const expires = Date.UTC(2031 + between(b, 0, 3), between(b, 0, 11), 1);
			lots.push(item(b, product.id, lotNumber(b, product, expires), expires));
		}
	} else {
		lots.push(item(b, product.id, null, null));
	}
	// Integer split of the quantity over the lots; the first lot takes the remainder.
	const shares = lots.map(() => 1 + b.random());
	const total = shares.reduce((a, s) => a + s, 0);
	const parts = shares.map((s) => Math.floor((quantity * s) / total));
	parts[0] += quantity - parts.reduce((a, p) => a + p, 0);
	lots.forEach((lot, i) => addRow(b, product.id, facilityId, pickOne(b, bins), lot, parts[i], 0));
	if (extra.hold) {
		// A recalled lot: on hand, but all of it on hold.
		const expires = Date.UTC(2032, between(b, 0, 11), 1);
		const lot = item(b, product.id, `RCL-${between(b, 1000, 9999)}`, product.lotAndExpiryControl ? expires : null);
		addRow(b, product.id, facilityId, pickOne(b, bins), lot, extra.hold, extra.hold);
	}
	if (extra.expired) {
		const expiredOn = Date.UTC(2024, between(b, 0, 11), 1);
		const lot = product.lotAndExpiryControl
			? item(b, product.id, lotNumber(b, product, expiredOn), expiredOn)
			: item(b, product.id, `EXP-${between(b, 1000, 9999)}`, expiredOn);
		addRow(b, product.id, facilityId, pickOne(b, bins), lot, extra.expired, 0);
	}
}

function addRow(b: Builder, productId: string, locationId: string, binLocationId: string, lot: InventoryItemRow, quantity: number, hold: number): void {
	const existing = b.state.availability.find((r) => r.locationId === locationId && r.binLocationId === binLocationId && r.inventoryItemId === lot.id);
	if (existing) {
		existing.quantityOnHand += quantity;
		existing.quantityOnHold += hold;
		return;
	}
	const created = seedTime(b, STOCK_SEED_TIME, LAST_UPDATE - 60 * DAY);
	const row: AvailabilityRow = {
		id: seededId(b, created),
		productId,
		locationId,
		binLocationId,
		inventoryItemId: lot.id,
		quantityOnHand: quantity,
		quantityOnHold: hold,
		dateCreated: created,
		lastUpdated: seedTime(b, created, LAST_UPDATE),
	};
	b.state.availability.push(row);
}

function randomBand(b: Builder): Band {
	const r = b.random();
	if (r < 0.52) return 'NORMAL';
	if (r < 0.64) return 'BELOW_REORDER';
	if (r < 0.72) return 'BELOW_MINIMUM';
	if (r < 0.76) return 'STOCK_OUT';
	if (r < 0.84) return 'ABOVE_MAXIMUM';
	if (r < 0.9) return 'NEVER_STOCKED';
	if (r < 0.93) return 'EXPIRED_LOT';
	if (r < 0.95) return 'ON_HOLD';
	return 'MAX_ONLY';
}

export interface FacilityPlan {
	/** Products with an inventory level, by band. */
	bands: Map<string, Band>;
	/** Products stocked without an inventory level (movement lines draw from these). */
	unmanaged: string[];
}

/** Levels and stock of one facility; `demo` pins the head of the level set to DEMO_BANDS. */
function seedFacility(b: Builder, facilityId: string, levelCount: number, unmanagedCount: number, demo: boolean): FacilityPlan {
	const active = b.state.products.filter((p) => p.active);
	const order = shuffled(b, active);
	const plan: FacilityPlan = { bands: new Map(), unmanaged: [] };
	const created = Date.UTC(2023, 2, 1, 10, 0, 0);
	b.state.inventoryIds[facilityId] = seededId(b, created);

	order.slice(0, levelCount).forEach((product, i) => {
		const band = demo && i < DEMO_BANDS.length ? DEMO_BANDS[i] : randomBand(b);
		plan.bands.set(product.id, band);
		const reorder = 5 * between(b, 4, 39);
		const min = Math.max(5, Math.round((reorder * 0.4) / 5) * 5);
		const max = reorder * 3;
		const r = b.random();
		const status: InventoryStatus = demo && i < DEMO_BANDS.length ? 'SUPPORTED' : r < 0.05 ? 'STOCK' : r < 0.08 ? 'FORMULARY' : r < 0.1 ? 'NOT_SUPPORTED' : 'SUPPORTED';
		const levelCreated = seedTime(b, created, LAST_UPDATE - 90 * DAY);
		const level: InventoryLevelRow = {
			id: seededId(b, levelCreated),
			locationId: facilityId,
			productId: product.id,
			minQuantity: band === 'MAX_ONLY' ? null : min,
			reorderQuantity: band === 'MAX_ONLY' ? 0 : reorder,
			maxQuantity: band === 'MAX_ONLY' ? 5 * between(b, 10, 60) : max,
			status,
			forecastQuantity: null,
			forecastPeriodDays: 30,
			expectedLeadTimeDays: pickOne(b, [null, 14, 30, 60]),
			abcClass: pickOne(b, [null, 'A', 'B', 'C']),
			comments: null,
			dateCreated: levelCreated,
			lastUpdated: seedTime(b, levelCreated, LAST_UPDATE),
		};
		b.state.inventoryLevels.push(level);
		b.state.monthlyDemand[`${facilityId}:${product.id}`] = Math.round(reorder / 3 + b.random() * (reorder / 2));

		// Quantities so that ATP (QoH - holds; no picks touch level products at seed time) lands in the band.
		const inRange = (lo: number, hi: number) => between(b, lo, Math.max(lo, hi));
		switch (band) {
			case 'NORMAL':
				return stock(b, product, facilityId, inRange(reorder + 1, max));
			case 'BELOW_REORDER':
				return stock(b, product, facilityId, inRange(min + 1, reorder));
			case 'BELOW_MINIMUM':
				return stock(b, product, facilityId, inRange(1, min));
			case 'STOCK_OUT':
				return stock(b, product, facilityId, 0);
			case 'ABOVE_MAXIMUM':
				return stock(b, product, facilityId, inRange(max + 1, Math.round(max * 1.5)));
			case 'EXPIRED_LOT':
				// On hand looks fine, but without the expired lot ATP is below reorder.
				return stock(b, product, facilityId, inRange(min + 1, reorder), { expired: reorder });
			case 'ON_HOLD': {
				// A held (recalled) lot: on hand above reorder, available to promise below it.
				const free = inRange(min + 1, reorder);
				return stock(b, product, facilityId, free, { hold: inRange(reorder + 10, max) - free });
			}
			case 'MAX_ONLY':
				return stock(b, product, facilityId, inRange(10, 200));
			case 'NEVER_STOCKED':
				return undefined;
		}
	});
	for (const product of order.slice(levelCount, levelCount + unmanagedCount)) {
		stock(b, product, facilityId, 5 * between(b, 20, 200));
		plan.unmanaged.push(product.id);
	}
	return plan;
}

/** Stock that arrived and waits in the receiving bin for put-away. */
function seedReceivingStock(b: Builder, facilityId: string, receivingBin: string, productIds: string[]): void {
	for (const productId of productIds) {
		const product = b.state.products.find((p) => p.id === productId)!;
		const expires = Date.UTC(2032, between(b, 0, 11), 1);
		const lot = product.lotAndExpiryControl ? item(b, productId, lotNumber(b, product, expires), expires) : item(b, productId, null, null);
		addRow(b, productId, facilityId, receivingBin, lot, 5 * between(b, 2, 12), 0);
	}
}

// ---- purchase orders ----

/** [Order.status, how far items went, count]; 'invoiced' implies received. */
const PO_PLAN: ReadonlyArray<readonly [OrderStatus, 'none' | 'partShipped' | 'shipped' | 'partReceived' | 'received' | 'partInvoiced' | 'invoiced', number]> = [
	['PENDING', 'none', 14],
	['APPROVED', 'none', 10],
	['PLACED', 'none', 16],
	['PLACED', 'partShipped', 4],
	['PLACED', 'shipped', 6],
	['PARTIALLY_RECEIVED', 'partReceived', 6],
	['RECEIVED', 'received', 10],
	['RECEIVED', 'partInvoiced', 3],
	['RECEIVED', 'invoiced', 3],
	['COMPLETED', 'invoiced', 4],
	['CANCELED', 'none', 3],
	['REJECTED', 'none', 1],
];

const PO_SUBJECTS = ['Quarterly replenishment', 'Emergency top-up', 'Vaccine campaign', 'Lab reagents', 'PPE restock', 'Surgical supplies', 'Essential medicines', 'Cold chain items'];

function seedPurchaseOrders(b: Builder): void {
	const active = b.state.products.filter((p) => p.active);
	const plan = PO_PLAN.flatMap(([status, progress, count]) => Array.from({ length: count }, () => [status, progress] as const));
	// Interleave statuses over time: older orders are more likely to be finished.
	const ordered = plan
		.map((entry, i) => ({ entry, key: ['PENDING', 'APPROVED'].includes(entry[0]) ? 0.6 + b.random() * 0.4 : b.random() * 0.9 + i * 0.0001 }))
		.sort((x, y) => x.key - y.key)
		.map((x) => x.entry);
	const first = Date.UTC(2024, 2, 1, 9, 0, 0);
	const span = Date.UTC(2025, 4, 25, 17, 0, 0) - first;
	ordered.forEach(([status, progress], i) => {
		const dateOrdered = first + Math.floor((span * i) / ordered.length) + between(b, 0, 36_000) * 1000;
		const dateCreated = dateOrdered - between(b, 0, 2 * 86_400) * 1000;
		const supplier = SUPPLIERS[i % SUPPLIERS.length];
		const prepaid = status === 'PENDING' && i % 5 === 0;
		const items = Array.from({ length: between(b, 1, 5) }, () => {
			const product = pickOne(b, active);
			const quantity = 10 * between(b, 1, 50);
			const receivedShare = { none: 0, partShipped: 0, shipped: 0, partReceived: 0.5, received: 1, partInvoiced: 1, invoiced: 1 }[progress];
			const shippedShare = { none: 0, partShipped: 0.5, shipped: 1, partReceived: 1, received: 1, partInvoiced: 1, invoiced: 1 }[progress];
			return {
				id: seededId(b, dateCreated),
				productId: product.id,
				quantity,
				unitPrice: product.pricePerUnit ?? 1,
				quantityShipped: Math.round(quantity * shippedShare),
				quantityReceived: Math.round(quantity * receivedShare),
				quantityInvoiced: progress === 'invoiced' ? quantity : 0,
				dateCreated,
				lastUpdated: dateCreated,
			};
		});
		// Partial progress: only the first item moved, the rest wait.
		if (['partShipped', 'partReceived', 'partInvoiced'].includes(progress) && items.length > 1) {
			for (const it of items.slice(1)) {
				if (progress === 'partShipped') it.quantityShipped = 0;
				if (progress === 'partReceived') it.quantityReceived = 0;
			}
		}
		if (progress === 'partInvoiced') items[0].quantityInvoiced = items[0].quantity;
		if (progress === 'partShipped' && items.length === 1) items[0].quantityShipped = Math.max(1, Math.floor(items[0].quantity / 2));
		if (progress === 'partReceived' && items.length === 1) items[0].quantityReceived = Math.max(1, Math.floor(items[0].quantity / 2));
		const orderedBy = pickOne(b, [OPENBOXES_DEMO.userId, OPENBOXES_MANAGER.userId, OPENBOXES_FINANCE.userId]);
		const row: PurchaseOrderRow = {
			id: seededId(b, dateCreated),
			orderNumber: `PO-${10001 + i}`,
			name: `${pickOne(b, PO_SUBJECTS)} ${new Date(dateOrdered).toISOString().slice(0, 7)}`,
			description: b.random() < 0.4 ? 'Ordered against the annual procurement plan' : null,
			status,
			originId: supplier,
			destinationId: b.random() < 0.7 ? BHQ : MW,
			orderedById: orderedBy,
			createdById: orderedBy,
			dateOrdered,
			dateCreated,
			lastUpdated: Math.min(dateOrdered + between(b, 0, 40) * DAY, LAST_UPDATE),
			paymentTermId: prepaid ? PAYMENT_TERMS[2].id : pickOne(b, [PAYMENT_TERMS[0].id, PAYMENT_TERMS[1].id, null]),
			paymentMethodType: pickOne(b, [null, 'Wire transfer', 'Credit card']),
			hasPrepaymentInvoice: prepaid,
			currencyCode: 'USD',
			items,
		};
		b.state.purchaseOrders.push(row);
	});
}

// ---- stock movements ----

/** [origin, destinations, requisition status, shipment status (null: none yet), count, source type]
 * Movements made in the stock movement wizard have no source type; ELECTRONIC marks requests. */
type MovementPlan = readonly [string, readonly string[], RequisitionStatus, ShipmentStatus | null, number, 'ELECTRONIC' | null];

const MOVEMENT_PLAN: readonly MovementPlan[] = [
	[BHQ, [MW, PEDIATRIC, MATERNITY, DISPENSARY], 'CREATED', null, 3, null],
	[BHQ, [PEDIATRIC, MATERNITY], 'CREATED', null, 2, 'ELECTRONIC'],
	[BHQ, [MW, DISPENSARY], 'EDITING', null, 2, null],
	[BHQ, [MW, PEDIATRIC, MATERNITY, DISPENSARY], 'VERIFYING', null, 6, null],
	[BHQ, [PEDIATRIC], 'PENDING_APPROVAL', null, 1, 'ELECTRONIC'],
	[BHQ, [MATERNITY], 'APPROVED', null, 1, 'ELECTRONIC'],
	[BHQ, [DISPENSARY], 'REJECTED', null, 1, 'ELECTRONIC'],
	[BHQ, [MW, PEDIATRIC, MATERNITY, DISPENSARY], 'PICKING', null, 4, null],
	[BHQ, [MW, PEDIATRIC, DISPENSARY], 'PICKED', 'PENDING', 3, null],
	[BHQ, [MW, MATERNITY, DISPENSARY], 'CHECKING', 'PENDING', 3, null],
	[BHQ, [MW, PEDIATRIC, MATERNITY, DISPENSARY], 'ISSUED', 'SHIPPED', 7, null],
	[BHQ, [MW, PEDIATRIC, MATERNITY, DISPENSARY], 'ISSUED', 'RECEIVED', 4, null],
	[MW, [BHQ, PEDIATRIC], 'VERIFYING', null, 2, null],
	[MW, [BHQ], 'PICKING', null, 1, null],
	[MW, [BHQ], 'CHECKING', 'PENDING', 1, null],
	[MW, [BHQ, MATERNITY], 'ISSUED', 'SHIPPED', 3, null],
	[MW, [BHQ], 'ISSUED', 'RECEIVED', 2, null],
	[MW, [BHQ], 'REJECTED', null, 1, 'ELECTRONIC'],
];

const MOVEMENT_NOTES = [null, 'Weekly ward replenishment', 'Monthly restock', 'Emergency request', 'Campaign supplies', null];

function identifier(b: Builder, taken: Set<string>): string {
	for (;;) {
		const letters = Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(b.random() * 26))).join('');
		const id = `${between(b, 100, 999)}${letters}`;
		if (!taken.has(id)) {
			taken.add(id);
			return id;
		}
	}
}

function seedStockMovements(b: Builder, plans: Record<string, FacilityPlan>): void {
	const taken = new Set<string>();
	const timeline: Array<{ plan: MovementPlan; destination: string } | { order: PurchaseOrderRow; shipmentStatus: ShipmentStatus }> = [];
	for (const plan of MOVEMENT_PLAN) {
		for (let i = 0; i < plan[4]; i++) timeline.push({ plan, destination: plan[1][i % plan[1].length] });
	}
	// Supplier shipments against placed purchase orders: pending, shipped, partly and fully received.
	const byProgress = (status: OrderStatus, test: (o: PurchaseOrderRow) => boolean) =>
		b.state.purchaseOrders.filter((o) => o.status === status && test(o));
	const shipmentOrders: Array<[PurchaseOrderRow, ShipmentStatus]> = [
		...byProgress('PLACED', (o) => o.items.every((i) => i.quantityShipped === 0)).slice(0, 4).map((o) => [o, 'PENDING'] as [PurchaseOrderRow, ShipmentStatus]),
		...byProgress('PLACED', (o) => o.items.every((i) => i.quantityShipped === i.quantity)).slice(0, 5).map((o) => [o, 'SHIPPED'] as [PurchaseOrderRow, ShipmentStatus]),
		...byProgress('PARTIALLY_RECEIVED', () => true).slice(0, 1).map((o) => [o, 'PARTIALLY_RECEIVED'] as [PurchaseOrderRow, ShipmentStatus]),
		...byProgress('RECEIVED', (o) => o.items.every((i) => i.quantityInvoiced === 0)).slice(0, 3).map((o) => [o, 'RECEIVED'] as [PurchaseOrderRow, ShipmentStatus]),
	];
	for (const [order, shipmentStatus] of shipmentOrders) timeline.push({ order, shipmentStatus });

	// Spread creation dates over Sep 2024 - May 2025, in a shuffled order of the plan.
	const first = Date.UTC(2024, 8, 2, 8, 0, 0);
	const span = Date.UTC(2025, 4, 28, 16, 0, 0) - first;
	const entries = shuffled(b, timeline);
	// Finished movements are older: shipped/received ones come first, in-progress ones last.
	const age: Record<string, number> = { RECEIVED: 0, PARTIALLY_RECEIVED: 0, SHIPPED: 1 };
	const rank = (e: (typeof entries)[number]) => age['plan' in e ? (e.plan[3] ?? '') : e.shipmentStatus] ?? 2;
	entries.sort((x, y) => rank(x) - rank(y));

	entries.forEach((entry, i) => {
		const dateCreated = first + Math.floor((span * i) / entries.length) + between(b, 0, 30_000) * 1000;
		const created = dateCreated - (dateCreated % 1000);
		const dateRequested = created - (created % DAY);
		const lastUpdated = Math.min(created + between(b, 0, 10) * DAY + between(b, 0, 3600) * 1000, LAST_UPDATE);
		const creator = pickOne(b, [OPENBOXES_DEMO.userId, OPENBOXES_MANAGER.userId]);
		const sm: StockMovementRow = {
			id: seededId(b, created),
			kind: 'plan' in entry ? 'requisition' : 'shipment',
			identifier: identifier(b, taken),
			description: pickOne(b, MOVEMENT_NOTES),
			originId: 'plan' in entry ? entry.plan[0] : entry.order.originId,
			destinationId: 'plan' in entry ? entry.destination : entry.order.destinationId,
			requestedById: pickOne(b, [...STAFF, ...PERSONS]),
			createdById: creator,
			updatedById: creator,
			dateRequested,
			dateCreated: created,
			lastUpdated,
			requisitionStatus: 'plan' in entry ? entry.plan[2] : null,
			sourceType: 'plan' in entry ? entry.plan[5] : null,
			shipment: null,
			orderId: 'plan' in entry ? null : entry.order.id,
			lines: [],
		};
		const shipmentStatus = 'plan' in entry ? entry.plan[3] : entry.shipmentStatus;
		if (shipmentStatus) {
			const shipped = shipmentStatus !== 'PENDING' ? created + between(b, 1, 3) * DAY : null;
			sm.shipment = {
				id: sm.id,
				shipmentNumber: sm.identifier,
				currentStatus: shipmentStatus,
				dateShipped: shipped,
				expectedDeliveryDate: shipped ? shipped + between(b, 2, 10) * DAY : null,
				dateDelivered: shipmentStatus === 'RECEIVED' || shipmentStatus === 'PARTIALLY_RECEIVED' ? (shipped ?? created) + between(b, 2, 6) * DAY : null,
				shipmentTypeId: pickOne(b, ['1', '3', '3', '5']),
				trackingNumber: shipped && b.random() < 0.5 ? `1Z${between(b, 100000, 999999)}${between(b, 1000, 9999)}` : null,
				driverName: null,
				comments: null,
				received: [],
			};
		}
		if ('plan' in entry) {
			const pool = plans[sm.originId].unmanaged;
			const count = between(b, 1, 5);
			const used = new Set<string>();
			for (let n = 0; n < count; n++) {
				const productId = pickOne(b, pool);
				if (used.has(productId)) continue;
				used.add(productId);
				sm.lines.push({
					id: seededId(b, created),
					productId,
					quantityRequested: 5 * between(b, 1, 20),
					sortOrder: sm.lines.length * 100,
					comments: null,
					inventoryItemId: null,
					picks: [],
					orderItemId: null,
				});
			}
		} else {
			for (const orderItem of entry.order.items) {
				sm.lines.push({
					id: seededId(b, created),
					productId: orderItem.productId,
					quantityRequested: orderItem.quantity,
					sortOrder: sm.lines.length * 100,
					comments: null,
					inventoryItemId: null,
					picks: [],
					orderItemId: orderItem.id,
				});
			}
		}
		b.state.stockMovements.push(sm);
		// Picklists: in-progress picks allocate stock; the shipped ones record which lots went.
		const picked = ['PICKING', 'PICKED', 'CHECKING', 'ISSUED'].includes(sm.requisitionStatus ?? '');
		if (picked) {
			for (const line of sm.lines) {
				line.picks = pickStock(b.state, sm.originId, line.productId, line.quantityRequested, LAST_UPDATE).map(({ row, quantity }) => ({
					availabilityId: row.id,
					inventoryItemId: row.inventoryItemId,
					binLocationId: row.binLocationId,
					quantity,
				}));
			}
		}
	});
	// Supplier shipments are sorted into the timeline; keep the list in creation order.
	b.state.stockMovements.sort((x, y) => x.dateCreated - y.dateCreated);
}

function seedPutaways(b: Builder): void {
	const allocated = allocations(b.state);
	const waiting = b.state.availability.filter((r) => r.binLocationId === OPENBOXES_BINS.bhqReceiving && available(r, allocated) > 0);
	const pendingItems = waiting.slice(0, 2);
	const created = Date.UTC(2025, 4, 30, 14, 12, 5);
	const pending: PutawayRow = {
		id: seededId(b, created),
		putawayNumber: 'PA-7KX2QF',
		status: 'PENDING',
		locationId: BHQ,
		assigneeId: OPENBOXES_MANAGER.userId,
		putawayDate: null,
		dateCreated: created,
		lastUpdated: created,
		sortBy: null,
		items: pendingItems.map((row) => ({
			id: seededId(b, created),
			productId: row.productId,
			inventoryItemId: row.inventoryItemId,
			currentLocationId: row.binLocationId!,
			putawayLocationId: OPENBOXES_BINS.bhqA0101,
			quantity: row.quantityOnHand,
			status: 'PENDING',
		})),
	};
	const doneAt = Date.UTC(2025, 3, 14, 9, 40, 0);
	const stored = b.state.availability.find((r) => r.binLocationId === OPENBOXES_BINS.bhqA0101 && !isExpired(itemById(b.state, r.inventoryItemId)!, LAST_UPDATE))!;
	const completed: PutawayRow = {
		id: seededId(b, doneAt),
		putawayNumber: 'PA-3MT8WB',
		status: 'COMPLETED',
		locationId: BHQ,
		assigneeId: OPENBOXES_DEMO.userId,
		putawayDate: doneAt,
		dateCreated: doneAt - DAY,
		lastUpdated: doneAt,
		sortBy: null,
		items: [
			{
				id: seededId(b, doneAt),
				productId: stored.productId,
				inventoryItemId: stored.inventoryItemId,
				currentLocationId: OPENBOXES_BINS.bhqReceiving,
				putawayLocationId: OPENBOXES_BINS.bhqA0101,
				quantity: Math.min(20, stored.quantityOnHand),
				status: 'COMPLETED',
			},
		],
	};
	b.state.putaways.push(completed, pending);
}

export interface SeedResult {
	state: OpenBoxesState;
	plans: Record<string, FacilityPlan>;
}

/** The complete sandbox database, identical on every call. */
export function seedStateWithPlans(): SeedResult {
	const categoriesCreated = Date.UTC(2016, 0, 4, 9, 0, 0);
	const state: OpenBoxesState = {
		users: seedUsers(),
		persons: seedPersons(),
		organizations: seedOrganizations(),
		locations: seedLocations(),
		categories: PRODUCT_CATEGORIES.map((c) => ({
			...c,
			parentCategoryId: c.id === 'ROOT' ? null : 'ROOT',
			dateCreated: categoriesCreated,
			lastUpdated: categoriesCreated,
		})),
		products: seedProducts(),
		inventoryItems: [],
		availability: [],
		inventoryLevels: [],
		stockMovements: [],
		purchaseOrders: [],
		putaways: [],
		inventoryIds: {},
		monthlyDemand: {},
		// Runtime ids start well above every seeded counter.
		counter: 0xa000,
		productsRevision: 0,
	};
	const b: Builder = { state, random: prng(96_000_601), next: 0x2000 };
	const plans: Record<string, FacilityPlan> = {
		[BHQ]: seedFacility(b, BHQ, 320, 160, true),
		[MW]: seedFacility(b, MW, 200, 120, false),
	};
	seedReceivingStock(b, BHQ, OPENBOXES_BINS.bhqReceiving, plans[BHQ].unmanaged.slice(0, 6));
	seedReceivingStock(b, MW, OPENBOXES_BINS.mwReceiving, plans[MW].unmanaged.slice(0, 3));
	seedPurchaseOrders(b);
	seedStockMovements(b, plans);
	seedPutaways(b);
	return { state, plans };
}

export function seedState(): OpenBoxesState {
	return seedStateWithPlans().state;
}

/** Ids of Boston Headquarters products that demos and tests can rely on (see DEMO_BANDS). */
function demoStock(): Record<
	'belowReorderProductId' | 'belowMinimumProductId' | 'aboveMaximumProductId' | 'inStockProductId' | 'neverStockedProductId' | 'expiredLotProductId' | 'stockOutProductId' | 'onHoldProductId',
	string
> {
	const { plans } = seedStateWithPlans();
	const find = (band: Band) => [...plans[BHQ].bands].find(([, b]) => b === band)![0];
	return {
		belowReorderProductId: find('BELOW_REORDER'),
		belowMinimumProductId: find('BELOW_MINIMUM'),
		aboveMaximumProductId: find('ABOVE_MAXIMUM'),
		inStockProductId: find('NORMAL'),
		neverStockedProductId: find('NEVER_STOCKED'),
		expiredLotProductId: find('EXPIRED_LOT'),
		stockOutProductId: find('STOCK_OUT'),
		onHoldProductId: find('ON_HOLD'),
	};
}

/** Computed once from the (deterministic) seed. */
export const OPENBOXES_STOCK = demoStock();
