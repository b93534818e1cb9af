/**
 * Deterministic customer-side seed for the Apicbase sandbox (the restaurant group that orders):
 * 3 outlets, a few users, 5 suppliers, stock items per outlet with stock levels, and 150 purchase
 * orders (IN_PROGRESS / ORDERED / DELIVERED) with packages. Integer ids, as DRF model ids are.
 * Everything comes from the seeded PRNG; build functions return fresh objects so resets are clean.
 */
import { ARTICLES, Rng, SEED, SEED_START_US, formatCents, formatDateTime } from './seed';

const US_PER_S = 1_000_000;
const DAY_US = 86_400 * US_PER_S;

export type CustomerOrderStatus = 'IN_PROGRESS' | 'ORDERED' | 'DELIVERED';

export const OUTLETS = [
	{
		id: 101,
		name: 'Brasserie Lumière',
		address: 'Grote Markt 12',
		postal_code: '1000',
		city: 'Brussel',
		country: 'BE',
		phone_number: '+32 2 555 01 01',
		email: 'lumiere@example.com',
		is_central_kitchen: false,
	},
	{
		id: 102,
		name: 'Harbour Kitchen',
		address: 'Kaaiplaats 3',
		postal_code: '2000',
		city: 'Antwerpen',
		country: 'BE',
		phone_number: '+32 3 555 02 02',
		email: 'harbour@example.com',
		is_central_kitchen: false,
	},
	{
		id: 103,
		name: 'Central Kitchen Gent',
		address: 'Korenlei 7',
		postal_code: '9000',
		city: 'Gent',
		country: 'BE',
		phone_number: '+32 9 555 03 03',
		email: 'ck@example.com',
		is_central_kitchen: true,
	},
] as const;

export const USERS = [
	{ id: 11, username: 'demo.chef', first_name: 'Demo', last_name: 'Chef', email: 'demo.chef@example.com' },
	{ id: 12, username: 'anna.peeters', first_name: 'Anna', last_name: 'Peeters', email: 'anna@example.com' },
	{ id: 13, username: 'josé.martínez', first_name: 'José', last_name: 'Martínez', email: 'jose@example.com' },
	{ id: 14, username: 'jürgen.weiß', first_name: 'Jürgen', last_name: 'Weiß', email: 'juergen@example.com' },
] as const;

export const SUPPLIERS = [
	{ id: 201, name: 'Demo Generic Supplier' },
	{ id: 202, name: 'Fresh Fruit & Veg BV' },
	{ id: 203, name: 'Boucherie Dupont' },
	{ id: 204, name: 'Drinks “Direct” NV' },
	{ id: 205, name: 'Dry Goods Wholesale' },
] as const;

// ---------------------------------------------------------------------------------------------
// Stock items: one per catalogue product (40), each outlet stocks ~70% of them.

export interface SeedStockItem {
	id: number;
	name: string;
	unit: string;
	/** Index into ARTICLES of the product's first pack size (used for PO packages). */
	articleIndex: number;
}

export const STOCK_ITEMS: readonly SeedStockItem[] = ARTICLES.filter((a) => a.index % 2 === 0).map((a, i) => ({
	id: 5001 + i,
	name: a.name,
	unit: a.variant.unit,
	articleIndex: a.index,
}));

export interface SeedStockLevel {
	outletId: number;
	stockItemId: number;
	/** Thousandths of the unit, and cents: stored as integers to render exact decimals. */
	quantityMilli: number;
	valueCents: number;
	/** Aggregated (including sub-locations / in-transit) values. */
	aggregatedQuantityMilli: number;
	aggregatedValueCents: number;
	modifiedUs: number;
}

