/**
 * Seed data for the OpenBoxes sandbox: users (admin, read-only, inactive and a few staff), people
 * who are not users, locations (two depots with bins, four suppliers, wards and a dispensary) and a
 * deterministic catalogue of 1,250 medical/warehouse products. Stock, stock movements and purchase
 * orders are seeded in seed-activity.ts. Everything is identical on every run so tests and demos
 * can rely on ids, names and codes. JSON shapes follow the open-source server's marshallers
 * (reference openboxes-api.md §2.1, §2.2).
 */
import { DAY, grailsDate, hibernateUuid, prng } from './model';

export { grailsDate, hibernateUuid } from './model';

/** The hierarchical roles RoleInterceptor ranks, plus the flat ones a few actions check. */
export type RoleType =
	| 'ROLE_SUPERUSER'
	| 'ROLE_ADMIN'
	| 'ROLE_MANAGER'
	| 'ROLE_ASSISTANT'
	| 'ROLE_BROWSER'
	| 'ROLE_PURCHASE_APPROVER'
	| 'ROLE_FINANCE'
	| 'ROLE_REQUISITION_APPROVER';

export const ROLE_TYPES: readonly RoleType[] = [
	'ROLE_SUPERUSER',
	'ROLE_ADMIN',
	'ROLE_MANAGER',
	'ROLE_ASSISTANT',
	'ROLE_BROWSER',
	'ROLE_PURCHASE_APPROVER',
	'ROLE_FINANCE',
	'ROLE_REQUISITION_APPROVER',
];

export interface OpenBoxesUser {
	id: string;
	username: string;
	email: string;
	/** Stored in clear: OpenBoxes also accepts a stored value equal to the plain password. */
	password: string;
	firstName: string;
	lastName: string;
	roles: RoleType[];
	/** Roles held at one location only (LocationRole), keyed by location id. */
	locationRoles: Record<string, RoleType[]>;
	/** Inactive users can log in, but every later request drops them from the session. */
	active: boolean;
	dateCreated: string;
	lastUpdated: string;
}

/** A Person who is not a user (recipients, requesters on paper requisitions). */
export interface OpenBoxesPerson {
	id: string;
	firstName: string;
	lastName: string;
	email: string | null;
	dateCreated: string;
	lastUpdated: string;
}

export interface HandlingIcon {
	icon: string;
	color: string;
	label: string;
}

/** A product as the Product marshaller renders it in lists and `GET /api/products/{id}`. */
export interface OpenBoxesProduct {
	id: string;
	productCode: string;
	name: string;
	description: string | null;
	/** The category *name* (the list marshaller flattens it). */
	category: string;
	unitOfMeasure: string | null;
	pricePerUnit: number | null;
	dateCreated: string;
	lastUpdated: string;
	/** The updating user's display name. */
	updatedBy: string | null;
	color: string | null;
	handlingIcons: HandlingIcon[];
	lotAndExpiryControl: boolean;
	active: boolean;
	displayNames: Record<string, string | null>;
}

export interface OpenBoxesCategory {
	id: string;
	name: string;
}

export type LocationTypeCode =
	| 'DEFAULT'
	| 'DEPOT'
	| 'ZONE'
	| 'BIN_LOCATION'
	| 'INTERNAL'
	| 'DISPENSARY'
	| 'WARD'
	| 'SUPPLIER'
	| 'DONOR'
	| 'CONSUMER'
	| 'DISTRIBUTOR'
	| 'DISPOSAL'
	| 'VIRTUAL';

export const LOCATION_TYPE_CODES: readonly LocationTypeCode[] = [
	'DEFAULT',
	'DEPOT',
	'ZONE',
	'BIN_LOCATION',
	'INTERNAL',
	'DISPENSARY',
	'WARD',
	'SUPPLIER',
	'DONOR',
	'CONSUMER',
	'DISTRIBUTOR',
	'DISPOSAL',
	'VIRTUAL',
];

export interface LocationType {
	id: string;
	name: string;
	description: string;
	locationTypeCode: LocationTypeCode;
}

export interface Organization {
	id: string;
	name: string;
	displayName: string;
	description: string | null;
	code: string;
	dateCreated: string;
	lastUpdated: string;
	defaultLocation: { id: string } | null;
	partyType: { id: string; code: string; name: string; partyTypeCode: string };
	roles: Array<{ id: string; roleType: string }>;
	sequences: Record<string, number>;
}

export interface Address {
	address: string | null;
	address2: string | null;
	city: string | null;
	country: string | null;
	description: string | null;
	postalCode: string | null;
	stateOrProvince: string | null;
}

/** Location JSON (`Location.toJson`, reference §2.2). */
export interface OpenBoxesLocation {
	id: string;
	name: string;
	description: string | null;
	locationNumber: string;
	locationGroup: { id: string; name: string; address: Address } | null;
	/** Set on bins (internal locations), which the location list never returns. */
	parentLocation: { id: string; name: string } | null;
	locationType: LocationType;
	sortOrder: number | null;
	hasBinLocationSupport: boolean;
	hasPackingSupport: boolean;
	hasPartialReceivingSupport: boolean;
	hasCentralPurchasingEnabled: boolean;
	organizationName: string | null;
	organizationCode: string | null;
	backgroundColor: string;
	zoneName: null;
	zoneId: null;
	active: boolean;
	organization: Organization | null;
	manager: null;
	address: Address;
	supportedActivities: string[];
}

// ---- users ----

/** The demo credentials, the location they log into (Boston Headquarters, a depot) and the API key
 * the hosted tier would issue for them. */
export const OPENBOXES_DEMO = {
	username: 'admin',
	password: 'password',
	email: 'admin@openboxes.com',
	userId: '1',
	name: 'Miss Administrator',
	/** System-seeded rows in OpenBoxes use short literal ids; ids are opaque strings anyway. */
	locationId: '1',
	locationName: 'Boston Headquarters',
	/** The second depot, for tests that need another facility. */
	warehouseId: 'ff80818190a1c3b10190a1c4e2a50002',
	warehouseName: 'Main Warehouse',
	/** A supplier location, origin of purchase orders and supplier shipments. */
	supplierId: 'ff80818190a1c3b10190a1c4e2a50003',
	supplierName: 'Medline Industries',
	/** Hosted-tier API key (option `apiKeys`): authenticates as admin at Boston Headquarters. */
	apiKey: 'demo-openboxes-api-key',
} as const;

