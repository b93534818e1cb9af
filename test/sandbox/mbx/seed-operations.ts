/**
 * Seed data for the MBX sandbox's operational endpoints: ship methods, customer catalog items,
 * inventories, customer order submissions with their invoices, and the Forge automation data
 * (task types, serials, queues, tasks, serial data). Built from seeded PRNGs, so every run and
 * every reset produces the same ids and values.
 */
import { MBX_DEMO, MBX_OTHER_ORG, prng, type MbxItem } from './seed';

export interface MbxShipMethod {
	id: number;
	name: string;
	description: string;
	carrier: string;
}

export interface MbxCatalogItem {
	id: number;
	customer_sku: string;
	price: number;
	item_id: number;
}

export interface MbxInventory {
	id: number;
	item_id: number;
	inventory_location_id: number;
	quantity_on_hand: number;
	quantity_allocated: number;
	quantity_on_order: number;
	average_cost: number;
	last_cost: number;
	reorder_level: number;
	order_up_to_level: number;
	lead_time: number | null;
	created_at: string;
	updated_at: string;
}

export interface MbxInvoice {
	id: number;
	order_id: number;
	billed_at: string;
	total: number;
	created_at: string;
	updated_at: string;
}

/** An invoice plus the organization that owns it (never rendered). */
export interface InvoiceRecord extends MbxInvoice {
	organizationId: number;
}

export type MbxOrderStatus = 'pending' | 'released' | 'shipped';

export interface MbxAddress {
	name: string;
	company: string | null;
	email: string | null;
	phone: string | null;
	address_1: string;
	address_2: string | null;
	address_3: string | null;
	city: string;
	state: string | null;
	zip: string | null;
	country: string;
}

export interface MbxOrderLine {
	product_code: string;
	quantity: number;
	customs_declared_value: number;
	/** One per unit of a serialized item once the order has shipped; empty before. */
	serial_numbers: string[];
}

/** A customer order submission as the API renders it (GET, POST, PUT, DELETE, webhooks). */
export interface MbxOrder {
	id: number;
	organization_id: number;
	purchase_order: string;
	customer_order: string;
	ship_method_id: number;
	ship_method: string;
	ship_account: string | null;
	end_user_po: string | null;
	end_user_name: string | null;
	end_user_order_dt: string | null;
	notes: string | null;
	customer_rma_case: string | null;
	/** Free text the customer keeps with the order (`customer_data nvarchar (-1)`). */
	customer_data: string | null;
	recipient: MbxAddress;
	importer_of_record: MbxAddress | null;
	duties_and_taxes_account: string | number | null;
	/** Absent (not null) until the order has shipped. */
	invoices?: Array<{ invoice_number: number }>;
	/** Absent (not null) until the order has shipped; one package per line. */
	tracking_numbers?: Array<{ tracking_number: string; weight: number }>;
	status: MbxOrderStatus;
	lines: MbxOrderLine[];
	/** YYYY-MM-DD: the anticipated ship date the customer gave, or the one MBX sets on release. */
	promise_date: string | null;
	created_at: string;
	updated_at: string;
}

export interface MbxAutomationTaskType {
	id: number;
	name: string;
	description: string | null;
}

export interface MbxAutomationQueue {
	id: number;
	serial_id: number;
	work_order_id: number | null;
	finished: boolean;
	ip_address: string;
}

/** A queue plus the organization that owns it (never rendered). */
export interface QueueRecord extends MbxAutomationQueue {
	organizationId: number;
}

export interface MbxAutomationTask {
	id: number;
	automation_queue_id: number;
	automation_task_type_id: number;
	sequence: number;
	started_at: string | null;
	completed_at: string | null;
	failed: boolean;
	message: string | null;
	assignee_id: number | null;
}

export interface MbxSerialData {
	id: number;
	manufacturer_serial: string;
	serial_data_type_id: number;
	metadata: string | null;
	value: string;
	created_at: string;
}

export interface SerialDataRecord extends MbxSerialData {
	organizationId: number;
}

/** A system MBX knows by serial number; the API shows it only as serial_id and in the CSV report. */
export interface SerialRecord {
	id: number;
	organizationId: number;
	manufacturerSerial: string;
	itemId: number | null;
	workOrderId: number | null;
}

