/**
 * Deterministic seed data for the Apicbase sandbox: one supplier with 6 customers, 80 supplier
 * articles and 1,100 purchase orders. Everything comes from a seeded PRNG, so every run (and every
 * reset) produces byte-identical data. Some names and remarks carry accents, ß/ü, emoji, curly and
 * straight quotes, backslashes, newlines and tabs on purpose: they exercise JSON escaping and the
 * webhook signature.
 */

/** mulberry32: tiny, fast and good enough for test data; never Math.random. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Rng {
	private readonly next: () => number;
	constructor(seed: number) {
		this.next = mulberry32(seed);
	}
	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
}

export const SEED = 0x41504943; // 'APIC'

// ---------------------------------------------------------------------------------------------
// Catalogue: 40 products in two pack sizes each = 80 supplier articles.

interface Variant {
	/** Outer multipack count; 1 means a single package. */
	count: number;
	/** Innermost quantity (an integer, as the assortment format requires) and its unit. */
	quantity: number;
	unit: string;
	priceCents: number;
	packageType: string;
}

interface Product {
	name: string;
	brand: string | null;
	variants: [Variant, Variant];
}

const v = (count: number, quantity: number, unit: string, priceCents: number, packageType: string): Variant => ({
	count,
	quantity,
	unit,
	priceCents,
	packageType,
});