/** A read-only user: may list and read, every write ends in the 403 flow. */
export const OPENBOXES_BROWSER = {
	username: 'browser',
	password: 'browser-password',
	email: 'browser@openboxes.com',
	name: 'Bea Browser',
} as const;

/** An inactive account: login answers 200, every later request behaves as logged out. */
export const OPENBOXES_INACTIVE = {
	username: 'inactive',
	password: 'inactive-password',
	email: 'inactive@openboxes.com',
	name: 'Ian Inactive',
} as const;

/** A manager without ROLE_PURCHASE_APPROVER: may write, but not roll back purchase orders. */
export const OPENBOXES_MANAGER = {
	username: 'jmiranda',
	password: 'manager-password',
	email: 'jmiranda@pih.org',
	name: 'Justin Miranda',
	userId: 'ff80818190a1c3b10190a1c4e2a50103',
} as const;

/** An assistant (may delete stock movements and pending POs, not create) who manages Main Warehouse. */
export const OPENBOXES_ASSISTANT = {
	username: 'kwells',
	password: 'assistant-password',
	email: 'kwells@pih.org',
	name: 'Kendra Wells',
	userId: 'ff80818190a1c3b10190a1c4e2a50104',
} as const;

/** A manager with ROLE_FINANCE: the reorder report shows them unit costs. */
export const OPENBOXES_FINANCE = {
	username: 'jplouis',
	password: 'finance-password',
	email: 'jplouis@pih.org',
	name: 'Jean-Paul Louis',
	userId: 'ff80818190a1c3b10190a1c4e2a50105',
} as const;

const USER_CREATED = '2018-06-01T12:00:00Z';

interface UserSeed {
	id: string;
	username: string;
	email: string;
	password: string;
	name: string;
	roles: RoleType[];
	locationRoles?: Record<string, RoleType[]>;
	active?: boolean;
}

const USER_SEEDS: UserSeed[] = [
	{ ...OPENBOXES_DEMO, id: OPENBOXES_DEMO.userId, roles: ['ROLE_ADMIN', 'ROLE_PURCHASE_APPROVER'] },
	{ ...OPENBOXES_BROWSER, id: 'ff80818190a1c3b10190a1c4e2a50101', roles: ['ROLE_BROWSER'] },
	{ ...OPENBOXES_INACTIVE, id: 'ff80818190a1c3b10190a1c4e2a50102', roles: ['ROLE_MANAGER'], active: false },
	{ ...OPENBOXES_MANAGER, id: OPENBOXES_MANAGER.userId, roles: ['ROLE_MANAGER'] },
	{
		...OPENBOXES_ASSISTANT,
		id: OPENBOXES_ASSISTANT.userId,
		roles: ['ROLE_ASSISTANT'],
		locationRoles: { [OPENBOXES_DEMO.warehouseId]: ['ROLE_MANAGER'] },
	},
	{ ...OPENBOXES_FINANCE, id: OPENBOXES_FINANCE.userId, roles: ['ROLE_MANAGER', 'ROLE_FINANCE'] },
];

export function seedUsers(): OpenBoxesUser[] {
	return USER_SEEDS.map((seed) => {
		const [firstName, ...rest] = seed.name.split(' ');
		return {
			id: seed.id,
			username: seed.username,
			email: seed.email,
			password: seed.password,
			firstName,
			lastName: rest.join(' '),
			roles: [...seed.roles],
			locationRoles: structuredClone(seed.locationRoles ?? {}),
			active: seed.active ?? true,
			dateCreated: USER_CREATED,
			lastUpdated: USER_CREATED,
		};
	});
}

/** People who are not users: requesters and recipients on paper requisitions. */
export function seedPersons(): OpenBoxesPerson[] {
	return [
		['ff80818190a1c3b10190a1c4e2a50111', 'Thomas', 'Bwire', 'tbwire@pih.org'],
		['ff80818190a1c3b10190a1c4e2a50112', 'Grace', 'Achieng', null],
		['ff80818190a1c3b10190a1c4e2a50113', 'Rose', 'Desir', 'rdesir@pih.org'],
	].map(([id, firstName, lastName, email]) => ({
		id: id!,
		firstName: firstName!,
		lastName: lastName!,
		email,
		dateCreated: USER_CREATED,
		lastUpdated: USER_CREATED,
	}));
}

// ---- locations ----

export const LOCATION_TYPES: readonly LocationType[] = [
	{ id: '2', name: 'Depot', description: 'Depot', locationTypeCode: 'DEPOT' },
	{ id: '3', name: 'Ward', description: 'Ward', locationTypeCode: 'WARD' },
	{ id: '4', name: 'Supplier', description: 'Supplier', locationTypeCode: 'SUPPLIER' },
	{ id: '5', name: 'Dispensary', description: 'Dispensary', locationTypeCode: 'DISPENSARY' },
	{ id: '6', name: 'Donor', description: 'Donor', locationTypeCode: 'DONOR' },
	{ id: 'ff8081816482352b01648249e8cc0001', name: 'Bin Location', description: 'Bin location', locationTypeCode: 'BIN_LOCATION' },
];

const DEPOT_ACTIVITIES = [
	'MANAGE_INVENTORY',
	'PLACE_ORDER',
	'PLACE_REQUEST',
	'FULFILL_ORDER',
	'FULFILL_REQUEST',
	'SEND_STOCK',
	'RECEIVE_STOCK',
	'PUTAWAY_STOCK',
	'PICK_STOCK',
	'PARTIAL_RECEIVING',
	'ENABLE_NOTIFICATIONS',
];
const SUPPLIER_ACTIVITIES = ['FULFILL_ORDER', 'SEND_STOCK', 'EXTERNAL'];
const WARD_ACTIVITIES = ['PLACE_REQUEST', 'RECEIVE_STOCK', 'CONSUME_STOCK', 'SUBMIT_REQUEST'];
const DISPENSARY_ACTIVITIES = ['PLACE_REQUEST', 'RECEIVE_STOCK', 'ISSUE_STOCK', 'SUBMIT_REQUEST'];

/** The default activities of each location type (what `locationTypes?activityCode=` filters on). */
export const LOCATION_TYPE_ACTIVITIES: Readonly<Record<string, readonly string[]>> = {
	'2': DEPOT_ACTIVITIES,
	'3': WARD_ACTIVITIES,
	'4': SUPPLIER_ACTIVITIES,
	'5': DISPENSARY_ACTIVITIES,
	'6': ['SEND_STOCK', 'EXTERNAL'],
	ff8081816482352b01648249e8cc0001: ['RECEIVE_STOCK', 'PUTAWAY_STOCK', 'PICK_STOCK'],
};

