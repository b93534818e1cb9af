/**
 * Items and what each item brings with it (its customer catalog item and inventory), plus the
 * global reference lists (countries, ship methods): the fields `q` may filter them on, and the
 * bulk additions addItems() makes and reset() drops again. All of them are read-only through
 * the API, so lists and GET by id in query.ts are all they answer.
 */
import { checkCount, knownOrganization } from './http';
import { makeItem, prng, type MbxCountry, type MbxItem } from './seed';
import { makeCatalogItem, makeInventory, type MbxCatalogItem, type MbxInventory, type MbxShipMethod } from './seed-operations';
import { owned, ticks, type MbxState } from './state';

export const COUNTRY_FIELDS: ReadonlyArray<keyof MbxCountry> = ['id', 'name', 'iso_code', 'created_at', 'updated_at'];
export const ITEM_FIELDS: ReadonlyArray<keyof MbxItem> = [
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

export const CATALOG_ITEM_FIELDS: ReadonlyArray<keyof MbxCatalogItem> = ['id', 'customer_sku', 'price', 'item_id'];
export const INVENTORY_FIELDS: ReadonlyArray<keyof MbxInventory> = [
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
export const SHIP_METHOD_FIELDS: ReadonlyArray<keyof MbxShipMethod> = ['id', 'name', 'description', 'carrier'];

export function appendItems(state: MbxState, n: number, organizationId: number): void {
	checkCount(n);
	knownOrganization(organizationId);
	const stamps = ticks(state, n);
	const ownedCount = owned(state, state.itemRows, organizationId, (i) => i.owner_id).length;
	// Seeded from the first new position, so the same additions give the same items.
	const first = state.itemRows.length;
	const [itemRandom, catalogRandom, inventoryRandom] = [20150424, 20240611, 20140725].map((seed) => prng(seed + first));
	let id = state.itemRows.reduce((max, i) => Math.max(max, i.id), 0) + 1;
	for (let k = 0; k < n; k++) {
		const item = makeItem(id++, organizationId, ownedCount + k, itemRandom);
		item.created_at = item.updated_at = stamps[k];
		if (item.archived_at !== null) item.archived_at = stamps[k];
		const index = state.itemRows.length;
		const catalogItem = makeCatalogItem(item, index, catalogRandom);
		state.itemRows.push(item);
		state.catalogRows.push(catalogItem);
		state.inventoryRows.push(makeInventory(item, index, catalogItem, inventoryRandom));
		state.itemOwners.set(item.id, organizationId);
		state.itemsByProductCode.set(`${organizationId}:${item.name}`, item);
		state.prices.set(item.id, catalogItem.price);
	}
}

/** Back to the seeded items: what addItems() appended goes, with its catalog items and inventories. */
export function dropAddedItems(state: MbxState): void {
	const added = state.itemRows.slice(state.seededItemCount);
	if (added.length === 0) return;
	for (const item of added) {
		state.itemOwners.delete(item.id);
		state.itemsByProductCode.delete(`${item.owner_id}:${item.name}`);
		state.prices.delete(item.id);
	}
	// New arrays, not truncated ones: the per-organization views see the change (see owned).
	state.itemRows = state.itemRows.slice(0, state.seededItemCount);
	state.catalogRows = state.catalogRows.slice(0, state.seededItemCount);
	state.inventoryRows = state.inventoryRows.slice(0, state.seededItemCount);
}
