/**
 * JSON renderers: the registered marshallers (Product, Location, User, InventoryItem) and the
 * default domain marshaller (InventoryLevel, ProductAvailability, Category, OrderItem: every
 * property, to-one associations as `{"id"}` only). Reference openboxes-api.md §0, §2.
 */
import type { JsonObject } from './http';
import {
	grailsDate,
	personName,
	usDate,
	type AvailabilityRow,
	type CategoryRow,
	type InventoryItemRow,
	type InventoryLevelRow,
	type OpenBoxesState,
} from './model';
import type { OpenBoxesLocation, OpenBoxesPerson, OpenBoxesProduct, OpenBoxesUser } from './seed';

/** A ProductAvailability row as the API renders it (default domain marshaller). */
export interface AvailabilityJson {
	id: string;
	product: { id: string };
	location: { id: string };
	binLocation: { id: string } | null;
	inventoryItem: { id: string; product: { id: string; name: string; productCode: string }; lotNumber: string | null; expirationDate: string | null };
	productCode: string;
	lotNumber: string;
	binLocationName: string;
	quantityOnHand: number;
	quantityAllocated: number;
	quantityOnHold: number;
	quantityAvailableToPromise: number;
	quantityNotPicked: number;
	dateCreated: string;
	lastUpdated: string;
}

/** The InventoryLevel JSON (default domain marshaller) the helpers and the fallback endpoint return. */
export interface InventoryLevelJson {
	id: string;
	product: { id: string };
	inventory: { id: string | null };
	minQuantity: number | null;
	reorderQuantity: number | null;
	maxQuantity: number | null;
	status: { enumType: string; name: string };
	dateCreated: string;
	lastUpdated: string;
	[key: string]: unknown;
}

export function enumJson(enumType: string, name: string): JsonObject {
	return { enumType, name };
}

export function productJson(product: OpenBoxesProduct): JsonObject {
	return structuredClone(product) as unknown as JsonObject;
}

export function locationJson(location: OpenBoxesLocation): JsonObject {
	return structuredClone(location) as unknown as JsonObject;
}

/** `presentation=toBaseJson`. */
export function locationBaseJson(location: OpenBoxesLocation): JsonObject {
	return {
		id: location.id,
		name: location.name,
		locationNumber: location.locationNumber,
		active: location.active,
		locationType: { ...location.locationType },
		locationTypeCode: location.locationType.locationTypeCode,
	};
}

export function userJson(user: OpenBoxesUser): JsonObject {
	return {
		id: user.id,
		name: personName(user),
		firstName: user.firstName,
		lastName: user.lastName,
		email: user.email,
		username: user.username,
		roles: [...user.roles],
	};
}

export function personJson(person: OpenBoxesPerson): JsonObject {
	return {
		id: person.id,
		name: personName(person),
		firstName: person.firstName,
		lastName: person.lastName,
		email: person.email,
		username: null,
	};
}

/** A Person reference (requestedBy, orderedBy): users render with the User marshaller. */
export function anyPersonJson(state: OpenBoxesState, id: string | null): JsonObject | null {
	if (!id) return null;
	const user = state.users.find((u) => u.id === id);
	if (user) return userJson(user);
	const person = state.persons.find((p) => p.id === id);
	return person ? personJson(person) : { id };
}

export function personDisplayName(state: OpenBoxesState, id: string | null): string | null {
	if (!id) return null;
	const person = state.users.find((u) => u.id === id) ?? state.persons.find((p) => p.id === id);
	return person ? personName(person) : null;
}

export function inventoryItemJson(state: OpenBoxesState, item: InventoryItemRow): JsonObject {
	const product = state.products.find((p) => p.id === item.productId);
	return {
		id: item.id,
		product: product ? { id: product.id, name: product.name, productCode: product.productCode } : { id: item.productId },
		lotNumber: item.lotNumber,
		expirationDate: item.expirationDate === null ? null : usDate(item.expirationDate),
	};
}

export function availabilityJson(state: OpenBoxesState, row: AvailabilityRow, allocated: number): AvailabilityJson {
	const item = state.inventoryItems.find((i) => i.id === row.inventoryItemId)!;
	const product = state.products.find((p) => p.id === row.productId);
	const bin = row.binLocationId ? state.locations.find((l) => l.id === row.binLocationId) : undefined;
	const available = row.quantityOnHand - allocated - row.quantityOnHold;
	return {
		id: row.id,
		product: { id: row.productId },
		location: { id: row.locationId },
		binLocation: row.binLocationId ? { id: row.binLocationId } : null,
		inventoryItem: inventoryItemJson(state, item) as AvailabilityJson['inventoryItem'],
		productCode: product?.productCode ?? '',
		lotNumber: item.lotNumber ?? 'DEFAULT',
		binLocationName: bin?.name ?? 'DEFAULT',
		quantityOnHand: row.quantityOnHand,
		quantityAllocated: allocated,
		quantityOnHold: row.quantityOnHold,
		quantityAvailableToPromise: available,
		quantityNotPicked: row.quantityOnHand - allocated,
		dateCreated: grailsDate(row.dateCreated),
		lastUpdated: grailsDate(row.lastUpdated),
	};
}

export function inventoryLevelJson(state: OpenBoxesState, level: InventoryLevelRow): InventoryLevelJson {
	return {
		id: level.id,
		abcClass: level.abcClass,
		binLocation: null,
		comments: level.comments,
		dateCreated: grailsDate(level.dateCreated),
		demandTimePeriodDays: null,
		expectedLeadTimeDays: level.expectedLeadTimeDays,
		forecastPeriodDays: level.forecastPeriodDays,
		forecastQuantity: level.forecastQuantity,
		internalLocation: null,
		inventory: { id: state.inventoryIds[level.locationId] ?? null },
		lastUpdated: grailsDate(level.lastUpdated),
		maxQuantity: level.maxQuantity,
		minQuantity: level.minQuantity,
		preferred: false,
		preferredBinLocation: null,
		product: { id: level.productId },
		reorderQuantity: level.reorderQuantity,
		replenishmentLocation: null,
		replenishmentPeriodDays: null,
		status: { enumType: 'org.pih.warehouse.inventory.InventoryStatus', name: level.status },
	};
}

/** The Category marshaller: id, name and the parent rendered the same way (up to the root). */
export function categoryJson(category: CategoryRow, all: CategoryRow[]): JsonObject {
	const parent = category.parentCategoryId ? all.find((c) => c.id === category.parentCategoryId) : undefined;
	return { id: category.id, name: category.name, parentCategory: parent && parent !== category ? categoryJson(parent, all) : null };
}

/** The origin/destination block of stock movement JSON. */
export function movementLocationJson(location: OpenBoxesLocation | undefined, withDepotFlag: boolean): JsonObject {
	if (!location) return { id: null, name: null };
	const json: JsonObject = {
		id: location.id,
		name: location.name,
		locationNumber: location.locationNumber,
		locationType: { ...location.locationType },
		locationGroup: location.locationGroup ? structuredClone(location.locationGroup) : null,
		organizationName: location.organization?.name ?? null,
		organizationCode: location.organization?.code ?? null,
	};
	if (withDepotFlag) json.isDepot = location.locationType.locationTypeCode === 'DEPOT';
	json.supportedActivities = [...location.supportedActivities];
	return json;
}