/** Every ActivityCode the server knows (`/api/locations/supportedActivities`). */
export const ACTIVITY_CODES: readonly string[] = [
	'MANAGE_INVENTORY', 'ADJUST_INVENTORY', 'SEND_STOCK', 'RECEIVE_STOCK', 'CONSUME_STOCK', 'ISSUE_STOCK', 'EXTERNAL',
	'APPROVE_REQUEST', 'PLACE_REQUEST', 'FULFILL_REQUEST', 'APPROVE_ORDER', 'PLACE_ORDER', 'FULFILL_ORDER', 'CROSS_DOCKING',
	'PUTAWAY_STOCK', 'PICK_STOCK', 'HOLD_STOCK', 'SUBSTITUTE_REQUISITION_ITEM', 'MODIFY_REQUISITION_ITEM',
	'MODIFY_PICKLIST_ITEM', 'ENABLE_NOTIFICATIONS', 'ENABLE_WEBHOOKS', 'ENABLE_REQUESTOR_APPROVAL_NOTIFICATIONS',
	'ENABLE_FULFILLER_APPROVAL_NOTIFICATIONS', 'PACK_SHIPMENT', 'PARTIAL_RECEIVING', 'REQUIRE_ACCOUNTING',
	'ENABLE_CENTRAL_PURCHASING', 'SUBMIT_REQUEST', 'DYNAMIC_CREATION', 'AUTOSAVE', 'ALLOW_OVERPICK', 'CYCLE_COUNT', 'NONE',
];

function address(street: string, city: string, state: string, postalCode: string, country: string): Address {
	return { address: street, address2: null, city, country, description: null, postalCode, stateOrProvince: state };
}

const NO_ADDRESS: Address = address('', '', '', '', '');
for (const key of Object.keys(NO_ADDRESS) as Array<keyof Address>) NO_ADDRESS[key] = null;

const ORG_CREATED = '2018-06-01T12:00:00Z';

function organization(id: string, name: string, code: string, supplierLocationId: string | null): Organization {
	return {
		id,
		name,
		displayName: name,
		description: null,
		code,
		dateCreated: ORG_CREATED,
		lastUpdated: ORG_CREATED,
		defaultLocation: supplierLocationId ? { id: supplierLocationId } : null,
		partyType: { id: 'ORG', code: 'ORG', name: 'Organization', partyTypeCode: 'ORGANIZATION' },
		roles: supplierLocationId ? [{ id: `${id.slice(0, 28)}0900`, roleType: 'ROLE_SUPPLIER' }] : [],
		sequences: {},
	};
}

const PIH = organization('1', 'Partners In Health', 'PIH', null);

/** The organizations a new location may reference (`organization: {"id"}`). */
export function seedOrganizations(): Organization[] {
	return [
		PIH,
		...LOCATION_SEEDS.filter((s) => s.type === '4').map((s) => organization(s.orgId!, s.orgName!, s.orgCode!, s.id)),
	].map((o) => structuredClone(o));
}

interface LocationSeed {
	id: string;
	name: string;
	locationNumber: string;
	/** Location type id (see LOCATION_TYPES). */
	type: string;
	/** Suppliers are their own organization; everything else belongs to PIH. */
	orgId?: string;
	orgName?: string;
	orgCode?: string;
	address: Address;
	active?: boolean;
}

const BOSTON_METRO = 'ff80818190a1c3b10190a1c4e2a50301';

const LOCATION_SEEDS: LocationSeed[] = [
	{
		id: OPENBOXES_DEMO.locationId,
		name: OPENBOXES_DEMO.locationName,
		locationNumber: 'BHQ',
		type: '2',
		address: address('888 Commonwealth Avenue', 'Boston', 'MA', '02215', 'United States'),
	},
	{
		id: OPENBOXES_DEMO.warehouseId,
		name: OPENBOXES_DEMO.warehouseName,
		locationNumber: 'MW',
		type: '2',
		address: address('42 Harbor Street', 'Chelsea', 'MA', '02150', 'United States'),
	},
	{
		id: OPENBOXES_DEMO.supplierId,
		name: OPENBOXES_DEMO.supplierName,
		locationNumber: 'SUP-MED',
		type: '4',
		orgId: 'ff80818190a1c3b10190a1c4e2a50203',
		orgName: 'Medline Industries',
		orgCode: 'MEDL',
		address: address('Three Lakes Drive', 'Northfield', 'IL', '60093', 'United States'),
	},
	{
		id: 'ff80818190a1c3b10190a1c4e2a50004',
		name: 'IDA Foundation',
		locationNumber: 'SUP-IDA',
		type: '4',
		orgId: 'ff80818190a1c3b10190a1c4e2a50204',
		orgName: 'IDA Foundation',
		orgCode: 'IDA',
		address: address('Slochterstraat 3', 'Amsterdam', 'North Holland', '1013 AX', 'Netherlands'),
	},
	{
		id: 'ff80818190a1c3b10190a1c4e2a50005',
		name: 'Henry Schein Medical',
		locationNumber: 'SUP-HSM',
		type: '4',
		orgId: 'ff80818190a1c3b10190a1c4e2a50205',
		orgName: 'Henry Schein',
		orgCode: 'HSM',
		address: address('135 Duryea Road', 'Melville', 'NY', '11747', 'United States'),
	},
	{
		id: 'ff80818190a1c3b10190a1c4e2a50006',
		name: 'UNICEF Supply Division',
		locationNumber: 'SUP-UNI',
		type: '4',
		orgId: 'ff80818190a1c3b10190a1c4e2a50206',
		orgName: 'UNICEF',
		orgCode: 'UNICEF',
		address: address('Oceanvej 10-12', 'Copenhagen', 'Capital Region', '2150', 'Denmark'),
	},
	{
		id: 'ff80818190a1c3b10190a1c4e2a50011',
		name: 'Pediatric Ward',
		locationNumber: 'PED',
		type: '3',
		address: address('888 Commonwealth Avenue, Floor 3', 'Boston', 'MA', '02215', 'United States'),
	},
	{
		id: 'ff80818190a1c3b10190a1c4e2a50012',
		name: 'Maternity Ward',
		locationNumber: 'MAT',
		type: '3',
		address: address('888 Commonwealth Avenue, Floor 4', 'Boston', 'MA', '02215', 'United States'),
	},
	{
		id: 'ff80818190a1c3b10190a1c4e2a50013',
		name: 'Outpatient Dispensary',
		locationNumber: 'OPD',
		type: '5',
		address: address('890 Commonwealth Avenue', 'Boston', 'MA', '02215', 'United States'),
	},
	{
		id: 'ff80818190a1c3b10190a1c4e2a50014',
		name: 'Old Clinic (closed)',
		locationNumber: 'OLD',
		type: '3',
		address: address('12 Dorchester Street', 'Boston', 'MA', '02127', 'United States'),
		active: false,
	},
];