export const FIRST_ORDER_ID = 654001;
export const FIRST_INVOICE_ID = 123001;
export const DEMO_ORDER_COUNT = 300;
export const OTHER_ORG_ORDER_COUNT = 6;
/** MBX itself, as an automation task assignee (tasks run inside Forge). */
export const MBX_SYSTEMS_ORGANIZATION = { organizationId: 1, organizationName: 'MBX Systems' } as const;

/** Organization names by id, for the assignee_name column of the automation task report. */
export const ASSIGNEE_NAMES: Readonly<Record<number, string>> = {
	[MBX_SYSTEMS_ORGANIZATION.organizationId]: MBX_SYSTEMS_ORGANIZATION.organizationName,
	[MBX_DEMO.organizationId]: MBX_DEMO.organizationName,
	[MBX_OTHER_ORG.organizationId]: MBX_OTHER_ORG.organizationName,
};

/** Every seeded timestamp is before this; the sandbox clock starts here at the earliest. */
export const SEED_CLOCK_END = Date.UTC(2025, 6, 1);

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const iso = (ms: number) => new Date(ms).toISOString();
const round2 = (n: number) => Math.round(n * 100) / 100;
const round1 = (n: number) => Math.round(n * 10) / 10;
const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)];

// ---- ship methods and task types (global reference data) ----

const SHIP_METHOD_ROWS: ReadonlyArray<readonly [string, string, string]> = [
	['FedEx Ground', 'FedEx Ground, 1-5 business days within the contiguous US', 'FedEx'],
	['FedEx Home Delivery', 'FedEx Home Delivery to residential addresses in the US', 'FedEx'],
	['FedEx Express Saver', 'FedEx Express Saver, 3 business days', 'FedEx'],
	['FedEx 2Day', 'FedEx 2Day, delivery by end of the second business day', 'FedEx'],
	['FedEx Standard Overnight', 'FedEx Standard Overnight, next business day by 3 p.m.', 'FedEx'],
	['FedEx Priority Overnight', 'FedEx Priority Overnight, next business day by 10:30 a.m.', 'FedEx'],
	['FedEx International Economy', 'FedEx International Economy, 2-5 business days', 'FedEx'],
	['FedEx International Priority', 'FedEx International Priority, 1-3 business days', 'FedEx'],
	['UPS Ground', 'UPS Ground, 1-5 business days within the US', 'UPS'],
	['UPS 3 Day Select', 'UPS 3 Day Select, delivery in three business days', 'UPS'],
	['UPS 2nd Day Air', 'UPS 2nd Day Air, delivery by end of the second business day', 'UPS'],
	['UPS Standard', 'UPS Standard to Canada and Mexico, day-definite ground', 'UPS'],
	['UPS Next Day Air', 'UPS Next Day Air, next business day by 10:30 a.m.', 'UPS'],
	['UPS Worldwide Expedited', 'UPS Worldwide Expedited, 2-5 business days', 'UPS'],
	['UPS Worldwide Express', 'UPS Worldwide Express, 1-3 business days by noon', 'UPS'],
	['UPS Worldwide Saver', 'UPS Worldwide Saver, 1-3 business days by end of day', 'UPS'],
	['DHL Express', 'DHL Express Worldwide, 1-3 business days', 'DHL'],
	['DHL Express 12:00', 'DHL Express 12:00, next possible business day by noon', 'DHL'],
	['USPS Priority Mail', 'USPS Priority Mail, 1-3 business days', 'USPS'],
	['USPS Priority Mail International', 'USPS Priority Mail International, 6-10 business days', 'USPS'],
	['Freight LTL', 'Less-than-truckload freight on pallets, carrier booked by MBX', 'R+L Carriers'],
	['Freight FTL', 'Full truckload freight, dedicated trailer', 'Landstar'],
	['Customer Pickup', 'Picked up by the customer at the MBX dock in Mundelein, IL', 'Customer'],
	['FedEx Ground Canada', 'FedEx Ground to Canada, 2-7 business days', 'FedEx'],
	['Customer Carrier Account', 'Shipped on the customer\'s own carrier account (ship_account)', 'Customer'],
];

/** 25 ship methods, ids 1..25 (12 is UPS Standard, 24 FedEx Ground Canada as in the vendor doc). */
export function seedShipMethods(): MbxShipMethod[] {
	return SHIP_METHOD_ROWS.map(([name, description, carrier], index) => ({ id: index + 1, name, description, carrier }));
}

