/**
 * Products below their minimum, reorder point or maximum at one facility, read from OpenBoxes in
 * one normalised shape. Used by the Inventory "Get Low Stock Items" operation and the trigger's
 * reorder alert (execute and poll contexts alike).
 *
 * Preferred source (OpenBoxes ≥ 0.9.6): the reorder report,
 *   GET /facilities/:facilityId/inventories/reorderReport?inventoryLevelStatus=BELOW_…
 * which compares the quantity available to promise (net of expired stock) with the level.
 * Older servers answer 404 there; then the documented fallback reads
 *   GET /facilities/:facilityId/inventory-levels   (min / reorder / max per product)
 *   GET /locations/:facilityId/productSummary      (quantity on hand per product)
 * keeps levels whose status is SUPPORTED, STOCK or FORMULARY and that set the compared level
 * (> 0), and counts a product as below when quantity on hand ≤ that level (the dashboard's rule).
 * Note that both reads answer for the session location, which the credential sets.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { openBoxesRequest } from '../transport';
import { OPENBOXES_PATHS } from '../paths';
import { isObject } from '../../shared/values';

export type ReorderLevel = 'minimum' | 'reorder' | 'maximum';
export type ReorderStatus = 'BELOW_MINIMUM' | 'BELOW_REORDER' | 'BELOW_MAXIMUM';
export type ReorderSource = 'reorderReport' | 'inventoryLevels';

/** One product below the level, the same shape from either source. */
export type ReorderItem = {
	productId: string;
	productCode: string | null;
	productName: string | null;
	/** The number compared with the level: available to promise (report) or on hand (fallback). */
	quantityAvailable: number;
	/** Quantity on hand where the source gives it (the fallback); null from the reorder report. */
	quantityOnHand: number | null;
	minQuantity: number | null;
	reorderQuantity: number | null;
	maxQuantity: number | null;
	suggestedOrderQuantity: number;
	status: ReorderStatus;
	source: ReorderSource;
};

export const REORDER_LEVELS: readonly ReorderLevel[] = ['minimum', 'reorder', 'maximum'];

const STATUS_BY_LEVEL: Record<ReorderLevel, ReorderStatus> = {
	minimum: 'BELOW_MINIMUM',
	reorder: 'BELOW_REORDER',
	maximum: 'BELOW_MAXIMUM',
};

/** Inventory level statuses that mean "we keep this product in stock here". */
export const STOCKED_STATUSES = ['SUPPORTED', 'STOCK', 'FORMULARY'];

export function reorderStatus(level: ReorderLevel): ReorderStatus {
	return STATUS_BY_LEVEL[level];
}

/** A number, numeric text, or null for anything else (OpenBoxes leaves unset levels null). */
export function numberOrNull(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value.trim());
		return Number.isFinite(parsed) ? parsed : null;
	}
	return null;
}

function textOrNull(value: unknown): string | null {
	return value === undefined || value === null || value === '' ? null : String(value);
}

/** An enum as OpenBoxes renders it: a plain string, or `{"enumType": …, "name": "SUPPORTED"}`. */
export function enumName(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (isObject(value) && typeof value.name === 'string') return value.name;
	return undefined;
}

/** The ID of a reference rendered as `{ "id": … }` (or a dotted `"product.id"` key). */
function referenceId(record: IDataObject, key: string): string | undefined {
	const reference = record[key];
	const id = isObject(reference) ? reference.id : record[`${key}.id`];
	return id === undefined || id === null || id === '' ? undefined : String(id);
}

function levelValue(levels: { min: number | null; reorder: number | null; max: number | null }, level: ReorderLevel): number | null {
	return level === 'minimum' ? levels.min : level === 'reorder' ? levels.reorder : levels.max;
}

/**
 * How much to order. With a maximum set (> 0): enough to fill up to the maximum, max − available.
 * Without one: enough to get back above the reorder point, reorder − available + 1 (or above the
 * minimum, min − available + 1, when only a minimum is set). Never less than 0.
 */