/** Bins of the two depots. The receiving bins are where received stock waits for put-away. */
export const OPENBOXES_BINS = {
	bhqReceiving: 'ff80818190a1c3b10190a1c4e2a50500',
	bhqA0101: 'ff80818190a1c3b10190a1c4e2a50501',
	mwReceiving: 'ff80818190a1c3b10190a1c4e2a50510',
	mw0101: 'ff80818190a1c3b10190a1c4e2a50511',
} as const;

/** [id, depot id, name, receiving?] */
const BIN_SEEDS: ReadonlyArray<readonly [string, string, string, boolean]> = [
	[OPENBOXES_BINS.bhqReceiving, OPENBOXES_DEMO.locationId, 'Receiving BHQ', true],
	[OPENBOXES_BINS.bhqA0101, OPENBOXES_DEMO.locationId, 'A-01-01', false],
	['ff80818190a1c3b10190a1c4e2a50502', OPENBOXES_DEMO.locationId, 'A-01-02', false],
	['ff80818190a1c3b10190a1c4e2a50503', OPENBOXES_DEMO.locationId, 'A-02-01', false],
	['ff80818190a1c3b10190a1c4e2a50504', OPENBOXES_DEMO.locationId, 'B-01-01', false],
	['ff80818190a1c3b10190a1c4e2a50505', OPENBOXES_DEMO.locationId, 'C-01-01 Cold room', false],
	[OPENBOXES_BINS.mwReceiving, OPENBOXES_DEMO.warehouseId, 'Receiving MW', true],
	[OPENBOXES_BINS.mw0101, OPENBOXES_DEMO.warehouseId, 'MW-01-01', false],
	['ff80818190a1c3b10190a1c4e2a50512', OPENBOXES_DEMO.warehouseId, 'MW-01-02', false],
	['ff80818190a1c3b10190a1c4e2a50513', OPENBOXES_DEMO.warehouseId, 'MW-02-01', false],
];

const ACTIVITIES_BY_TYPE: Record<string, string[]> = {
	'2': DEPOT_ACTIVITIES,
	'3': WARD_ACTIVITIES,
	'4': SUPPLIER_ACTIVITIES,
	'5': DISPENSARY_ACTIVITIES,
};

export function seedLocations(): OpenBoxesLocation[] {
	const byId = new Map<string, OpenBoxesLocation>();
	const top = LOCATION_SEEDS.map((seed): OpenBoxesLocation => {
		const depot = seed.type === '2';
		const supplier = seed.type === '4';
		const org = supplier ? organization(seed.orgId!, seed.orgName!, seed.orgCode!, seed.id) : PIH;
		const location: OpenBoxesLocation = {
			id: seed.id,
			name: seed.name,
			description: null,
			locationNumber: seed.locationNumber,
			locationGroup: supplier ? null : { id: BOSTON_METRO, name: 'Boston Metro', address: { ...seed.address } },
			parentLocation: null,
			locationType: { ...LOCATION_TYPES.find((t) => t.id === seed.type)! },
			sortOrder: null,
			hasBinLocationSupport: depot,
			hasPackingSupport: depot,
			hasPartialReceivingSupport: depot,
			hasCentralPurchasingEnabled: false,
			organizationName: org.name,
			organizationCode: org.code,
			backgroundColor: 'FFFFFF',
			zoneName: null,
			zoneId: null,
			active: seed.active ?? true,
			organization: structuredClone(org),
			manager: null,
			address: { ...seed.address },
			supportedActivities: [...ACTIVITIES_BY_TYPE[seed.type]],
		};
		byId.set(location.id, location);
		return location;
	});
	const bins = BIN_SEEDS.map(([id, parentId, name, receiving]): OpenBoxesLocation => {
		const parent = byId.get(parentId)!;
		return {
			...structuredClone(parent),
			id,
			name,
			locationNumber: name,
			locationGroup: null,
			parentLocation: { id: parent.id, name: parent.name },
			locationType: { ...LOCATION_TYPES.find((t) => t.locationTypeCode === 'BIN_LOCATION')! },
			hasBinLocationSupport: false,
			hasPackingSupport: false,
			hasPartialReceivingSupport: false,
			organizationName: null,
			organizationCode: null,
			organization: null,
			address: { ...NO_ADDRESS },
			supportedActivities: receiving ? ['RECEIVE_STOCK'] : ['PUTAWAY_STOCK', 'PICK_STOCK'],
		};
	});
	return [...top, ...bins];
}

// ---- categories ----

export const PRODUCT_CATEGORIES: readonly OpenBoxesCategory[] = [
	{ id: 'ROOT', name: 'ROOT' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50401', name: 'Medicines' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50402', name: 'Vaccines' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50403', name: 'Medical Supplies' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50404', name: 'Surgical Supplies' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50405', name: 'Laboratory' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50406', name: 'Medical Equipment' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50407', name: 'Personal Protective Equipment' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50408', name: 'Cleaning & Disinfection' },
	{ id: 'ff80818190a1c3b10190a1c4e2a50409', name: 'Office Supplies' },
];

// ---- products ----

export const PRODUCT_COUNT = 1250;

/** The handling icons the Product marshaller derives from the cold-chain/controlled/hazardous flags. */
export const HANDLING_ICONS = {
	coldChain: { icon: 'fa-snowflake', color: '#3bafda', label: 'Cold chain' },
	controlledSubstance: { icon: 'fa-user-lock', color: '#db1919', label: 'Controlled substance' },
	hazardousMaterial: { icon: 'fa-exclamation-triangle', color: '#db1919', label: 'Hazardous material' },
} as const satisfies Record<string, HandlingIcon>;

const SHORT_CODES = 67_600;
const LONG_CODES = 1_757_600;

/**
 * The default OpenBoxes product-code format is two letters and two digits (e.g. `BK23`). Index i
 * maps through a multiplicative permutation of the 67,600 codes, so codes never repeat. Past
 * those (bulk-grown catalogues), three letters and two digits, then `P` and the index.
 */
