/**
 * The stock model: ProductAvailability rows (lot x bin per facility), allocations by open picks,
 * facility inventory levels and the reorder report (reference openboxes-api.md §2.6, §3).
 * Quantity available to promise = on hand - allocated - on hold, never clamped, as in OpenBoxes.
 */
import {
	DAY,
	EXPIRATION_FILTERS,
	newId,
	type AvailabilityRow,
	type ExpirationFilter,
	type InventoryItemRow,
	type InventoryLevelRow,
	type InventoryLevelStatus,
	type OpenBoxesState,
	type StockMovementRow,
} from './model';
import { inventoryLevelJson, type InventoryLevelJson } from './render';
import type { OpenBoxesProduct } from './seed';

/** A shipped (or received) movement has consumed its picks; before that they are allocations. */
export function isShipped(sm: StockMovementRow): boolean {
	return !!sm.shipment && sm.shipment.currentStatus !== 'CREATED' && sm.shipment.currentStatus !== 'PENDING';
}

/** Quantity allocated per availability row: the picks of requisitions not shipped yet. */
export function allocations(state: OpenBoxesState): Map<string, number> {
	const allocated = new Map<string, number>();
	for (const sm of state.stockMovements) {
		if (sm.kind !== 'requisition' || isShipped(sm)) continue;
		for (const line of sm.lines) {
			for (const pick of line.picks) allocated.set(pick.availabilityId, (allocated.get(pick.availabilityId) ?? 0) + pick.quantity);
		}
	}
	return allocated;
}

export function available(row: AvailabilityRow, allocated: Map<string, number>): number {
	return row.quantityOnHand - (allocated.get(row.id) ?? 0) - row.quantityOnHold;
}

export function rowsAt(state: OpenBoxesState, locationId: string, productId?: string): AvailabilityRow[] {
	return state.availability.filter((r) => r.locationId === locationId && (productId === undefined || r.productId === productId));
}

export function itemById(state: OpenBoxesState, id: string): InventoryItemRow | undefined {
	return state.inventoryItems.find((i) => i.id === id);
}

/** Sum of quantity on hand, or null when the product has no availability row there (never stocked). */
export function quantityOnHand(state: OpenBoxesState, productId: string, locationId: string): number | null {
	const rows = rowsAt(state, locationId, productId);
	return rows.length === 0 ? null : rows.reduce((sum, r) => sum + r.quantityOnHand, 0);
}

/** Facilities have an inventory; wards, suppliers and bins do not keep stock here. */
export function isFacility(state: OpenBoxesState, locationId: string): boolean {
	return locationId in state.inventoryIds;
}

export function binsOf(state: OpenBoxesState, facilityId: string, receiving?: boolean): string[] {
	return state.locations
		.filter(
			(l) =>
				l.parentLocation?.id === facilityId &&
				(receiving === undefined || l.supportedActivities.includes('RECEIVE_STOCK') === receiving),
		)
		.map((l) => l.id);
}

export function findOrCreateItem(
	state: OpenBoxesState,
	productId: string,
	lotNumber: string | null,
	expirationDate: number | null,
	now: number,
): InventoryItemRow {
	const existing = state.inventoryItems.find((i) => i.productId === productId && i.lotNumber === lotNumber);
	if (existing) return existing;
	const item: InventoryItemRow = { id: newId(state, now), productId, lotNumber, expirationDate, dateCreated: now, lastUpdated: now };
	state.inventoryItems.push(item);
	return item;
}

/** Adds (or with a negative quantity removes) stock of one lot in one bin, creating the row. */
export function addStock(
	state: OpenBoxesState,
	place: { productId: string; locationId: string; binLocationId: string | null; inventoryItemId: string },
	quantity: number,
	now: number,
): AvailabilityRow {
	let row = state.availability.find(
		(r) =>
			r.locationId === place.locationId &&
			r.binLocationId === place.binLocationId &&
			r.inventoryItemId === place.inventoryItemId,
	);
	if (!row) {
		row = { id: newId(state, now), ...place, quantityOnHand: 0, quantityOnHold: 0, dateCreated: now, lastUpdated: now };
		state.availability.push(row);
	}
	row.quantityOnHand += quantity;
	row.lastUpdated = now;
	return row;
}