export function seedTaskTypes(): MbxAutomationTaskType[] {
	return [
		{ id: 1, name: 'Image OS', description: 'Deploy the customer operating system image to the boot drive' },
		{ id: 2, name: 'Burn-In', description: 'Stress CPU, memory and storage at full load for the burn-in period' },
		{ id: 3, name: 'Run-In', description: 'Run the system under normal load and watch for early failures' },
		{ id: 4, name: 'BIOS Update', description: 'Flash the approved BIOS version and apply the settings profile' },
		{ id: 5, name: 'Firmware Update', description: 'Update BMC, NIC and storage controller firmware' },
		{ id: 6, name: 'Memory Test', description: 'Full-pass memory test of every installed DIMM' },
		{ id: 7, name: 'Label Print', description: 'Print and apply the serial, MAC address and asset labels' },
		{ id: 8, name: 'Final QA', description: 'Final visual and functional inspection before packing' },
	];
}

// ---- catalog and inventory (one row per item, every organization) ----

const FIRST_CATALOG_ITEM_ID = 300001;
const FIRST_INVENTORY_ID = 22001;

function skuPrefix(organizationId: number): string {
	return organizationId === MBX_DEMO.organizationId ? 'DHC' : 'OTO';
}

/** The catalog item of the item at `index` in the item list (ids and SKUs follow that position). */
export function makeCatalogItem(item: MbxItem, index: number, random: () => number): MbxCatalogItem {
	return {
		id: FIRST_CATALOG_ITEM_ID + index,
		customer_sku: `${skuPrefix(item.owner_id)}-${String(10000 + index * 3).padStart(6, '0')}`,
		price: round2(45 + random() * 4955),
		item_id: item.id,
	};
}

export function seedCatalogItems(items: readonly MbxItem[]): MbxCatalogItem[] {
	const random = prng(20240611);
	return items.map((item, index) => makeCatalogItem(item, index, random));
}

/** The inventory of the item at `index` in the item list, priced from its catalog item. */
export function makeInventory(item: MbxItem, index: number, catalogItem: MbxCatalogItem, random: () => number): MbxInventory {
	const onHand = random() < 0.2 ? 0 : Math.floor(random() * 250);
	const averageCost = round2(catalogItem.price * (0.5 + random() * 0.1));
	const reorder = Math.floor(random() * 20);
	const updated = Math.min(Date.parse(item.updated_at) + Math.floor(random() * 400) * DAY, SEED_CLOCK_END - DAY);
	return {
		id: FIRST_INVENTORY_ID + index,
		item_id: item.id,
		inventory_location_id: 1 + (index % 3),
		quantity_on_hand: onHand,
		quantity_allocated: Math.floor(random() * onHand * 0.5),
		quantity_on_order: random() < 0.3 ? 10 * (1 + Math.floor(random() * 10)) : 0,
		average_cost: averageCost,
		last_cost: round2(averageCost * (0.9 + random() * 0.2)),
		reorder_level: reorder,
		order_up_to_level: reorder + 10 * (1 + Math.floor(random() * 10)),
		lead_time: random() < 0.3 ? null : 5 + Math.floor(random() * 40),
		created_at: item.created_at,
		updated_at: iso(Math.max(updated, Date.parse(item.created_at))),
	};
}

export function seedInventories(items: readonly MbxItem[], catalog: readonly MbxCatalogItem[]): MbxInventory[] {
	const random = prng(20140725);
	return items.map((item, index) => makeInventory(item, index, catalog[index], random));
}

// ---- orders, shipping and invoices ----

/** Fictional consignees; every address line fits MBX's 35 characters. */
const US_ADDRESSES: readonly MbxAddress[] = [
	{
		name: 'Dana Whitfield',
		company: 'Northwind Analytics',
		email: 'receiving@northwind.example',
		phone: '+1-612-555-0142',
		address_1: '1200 Washington Ave N',
		address_2: 'Dock 4',
		address_3: null,
		city: 'Minneapolis',
		state: 'MN',
		zip: '55401',
		country: 'US',
	},
	{
		name: 'Marcus Lee',
		company: 'Cascade Edge Systems',
		email: 'ops@cascade-edge.example',
		phone: '+1-206-555-0199',
		address_1: '4100 Fremont Ave N',
		address_2: null,
		address_3: null,
		city: 'Seattle',
		state: 'WA',
		zip: '98103',
		country: 'US',
	},
	{
		name: 'Priya Natarajan',
		company: 'Lone Star Telemetry',
		email: 'priya.n@lonestar-telemetry.example',
		phone: '+1-512-555-0108',
		address_1: '9800 Research Blvd',
		address_2: 'Suite 210',
		address_3: null,
		city: 'Austin',
		state: 'TX',
		zip: '78759',
		country: 'US',
	},
	{
		name: 'Tom Becker',
		company: 'Harbor Point Media',
		email: null,
		phone: '+1-212-555-0163',
		address_1: '55 Water St',
		address_2: 'Floor 12',
		address_3: 'Attn: IT Receiving',
		city: 'New York',
		state: 'NY',
		zip: '10041',
		country: 'US',
	},
];