export function productCodeFor(index: number): string {
	const letter = (k: number) => String.fromCharCode(65 + k);
	if (index < SHORT_CODES) {
		const n = (index * 7919 + 1234) % SHORT_CODES;
		const letters = Math.floor(n / 100);
		return letter(Math.floor(letters / 26)) + letter(letters % 26) + String(n % 100).padStart(2, '0');
	}
	if (index < SHORT_CODES + LONG_CODES) {
		// 7919 is prime and does not divide 26^3 * 100, so this is a permutation too.
		const n = ((index - SHORT_CODES) * 7919 + 1234) % LONG_CODES;
		const letters = Math.floor(n / 100);
		return letter(Math.floor(letters / 676)) + letter(Math.floor(letters / 26) % 26) + letter(letters % 26) + String(n % 100).padStart(2, '0');
	}
	return `P${index}`;
}

type PackKind = 'solid' | 'injection' | 'liquid' | 'bag' | 'topical' | 'sachet' | 'vaccine';

const PACKS: Record<PackKind, ReadonlyArray<readonly [string, string, number]>> = {
	// [pack text, unit of measure, price multiplier]
	solid: [
		['blister of 10', 'PK', 1],
		['bottle of 100', 'BTL', 9],
		['bottle of 1000', 'BTL', 80],
	],
	injection: [
		['each', 'EA', 1],
		['box of 10', 'BX', 9],
		['box of 50', 'BX', 42],
	],
	liquid: [
		['bottle', 'BTL', 1],
		['case of 12', 'CS', 11],
		['case of 48', 'CS', 42],
	],
	bag: [
		['each', 'EA', 1],
		['case of 10', 'CS', 9.5],
		['case of 20', 'CS', 18],
	],
	topical: [
		['tube', 'EA', 1],
		['box of 10', 'BX', 9],
		['case of 50', 'CS', 40],
	],
	sachet: [
		['box of 50', 'BX', 1],
		['box of 100', 'BX', 1.9],
		['case of 1000', 'CS', 17],
	],
	vaccine: [
		['vial', 'EA', 1],
		['box of 10 vials', 'BX', 9.5],
		['box of 50 vials', 'BX', 45],
	],
};

interface Drug {
	name: string;
	variants: ReadonlyArray<readonly [string, PackKind]>;
	/** Unit price of the smallest pack, USD. */
	price: number;
	controlled?: boolean;
	coldChain?: boolean;
}

const DRUGS: readonly Drug[] = [
	{ name: 'Amoxicillin', price: 0.9, variants: [['250mg capsule', 'solid'], ['500mg capsule', 'solid'], ['125mg/5mL oral suspension', 'liquid']] },
	{ name: 'Paracetamol', price: 0.4, variants: [['500mg tablet', 'solid'], ['120mg/5mL syrup', 'liquid'], ['1g/100mL infusion', 'injection']] },
	{ name: 'Ibuprofen', price: 0.5, variants: [['200mg tablet', 'solid'], ['400mg tablet', 'solid'], ['100mg/5mL oral suspension', 'liquid']] },
	{ name: 'Metformin', price: 0.6, variants: [['500mg tablet', 'solid'], ['850mg tablet', 'solid']] },
	{ name: 'Ceftriaxone', price: 1.8, variants: [['250mg powder for injection, vial', 'injection'], ['1g powder for injection, vial', 'injection']] },
	{ name: 'Azithromycin', price: 1.2, variants: [['250mg tablet', 'solid'], ['500mg tablet', 'solid'], ['200mg/5mL oral suspension', 'liquid']] },
	{ name: 'Ciprofloxacin', price: 0.8, variants: [['250mg tablet', 'solid'], ['500mg tablet', 'solid'], ['2mg/mL infusion, 100mL', 'injection']] },
	{ name: 'Doxycycline', price: 0.7, variants: [['100mg capsule', 'solid'], ['100mg dispersible tablet', 'solid']] },
	{ name: 'Metronidazole', price: 0.5, variants: [['250mg tablet', 'solid'], ['500mg/100mL infusion', 'injection']] },
	{ name: 'Cotrimoxazole', price: 0.4, variants: [['480mg tablet', 'solid'], ['240mg/5mL oral suspension', 'liquid']] },
	{ name: 'Omeprazole', price: 0.6, variants: [['20mg capsule', 'solid'], ['40mg powder for injection, vial', 'injection']] },
	{ name: 'Amlodipine', price: 0.3, variants: [['5mg tablet', 'solid'], ['10mg tablet', 'solid']] },
	{ name: 'Enalapril', price: 0.3, variants: [['5mg tablet', 'solid'], ['10mg tablet', 'solid']] },
	{ name: 'Hydrochlorothiazide', price: 0.2, variants: [['25mg tablet', 'solid']] },
	{ name: 'Atorvastatin', price: 0.5, variants: [['20mg tablet', 'solid'], ['40mg tablet', 'solid']] },
	{ name: 'Salbutamol', price: 2.5, variants: [['100mcg/dose inhaler', 'topical'], ['2mg tablet', 'solid'], ['5mg/mL nebuliser solution', 'liquid']] },
	{ name: 'Prednisolone', price: 0.4, variants: [['5mg tablet', 'solid'], ['25mg tablet', 'solid']] },
	{ name: 'Dexamethasone', price: 0.9, variants: [['4mg/mL ampoule', 'injection'], ['0.5mg tablet', 'solid']] },
	{ name: 'Furosemide', price: 0.5, variants: [['40mg tablet', 'solid'], ['10mg/mL ampoule', 'injection']] },
	{ name: 'Oxytocin', price: 1.1, coldChain: true, variants: [['10 IU/mL ampoule', 'injection']] },
	{ name: 'Insulin, regular', price: 6.5, coldChain: true, variants: [['100 IU/mL vial, 10mL', 'injection']] },
	{ name: 'Insulin glargine', price: 14, coldChain: true, variants: [['100 IU/mL prefilled pen', 'injection']] },
	{ name: 'Morphine sulfate', price: 1.6, controlled: true, variants: [['10mg/mL ampoule', 'injection'], ['10mg tablet', 'solid']] },
	{ name: 'Diazepam', price: 0.7, controlled: true, variants: [['5mg tablet', 'solid'], ['5mg/mL ampoule', 'injection']] },
	{ name: 'Ketamine', price: 3.2, controlled: true, variants: [['50mg/mL vial, 10mL', 'injection']] },
	{ name: 'Tramadol', price: 0.6, controlled: true, variants: [['50mg capsule', 'solid']] },
	{ name: 'Lidocaine', price: 1.3, variants: [['1% vial, 20mL', 'injection'], ['2% vial, 20mL', 'injection'], ['2% gel', 'topical']] },
	{ name: 'Artemether/lumefantrine', price: 1.1, variants: [['20/120mg tablet', 'solid']] },
	{ name: 'Oral rehydration salts', price: 0.2, variants: [['20.5g sachet', 'sachet']] },
	{ name: 'Zinc sulfate', price: 0.1, variants: [['20mg dispersible tablet', 'solid']] },
	{ name: 'Ferrous sulfate', price: 0.1, variants: [['200mg tablet', 'solid']] },
	{ name: 'Folic acid', price: 0.1, variants: [['5mg tablet', 'solid']] },
	{ name: 'Magnesium sulfate', price: 0.9, variants: [['50% ampoule, 10mL', 'injection']] },
	{ name: 'Gentamicin', price: 0.6, variants: [['40mg/mL ampoule', 'injection']] },
	{ name: 'Benzylpenicillin', price: 0.8, variants: [['1 MU powder for injection, vial', 'injection'], ['5 MU powder for injection, vial', 'injection']] },
	{ name: 'Fluconazole', price: 0.9, variants: [['150mg capsule', 'solid'], ['200mg tablet', 'solid']] },
	{ name: 'Hydrocortisone', price: 1.4, variants: [['1% cream', 'topical'], ['100mg powder for injection, vial', 'injection']] },
	{ name: 'Epinephrine', price: 1.2, variants: [['1mg/mL ampoule', 'injection']] },
	{ name: 'Sodium chloride', price: 1.1, variants: [['0.9% infusion, 500mL bag', 'bag'], ['0.9% infusion, 1000mL bag', 'bag']] },
	{ name: "Ringer's lactate", price: 1.3, variants: [['infusion, 500mL bag', 'bag'], ['infusion, 1000mL bag', 'bag']] },
	{ name: 'Glucose', price: 1.0, variants: [['5% infusion, 500mL bag', 'bag'], ['50% solution, 50mL vial', 'injection']] },
];