export function isExpired(item: InventoryItemRow, at: number): boolean {
	return item.expirationDate !== null && item.expirationDate < at;
}

/**
 * A physical count: afterwards the product has exactly `quantity` on hand and available at the
 * location, in one unexpired lot without holds or picks. The other rows stay (at 0), their holds
 * go and open picks on them are dropped, so stock never sits allocated where there is none.
 */
export function setQuantityOnHand(state: OpenBoxesState, productId: string, quantity: number, locationId: string, now: number): void {
	const allocated = allocations(state);
	const rows = rowsAt(state, locationId, productId);
	let primary = rows.find((r) => !allocated.has(r.id) && r.quantityOnHold === 0 && !isExpired(itemById(state, r.inventoryItemId)!, now));
	if (!primary) {
		const product = state.products.find((p) => p.id === productId)!;
		const item = product.lotAndExpiryControl
			? findOrCreateItem(state, productId, `ADJ-${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}`, now + 3 * 365 * DAY, now)
			: findOrCreateItem(state, productId, null, null, now);
		const bin = binsOf(state, locationId, false)[0] ?? null;
		primary = addStock(state, { productId, locationId, binLocationId: bin, inventoryItemId: item.id }, 0, now);
	}
	const others = new Set(rows.filter((r) => r !== primary).map((r) => r.id));
	for (const row of rowsAt(state, locationId, productId)) {
		row.quantityOnHand = row === primary ? quantity : 0;
		row.quantityOnHold = 0;
		row.lastUpdated = now;
	}
	for (const sm of state.stockMovements) {
		if (isShipped(sm)) continue;
		for (const line of sm.lines) line.picks = line.picks.filter((p) => !others.has(p.availabilityId));
	}
}

/** First-expiry-first-out picking of up to `needed` from the facility's unexpired, available stock. */
export function pickStock(
	state: OpenBoxesState,
	facilityId: string,
	productId: string,
	needed: number,
	now: number,
): Array<{ row: AvailabilityRow; quantity: number }> {
	const allocated = allocations(state);
	// Stock still in a receiving bin waits for put-away and is not pickable.
	const receiving = new Set(binsOf(state, facilityId, true));
	const candidates = rowsAt(state, facilityId, productId)
		.filter((row) => row.binLocationId === null || !receiving.has(row.binLocationId))
		.map((row) => ({ row, item: itemById(state, row.inventoryItemId)!, free: available(row, allocated) }))
		.filter((c) => c.free > 0 && !isExpired(c.item, now))
		.sort(
			(a, b) =>
				(a.item.expirationDate ?? Number.MAX_SAFE_INTEGER) - (b.item.expirationDate ?? Number.MAX_SAFE_INTEGER) ||
				(a.row.id < b.row.id ? -1 : 1),
		);
	const picks: Array<{ row: AvailabilityRow; quantity: number }> = [];
	let remaining = needed;
	for (const c of candidates) {
		if (remaining <= 0) break;
		const quantity = Math.min(remaining, c.free);
		picks.push({ row: c.row, quantity });
		remaining -= quantity;
	}
	return picks;
}

export function levelFor(state: OpenBoxesState, locationId: string, productId: string): InventoryLevelRow | undefined {
	return state.inventoryLevels.find((l) => l.locationId === locationId && l.productId === productId);
}

/** InventoryUtil.getStatusMessage: the level status plus quantity on hand decide the label. */
export function inventoryStatusMessage(level: InventoryLevelRow | undefined, qoh: number): string {
	if (!level) return qoh > 0 ? 'IN_STOCK' : 'STOCK_OUT';
	if (level.status === 'SUPPORTED') {
		if (qoh <= 0) return 'STOCK_OUT';
		if (level.minQuantity && level.minQuantity > 0 && qoh <= level.minQuantity) return 'LOW_STOCK';
		if (level.reorderQuantity && level.reorderQuantity > 0 && qoh <= level.reorderQuantity) return 'REORDER';
		if (level.maxQuantity && level.maxQuantity > 0 && qoh > level.maxQuantity) return 'OVERSTOCK';
		return 'IN_STOCK';
	}
	if (level.status === 'NOT_SUPPORTED') return 'NOT_SUPPORTED';
	if (level.status === 'SUPPORTED_NON_INVENTORY') return 'SUPPORTED_NON_INVENTORY';
	return 'UNAVAILABLE';
}