const INTERNATIONAL_ADDRESSES: readonly MbxAddress[] = [
	{
		name: 'John L. Doe',
		company: 'John L. Doe Ltd.',
		email: 'jdoe@email.com',
		phone: '1-555-555-6789',
		address_1: '467 Highway #1',
		address_2: null,
		address_3: null,
		city: 'Toronto',
		state: 'ON',
		zip: 'M5A 1E1',
		country: 'CA',
	},
	{
		name: 'Sophie Tremblay',
		company: 'Laurentian Networks',
		email: 'logistique@laurentian.example',
		phone: '+1-514-555-0127',
		address_1: '1250 Boul René-Lévesque O',
		address_2: null,
		address_3: null,
		city: 'Montréal',
		state: 'QC',
		zip: 'H3B 4W8',
		country: 'CA',
	},
	{
		name: 'Oliver Hughes',
		company: 'Thames Compute Ltd',
		email: 'goods-in@thamescompute.example',
		phone: '+44 118 496 0321',
		address_1: 'Unit 7, Riverside Park',
		address_2: 'Brunel Way',
		address_3: null,
		city: 'Reading',
		state: null,
		zip: 'RG1 8EQ',
		country: 'GB',
	},
	{
		name: 'Katrin Vogel',
		company: 'Rheinwerk Datentechnik GmbH',
		email: 'wareneingang@rheinwerk.example',
		phone: '+49 211 5550 1180',
		address_1: 'Hafenstraße 18',
		address_2: null,
		address_3: null,
		city: 'Düsseldorf',
		state: 'NW',
		zip: '40213',
		country: 'DE',
	},
	{
		name: 'Jeroen de Vries',
		company: 'Polder Cloud B.V.',
		email: 'ontvangst@poldercloud.example',
		phone: '+31 20 555 0147',
		address_1: 'Science Park 402',
		address_2: null,
		address_3: null,
		city: 'Amsterdam',
		state: 'NH',
		zip: '1098 XH',
		country: 'NL',
	},
	{
		name: 'Chloe Nguyen',
		company: 'Southern Cross Signal Pty Ltd',
		email: null,
		phone: '+61 2 5550 1934',
		address_1: 'Level 9, 1 Market St',
		address_2: null,
		address_3: null,
		city: 'Sydney',
		state: 'NSW',
		zip: '2000',
		country: 'AU',
	},
	{
		name: 'Haruto Sato',
		company: 'Kanto Edge KK',
		email: 'h.sato@kanto-edge.example',
		phone: '+81 45 555 0192',
		address_1: '2-11-3 Minato Mirai',
		address_2: 'Nishi-ku',
		address_3: null,
		city: 'Yokohama',
		state: 'Kanagawa',
		zip: '220-0012',
		country: 'JP',
	},
	{
		name: 'Lucía Hernández',
		company: 'Bajío Sistemas SA de CV',
		email: 'recepcion@bajio.example',
		phone: '+52 442 555 0175',
		address_1: 'Av. Constituyentes 1070',
		address_2: 'Piso 3',
		address_3: null,
		city: 'Querétaro',
		state: 'QRO',
		zip: '76150',
		country: 'MX',
	},
];