const VACCINES: ReadonlyArray<readonly [string, number]> = [
	['Measles-rubella vaccine, 10-dose', 9],
	['BCG vaccine, 20-dose', 6],
	['Oral polio vaccine, 20-dose', 4],
	['Pentavalent vaccine (DTP-HepB-Hib), 1-dose', 3],
	['Pneumococcal conjugate vaccine, 4-dose', 12],
	['Rotavirus vaccine, 1-dose', 5],
	['Tetanus-diphtheria vaccine, 10-dose', 3],
	['Hepatitis B vaccine, adult 1-dose', 7],
	['Yellow fever vaccine, 10-dose', 11],
	['HPV vaccine, 1-dose', 18],
];

/** The same item from another maker is a separate product in OpenBoxes, so makers multiply names. */
const DRUG_MAKERS = ['Cipla', 'Sandoz', 'Teva', 'Macleods', 'Aurobindo', 'Fresenius Kabi'] as const;
const VACCINE_MAKERS = ['Serum Institute of India', 'GSK', 'Sanofi'] as const;
const SUPPLY_BRANDS = ['Medline', 'BD', '3M', 'Cardinal Health', 'Henry Schein'] as const;

/** `count` makers for the n-th family, rotating through the list so families differ. */
function makersFor<T>(list: readonly T[], n: number, count: number): T[] {
	return Array.from({ length: count }, (_, k) => list[(n + k) % list.length]);
}

interface SupplyFamily {
	category: string;
	/** Every combination of the parts becomes one product name, joined with ', '. */
	parts: ReadonlyArray<readonly string[]>;
	uom: string;
	price: number;
	lot?: boolean;
	hazardous?: boolean;
}

