/**
 * Put-aways (PutawayApiController, PutawayService): candidates are the stock sitting in a
 * facility's receiving bins; a saved putaway is a transfer order that, once COMPLETED, moves the
 * stock into the chosen bins and can no longer change. Reference openboxes-api.md §2.5.
 */
import { constraint, illegalArgument, invalid, isObject, refId, type JsonObject } from './http';
import { addStock, allocations, available, binsOf, itemById } from './inventory';
import { grailsDate, longDate, newId, usDate, type OpenBoxesState, type PutawayItemRow, type PutawayRow } from './model';
import { anyPersonJson, personDisplayName } from './render';
import type { OpenBoxesUser } from './seed';

const ITEM_CLASS = 'org.pih.warehouse.api.PutawayItem';

function locationName(state: OpenBoxesState, id: string | null): string | null {
	return id ? (state.locations.find((l) => l.id === id)?.name ?? null) : null;
}

/** Bins (outside receiving) where the product is stored now, e.g. "A-01-01,B-01-01". */
function currentBins(state: OpenBoxesState, facilityId: string, productId: string): string {
	const receiving = new Set(binsOf(state, facilityId, true));
	const names = state.availability
		.filter((r) => r.locationId === facilityId && r.productId === productId && r.quantityOnHand > 0 && r.binLocationId && !receiving.has(r.binLocationId))
		.map((r) => locationName(state, r.binLocationId))
		.filter((n): n is string => !!n);
	return [...new Set(names)].sort().join(',');
}

/** PutawayItem.toJson (flat dotted keys; "stockMovement.id" really carries the bin name). */
function putawayItemJson(
	state: OpenBoxesState,
	facilityId: string,
	item: Omit<PutawayItemRow, 'id'> & { id: string | null },
	quantityAvailable: number,
): JsonObject {
	const product = state.products.find((p) => p.id === item.productId);
	const lot = itemById(state, item.inventoryItemId);
	const bin = locationName(state, item.currentLocationId);
	const bins = currentBins(state, facilityId, item.productId);
	return {
		id: item.id,
		'stockMovement.id': bin,
		'stockMovement.name': bin,
		putawayStatus: item.status,
		transactionNumber: null,
		'currentFacility.id': facilityId,
		'currentFacility.name': locationName(state, facilityId),
		'currentLocation.id': item.currentLocationId,
		'currentLocation.name': bin,
		container: null,
		'product.id': item.productId,
		'product.productCode': product?.productCode ?? null,
		'product.name': product?.name ?? null,
		'product.displayNameOrDefaultName': product?.name ?? null,
		'inventoryItem.id': item.inventoryItemId,
		'inventoryItem.lotNumber': lot?.lotNumber ?? null,
		'inventoryItem.expirationDate': lot?.expirationDate ? usDate(lot.expirationDate) : null,
		'recipient.id': null,
		'recipient.name': null,
		currentBins: bins,
		'preferredBin.id': null,
		'preferredBin.name': null,
		'preferredBin.zoneId': null,
		'preferredBin.zoneName': null,
		currentBinsAbbreviated: bins,
		'putawayFacility.id': item.putawayLocationId ? facilityId : null,
		'putawayFacility.name': item.putawayLocationId ? locationName(state, facilityId) : null,
		'putawayLocation.id': item.putawayLocationId,
		'putawayLocation.name': locationName(state, item.putawayLocationId),
		'putawayLocation.zoneId': null,
		'putawayLocation.zoneName': null,
		quantity: item.quantity,
		quantityAvailable,
		splitItems: [],
	};
}

function stockInBin(state: OpenBoxesState, facilityId: string, binId: string, inventoryItemId: string): number {
	const allocated = allocations(state);
	return state.availability
		.filter((r) => r.locationId === facilityId && r.binLocationId === binId && r.inventoryItemId === inventoryItemId)
		.reduce((sum, r) => sum + available(r, allocated), 0);
}

/** GET /api/putaways: one candidate per lot in a receiving bin with stock available. */
export function putawayCandidates(state: OpenBoxesState, facilityId: string): JsonObject[] {
	const allocated = allocations(state);
	const receiving = new Set(binsOf(state, facilityId, true));
	const pending = state.putaways.filter((p) => p.status === 'PENDING' && p.locationId === facilityId).flatMap((p) => p.items);
	return state.availability
		.filter((r) => r.locationId === facilityId && r.binLocationId && receiving.has(r.binLocationId) && available(r, allocated) > 0)
		.map((r) => {
			const inPending = pending.some((i) => i.inventoryItemId === r.inventoryItemId && i.currentLocationId === r.binLocationId);
			return putawayItemJson(
				state,
				facilityId,
				{
					id: null,
					productId: r.productId,
					inventoryItemId: r.inventoryItemId,
					currentLocationId: r.binLocationId!,
					putawayLocationId: null,
					quantity: available(r, allocated),
					status: inPending ? 'PENDING' : 'READY',
				},
				available(r, allocated),
			);
		});
}