export interface ReorderReportItem {
	expectedReorderCost: number | null;
	expiredQuantityAvailableToPromise: number;
	finalQuantityAvailableToPromise: number;
	inventoryLevel: InventoryLevelJson | null;
	inventoryStatus: string;
	monthlyDemand: number;
	product: OpenBoxesProduct;
	quantityToOrder: number | null;
	tags: unknown[];
	unitCost: number | null;
}

/**
 * DashboardService.getReorderReport: every product with availability rows at the facility
 * (never-stocked products are absent), joined to its facility level when that has min or reorder
 * > 0, filtered by final ATP against the level (`<=`), in product-name order.
 */
export function reorderReport(
	state: OpenBoxesState,
	facilityId: string,
	status: InventoryLevelStatus,
	expiration: ExpirationFilter,
	finance: boolean,
	now: number,
	additionalLocations: string[] = [],
): ReorderReportItem[] {
	const allocated = allocations(state);
	const days = EXPIRATION_FILTERS[expiration];
	const removeExpired = expiration === 'SUBTRACT_EXPIRED_STOCK';
	const maxDate = removeExpired ? now : now + (days ?? 0) * DAY;
	const byProduct = new Map<string, AvailabilityRow[]>();
	// additionalLocations only add their stock; levels and demand stay those of the facility.
	for (const locationId of new Set([facilityId, ...additionalLocations])) {
		for (const row of rowsAt(state, locationId)) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row]);
	}

	const items: ReorderReportItem[] = [];
	for (const [productId, rows] of byProduct) {
		const product = state.products.find((p) => p.id === productId);
		if (!product) continue;
		let atp = 0;
		let finalAtp = 0;
		let qoh = 0;
		for (const row of rows) {
			const rowAtp = available(row, allocated);
			const item = itemById(state, row.inventoryItemId)!;
			atp += rowAtp;
			qoh += row.quantityOnHand;
			const counts =
				expiration === 'DO_NOT_SUBTRACT_EXPIRED_STOCK' ||
				item.expirationDate === null ||
				(removeExpired ? item.expirationDate >= maxDate : item.expirationDate > maxDate);
			if (counts) finalAtp += rowAtp;
		}
		const candidate = levelFor(state, facilityId, productId);
		const level = candidate && ((candidate.minQuantity ?? 0) > 0 || (candidate.reorderQuantity ?? 0) > 0) ? candidate : undefined;
		const include = {
			ALL_PRODUCTS: true,
			BELOW_MAXIMUM: !!level?.maxQuantity && finalAtp <= level.maxQuantity,
			BELOW_REORDER: !!level?.reorderQuantity && finalAtp <= level.reorderQuantity,
			BELOW_MINIMUM: !!level?.minQuantity && finalAtp <= level.minQuantity,
		}[status];
		if (!include) continue;
		const quantityToOrder = level?.maxQuantity === null || level?.maxQuantity === undefined ? null : Math.max(level.maxQuantity - finalAtp, 0);
		const unitCost = finance ? product.pricePerUnit : null;
		items.push({
			expectedReorderCost:
				finance && quantityToOrder !== null && product.pricePerUnit !== null
					? Math.round(quantityToOrder * product.pricePerUnit * 100) / 100
					: null,
			expiredQuantityAvailableToPromise: atp - finalAtp,
			finalQuantityAvailableToPromise: finalAtp,
			inventoryLevel: level ? inventoryLevelJson(state, level) : null,
			inventoryStatus: inventoryStatusMessage(level, qoh),
			monthlyDemand: state.monthlyDemand[`${facilityId}:${productId}`] ?? 0,
			product: structuredClone(product),
			quantityToOrder,
			tags: [],
			unitCost,
		});
	}
	return items.sort((a, b) => {
		const x = a.product.name.toLowerCase();
		const y = b.product.name.toLowerCase();
		return x < y ? -1 : x > y ? 1 : a.product.id < b.product.id ? -1 : 1;
	});
}