const SUPPLIES: readonly SupplyFamily[] = [
	{ category: 'Personal Protective Equipment', uom: 'BX', price: 8, parts: [['Gloves, examination'], ['nitrile', 'latex', 'vinyl'], ['size S', 'size M', 'size L', 'size XL'], ['box of 100', 'case of 1000']] },
	{ category: 'Surgical Supplies', uom: 'PR', price: 1.2, lot: true, parts: [['Gloves, surgical, sterile'], ['size 6.5', 'size 7', 'size 7.5', 'size 8'], ['pair', 'box of 50 pairs']] },
	{ category: 'Medical Supplies', uom: 'BX', price: 11, lot: true, parts: [['Syringe'], ['1mL', '2mL', '5mL', '10mL', '20mL', '50mL'], ['Luer slip', 'Luer lock'], ['box of 100']] },
	{ category: 'Medical Supplies', uom: 'BX', price: 6, lot: true, parts: [['Needle, hypodermic'], ['18G', '21G', '23G', '25G', '27G'], ['25mm', '38mm'], ['box of 100']] },
	{ category: 'Medical Supplies', uom: 'BX', price: 30, lot: true, parts: [['Catheter, IV'], ['14G', '16G', '18G', '20G', '22G', '24G'], ['box of 50']] },
	{ category: 'Medical Supplies', uom: 'EA', price: 1.5, lot: true, parts: [['Catheter, Foley'], ['2-way', '3-way'], ['12Fr', '14Fr', '16Fr', '18Fr', '20Fr', '22Fr']] },
	{ category: 'Surgical Supplies', uom: 'BX', price: 24, lot: true, parts: [['Suture'], ['nylon', 'silk', 'polyglactin', 'chromic catgut'], ['2-0', '3-0', '4-0'], ['with cutting needle', 'with round needle'], ['box of 12']] },
	{ category: 'Medical Supplies', uom: 'PK', price: 0.9, lot: true, parts: [['Gauze swab'], ['5x5cm', '7.5x7.5cm', '10x10cm'], ['sterile', 'non-sterile'], ['pack of 10', 'pack of 100']] },
	{ category: 'Medical Supplies', uom: 'EA', price: 0.7, parts: [['Bandage, elastic'], ['5cm', '7.5cm', '10cm', '15cm'], ['roll', 'box of 12 rolls']] },
	{ category: 'Medical Supplies', uom: 'EA', price: 0.6, parts: [['Tape, adhesive'], ['1.25cm', '2.5cm', '5cm'], ['roll', 'box of 24 rolls']] },
	{ category: 'Personal Protective Equipment', uom: 'BX', price: 5, parts: [['Mask'], ['surgical, 3-ply', 'N95 respirator', 'FFP2 respirator'], ['box of 50', 'case of 500']] },
	{ category: 'Personal Protective Equipment', uom: 'EA', price: 2.4, parts: [['Gown, isolation'], ['size M', 'size L', 'size XL'], ['disposable', 'reusable']] },
	{ category: 'Personal Protective Equipment', uom: 'EA', price: 3, parts: [['Face shield'], ['reusable', 'disposable'], ['each', 'box of 24']] },
	{ category: 'Laboratory', uom: 'KT', price: 35, lot: true, parts: [['Rapid diagnostic test'], ['malaria Pf/Pan', 'HIV 1/2', 'syphilis', 'hepatitis B surface antigen', 'pregnancy hCG'], ['kit of 25', 'kit of 100']] },
	{ category: 'Laboratory', uom: 'BX', price: 12, lot: true, parts: [['Blood collection tube'], ['EDTA', 'heparin', 'citrate', 'serum clot activator'], ['2mL', '4mL', '6mL'], ['box of 100']] },
	{ category: 'Laboratory', uom: 'BX', price: 4, parts: [['Microscope slide'], ['plain', 'frosted end'], ['box of 50', 'case of 1000']] },
	{ category: 'Laboratory', uom: 'BTL', price: 9, lot: true, hazardous: true, parts: [['Stain'], ['Giemsa', 'Gram crystal violet', 'Ziehl-Neelsen carbol fuchsin', 'Field A', 'Field B'], ['500mL', '1L']] },
	{ category: 'Laboratory', uom: 'BX', price: 7, parts: [['Pipette tip'], ['10uL', '200uL', '1000uL'], ['rack of 96', 'bag of 1000']] },
	{ category: 'Medical Equipment', uom: 'EA', price: 45, parts: [['Stethoscope'], ['adult', 'paediatric', 'neonatal'], ['dual head', 'single head']] },
	{ category: 'Medical Equipment', uom: 'EA', price: 60, parts: [['Sphygmomanometer'], ['aneroid', 'digital'], ['adult cuff', 'child cuff', 'large adult cuff']] },
	{ category: 'Medical Equipment', uom: 'EA', price: 9, parts: [['Thermometer'], ['digital', 'infrared, non-contact'], ['each', 'box of 10']] },
	{ category: 'Medical Equipment', uom: 'EA', price: 80, parts: [['Pulse oximeter'], ['fingertip', 'handheld with probe'], ['adult', 'paediatric']] },
	{ category: 'Medical Equipment', uom: 'EA', price: 120, parts: [['Scale'], ['adult, mechanical', 'adult, digital', 'infant, digital', 'hanging, 25kg']] },
	{ category: 'Medical Equipment', uom: 'EA', price: 18, parts: [['Oxygen mask'], ['adult', 'paediatric'], ['with reservoir bag', 'simple']] },
	{ category: 'Cleaning & Disinfection', uom: 'BTL', price: 4, hazardous: true, parts: [['Sodium hypochlorite solution'], ['0.5%', '5%', '12%'], ['1L', '5L', '20L']] },
	{ category: 'Cleaning & Disinfection', uom: 'BTL', price: 6, hazardous: true, lot: true, parts: [['Alcohol-based hand rub'], ['70% ethanol', '75% isopropanol'], ['100mL', '500mL', '5L']] },
	{ category: 'Cleaning & Disinfection', uom: 'BTL', price: 5, lot: true, parts: [['Chlorhexidine gluconate'], ['0.05% solution', '2% solution', '4% scrub'], ['500mL', '1L']] },
	{ category: 'Cleaning & Disinfection', uom: 'BX', price: 14, parts: [['Sharps container'], ['1L', '5L', '10L'], ['each', 'box of 25']] },
	{ category: 'Cleaning & Disinfection', uom: 'RL', price: 10, parts: [['Waste bag'], ['yellow, infectious', 'black, general', 'red, anatomical'], ['roll of 50']] },
	{ category: 'Office Supplies', uom: 'RM', price: 5, parts: [['Paper, copier'], ['A4', 'Letter'], ['ream of 500', 'box of 5 reams']] },
	{ category: 'Office Supplies', uom: 'EA', price: 1.5, parts: [['Label, barcode'], ['50x25mm', '100x50mm', '100x150mm'], ['roll of 1000', 'box of 12 rolls']] },
	{ category: 'Office Supplies', uom: 'EA', price: 3, parts: [['Register book'], ['stock card', 'dispensing register', 'patient register'], ['each', 'pack of 10']] },
];

const UPDATERS = ['Miss Administrator', 'Justin Miranda', 'Kendra Wells', 'Jean-Paul Louis', null] as const;
const COLORS = ['#3bafda', '#f6bb42', '#8cc152', '#e9573f', '#967adc'] as const;

interface Candidate {
	name: string;
	category: string;
	uom: string;
	price: number;
	lot: boolean;
	coldChain: boolean;
	controlled: boolean;
	hazardous: boolean;
}

function cross(parts: ReadonlyArray<readonly string[]>): string[] {
	return parts.reduce<string[]>((acc, part) => acc.flatMap((prefix) => part.map((p) => (prefix ? `${prefix}, ${p}` : p))), ['']);
}

/** Every product name the catalogue can contain; the seed shuffles these and keeps 1,250. */
function candidates(): Candidate[] {
	// Built once: bulk growth draws from it again and again.
	candidatePool ??= buildCandidates();
	return candidatePool.map((c) => ({ ...c }));
}

let candidatePool: Candidate[] | undefined;

function buildCandidates(): Candidate[] {
	const out: Candidate[] = [];
	DRUGS.forEach((drug, n) => {
		for (const [variant, kind] of drug.variants) {
			for (const [pack, uom, factor] of PACKS[kind]) {
				for (const maker of makersFor(DRUG_MAKERS, n, 4)) {
					out.push({
						name: `${drug.name} ${variant}, ${pack} (${maker})`,
						category: 'Medicines',
						uom,
						price: drug.price * factor,
						lot: true,
						coldChain: drug.coldChain ?? false,
						controlled: drug.controlled ?? false,
						hazardous: false,
					});
				}
			}
		}
	});
	VACCINES.forEach(([vaccine, price], n) => {
		for (const [pack, uom, factor] of PACKS.vaccine) {
			for (const maker of makersFor(VACCINE_MAKERS, n, 2)) {
				out.push({
					name: `${vaccine}, ${pack} (${maker})`,
					category: 'Vaccines',
					uom,
					price: price * factor,
					lot: true,
					coldChain: true,
					controlled: false,
					hazardous: false,
				});
			}
		}
	});
	SUPPLIES.forEach((family, n) => {
		for (const name of cross(family.parts)) {
			for (const brand of makersFor(SUPPLY_BRANDS, n, 2)) {
				out.push({
					name: `${name} (${brand})`,
					category: family.category,
					uom: family.uom,
					price: family.price,
					lot: family.lot ?? false,
					coldChain: false,
					controlled: false,
					hazardous: family.hazardous ?? false,
				});
			}
		}
	});
	return out;
}