/** Ship method ids typically used per destination. */
function shipMethodFor(country: string, random: () => number): number {
	if (country === 'US') return pick([1, 1, 1, 2, 4, 9, 9, 10, 13, 19, 21, 23, 25], random);
	if (country === 'CA') return pick([24, 24, 12, 14], random);
	if (country === 'MX') return pick([12, 15], random);
	return pick([7, 8, 15, 16, 17, 20], random);
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';
const chars = (alphabet: string, count: number, random: () => number) =>
	Array.from({ length: count }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

function trackingNumber(carrier: string, orderId: number, random: () => number): string {
	switch (carrier) {
		case 'FedEx':
			return chars(DIGITS, 12, random);
		case 'UPS':
			return `1Z${chars(ALNUM, 6, random)}03${chars(DIGITS, 8, random)}`;
		case 'DHL':
			return chars(DIGITS, 10, random);
		case 'USPS':
			return `9400${chars(DIGITS, 18, random)}`;
		case 'Customer':
			return `PICKUP-${orderId}`;
		default:
			return `PRO${chars(DIGITS, 9, random)}`;
	}
}

/** What shipping needs to know about the order's organization. */
export interface ShipContext {
	/** The organization's item with this name (an order line's product code). */
	item(productCode: string): MbxItem | undefined;
	/** The customer catalog price of an item. */
	price(itemId: number): number;
	shipMethod: MbxShipMethod;
}

/**
 * Ships an order in place: serial numbers (one per unit of a serialized item), one tracking number
 * per line, the invoices key, status and updated_at. Returns the new invoice record. The numbers
 * come from a PRNG seeded with the order id, so shipping the same order always gives the same ones.
 */
export function shipOrder(order: MbxOrder, invoiceId: number, at: string, context: ShipContext): InvoiceRecord {
	const random = prng(order.id * 7919 + 17);
	let total = 0;
	const tracking: Array<{ tracking_number: string; weight: number }> = [];
	for (const line of order.lines) {
		const item = context.item(line.product_code);
		line.serial_numbers = item?.serialized
			? Array.from({ length: line.quantity }, () => `MBX${chars(ALNUM, 8, random)}`)
			: [];
		total += line.quantity * (item ? context.price(item.id) : 0);
		tracking.push({
			tracking_number: trackingNumber(context.shipMethod.carrier, order.id, random),
			weight: round1((item?.weight ?? 2.5) * line.quantity),
		});
	}
	order.status = 'shipped';
	order.invoices = [{ invoice_number: invoiceId }];
	order.tracking_numbers = tracking;
	order.updated_at = at;
	return {
		id: invoiceId,
		order_id: order.id,
		billed_at: at,
		total: round2(total),
		created_at: at,
		updated_at: at,
		organizationId: order.organization_id,
	};
}

/** A promise date (YYYY-MM-DD) some days after a moment. */
export function promiseDate(fromMs: number, days: number): string {
	return iso(fromMs + days * DAY).slice(0, 10);
}

/** The order as the API renders it: a deep copy, fixed key order, invoice keys only once shipped. */
export function renderOrder(order: MbxOrder): MbxOrder {
	const shipped =
		order.invoices && order.tracking_numbers
			? {
					invoices: order.invoices.map((i) => ({ ...i })),
					tracking_numbers: order.tracking_numbers.map((t) => ({ ...t })),
				}
			: {};
	return {
		id: order.id,
		organization_id: order.organization_id,
		purchase_order: order.purchase_order,
		customer_order: order.customer_order,
		ship_method_id: order.ship_method_id,
		ship_method: order.ship_method,
		ship_account: order.ship_account,
		end_user_po: order.end_user_po,
		end_user_name: order.end_user_name,
		end_user_order_dt: order.end_user_order_dt,
		notes: order.notes,
		customer_rma_case: order.customer_rma_case,
		customer_data: order.customer_data,
		recipient: { ...order.recipient },
		importer_of_record: order.importer_of_record && { ...order.importer_of_record },
		duties_and_taxes_account: order.duties_and_taxes_account,
		...shipped,
		status: order.status,
		lines: order.lines.map((l) => ({ ...l, serial_numbers: [...l.serial_numbers] })),
		promise_date: order.promise_date,
		created_at: order.created_at,
		updated_at: order.updated_at,
	};
}

/** What makes one order itself; the rest (consignee, lines, shipping) is drawn from the PRNG. */
export interface OrderFields {
	id: number;
	organizationId: number;
	/** The order's position among its organization's orders (0-based): its duties account follows it. */
	index: number;
	purchaseOrder: string;
	customerOrder: string;
	status: MbxOrderStatus;
	createdMs: number;
	updatedMs: number;
}

/**
 * One order as the seed draws it: a consignee from the address book, a ship method for its
 * country, one to three lines of different `orderable` items of the organization (each line's
 * product code is the item's name) and the optional fields now and then. Not shipped yet.
 */
export function makeOrder(
	fields: OrderFields,
	random: () => number,
	orderable: readonly MbxItem[],
	priceOf: (itemId: number) => number,
	shipMethods: readonly MbxShipMethod[],
): MbxOrder {
	const { status, createdMs: created } = fields;
	const domestic = random() < 0.55;
	const recipient = { ...pick(domestic ? US_ADDRESSES : INTERNATIONAL_ADDRESSES, random) };
	const shipMethodId = shipMethodFor(recipient.country, random);
	const freight = shipMethodId === 21 || shipMethodId === 22;
	// Never more lines than there are distinct items to put on them.
	const lineCount = Math.min(1 + Math.floor(random() * 3), orderable.length);
	const lines: MbxOrderLine[] = [];
	const used = new Set<number>();
	while (lines.length < lineCount) {
		const item = pick(orderable, random);
		if (used.has(item.id)) continue;
		used.add(item.id);
		lines.push({
			product_code: item.name,
			quantity: freight ? 8 + Math.floor(random() * 33) : 1 + Math.floor(random() * 5),
			customs_declared_value: round2(priceOf(item.id) * 0.6),
			serial_numbers: [],
		});
	}
	const endUser = random() < 0.25;
	return {
		id: fields.id,
		organization_id: fields.organizationId,
		purchase_order: fields.purchaseOrder,
		customer_order: fields.customerOrder,
		ship_method_id: shipMethodId,
		ship_method: shipMethods[shipMethodId - 1].name,
		ship_account: shipMethodId === 25 || random() < 0.2 ? chars(DIGITS, 9, random) : null,
		end_user_po: endUser ? `EU-${chars(DIGITS, 7, random)}` : null,
		end_user_name: endUser ? recipient.name : null,
		end_user_order_dt: endUser ? iso(created - (1 + Math.floor(random() * 3)) * DAY).replace('Z', '000') : null,
		notes: random() < 0.3 ? pick(['Deliver to dock 2', 'Call before delivery', 'Rush order', ''], random) : null,
		customer_rma_case: random() < 0.05 ? `RMA-${chars(DIGITS, 6, random)}` : null,
		customer_data: null,
		recipient,
		importer_of_record: domestic ? null : { ...recipient, name: 'Import Compliance Desk', email: null },
		duties_and_taxes_account: domestic ? null : 10000000 + fields.index,
		status,
		lines,
		promise_date: status === 'pending' ? null : promiseDate(created, 5 + Math.floor(random() * 10)),
		created_at: iso(created),
		updated_at: iso(fields.updatedMs),
	};
}

interface OrderSeedSpec {
	organizationId: number;
	count: number;
	firstId: number;
	firstInvoiceId: number;
	purchaseOrder: (index: number) => string;
	customerOrder: (index: number) => string;
	status: (index: number) => MbxOrderStatus;
	baseMs: number;
	seed: number;
}

function seedOrdersFor(
	spec: OrderSeedSpec,
	items: readonly MbxItem[],
	priceOf: (itemId: number) => number,
	shipMethods: readonly MbxShipMethod[],
): { orders: MbxOrder[]; invoices: InvoiceRecord[] } {
	const random = prng(spec.seed);
	const owned = items.filter((i) => i.owner_id === spec.organizationId);
	const orderable = owned.filter((i) => i.archived_at === null);
	const byName = new Map(owned.map((i) => [i.name, i]));
	const orders: MbxOrder[] = [];
	const updatedMs: number[] = [];

	for (let i = 0; i < spec.count; i++) {
		const created = spec.baseMs + i * 29 * HOUR + Math.floor(random() * 50) * MINUTE;
		const status = spec.status(i);
		const updated =
			status === 'pending'
				? created + (random() < 0.3 ? (1 + Math.floor(random() * 20)) * HOUR : 0)
				: status === 'released'
					? created + (1 + Math.floor(random() * 3)) * DAY + Math.floor(random() * 600) * MINUTE
					: created + (3 + Math.floor(random() * 7)) * DAY + Math.floor(random() * 600) * MINUTE;
		orders.push(
			makeOrder(
				{
					id: spec.firstId + i,
					organizationId: spec.organizationId,
					index: i,
					purchaseOrder: spec.purchaseOrder(i),
					customerOrder: spec.customerOrder(i),
					status,
					createdMs: created,
					updatedMs: updated,
				},
				random,
				orderable,
				priceOf,
				shipMethods,
			),
		);
		updatedMs.push(updated);
	}

	// Batches of three orders changed in the same instant: a sync keyed on updated_at must not
	// lose or repeat any of them.
	for (let i = 7; i + 2 < spec.count; i += 20) {
		const shared = Math.max(updatedMs[i], updatedMs[i + 1], updatedMs[i + 2]);
		for (let j = i; j < i + 3; j++) orders[j].updated_at = iso(shared);
	}

	const invoices: InvoiceRecord[] = [];
	let invoiceId = spec.firstInvoiceId;
	for (const order of orders) {
		if (order.status !== 'shipped') continue;
		invoices.push(
			shipOrder(order, invoiceId++, order.updated_at, {
				item: (code) => byName.get(code),
				price: priceOf,
				shipMethod: shipMethods[order.ship_method_id - 1],
			}),
		);
	}
	return { orders, invoices };
}

const poNumber = (n: number) => `45${String(n).padStart(8, '0')}`;

/** The purchase and customer order numbers of an organization's `index`-th order (0-based), as the seed numbers them. */
export function orderNumbers(organizationId: number, index: number): { purchaseOrder: string; customerOrder: string } {
	return {
		purchaseOrder: poNumber(index + 1),
		customerOrder: organizationId === MBX_DEMO.organizationId ? `SO-${100001 + index}` : `OTO-${5001 + index}`,
	};
}

/**
 * 300 demo-org orders (the oldest 150 shipped, each with one invoice; the rest alternately
 * released and pending) and 6 orders of the other org, whose purchase orders 4500000001..6 repeat
 * the demo org's on purpose: purchase orders are unique per organization only.
 */
export function seedOrders(
	items: readonly MbxItem[],
	catalog: readonly MbxCatalogItem[],
	shipMethods: readonly MbxShipMethod[],
): { orders: MbxOrder[]; invoices: InvoiceRecord[] } {
	const prices = new Map(catalog.map((c) => [c.item_id, c.price]));
	const priceOf = (itemId: number) => prices.get(itemId) ?? 0;
	const demo = seedOrdersFor(
		{
			organizationId: MBX_DEMO.organizationId,
			count: DEMO_ORDER_COUNT,
			firstId: FIRST_ORDER_ID,
			firstInvoiceId: FIRST_INVOICE_ID,
			purchaseOrder: (i) => orderNumbers(MBX_DEMO.organizationId, i).purchaseOrder,
			customerOrder: (i) => orderNumbers(MBX_DEMO.organizationId, i).customerOrder,
			status: (i) => (i < 150 ? 'shipped' : i % 2 === 0 ? 'released' : 'pending'),
			baseMs: Date.UTC(2024, 0, 8, 14, 0, 0),
			seed: 56789,
		},
		items,
		priceOf,
		shipMethods,
	);
	const other = seedOrdersFor(
		{
			organizationId: MBX_OTHER_ORG.organizationId,
			count: OTHER_ORG_ORDER_COUNT,
			firstId: FIRST_ORDER_ID + DEMO_ORDER_COUNT,
			firstInvoiceId: FIRST_INVOICE_ID + demo.invoices.length,
			purchaseOrder: (i) => orderNumbers(MBX_OTHER_ORG.organizationId, i).purchaseOrder,
			customerOrder: (i) => orderNumbers(MBX_OTHER_ORG.organizationId, i).customerOrder,
			status: (i) => (i < 3 ? 'shipped' : i < 5 ? 'released' : 'pending'),
			baseMs: Date.UTC(2024, 2, 4, 9, 30, 0),
			seed: 5678,
		},
		items,
		priceOf,
		shipMethods,
	);
	return { orders: [...demo.orders, ...other.orders], invoices: [...demo.invoices, ...other.invoices] };
}

// ---- Forge automation ----

export interface AutomationSeed {
	serials: SerialRecord[];
	queues: QueueRecord[];
	tasks: MbxAutomationTask[];
	serialData: SerialDataRecord[];
}

/**
 * Four demo-org queues (finished; in progress with a comma-and-quotes message; with a failed task
 * and its replacement; not started, with sequence 0) and one queue of the other org.
 */
export function seedAutomation(items: readonly MbxItem[]): AutomationSeed {
	const serialized = (org: number) => items.filter((i) => i.owner_id === org && i.serialized).map((i) => i.id);
	const demoItems = serialized(MBX_DEMO.organizationId);
	const otherItems = serialized(MBX_OTHER_ORG.organizationId);
	const demo = MBX_DEMO.organizationId;
	const other = MBX_OTHER_ORG.organizationId;
	const serials: SerialRecord[] = [
		{ id: 770001, organizationId: demo, manufacturerSerial: 'MBX24K7Q2M9', itemId: demoItems[0], workOrderId: 880001 },
		{ id: 770002, organizationId: demo, manufacturerSerial: 'MBX24K7Q2N0', itemId: demoItems[0], workOrderId: 880001 },
		{ id: 770003, organizationId: demo, manufacturerSerial: 'MBX24K7Q2N1', itemId: demoItems[1], workOrderId: 880002 },
		{ id: 770004, organizationId: demo, manufacturerSerial: 'MBX24K7Q2N2', itemId: demoItems[2], workOrderId: 880003 },
		{ id: 770005, organizationId: other, manufacturerSerial: 'OTH25A00001', itemId: otherItems[0], workOrderId: 880101 },
	];
	const queue = (id: number, organizationId: number, serialId: number, ip: string, finished: boolean): QueueRecord => ({
		id,
		serial_id: serialId,
		work_order_id: serials.find((s) => s.id === serialId)?.workOrderId ?? null,
		finished,
		ip_address: ip,
		organizationId,
	});
	const queues: QueueRecord[] = [
		queue(510001, demo, 770001, '10.20.30.41', true),
		queue(510002, demo, 770002, '10.20.30.42', false),
		queue(510003, demo, 770003, 'fd00::1:42', false),
		queue(510004, demo, 770004, '10.20.30.44', false),
		queue(510005, other, 770005, '192.168.7.20', false),
	];
	const t0 = Date.UTC(2025, 4, 12, 8, 0, 0);
	const at = (minutes: number) => iso(t0 + minutes * MINUTE);
	let nextTaskId = 610001;
	const task = (
		queueId: number,
		typeId: number,
		sequence: number,
		state: { started?: number; completed?: number; failed?: boolean; message?: string; assignee?: number } = {},
	): MbxAutomationTask => ({
		id: nextTaskId++,
		automation_queue_id: queueId,
		automation_task_type_id: typeId,
		sequence,
		started_at: state.started === undefined ? null : at(state.started),
		completed_at: state.completed === undefined ? null : at(state.completed),
		failed: state.failed ?? false,
		message: state.message ?? null,
		assignee_id: state.assignee ?? null,
	});
	const tasks: MbxAutomationTask[] = [
		task(510001, 1, 1, { started: 0, completed: 38, message: 'Image 2025.04 deployed' }),
		task(510001, 2, 2, { started: 40, completed: 520, message: 'Burn-In passed' }),
		task(510001, 8, 3, { started: 530, completed: 545 }),
		task(510002, 4, 1, { started: 10, completed: 22, message: 'BIOS 2.4a applied' }),
		task(510002, 2, 2, { started: 25, message: 'Burn-In at 45%, fan "FAN2" noisy' }),
		task(510002, 8, 3, { assignee: demo }),
		task(510003, 5, 1, { started: 60, completed: 75 }),
		task(510003, 6, 2, { started: 80, failed: true, message: 'DIMM B2: 3 correctable errors, reseated' }),
		task(510003, 7, 3),
		task(510003, 6, 4, { started: 140, message: 'Retest after reseat' }),
		task(510004, 3, 0, { assignee: MBX_SYSTEMS_ORGANIZATION.organizationId }),
		task(510004, 8, 1),
		task(510005, 1, 1),
	];
	let nextDataId = 990001;
	const data = (
		organizationId: number,
		serial: string,
		typeId: number,
		metadata: string | null,
		value: string,
		minutes: number,
	): SerialDataRecord => ({
		id: nextDataId++,
		manufacturer_serial: serial,
		serial_data_type_id: typeId,
		metadata,
		value,
		created_at: at(minutes),
		organizationId,
	});
	const serialData: SerialDataRecord[] = [
		data(demo, 'MBX24K7Q2M9', 1, 'eth0', '3c:ec:ef:12:34:56', 5),
		data(demo, 'MBX24K7Q2M9', 1, 'eth1', '3c:ec:ef:12:34:57', 5),
		data(demo, 'MBX24K7Q2M9', 2, null, 'BIOS 2.4a', 20),
		data(demo, 'MBX24K7Q2M9', 3, 'BMC', '01.02.05', 21),
		data(demo, 'MBX24K7Q2N0', 1, 'eth0', '3c:ec:ef:12:40:10', 12),
		data(demo, 'MBX24K7Q2N0', 4, 'asset tag', 'DHC-A-000417', 13),
		data(other, 'OTH25A00001', 1, 'eth0', '00:25:90:ab:cd:ef', 30),
	];
	return { serials, queues, tasks, serialData };
}