export function suggestedOrderQuantity(levels: {
	available: number;
	min: number | null;
	reorder: number | null;
	max: number | null;
}): number {
	const { available, min, reorder, max } = levels;
	let quantity = 0;
	if (max !== null && max > 0) quantity = max - available;
	else if (reorder !== null && reorder > 0) quantity = reorder - available + 1;
	else if (min !== null && min > 0) quantity = min - available + 1;
	return Math.max(0, Math.ceil(quantity));
}

function isBelow(quantity: number, threshold: number | null): boolean {
	return threshold !== null && threshold > 0 && quantity <= threshold;
}

function dedupe(items: ReorderItem[]): ReorderItem[] {
	const seen = new Set<string>();
	return items.filter((item) => (seen.has(item.productId) ? false : (seen.add(item.productId), true)));
}

/**
 * Rows of the reorder report as reorder items. The server already filtered them by level; the
 * same test (level set and available ≤ level) is applied again, so a server that ignored the
 * filter cannot produce false alerts.
 */
export function itemsFromReorderReport(rows: unknown[], level: ReorderLevel): ReorderItem[] {
	const items: ReorderItem[] = [];
	for (const row of rows) {
		if (!isObject(row)) continue;
		const product = isObject(row.product) ? row.product : {};
		const productId = textOrNull(product.id) ?? referenceId(row, 'product');
		if (!productId) continue;
		const inventoryLevel = isObject(row.inventoryLevel) ? row.inventoryLevel : {};
		const levels = {
			min: numberOrNull(inventoryLevel.minQuantity),
			reorder: numberOrNull(inventoryLevel.reorderQuantity),
			max: numberOrNull(inventoryLevel.maxQuantity),
		};
		const available = numberOrNull(row.finalQuantityAvailableToPromise) ?? 0;
		if (!isBelow(available, levelValue(levels, level))) continue;
		items.push({
			productId,
			productCode: textOrNull(product.productCode),
			productName: textOrNull(product.name),
			quantityAvailable: available,
			quantityOnHand: null,
			minQuantity: levels.min,
			reorderQuantity: levels.reorder,
			maxQuantity: levels.max,
			suggestedOrderQuantity: suggestedOrderQuantity({ available, ...levels }),
			status: reorderStatus(level),
			source: 'reorderReport',
		});
	}
	return dedupe(items);
}

/**
 * The fallback: facility inventory levels joined with quantity on hand per product (a product
 * missing from the summary has none). Bin-level rows (with an internal location) are skipped.
 */
export function itemsFromInventoryLevels(levelRows: unknown[], summaryRows: unknown[], level: ReorderLevel): ReorderItem[] {
	const onHand = new Map<string, { quantity: number; code: string | null; name: string | null }>();
	for (const row of summaryRows) {
		if (!isObject(row)) continue;
		const productId = textOrNull(row.productId) ?? referenceId(row, 'product');
		if (!productId) continue;
		const previous = onHand.get(productId);
		onHand.set(productId, {
			quantity: (previous?.quantity ?? 0) + (numberOrNull(row.quantityOnHand) ?? 0),
			code: textOrNull(row.productCode) ?? previous?.code ?? null,
			name: textOrNull(row.productName) ?? previous?.name ?? null,
		});
	}

	const items: ReorderItem[] = [];
	for (const row of levelRows) {
		if (!isObject(row)) continue;
		if (referenceId(row, 'internalLocation') || (typeof row.internalLocation === 'string' && row.internalLocation)) continue;
		const status = enumName(row.status);
		if (!status || !STOCKED_STATUSES.includes(status)) continue;
		const productId = referenceId(row, 'product');
		if (!productId) continue;
		const levels = {
			min: numberOrNull(row.minQuantity),
			reorder: numberOrNull(row.reorderQuantity),
			max: numberOrNull(row.maxQuantity),
		};
		const stock = onHand.get(productId);
		const available = stock?.quantity ?? 0;
		if (!isBelow(available, levelValue(levels, level))) continue;
		const product = isObject(row.product) ? row.product : {};
		items.push({
			productId,
			productCode: stock?.code ?? textOrNull(product.productCode),
			productName: stock?.name ?? textOrNull(product.name),
			quantityAvailable: available,
			quantityOnHand: available,
			minQuantity: levels.min,
			reorderQuantity: levels.reorder,
			maxQuantity: levels.max,
			suggestedOrderQuantity: suggestedOrderQuantity({ available, ...levels }),
			status: reorderStatus(level),
			source: 'inventoryLevels',
		});
	}
	return dedupe(items);
}