const PRODUCTS: Product[] = [
	{ name: 'Crème fraîche 35%', brand: 'Président', variants: [v(1, 1, 'l', 645, 'tub'), v(6, 1, 'l', 3690, 'box')] },
	{ name: 'Jalapeño slices', brand: 'La Costeña', variants: [v(1, 2800, 'g', 1195, 'tin'), v(6, 2800, 'g', 6790, 'box')] },
	{ name: 'Süßkartoffel fries 9 mm', brand: 'Lamb Weston', variants: [v(1, 2500, 'g', 899, 'bag'), v(4, 2500, 'g', 3399, 'box')] },
	{ name: 'Weißbier Hefe 50 cl', brand: 'Erdinger', variants: [v(20, 50, 'cl', 3150, 'crate'), v(1, 30, 'l', 12900, 'keg')] },
	{ name: 'Bircher Müsli', brand: null, variants: [v(1, 1000, 'g', 729, 'bag'), v(5, 1000, 'g', 3399, 'box')] },
	{ name: 'Gruyère AOP 12 months', brand: 'Le Gruyère', variants: [v(1, 1000, 'g', 2450, 'piece'), v(1, 5000, 'g', 11800, 'piece')] },
	{ name: 'Jamón Ibérico de bellota, sliced', brand: 'Joselito', variants: [v(1, 100, 'g', 1290, 'pack'), v(10, 100, 'g', 12400, 'box')] },
	{ name: 'Piment d’Espelette AOP', brand: null, variants: [v(1, 50, 'g', 990, 'jar'), v(1, 250, 'g', 4150, 'jar')] },
	{ name: 'Chef’s “Premium” extra virgin olive oil', brand: 'Oliveira', variants: [v(1, 5, 'l', 3475, 'can'), v(4, 5, 'l', 13500, 'box')] },
	{ name: 'Pizza "Margherita" dough balls 250 g', brand: null, variants: [v(24, 250, 'g', 1680, 'box'), v(60, 250, 'g', 3960, 'box')] },
	{ name: 'Salt \\ pepper mix 50/50', brand: 'Kitchen Pro', variants: [v(1, 1000, 'g', 540, 'tub'), v(6, 1000, 'g', 2990, 'box')] },
	{ name: 'Tomato 🍅 cherry on the vine', brand: null, variants: [v(1, 3000, 'g', 1450, 'crate'), v(1, 6000, 'g', 2750, 'crate')] },
	{ name: 'Baguette 🥖 précuite 280 g', brand: 'Boulangerie Dorée', variants: [v(25, 280, 'g', 2125, 'box'), v(50, 280, 'g', 4050, 'box')] },
	{ name: 'Tofu 豆腐 firm', brand: 'Taifun', variants: [v(1, 1000, 'g', 620, 'pack'), v(10, 1000, 'g', 5800, 'box')] },
	{ name: 'Beurre doux 82%', brand: 'Échiré', variants: [v(1, 250, 'g', 455, 'pack'), v(1, 5000, 'g', 7900, 'block')] },
	{ name: 'Crème brûlée base', brand: 'Debic', variants: [v(1, 1, 'l', 815, 'carton'), v(12, 1, 'l', 9400, 'box')] },
	{ name: 'Gnocchi di patate', brand: 'Rana', variants: [v(1, 1000, 'g', 495, 'bag'), v(8, 1000, 'g', 3720, 'box')] },
	{ name: 'Açaí purée, frozen', brand: 'Sambazon', variants: [v(4, 100, 'g', 699, 'pack'), v(48, 100, 'g', 7680, 'box')] },
	{ name: 'Mozzarella di bufala DOP 125 g', brand: 'Mandara', variants: [v(1, 125, 'g', 235, 'pack'), v(16, 125, 'g', 3520, 'box')] },
	{ name: 'Spätzle, fresh', brand: 'Bürger', variants: [v(1, 1000, 'g', 560, 'bag'), v(5, 1000, 'g', 2600, 'box')] },
	{ name: 'Chicken breast fillet', brand: null, variants: [v(1, 2500, 'g', 2175, 'tray'), v(4, 2500, 'g', 8400, 'box')] },
	{ name: 'Salmon fillet skin-on (Norway)', brand: 'Lerøy', variants: [v(1, 1500, 'g', 3180, 'tray'), v(1, 5000, 'g', 10250, 'box')] },
	{ name: 'Rucola / rocket', brand: null, variants: [v(1, 500, 'g', 480, 'bag'), v(1, 2000, 'g', 1690, 'crate')] },
	{ name: 'Basmati rice', brand: 'Tilda', variants: [v(1, 5000, 'g', 1295, 'bag'), v(1, 20000, 'g', 4590, 'sack')] },
	{ name: 'Penne rigate', brand: 'De Cecco', variants: [v(1, 3000, 'g', 799, 'bag'), v(4, 3000, 'g', 2999, 'box')] },
	{ name: 'San Marzano tomatoes DOP', brand: 'Cirio', variants: [v(1, 2500, 'g', 675, 'tin'), v(6, 2500, 'g', 3850, 'box')] },
	{ name: 'Parmigiano Reggiano 24 mesi', brand: null, variants: [v(1, 1000, 'g', 2690, 'piece'), v(1, 4500, 'g', 11200, 'piece')] },
	{ name: 'Dijon mustard', brand: 'Maille', variants: [v(1, 1000, 'g', 649, 'jar'), v(1, 5000, 'g', 2450, 'bucket')] },
	{ name: 'Mayonnaise ½ fat', brand: 'Devos Lemmens', variants: [v(1, 1, 'l', 560, 'bottle'), v(1, 10, 'l', 3990, 'bucket')] },
	{ name: 'Espresso beans 100% Arabica', brand: 'Illy', variants: [v(1, 1000, 'g', 2390, 'bag'), v(6, 1000, 'g', 13500, 'box')] },
	{ name: 'Oat milk Barista', brand: 'Oatly', variants: [v(1, 1, 'l', 289, 'carton'), v(12, 1, 'l', 3240, 'box')] },
	{ name: 'Whipping cream 35%', brand: 'Debic', variants: [v(1, 1, 'l', 575, 'carton'), v(12, 1, 'l', 6600, 'box')] },
	{ name: 'Free-range eggs M', brand: null, variants: [v(30, 1, 'piece', 990, 'tray'), v(180, 1, 'piece', 5600, 'box')] },
	{ name: 'Flour type 00', brand: 'Caputo', variants: [v(1, 1000, 'g', 189, 'bag'), v(1, 25000, 'g', 3450, 'sack')] },
	{ name: 'Caster sugar', brand: 'Tiense Suiker', variants: [v(1, 1000, 'g', 165, 'bag'), v(1, 25000, 'g', 3175, 'sack')] },
	{ name: 'Sunflower oil for deep-frying', brand: 'Vandemoortele', variants: [v(1, 10, 'l', 2890, 'can'), v(1, 20, 'l', 5490, 'can')] },
	{ name: 'Lemons Verna', brand: null, variants: [v(1, 5000, 'g', 1150, 'crate'), v(1, 15000, 'g', 3200, 'crate')] },
	{ name: 'Avocado Hass, ready-to-eat', brand: null, variants: [v(12, 1, 'piece', 1560, 'tray'), v(24, 1, 'piece', 2990, 'box')] },
	{ name: 'Champignons de Paris', brand: null, variants: [v(1, 3000, 'g', 1080, 'crate'), v(1, 6000, 'g', 2050, 'crate')] },
	{ name: 'Gewürzgurken', brand: 'Kühne', variants: [v(1, 2500, 'g', 735, 'jar'), v(6, 2500, 'g', 4190, 'box')] },
];