export function buildStockLevels(): SeedStockLevel[] {
	const rng = new Rng(SEED ^ 0x5555);
	const levels: SeedStockLevel[] = [];
	for (const outlet of OUTLETS) {
		for (const item of STOCK_ITEMS) {
			// The demo pair (outlet 101, stock item 5001, see APICBASE_DEMO) is always stocked.
			if (!rng.chance(0.7) && !(outlet.id === 101 && item.id === 5001)) continue;
			const quantityMilli = rng.int(0, 40_000) * 5;
			const unitCents = rng.int(20, 3000);
			const valueCents = Math.round((quantityMilli * unitCents) / 1000);
			const extra = rng.chance(0.3) ? rng.int(1, 10_000) : 0;
			levels.push({
				outletId: outlet.id,
				stockItemId: item.id,
				quantityMilli,
				valueCents,
				aggregatedQuantityMilli: quantityMilli + extra,
				aggregatedValueCents: valueCents + Math.round((extra * unitCents) / 1000),
				modifiedUs: SEED_START_US + rng.int(0, 42 * 86_400) * US_PER_S,
			});
		}
	}
	return levels;
}

export function formatMilli(milli: number): string {
	const sign = milli < 0 ? '-' : '';
	const abs = Math.abs(milli);
	return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}

export function apiStockItem(item: SeedStockItem, level: SeedStockLevel): Record<string, unknown> {
	return {
		id: item.id,
		name: item.name,
		unit: item.unit,
		outlet: level.outletId,
		modified_date: formatDateTime(level.modifiedUs),
	};
}

export function apiStock(level: SeedStockLevel): Record<string, string> {
	return {
		quantity: formatMilli(level.quantityMilli),
		stock_value: formatCents(level.valueCents),
		aggregated_quantity: formatMilli(level.aggregatedQuantityMilli),
		aggregated_stock_value: formatCents(level.aggregatedValueCents),
	};
}

// ---------------------------------------------------------------------------------------------
// Customer purchase orders.

export interface SeedPoPackage {
	id: number;
	stockItemId: number;
	stockItemName: string;
	supplierPackageId: number;
	articleNumber: string;
	packageName: string;
	priceCents: number;
	quantityOrdered: number;
	/** Thousandths: deliveries may carry decimals. */
	quantityDeliveredMilli: number;
}

export interface SeedCustomerOrder {
	id: number;
	orderNumber: string;
	status: CustomerOrderStatus;
	supplierId: number;
	outletId: number;
	userId: number;
	orderedOnUs: number | null;
	expectedDeliveryUs: number | null;
	deliveryClosed: boolean;
	remarks: string | null;
	viewedAtUs: number | null;
	fetchedAtUs: number | null;
	packages: SeedPoPackage[];
	deliveryIds: number[];
}

export const CUSTOMER_ORDER_COUNT = 150;
export const FIRST_CUSTOMER_ORDER_ID = 7001;

const PO_REMARKS = [null, null, 'Please deliver before 7:00.', 'Back door, ring twice.', 'Crème fraîche 35% — not 30%!'];

/** 150 orders, ids 7001.. in creation order; 7001 is ORDERED, 7002 DELIVERED (open), 7003
 * IN_PROGRESS, 7004 DELIVERED and closed, so tests and builders have fixed examples. */