/** Putaway.toJson. */
export function putawayJson(state: OpenBoxesState, putaway: PutawayRow): JsonObject {
	return {
		id: putaway.id,
		putawayNumber: putaway.putawayNumber,
		putawayStatus: putaway.status,
		putawayDate: putaway.putawayDate === null ? null : usDate(putaway.putawayDate),
		dateCreated: longDate(putaway.dateCreated),
		putawayAssignee: anyPersonJson(state, putaway.assigneeId),
		'origin.id': putaway.locationId,
		'origin.name': locationName(state, putaway.locationId),
		'destination.id': putaway.locationId,
		'destination.name': locationName(state, putaway.locationId),
		putawayItems: putaway.items.map((item) =>
			putawayItemJson(state, putaway.locationId, item, stockInBin(state, putaway.locationId, item.currentLocationId, item.inventoryItemId)),
		),
		orderedBy: personDisplayName(state, putaway.assigneeId),
		sortBy: putaway.sortBy,
		lastUpdated: grailsDate(putaway.lastUpdated),
	};
}

function bindItems(state: OpenBoxesState, facilityId: string, raw: unknown[], existing: PutawayItemRow[], now: number): PutawayItemRow[] {
	const bins = new Set(binsOf(state, facilityId));
	const errors: string[] = [];
	const items = raw.filter(isObject).map((body): PutawayItemRow => {
		const productId = refId(body, 'product') ?? '';
		const inventoryItemId = refId(body, 'inventoryItem') ?? '';
		const currentLocationId = refId(body, 'currentLocation') ?? '';
		const putawayLocationId = refId(body, 'putawayLocation') ?? null;
		const quantity = Number(body.quantity);
		if (!state.products.some((p) => p.id === productId)) errors.push(constraint.nullable(ITEM_CLASS, 'product'));
		const lot = itemById(state, inventoryItemId);
		if (!lot || lot.productId !== productId) errors.push(constraint.nullable(ITEM_CLASS, 'inventoryItem'));
		if (!bins.has(currentLocationId)) errors.push(constraint.nullable(ITEM_CLASS, 'currentLocation'));
		if (putawayLocationId && !bins.has(putawayLocationId)) errors.push(constraint.validator(ITEM_CLASS, 'putawayLocation', putawayLocationId));
		if (!Number.isInteger(quantity) || quantity < 1) errors.push(constraint.min(ITEM_CLASS, 'quantity', body.quantity, 1));
		const id = typeof body.id === 'string' && existing.some((i) => i.id === body.id) ? body.id : newId(state, now);
		return { id, productId, inventoryItemId, currentLocationId, putawayLocationId, quantity, status: 'PENDING' };
	});
	if (errors.length > 0) invalid(errors);
	return items;
}

function putawayNumber(state: OpenBoxesState, now: number): string {
	const taken = new Set(state.putaways.map((p) => p.putawayNumber));
	for (let n = Math.floor(now / 1000) + state.counter; ; n += 7919) {
		const letters = [0, 1, 2, 3, 4, 5].map((k) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(n / 32 ** k) % 32]).join('');
		if (!taken.has(`PA-${letters}`)) return `PA-${letters}`;
	}
}

/**
 * POST /api/putaways: creates (or, with a known id, replaces) a putaway at the session
 * location. `putawayStatus: "COMPLETED"` transfers every item's stock from its current bin to
 * its putaway bin; a completed putaway cannot be changed again.
 */
export function savePutaway(state: OpenBoxesState, body: JsonObject, user: OpenBoxesUser, facilityId: string, now: number): PutawayRow {
	const existing = typeof body.id === 'string' ? state.putaways.find((p) => p.id === body.id) : undefined;
	if (existing?.status === 'COMPLETED') illegalArgument("Can't update completed putaway");
	const raw = Array.isArray(body.putawayItems) ? body.putawayItems : [];
	const items = bindItems(state, existing?.locationId ?? facilityId, raw, existing?.items ?? [], now);
	const completing = body.putawayStatus === 'COMPLETED';
	const location = existing?.locationId ?? facilityId;
	if (completing) {
		const errors: string[] = [];
		for (const item of items) {
			const product = state.products.find((p) => p.id === item.productId);
			if (!item.putawayLocationId) errors.push(constraint.nullable(ITEM_CLASS, 'putawayLocation'));
			const free = stockInBin(state, location, item.currentLocationId, item.inventoryItemId);
			if (item.quantity > free) {
				errors.push(`Quantity to putaway (${item.quantity}) exceeds quantity available (${free}) for product ${product?.productCode ?? item.productId}`);
			}
		}
		if (errors.length > 0) invalid(errors);
	}
	const putaway: PutawayRow = existing ?? {
		id: newId(state, now),
		putawayNumber: typeof body.putawayNumber === 'string' && body.putawayNumber ? body.putawayNumber : putawayNumber(state, now),
		status: 'PENDING',
		locationId: facilityId,
		assigneeId: user.id,
		putawayDate: null,
		dateCreated: now,
		lastUpdated: now,
		sortBy: null,
		items: [],
	};
	putaway.items = items;
	putaway.assigneeId = user.id;
	putaway.sortBy = typeof body.sortBy === 'string' ? body.sortBy : putaway.sortBy;
	putaway.lastUpdated = now;
	if (completing) {
		for (const item of items) {
			const place = { productId: item.productId, locationId: location, inventoryItemId: item.inventoryItemId };
			addStock(state, { ...place, binLocationId: item.currentLocationId }, -item.quantity, now);
			addStock(state, { ...place, binLocationId: item.putawayLocationId }, item.quantity, now);
			item.status = 'COMPLETED';
		}
		putaway.status = 'COMPLETED';
		putaway.putawayDate = now;
	}
	if (!existing) state.putaways.push(putaway);
	return putaway;
}