export interface SeedArticle {
	index: number;
	/** The supplier article number: `third_party_id` in the assortment, `supplier_article_number` in orders. */
	articleNumber: string;
	sharedId: string | null;
	name: string;
	packageName: string;
	brand: string | null;
	packageType: string;
	priceCents: number;
	gtin: string | null;
	orderable: boolean;
	variant: Variant;
}

/** EAN-13 with a valid check digit. */
function ean13(body12: string): string {
	const sum = body12.split('').reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
	return body12 + String((10 - (sum % 10)) % 10);
}

function packSuffix(variant: Variant): string {
	const single = `${variant.quantity} ${variant.unit}`;
	return variant.count > 1 ? `${variant.count} × ${single}` : single;
}

function buildArticles(): SeedArticle[] {
	const rng = new Rng(SEED ^ 0x1111);
	const articles: SeedArticle[] = [];
	PRODUCTS.forEach((product, p) => {
		product.variants.forEach((variant, k) => {
			const index = articles.length;
			articles.push({
				index,
				// Zero-padded numeric strings: a node that turns them into numbers loses the zeros.
				articleNumber: String(1000 + index * 37).padStart(6, '0'),
				sharedId: rng.chance(0.7) ? `SH-${String(p + 1).padStart(3, '0')}` : null,
				name: product.name,
				packageName: `${product.name} ${packSuffix(variant)}`,
				brand: product.brand,
				packageType: variant.packageType,
				priceCents: variant.priceCents,
				gtin: rng.chance(0.8) ? ean13(`54${String(100000 + p * 100 + k).padStart(10, '0')}`) : null,
				orderable: index % 23 !== 22,
				variant,
			});
		});
	});
	return articles;
}

export const ARTICLES: readonly SeedArticle[] = buildArticles();

// ---------------------------------------------------------------------------------------------
// Customers (locations of the supplier's customers, numbered by the supplier).

export interface SeedCustomer {
	customerNumber: string;
	supplierOutletId: string | null;
	/** Indexes into ARTICLES: the customer's assortment. */
	assortment: number[];
}

const CUSTOMER_BASE: Array<[string, string | null]> = [
	['000417', 'BRU-CENTRE-01'], // Brasserie Lumière; leading zeros on purpose
	['C-1002', null], // Café Müller
	['C-1003', 'ANT-HARBOUR'], // Harbour Kitchen
	['7781', null], // Pizzeria “Da Nonna”
	['GHT-05', 'GENT-05'], // Hotel in Ghent
	['C-1006', 'LEU-CAMPUS'], // Campus canteen
];

function buildCustomers(): SeedCustomer[] {
	return CUSTOMER_BASE.map(([customerNumber, supplierOutletId], c) => {
		const rng = new Rng(SEED ^ (0x2222 + c));
		// Each customer orders from roughly 60% of the catalogue.
		const assortment = ARTICLES.filter(() => rng.chance(0.6)).map((a) => a.index);
		return { customerNumber, supplierOutletId, assortment };
	});
}

export const CUSTOMERS: readonly SeedCustomer[] = buildCustomers();

// ---------------------------------------------------------------------------------------------
// Purchase orders.

export type OrderStatus = 'ORDERED' | 'DELIVERED';

export interface SeedOrderLine {
	stockItemName: string;
	articleNumber: string;
	/** Price snapshot at ordering time, in cents. */
	priceCents: number;
	quantity: number;
}

export interface SeedOrder {
	/** Internal sequence number: the tie-breaker that keeps paging stable. */
	seq: number;
	id: string;
	orderNumber: string;
	status: OrderStatus;
	/** Microseconds since the epoch, UTC (Python datetimes keep microseconds). */
	orderedOnUs: number;
	ownedBy: string | null;
	remarks: string | null;
	lines: SeedOrderLine[];
	expectedDeliveryUs: number | null;
	customerNumber: string;
	fetchedAtUs: number | null;
	viewedAtUs: number | null;
}

const USERNAMES = [
	'anna.peeters',
	'josé.martínez',
	'jürgen.weiß',
	'chef.li',
	'm.o’brien',
	'kitchen-manager',
	'sophie.dubois',
	'tom.baker',
];