export function buildCustomerOrders(): SeedCustomerOrder[] {
	const rng = new Rng(SEED ^ 0x4444);
	const orders: SeedCustomerOrder[] = [];
	let packageId = 900_001;
	const fixed: CustomerOrderStatus[] = ['ORDERED', 'DELIVERED', 'IN_PROGRESS', 'DELIVERED'];
	for (let i = 0; i < CUSTOMER_ORDER_COUNT; i++) {
		const id = FIRST_CUSTOMER_ORDER_ID + i;
		const roll = rng.int(0, 99);
		const status: CustomerOrderStatus =
			fixed[i] ?? (roll < 20 ? 'IN_PROGRESS' : roll < 60 ? 'ORDERED' : 'DELIVERED');
		const createdUs = SEED_START_US + Math.floor((i * 42 * DAY_US) / CUSTOMER_ORDER_COUNT) + rng.int(0, 3600) * US_PER_S;
		const orderedOnUs = status === 'IN_PROGRESS' ? null : createdUs + rng.int(60, 7200) * US_PER_S + rng.int(0, 999_999);
		const outlet = OUTLETS[i % OUTLETS.length];
		const supplier = rng.pick(SUPPLIERS);
		const lineCount = rng.int(1, 5);
		const packages: SeedPoPackage[] = [];
		const used = new Set<number>();
		for (let k = 0; k < lineCount; k++) {
			const item = rng.pick(STOCK_ITEMS);
			if (used.has(item.id)) continue;
			used.add(item.id);
			const article = ARTICLES[item.articleIndex + rng.int(0, 1)];
			const quantityOrdered = rng.int(1, 12);
			packages.push({
				id: packageId++,
				stockItemId: item.id,
				stockItemName: item.name,
				supplierPackageId: 30_000 + article.index,
				articleNumber: article.articleNumber,
				packageName: article.packageName,
				priceCents: article.priceCents,
				quantityOrdered,
				quantityDeliveredMilli: status === 'DELIVERED' ? quantityOrdered * 1000 : 0,
			});
		}
		const viewedAtUs = orderedOnUs !== null && rng.chance(0.5) ? orderedOnUs + rng.int(60, 86_400) * US_PER_S : null;
		const fetchedAtUs = orderedOnUs !== null && rng.chance(0.3) ? orderedOnUs + rng.int(30, 3600) * US_PER_S : null;
		orders.push({
			id,
			orderNumber: `PO-${String(20250001 + i)}`,
			status,
			supplierId: supplier.id,
			outletId: outlet.id,
			userId: rng.pick(USERS).id,
			orderedOnUs,
			expectedDeliveryUs:
				orderedOnUs === null || rng.chance(0.15)
					? null
					: Math.floor(orderedOnUs / DAY_US) * DAY_US + rng.int(1, 4) * DAY_US + 6 * 3600 * US_PER_S,
			deliveryClosed: i === 3 || (status === 'DELIVERED' && i > 3 && rng.chance(0.5)),
			remarks: rng.pick(PO_REMARKS),
			viewedAtUs,
			fetchedAtUs,
			packages,
			deliveryIds: [],
		});
	}
	return orders;
}

export function apiCustomerOrder(order: SeedCustomerOrder): Record<string, unknown> {
	const supplier = SUPPLIERS.find((s) => s.id === order.supplierId)!;
	const outlet = OUTLETS.find((o) => o.id === order.outletId)!;
	const total = order.packages.reduce((sum, p) => sum + p.priceCents * p.quantityOrdered, 0);
	return {
		id: order.id,
		order_number: order.orderNumber,
		status: order.status,
		supplier: { id: supplier.id, name: supplier.name },
		outlet: { id: outlet.id, name: outlet.name },
		user: order.userId,
		ordered_on: order.orderedOnUs === null ? null : formatDateTime(order.orderedOnUs),
		expected_delivery_date: order.expectedDeliveryUs === null ? null : formatDateTime(order.expectedDeliveryUs),
		delivery_closed: order.deliveryClosed,
		remarks: order.remarks,
		theoretical_price: formatCents(total),
		viewed_by_supplier: order.viewedAtUs !== null,
		viewed_by_supplier_at: order.viewedAtUs === null ? null : formatDateTime(order.viewedAtUs),
		fetched_by_supplier: order.fetchedAtUs !== null,
		fetched_by_supplier_at: order.fetchedAtUs === null ? null : formatDateTime(order.fetchedAtUs),
		packages: order.packages.map((p) => ({
			id: p.id,
			stock_item: { id: p.stockItemId, name: p.stockItemName },
			supplier_package: {
				id: p.supplierPackageId,
				supplier_article_number: p.articleNumber,
				name: p.packageName,
				price: formatCents(p.priceCents),
			},
			quantity_ordered: p.quantityOrdered,
			quantity_delivered: formatMilli(p.quantityDeliveredMilli),
			price_per_package: formatCents(p.priceCents),
			total_price: formatCents(p.priceCents * p.quantityOrdered),
		})),
		deliveries: [...order.deliveryIds],
	};
}