function describe(c: Candidate, random: () => number): string | null {
	if (c.coldChain) return 'Store at 2-8°C, do not freeze. Keep in the cold chain from receipt to dispensing.';
	if (c.controlled) return 'Controlled substance: double-lock storage, count at every shift change.';
	if (c.hazardous) return 'Hazardous material: store away from heat and incompatible chemicals.';
	if (random() < 0.45) return null;
	const notes: Record<string, string> = {
		Medicines: 'Essential medicine. Store below 25°C, protect from light and moisture.',
		'Medical Supplies': 'Single use. Do not re-sterilise.',
		'Surgical Supplies': 'Sterile unless the package is opened or damaged.',
		Laboratory: 'For in vitro diagnostic use only.',
		'Medical Equipment': 'Reusable equipment; clean between patients per facility protocol.',
		'Personal Protective Equipment': 'Follow the facility PPE donning and doffing protocol.',
		'Cleaning & Disinfection': 'Dilute per label instructions before use.',
		'Office Supplies': 'Administrative consumable.',
	};
	return notes[c.category] ?? null;
}

const FIRST_CREATED = Date.UTC(2016, 0, 4, 9, 0, 0);
/** No seeded row changed after this instant; anything the API changes is newer. */
export const LAST_UPDATE = Date.UTC(2025, 5, 1, 0, 0, 0);

/**
 * The 1,250 products in creation order (index 0 is the oldest). About 5% (every 20th, offset 13)
 * are inactive; every 125th repeats the previous product's name, as real catalogues do, so a sort
 * on name needs the id tie-break to be a total order.
 */
export function seedProducts(): OpenBoxesProduct[] {
	const random = prng(20160104);
	const pool = candidates();
	if (pool.length < PRODUCT_COUNT) throw new Error(`product pool too small: ${pool.length}`);
	// Fisher-Yates with the seeded PRNG: a fixed, varied selection from the pool.
	for (let i = pool.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[pool[i], pool[j]] = [pool[j], pool[i]];
	}

	const products: OpenBoxesProduct[] = [];
	for (let i = 0; i < PRODUCT_COUNT; i++) {
		const c = pool[i];
		const name = i % 125 === 124 ? products[i - 1].name : c.name;
		// Creation dates advance ~2.5 days per product (never out of order), at a random time of day.
		const created = FIRST_CREATED + Math.floor((i * 2.5 * DAY + random() * DAY * 0.9) / 1000) * 1000;
		const edited = random() < 0.3 ? 0 : Math.floor(random() * 400 * DAY);
		const updated = Math.min(created + Math.floor(edited / 1000) * 1000, LAST_UPDATE);
		products.push(
			makeProduct(c, random, {
				id: hibernateUuid(created, i + 1),
				productCode: productCodeFor(i),
				name,
				created,
				updated,
				active: i % 20 !== 13,
			}),
		);
	}
	return products;
}

/** A product of candidate `c`: description, price, updater and colour drawn from `random` in the seed's order. */
function makeProduct(
	c: Candidate,
	random: () => number,
	fields: { id: string; productCode: string; name: string; created: number; updated: number; active: boolean },
): OpenBoxesProduct {
	const handlingIcons: HandlingIcon[] = [];
	if (c.coldChain) handlingIcons.push({ ...HANDLING_ICONS.coldChain });
	if (c.controlled) handlingIcons.push({ ...HANDLING_ICONS.controlledSubstance });
	if (c.hazardous) handlingIcons.push({ ...HANDLING_ICONS.hazardousMaterial });
	return {
		id: fields.id,
		productCode: fields.productCode,
		name: fields.name,
		description: describe(c, random),
		category: c.category,
		unitOfMeasure: c.uom,
		pricePerUnit: random() < 0.05 ? null : Math.round(c.price * (0.8 + random() * 0.4) * 100) / 100,
		dateCreated: grailsDate(fields.created),
		lastUpdated: grailsDate(fields.updated),
		updatedBy: UPDATERS[Math.floor(random() * UPDATERS.length)],
		color: random() < 0.1 ? COLORS[Math.floor(random() * COLORS.length)] : null,
		handlingIcons,
		lotAndExpiryControl: c.lot,
		active: fields.active,
		displayNames: { default: null },
	};
}

/**
 * `n` more active products like the seeded ones, all created at `stampMs` (whole seconds, as the
 * database stores them), for a catalogue that has `existing`: codes go on through productCodeFor
 * and names are a candidate's plus ` #<position>`, both skipping any already taken. Ids take
 * their time part from just after `stampMs`, never a whole second like the ids the API hands
 * out, and `nextCounter` gives their counters.
 */
export function moreProducts(
	existing: readonly OpenBoxesProduct[],
	n: number,
	stampMs: number,
	nextCounter: () => number,
): OpenBoxesProduct[] {
	const pool = candidates();
	const random = prng(20160104 + existing.length);
	const ids = new Set(existing.map((p) => p.id));
	const codes = new Set(existing.map((p) => p.productCode));
	const names = new Set(existing.map((p) => p.name));
	const added: OpenBoxesProduct[] = [];
	let codeIndex = existing.length;
	let idMs = stampMs + 1;
	let inMs = 0;
	for (let k = 0; k < n; k++) {
		const position = existing.length + k + 1;
		let id: string;
		do {
			// The id holds 16 bits of counter: past 65,536 ids in one millisecond, the next millisecond.
			if (inMs === 0x10000) [idMs, inMs] = [idMs + 1, 0];
			inMs++;
			id = hibernateUuid(idMs, nextCounter());
		} while (ids.has(id));
		while (codes.has(productCodeFor(codeIndex))) codeIndex++;
		const productCode = productCodeFor(codeIndex++);
		const c = pool[Math.floor(random() * pool.length)];
		let name = `${c.name} #${position}`;
		for (let copy = 2; names.has(name); copy++) name = `${c.name} #${position}-${copy}`;
		ids.add(id);
		codes.add(productCode);
		names.add(name);
		added.push(makeProduct(c, random, { id, productCode, name, created: stampMs, updated: stampMs, active: true }));
	}
	return added;
}