const REMARKS = [
	'Please deliver before 7:00.',
	'Back door, ring twice.\nIf nobody answers call the chef.',
	'Crème fraîche must be 35% — not 30%!',
	'Deliver to the “service” entrance',
	'He said "ASAP"',
	'Invoice to C:\\Finance\\Invoices',
	'Line 1\tqty\tnote\r\nLine 2\tqty\tnote',
	'🚚 Truck can’t enter the square — park on the Straße corner',
	'Jalapeño cases: max 2 per pallet',
	'',
	'Allergen check: no peanuts 🥜 in substitutes',
	'Tiefkühlware bitte sofort in die Kühlzelle – danke! (ß/ü)',
];

const US_PER_S = 1_000_000;
const DAY_US = 86_400 * US_PER_S;
/** Monday 3 March 2025, 05:00 UTC: the first seeded order. */
export const SEED_START_US = Date.UTC(2025, 2, 3, 5, 0, 0) * 1000;
export const SEED_ORDER_COUNT = 1100;
const SPAN_US = 42 * DAY_US;

/** An opaque string id, unrelated to the order number (API ids differ from UI numbers). */
export function orderId(seq: number): string {
	return Buffer.from(`PurchaseOrder:${480000 + seq}`).toString('base64');
}

/**
 * The content of order `seq` (customer, lines, owner, remarks, delivery date), from a PRNG seeded
 * by `seq` alone, so the webhook sender can build new orders the same way.
 */
export function buildOrder(seq: number, orderedOnUs: number): SeedOrder {
	const rng = new Rng(SEED ^ Math.imul(seq, 2654435761));
	const customer = rng.pick(CUSTOMERS);
	const lineCount = rng.int(1, 6);
	const orderable = customer.assortment.filter((index) => ARTICLES[index].orderable);
	const chosen = new Set<number>();
	while (chosen.size < lineCount) chosen.add(rng.pick(orderable));
	const lines = [...chosen].map((index) => {
		const article = ARTICLES[index];
		return {
			stockItemName: article.name,
			articleNumber: article.articleNumber,
			priceCents: article.priceCents,
			quantity: rng.int(1, 24),
		};
	});
	const orderedDayUs = Math.floor(orderedOnUs / DAY_US) * DAY_US;
	return {
		seq,
		id: orderId(seq),
		orderNumber: `PO-2025-${String(seq).padStart(5, '0')}`,
		status: 'ORDERED',
		orderedOnUs,
		ownedBy: rng.chance(0.1) ? null : rng.pick(USERNAMES),
		remarks: rng.chance(0.55) ? null : rng.pick(REMARKS),
		lines,
		expectedDeliveryUs: rng.chance(0.15) ? null : orderedDayUs + rng.int(1, 4) * DAY_US,
		customerNumber: customer.customerNumber,
		fetchedAtUs: null,
		viewedAtUs: null,
	};
}

/** 1,100 orders over six weeks; order numbers follow cart creation, so they are only roughly in
 * `ordered_on` order, and a few groups share the exact same `ordered_on`. */
export function buildOrders(): SeedOrder[] {
	const rng = new Rng(SEED ^ 0x3333);
	const endUs = SEED_START_US + SPAN_US;
	const orders: SeedOrder[] = [];
	let clusterLeft = 0;
	let clusterUs = 0;
	for (let seq = 1; seq <= SEED_ORDER_COUNT; seq++) {
		let orderedOnUs: number;
		if (clusterLeft > 0) {
			clusterLeft--;
			orderedOnUs = clusterUs;
		} else {
			const nominal = SEED_START_US + Math.floor(((seq - 1) * SPAN_US) / SEED_ORDER_COUNT / US_PER_S) * US_PER_S;
			const jitter = rng.int(0, 4 * 3600) * US_PER_S;
			// Most orders carry microseconds, as Python's timezone.now() does.
			const micro = rng.chance(0.65) ? rng.int(1, 999_999) : 0;
			orderedOnUs = nominal + jitter + micro;
			if (seq % 47 === 0) {
				// A burst of orders sent within the same second, whole second, no microseconds.
				orderedOnUs -= micro;
				clusterUs = orderedOnUs;
				clusterLeft = rng.int(2, 4);
			}
		}
		const order = buildOrder(seq, orderedOnUs);
		const ageDays = (endUs - orderedOnUs) / DAY_US;
		if (ageDays > 14 && rng.chance(0.3)) order.status = 'DELIVERED';
		if (ageDays > 7 && rng.chance(0.4)) {
			order.fetchedAtUs = orderedOnUs + rng.int(5, 120) * 60 * US_PER_S + rng.int(0, 999_999);
			if (rng.chance(0.6)) order.viewedAtUs = order.fetchedAtUs + rng.int(1, 60) * 60 * US_PER_S;
		}
		orders.push(order);
	}
	return orders;
}