function dataRows(response: unknown): unknown[] {
	const data = isObject(response) ? response.data : undefined;
	return Array.isArray(data) ? data : [];
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

export interface ReadReorderOptions {
	level: ReorderLevel;
	/** The facility (location) ID, usually the credential's Location ID. */
	facilityId: string;
	itemIndex?: number;
	/** Whether to use the fallback when the reorder report answers 404 (default true). */
	useFallback?: boolean;
}

/** Products below the level at the facility, from the reorder report or its fallback. */
export async function readReorderItems(
	context: IExecuteFunctions | IPollFunctions,
	options: ReadReorderOptions,
): Promise<ReorderItem[]> {
	const { level, itemIndex } = options;
	if (!REORDER_LEVELS.includes(level)) {
		throw new NodeOperationError(context.getNode(), `Level "${String(level)}" is not Minimum, Reorder Point or Maximum`, {
			itemIndex,
			description: 'Choose Minimum, Reorder Point or Maximum in the "Level" field.',
		});
	}
	const facilityId = String(options.facilityId ?? '').trim();
	if (facilityId === '') {
		throw new NodeOperationError(context.getNode(), 'The OpenBoxes credential has no Location ID', {
			itemIndex,
			description: 'Fill in "Location ID" in the OpenBoxes credential: stock levels are read for that facility.',
		});
	}

	try {
		const report = await openBoxesRequest.call(context, 'GET', OPENBOXES_PATHS.facilityReorderReport(facilityId), {
			query: { inventoryLevelStatus: reorderStatus(level) },
			itemIndex,
		});
		return itemsFromReorderReport(dataRows(report), level);
	} catch (error) {
		// openBoxesRequest only throws NodeApiError; re-wrapping one hands back the same error.
		if (options.useFallback === false || !isNotFound(error)) throw new NodeApiError(context.getNode(), error as JsonObject);
	}

	// OpenBoxes before 0.9.6 has no reorder report: read levels and stock on hand instead.
	const levels = await openBoxesRequest.call(context, 'GET', OPENBOXES_PATHS.facilityInventoryLevels(facilityId), { itemIndex });
	const summary = await openBoxesRequest.call(context, 'GET', OPENBOXES_PATHS.locationProductSummary(facilityId), { itemIndex });
	const items = itemsFromInventoryLevels(dataRows(levels), dataRows(summary), level);

	// Products never stocked here are missing from the summary, so their names are looked up.
	for (const item of items) {
		if (item.productName !== null && item.productCode !== null) continue;
		try {
			const response = await openBoxesRequest.call(context, 'GET', OPENBOXES_PATHS.product(item.productId), { itemIndex });
			const product = isObject(response) && isObject(response.data) ? response.data : {};
			item.productCode = item.productCode ?? textOrNull(product.productCode);
			item.productName = item.productName ?? textOrNull(product.name);
		} catch (error) {
			// A product that no longer exists keeps its ID only; anything else is a real failure.
			if (!isNotFound(error)) throw new NodeApiError(context.getNode(), error as JsonObject);
		}
	}
	return items;
}