// ---------------------------------------------------------------------------------------------
// Rendering.

/** DRF's rendering of an aware UTC datetime: isoformat() with microseconds only when non-zero,
 * and '+00:00' replaced by 'Z'. */
export function formatDateTime(us: number): string {
	const seconds = Math.floor(us / US_PER_S);
	const micro = us - seconds * US_PER_S;
	const base = new Date(seconds * 1000).toISOString().slice(0, 19);
	return micro ? `${base}.${String(micro).padStart(6, '0')}Z` : `${base}Z`;
}

/** Decimal prices are strings with two decimals, as Django's DecimalField renders them. */
export function formatCents(cents: number): string {
	return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export interface WebhookOrder {
	id: string;
	order_number: string;
	status: OrderStatus;
	ordered_on: string;
	owned_by: { username: string } | null;
	order_remarks: string | null;
	packages: Array<{
		stock_item: { name: string };
		supplier_package: { supplier_article_number: string; theoretical_price_per_package: string };
		quantity_ordered: number;
		total_theoretical_price: string;
	}>;
	expected_delivery_date: string | null;
	theoretical_price: string;
	supplier_customer_number: string;
}

export interface ApiOrder extends WebhookOrder {
	fetched_by_supplier: boolean;
	fetched_by_supplier_at: string | null;
	viewed_by_supplier: boolean;
	viewed_by_supplier_at: string | null;
}

/** The vendor's webhook schema, keys in the documented order (the order matters for signing). */
export function webhookOrder(order: SeedOrder): WebhookOrder {
	const packages = order.lines.map((line) => ({
		stock_item: { name: line.stockItemName },
		supplier_package: {
			supplier_article_number: line.articleNumber,
			theoretical_price_per_package: formatCents(line.priceCents),
		},
		quantity_ordered: line.quantity,
		total_theoretical_price: formatCents(line.priceCents * line.quantity),
	}));
	const total = order.lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
	return {
		id: order.id,
		order_number: order.orderNumber,
		status: order.status,
		ordered_on: formatDateTime(order.orderedOnUs),
		owned_by: order.ownedBy === null ? null : { username: order.ownedBy },
		order_remarks: order.remarks,
		packages,
		expected_delivery_date: order.expectedDeliveryUs === null ? null : formatDateTime(order.expectedDeliveryUs),
		theoretical_price: formatCents(total),
		supplier_customer_number: order.customerNumber,
	};
}

/** The supplier API list item: the webhook schema plus the two supplier flags. */
export function apiOrder(order: SeedOrder): ApiOrder {
	return {
		...webhookOrder(order),
		fetched_by_supplier: order.fetchedAtUs !== null,
		fetched_by_supplier_at: order.fetchedAtUs === null ? null : formatDateTime(order.fetchedAtUs),
		viewed_by_supplier: order.viewedAtUs !== null,
		viewed_by_supplier_at: order.viewedAtUs === null ? null : formatDateTime(order.viewedAtUs),
	};
}

export function apiCustomer(customer: SeedCustomer): { customer_number: string; supplier_outlet_id: string | null } {
	return { customer_number: customer.customerNumber, supplier_outlet_id: customer.supplierOutletId };
}

/** One entry of GET customers/:customer_number/packages (apicbase-mbx.md §1.3). */
export function apiCustomerPackage(customer: SeedCustomer, article: SeedArticle): Record<string, unknown> {
	const { count, quantity, unit } = article.variant;
	const inner = { quantity, unit_name: unit, gtin: null };
	return {
		supplier_outlet_id: customer.supplierOutletId,
		package: {
			article: { shared_id: article.sharedId, name: article.name, brand: article.brand },
			third_party_id: article.articleNumber,
			name: article.packageName,
			gtin: article.gtin,
			price: formatCents(article.priceCents),
			price_type_code: 0,
			package_type: article.packageType,
			package_description: count > 1 ? { quantity: count, gtin: null, package: inner } : inner,
			orderable: article.orderable,
		},
	};
}
