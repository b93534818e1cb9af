/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code, never published: n8n's rules for node code do not apply */
/**
 * The generic API (GenericApiController / GenericApiService): `/api/generic/{resource}` over the
 * domain classes, rendered through their marshallers. List honours max/offset/sort/order without
 * a totalCount; search takes `searchAttributes` (eq, like, ilike; all matches, no paging); create
 * takes an object or an all-or-nothing array. Reference openboxes-api.md §4.
 */
import type { RequestContext, SandboxResponse } from '../common/server';
import {
	ApiError,
	NOT_FOUND,
	comparator,
	constraint,
	empty,
	fail,
	invalid,
	isObject,
	jsonBody,
	ok,
	page,
	refId,
	sqlLike,
	stringField,
	type JsonObject,
	type SortValue,
} from './http';
import {
	ROLE_RECORDS,
	createProduct,
	deleteLocation,
	deleteProduct,
	foreignKeyViolation,
	personReferenced,
	saveLocation,
	savePerson,
	saveUser,
	updateProduct,
} from './catalog';
import { allocations } from './inventory';
import {
	INVENTORY_STATUSES,
	grailsDate,
	newId,
	parseFlexibleDate,
	productsChanged,
	type CategoryRow,
	type InventoryItemRow,
	type InventoryLevelRow,
	type InventoryStatus,
	type OpenBoxesState,
	type OrderItemRow,
	type PurchaseOrderRow,
} from './model';
import { nextOrderNumber, orderJson, orderItemJson } from './orders';
import {
	availabilityJson,
	categoryJson,
	enumJson,
	inventoryItemJson,
	inventoryLevelJson,
	locationJson,
	personJson,
	productJson,
	userJson,
} from './render';
import type { OpenBoxesUser } from './seed';

interface Row {
	id: string;
}

/** One domain class as the generic API sees it. */
interface Resource<T extends Row> {
	domain: string;
	rows(state: OpenBoxesState): T[];
	render(state: OpenBoxesState, row: T): object;
	/** Properties (and association paths) that search and sort can name. */
	properties: Record<string, (state: OpenBoxesState, row: T) => SortValue>;
	create?(state: OpenBoxesState, body: JsonObject, user: OpenBoxesUser, now: number): T;
	update?(state: OpenBoxesState, row: T, body: JsonObject, user: OpenBoxesUser, now: number): void;
	remove?(state: OpenBoxesState, row: T): void;
}

function intField(cls: string, body: JsonObject, key: string, current: number | null): number | null {
	if (!(key in body)) return current;
	const raw = body[key];
	if (raw === null || raw === '') return null;
	const n = typeof raw === 'number' ? raw : Number(raw);
	if (!Number.isInteger(n)) invalid([constraint.typeMismatch(cls, key, raw)]);
	if (n < 0) invalid([constraint.min(cls, key, raw, 0)]);
	return n;
}

const product: Resource<OpenBoxesState['products'][number]> = {
	domain: 'org.pih.warehouse.product.Product',
	rows: (s) => s.products,
	render: (_s, p) => productJson(p),
	properties: {
		id: (_s, p) => p.id,
		name: (_s, p) => p.name,
		productCode: (_s, p) => p.productCode,
		description: (_s, p) => p.description,
		active: (_s, p) => p.active,
		unitOfMeasure: (_s, p) => p.unitOfMeasure,
		pricePerUnit: (_s, p) => p.pricePerUnit,
		dateCreated: (_s, p) => p.dateCreated,
		lastUpdated: (_s, p) => p.lastUpdated,
		lotAndExpiryControl: (_s, p) => p.lotAndExpiryControl,
		'category.id': (s, p) => s.categories.find((c) => c.name === p.category)?.id ?? null,
		'category.name': (_s, p) => p.category,
	},
	create: (s, body, user, now) => createProduct(s, body, user, now),
	update: (s, p, body, user, now) => updateProduct(s, p, body, user, now),
	remove: (s, p) => deleteProduct(s, p),
};

const location: Resource<OpenBoxesState['locations'][number]> = {
	domain: 'org.pih.warehouse.core.Location',
	rows: (s) => s.locations,
	render: (_s, l) => locationJson(l),
	properties: {
		id: (_s, l) => l.id,
		name: (_s, l) => l.name,
		locationNumber: (_s, l) => l.locationNumber,
		active: (_s, l) => l.active,
		'locationType.id': (_s, l) => l.locationType.id,
		'parentLocation.id': (_s, l) => l.parentLocation?.id ?? null,
		'organization.id': (_s, l) => l.organization?.id ?? null,
	},
	create: (s, body, _user, now) => saveLocation(s, body, now),
	update: (s, l, body, _user, now) => void saveLocation(s, body, now, l),
	remove: (s, l) => deleteLocation(s, l),
};

const user: Resource<OpenBoxesUser> = {
	domain: 'org.pih.warehouse.core.User',
	rows: (s) => s.users,
	render: (_s, u) => userJson(u),
	properties: {
		id: (_s, u) => u.id,
		username: (_s, u) => u.username,
		firstName: (_s, u) => u.firstName,
		lastName: (_s, u) => u.lastName,
		email: (_s, u) => u.email,
		active: (_s, u) => u.active,
		dateCreated: (_s, u) => u.dateCreated,
		lastUpdated: (_s, u) => u.lastUpdated,
	},
	create: (s, body, _user, now) => saveUser(s, body, now, false),
	update: (s, u, body, _user, now) => void saveUser(s, body, now, false, u),
	remove: (s, u) => {
		if (personReferenced(s, u.id)) foreignKeyViolation();
		s.users = s.users.filter((x) => x !== u);
	},
};

/** Person is the superclass of User: the person resource sees both. */
type PersonRow = OpenBoxesState['persons'][number] | OpenBoxesUser;
const isUser = (p: PersonRow): p is OpenBoxesUser => 'username' in p;

const person: Resource<PersonRow> = {
	domain: 'org.pih.warehouse.core.Person',
	rows: (s) => [...s.users, ...s.persons],
	render: (_s, p) => (isUser(p) ? userJson(p) : personJson(p)),
	properties: {
		id: (_s, p) => p.id,
		firstName: (_s, p) => p.firstName,
		lastName: (_s, p) => p.lastName,
		email: (_s, p) => p.email,
		dateCreated: (_s, p) => p.dateCreated,
		lastUpdated: (_s, p) => p.lastUpdated,
	},
	create: (s, body, _user, now) => savePerson(s, body, now),
	update: (s, p, body, _user, now) => void (isUser(p) ? saveUser(s, body, now, false, p) : savePerson(s, body, now, p)),
	remove: (s, p) => {
		if (personReferenced(s, p.id)) foreignKeyViolation();
		if (isUser(p)) s.users = s.users.filter((x) => x !== p);
		else s.persons = s.persons.filter((x) => x !== p);
	},
};

const CATEGORY_CLASS = 'org.pih.warehouse.product.Category';

function bindCategory(s: OpenBoxesState, c: CategoryRow, body: JsonObject, isNew: boolean): void {
	const errors: string[] = [];
	if (isNew || 'name' in body) {
		const name = typeof body.name === 'string' ? body.name.trim() : '';
		if (!name) errors.push(constraint.nullable(CATEGORY_CLASS, 'name'));
		c.name = name;
	}
	if ('parentCategory' in body || 'parentCategory.id' in body) {
		const parentId = refId(body, 'parentCategory') ?? null;
		if (parentId && !s.categories.some((x) => x.id === parentId && x !== c)) errors.push(constraint.nullable(CATEGORY_CLASS, 'parentCategory'));
		c.parentCategoryId = parentId;
	}
	if (errors.length > 0) invalid(errors);
}

const category: Resource<CategoryRow> = {
	domain: CATEGORY_CLASS,
	rows: (s) => s.categories,
	render: (s, c) => categoryJson(c, s.categories),
	properties: {
		id: (_s, c) => c.id,
		name: (_s, c) => c.name,
		'parentCategory.id': (_s, c) => c.parentCategoryId,
	},
	create: (s, body, _user, now) => {
		const c: CategoryRow = { id: newId(s, now), name: '', parentCategoryId: null, dateCreated: now, lastUpdated: now };
		bindCategory(s, c, body, true);
		s.categories.push(c);
		return c;
	},
	update: (s, c, body, _user, now) => {
		const before = c.name;
		bindCategory(s, c, body, false);
		c.lastUpdated = now;
		// Products carry the category name (the list marshaller flattens it): a rename changes them.
		if (c.name !== before) {
			for (const p of s.products) {
				if (p.category !== before) continue;
				p.category = c.name;
				p.lastUpdated = grailsDate(now);
			}
			productsChanged(s);
		}
	},
	remove: (s, c) => {
		if (s.products.some((p) => p.category === c.name) || s.categories.some((x) => x.parentCategoryId === c.id)) foreignKeyViolation();
		s.categories = s.categories.filter((x) => x !== c);
	},
};

const ITEM_CLASS = 'org.pih.warehouse.inventory.InventoryItem';

function bindInventoryItem(s: OpenBoxesState, item: InventoryItemRow, body: JsonObject, isNew: boolean): void {
	const errors: string[] = [];
	if (isNew || 'product' in body || 'product.id' in body) {
		const productId = refId(body, 'product');
		if (!productId || !s.products.some((p) => p.id === productId)) errors.push(constraint.nullable(ITEM_CLASS, 'product'));
		else item.productId = productId;
	}
	if ('lotNumber' in body) item.lotNumber = stringField(body, 'lotNumber') || null;
	if ('expirationDate' in body) {
		const raw = body.expirationDate;
		const parsed = raw === null || raw === '' ? null : parseFlexibleDate(raw);
		if (parsed === undefined) errors.push(constraint.nullable(ITEM_CLASS, 'expirationDate'));
		else item.expirationDate = parsed;
	}
	if (s.inventoryItems.some((i) => i !== item && i.productId === item.productId && i.lotNumber === item.lotNumber)) {
		errors.push(constraint.unique(ITEM_CLASS, 'lotNumber', item.lotNumber));
	}
	if (errors.length > 0) invalid(errors);
}

export const inventoryItem: Resource<InventoryItemRow> = {
	domain: ITEM_CLASS,
	rows: (s) => s.inventoryItems,
	render: (s, i) => inventoryItemJson(s, i),
	properties: {
		id: (_s, i) => i.id,
		lotNumber: (_s, i) => i.lotNumber,
		'product.id': (_s, i) => i.productId,
		expirationDate: (_s, i) => (i.expirationDate === null ? null : grailsDate(i.expirationDate)),
	},
	create: (s, body, _user, now) => {
		const item: InventoryItemRow = { id: newId(s, now), productId: '', lotNumber: null, expirationDate: null, dateCreated: now, lastUpdated: now };
		bindInventoryItem(s, item, body, true);
		s.inventoryItems.push(item);
		return item;
	},
	update: (s, i, body, _user, now) => {
		bindInventoryItem(s, i, body, false);
		i.lastUpdated = now;
	},
	remove: (s, i) => {
		if (s.availability.some((r) => r.inventoryItemId === i.id)) foreignKeyViolation();
		s.inventoryItems = s.inventoryItems.filter((x) => x !== i);
	},
};

const LEVEL_CLASS = 'org.pih.warehouse.inventory.InventoryLevel';

function bindLevel(s: OpenBoxesState, level: InventoryLevelRow, body: JsonObject, isNew: boolean): void {
	const errors: string[] = [];
	if (isNew || 'inventory' in body || 'inventory.id' in body) {
		const inventoryId = refId(body, 'inventory');
		const facility = Object.entries(s.inventoryIds).find(([, id]) => id === inventoryId)?.[0];
		if (!facility) errors.push(constraint.nullable(LEVEL_CLASS, 'inventory'));
		else level.locationId = facility;
	}
	if (isNew || 'product' in body || 'product.id' in body) {
		const productId = refId(body, 'product');
		if (!productId || !s.products.some((p) => p.id === productId)) errors.push(constraint.nullable(LEVEL_CLASS, 'product'));
		else level.productId = productId;
	}
	if ('status' in body) {
		const raw = isObject(body.status) ? body.status.name : body.status;
		if (!INVENTORY_STATUSES.includes(raw as InventoryStatus)) errors.push(constraint.nullable(LEVEL_CLASS, 'status'));
		else level.status = raw as InventoryStatus;
	}
	if (errors.length > 0) invalid(errors);
	level.minQuantity = intField(LEVEL_CLASS, body, 'minQuantity', level.minQuantity);
	level.reorderQuantity = intField(LEVEL_CLASS, body, 'reorderQuantity', level.reorderQuantity);
	level.maxQuantity = intField(LEVEL_CLASS, body, 'maxQuantity', level.maxQuantity);
	level.expectedLeadTimeDays = intField(LEVEL_CLASS, body, 'expectedLeadTimeDays', level.expectedLeadTimeDays);
	level.forecastQuantity = intField(LEVEL_CLASS, body, 'forecastQuantity', level.forecastQuantity);
	if ('comments' in body) level.comments = stringField(body, 'comments') ?? null;
	if ('abcClass' in body) level.abcClass = stringField(body, 'abcClass') ?? null;
	if (s.inventoryLevels.some((l) => l !== level && l.locationId === level.locationId && l.productId === level.productId)) {
		invalid([constraint.unique(LEVEL_CLASS, 'product', level.productId)]);
	}
}

export const inventoryLevel: Resource<InventoryLevelRow> = {
	domain: LEVEL_CLASS,
	rows: (s) => s.inventoryLevels,
	render: (s, l) => inventoryLevelJson(s, l),
	properties: {
		id: (_s, l) => l.id,
		'product.id': (_s, l) => l.productId,
		'inventory.id': (s, l) => s.inventoryIds[l.locationId] ?? null,
		status: (_s, l) => l.status,
		minQuantity: (_s, l) => l.minQuantity,
		reorderQuantity: (_s, l) => l.reorderQuantity,
		maxQuantity: (_s, l) => l.maxQuantity,
		lastUpdated: (_s, l) => grailsDate(l.lastUpdated),
	},
	create: (s, body, _user, now) => {
		const level: InventoryLevelRow = {
			id: newId(s, now),
			locationId: '',
			productId: '',
			minQuantity: null,
			reorderQuantity: null,
			maxQuantity: null,
			status: 'SUPPORTED',
			forecastQuantity: null,
			forecastPeriodDays: 30,
			expectedLeadTimeDays: null,
			abcClass: null,
			comments: null,
			dateCreated: now,
			lastUpdated: now,
		};
		bindLevel(s, level, body, true);
		s.inventoryLevels.push(level);
		return level;
	},
	update: (s, l, body, _user, now) => {
		bindLevel(s, l, body, false);
		l.lastUpdated = now;
	},
	remove: (s, l) => {
		s.inventoryLevels = s.inventoryLevels.filter((x) => x !== l);
	},
};

const ORDER_CLASS = 'org.pih.warehouse.order.Order';

/** The generic order binding is unvalidated beyond the domain's non-null origin and destination. */
function bindOrder(s: OpenBoxesState, order: PurchaseOrderRow, body: JsonObject): void {
	const errors: string[] = [];
	for (const [key, field] of [
		['origin', 'originId'],
		['destination', 'destinationId'],
	] as const) {
		if (key in body || `${key}.id` in body || !order[field]) {
			const id = refId(body, key);
			if (!id || !s.locations.some((l) => l.id === id)) errors.push(constraint.nullable(ORDER_CLASS, key));
			else order[field] = id;
		}
	}
	if ('orderedBy' in body || 'orderedBy.id' in body) order.orderedById = refId(body, 'orderedBy') ?? null;
	for (const key of ['orderNumber', 'name'] as const) if (typeof body[key] === 'string') order[key] = body[key];
	if ('description' in body) order.description = stringField(body, 'description') ?? null;
	if ('dateOrdered' in body) order.dateOrdered = parseFlexibleDate(body.dateOrdered) ?? null;
	if ('status' in body) {
		const raw = String(isObject(body.status) ? body.status.name : body.status);
		if (!['PENDING', 'APPROVED', 'PLACED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'COMPLETED', 'CANCELED', 'REJECTED'].includes(raw)) {
			errors.push(constraint.nullable(ORDER_CLASS, 'status'));
		} else order.status = raw as PurchaseOrderRow['status'];
	}
	if (s.purchaseOrders.some((o) => o !== order && o.orderNumber === order.orderNumber)) errors.push(constraint.unique(ORDER_CLASS, 'orderNumber', order.orderNumber));
	if (errors.length > 0) invalid(errors);
}

const order: Resource<PurchaseOrderRow> = {
	domain: ORDER_CLASS,
	rows: (s) => s.purchaseOrders,
	render: (s, o) => orderJson(s, o),
	properties: {
		id: (_s, o) => o.id,
		orderNumber: (_s, o) => o.orderNumber,
		name: (_s, o) => o.name,
		status: (_s, o) => o.status,
		'origin.id': (_s, o) => o.originId,
		'destination.id': (_s, o) => o.destinationId,
		'orderedBy.id': (_s, o) => o.orderedById,
		dateOrdered: (_s, o) => (o.dateOrdered === null ? null : grailsDate(o.dateOrdered)),
		dateCreated: (_s, o) => grailsDate(o.dateCreated),
		lastUpdated: (_s, o) => grailsDate(o.lastUpdated),
	},
	create: (s, body, user, now) => {
		const number = nextOrderNumber(s);
		const row: PurchaseOrderRow = {
			id: newId(s, now),
			orderNumber: number,
			name: number,
			description: null,
			status: 'PENDING',
			originId: '',
			destinationId: '',
			orderedById: null,
			createdById: user.id,
			dateOrdered: now,
			dateCreated: now,
			lastUpdated: now,
			paymentTermId: null,
			paymentMethodType: null,
			hasPrepaymentInvoice: false,
			currencyCode: 'USD',
			items: [],
		};
		bindOrder(s, row, body);
		s.purchaseOrders.push(row);
		return row;
	},
	update: (s, o, body, _user, now) => {
		bindOrder(s, o, body);
		o.lastUpdated = now;
	},
	remove: (s, o) => {
		if (s.stockMovements.some((sm) => sm.orderId === o.id)) foreignKeyViolation();
		s.purchaseOrders = s.purchaseOrders.filter((x) => x !== o);
	},
};

const ORDER_ITEM_CLASS = 'org.pih.warehouse.order.OrderItem';
type OrderItemView = OrderItemRow & { orderId: string };

function orderItemViews(s: OpenBoxesState): OrderItemView[] {
	// Copies that know their order; writes go through the owning order below.
	return s.purchaseOrders.flatMap((o) => o.items.map((i) => ({ ...i, orderId: o.id })));
}

function bindOrderItem(s: OpenBoxesState, item: OrderItemRow, body: JsonObject, isNew: boolean): PurchaseOrderRow | undefined {
	const errors: string[] = [];
	let owner: PurchaseOrderRow | undefined;
	if (isNew || 'order' in body || 'order.id' in body) {
		owner = s.purchaseOrders.find((o) => o.id === refId(body, 'order'));
		if (!owner) errors.push(constraint.nullable(ORDER_ITEM_CLASS, 'order'));
	}
	if (isNew || 'product' in body || 'product.id' in body) {
		const productId = refId(body, 'product');
		if (!productId || !s.products.some((p) => p.id === productId)) errors.push(constraint.nullable(ORDER_ITEM_CLASS, 'product'));
		else item.productId = productId;
	}
	if (isNew || 'quantity' in body) {
		const quantity = Number(body.quantity);
		if (body.quantity === undefined || body.quantity === null || !Number.isInteger(quantity)) errors.push(constraint.nullable(ORDER_ITEM_CLASS, 'quantity'));
		else if (quantity < 1) errors.push(constraint.min(ORDER_ITEM_CLASS, 'quantity', quantity, 1));
		else item.quantity = quantity;
	}
	if ('unitPrice' in body && body.unitPrice === null) {
		item.unitPrice = null;
	} else if ('unitPrice' in body) {
		const price = Number(body.unitPrice);
		if (!Number.isFinite(price) || price < 0) errors.push(constraint.min(ORDER_ITEM_CLASS, 'unitPrice', body.unitPrice, 0));
		else item.unitPrice = price;
	}
	if (errors.length > 0) invalid(errors);
	return owner;
}

const orderItem: Resource<OrderItemView> = {
	domain: ORDER_ITEM_CLASS,
	rows: orderItemViews,
	render: (s, i) => orderItemJson(s, i, s.purchaseOrders.find((o) => o.id === i.orderId)!),
	properties: {
		id: (_s, i) => i.id,
		'order.id': (_s, i) => i.orderId,
		'product.id': (_s, i) => i.productId,
		quantity: (_s, i) => i.quantity,
		unitPrice: (_s, i) => i.unitPrice,
	},
	create: (s, body, _user, now) => {
		const item: OrderItemRow = { id: newId(s, now), productId: '', quantity: 0, unitPrice: null, quantityShipped: 0, quantityReceived: 0, quantityInvoiced: 0, dateCreated: now, lastUpdated: now };
		const owner = bindOrderItem(s, item, body, true)!;
		owner.items.push(item);
		owner.lastUpdated = now;
		return { ...item, orderId: owner.id };
	},
	update: (s, view, body, _user, now) => {
		const owner = s.purchaseOrders.find((o) => o.id === view.orderId)!;
		const item = owner.items.find((i) => i.id === view.id)!;
		const target = bindOrderItem(s, item, body, false);
		if (target && target !== owner) {
			owner.items = owner.items.filter((i) => i !== item);
			target.items.push(item);
			target.lastUpdated = now;
		}
		item.lastUpdated = now;
		owner.lastUpdated = now;
	},
	remove: (s, view) => {
		const owner = s.purchaseOrders.find((o) => o.id === view.orderId)!;
		if (s.stockMovements.some((sm) => sm.lines.some((l) => l.orderItemId === view.id))) foreignKeyViolation();
		owner.items = owner.items.filter((i) => i.id !== view.id);
	},
};

const role: Resource<(typeof ROLE_RECORDS)[number]> = {
	domain: 'org.pih.warehouse.core.Role',
	rows: () => [...ROLE_RECORDS],
	render: (_s, r) => ({ id: r.id, description: r.description, name: r.name, roleType: enumJson('org.pih.warehouse.core.RoleType', r.roleType) }),
	properties: {
		id: (_s, r) => r.id,
		name: (_s, r) => r.name,
		roleType: (_s, r) => r.roleType,
	},
};

const productAvailability: Resource<OpenBoxesState['availability'][number]> = {
	domain: 'org.pih.warehouse.inventory.ProductAvailability',
	rows: (s) => s.availability,
	render: (s, r) => availabilityJson(s, r, allocations(s).get(r.id) ?? 0),
	properties: {
		id: (_s, r) => r.id,
		'product.id': (_s, r) => r.productId,
		'location.id': (_s, r) => r.locationId,
		'binLocation.id': (_s, r) => r.binLocationId,
		'inventoryItem.id': (_s, r) => r.inventoryItemId,
		quantityOnHand: (_s, r) => r.quantityOnHand,
	},
};

const RESOURCES: Record<string, Resource<Row>> = {
	product,
	location,
	user,
	person,
	category,
	inventoryItem,
	inventoryLevel,
	order,
	orderItem,
	role,
	productAvailability,
} as unknown as Record<string, Resource<Row>>;

/** GenericApiService.getDomainClass: the resource name, capitalized, must be a domain class. */
export function resourceFor(name: string): Resource<Row> {
	const resource = Object.hasOwn(RESOURCES, name) ? RESOURCES[name] : undefined;
	if (!resource) fail('java.lang.IllegalAccessException', `Unable to locate domain ${name.charAt(0).toUpperCase()}${name.slice(1)}`);
	return resource;
}

function findRow(state: OpenBoxesState, resource: Resource<Row>, id: string): Row {
	const row = resource.rows(state).find((r) => r.id === id);
	if (!row) throw new ApiError(NOT_FOUND());
	return row;
}

export function genericList(state: OpenBoxesState, ctx: RequestContext): SandboxResponse {
	const resource = resourceFor(ctx.params.resource);
	const rows = [...resource.rows(state)];
	const sort = ctx.query.get('sort');
	if (sort) {
		const key = resource.properties[sort];
		if (!key) fail('org.hibernate.QueryException', `could not resolve property: ${sort} of: ${resource.domain}`);
		const descending = (ctx.query.get('order') ?? '').toLowerCase() === 'desc';
		rows.sort(comparator((r) => key(state, r), descending));
	}
	return ok({ data: page(rows, ctx).map((r) => resource.render(state, r)) });
}

/** searchObjects: every attribute must match (AND); max/offset are ignored. */
export function genericSearch(state: OpenBoxesState, ctx: RequestContext): SandboxResponse {
	const resource = resourceFor(ctx.params.resource);
	const body = jsonBody(ctx);
	const attributes = isObject(body) && Array.isArray(body.searchAttributes) ? body.searchAttributes : [];
	const tests = attributes.map((attr) => {
		const a = isObject(attr) ? attr : {};
		const property = a.property;
		const value = a.value;
		if (value !== undefined && value !== null && typeof value !== 'string') {
			fail('groovy.lang.MissingMethodException', `No signature of method: org.pih.warehouse.api.GenericApiService.buildCriterion() is applicable for argument types: (String, String, ${typeof value === 'number' ? 'Integer' : 'Object'}) values: [${String(property)}, ${String(a.operator ?? null)}, ${String(value)}]`);
		}
		if (typeof property !== 'string' || !property || !value) {
			fail('java.lang.IllegalArgumentException', 'Property and value are required in order to perform searches');
		}
		const operator = typeof a.operator === 'string' && a.operator ? a.operator : 'eq';
		if (!['eq', 'like', 'ilike'].includes(operator)) {
			fail('java.lang.UnsupportedOperationException', `Operator ${operator} is not supported at this time`);
		}
		const getter = resource.properties[property];
		if (!getter) fail('org.hibernate.QueryException', `could not resolve property: ${property} of: ${resource.domain}`);
		return (row: Row) => {
			const actual = getter(state, row);
			if (actual === null || actual === undefined) return false;
			const text = String(actual);
			return operator === 'eq' ? text === value : sqlLike(text, value, operator === 'ilike');
		};
	});
	const rows = resource.rows(state).filter((row) => tests.every((t) => t(row)));
	return ok({ data: rows.map((r) => resource.render(state, r)) });
}

export function genericRead(state: OpenBoxesState, ctx: RequestContext): SandboxResponse {
	const resource = resourceFor(ctx.params.resource);
	return ok({ data: resource.render(state, findRow(state, resource, ctx.params.id)) });
}

function unsupported(resource: Resource<Row>, action: string): never {
	return fail('java.lang.UnsupportedOperationException', `${action} is not supported for ${resource.domain} in this sandbox`);
}

/**
 * createObject(s): an item with an id updates that row (404 when unknown), any other creates.
 * An array runs in one transaction: the first failure rolls every earlier item back.
 */
export function genericCreate(state: OpenBoxesState, ctx: RequestContext, user: OpenBoxesUser, now: number): SandboxResponse {
	const resource = resourceFor(ctx.params.resource);
	const body = jsonBody(ctx);
	const one = (item: unknown): Row => {
		const json = isObject(item) ? item : {};
		if (typeof json.id === 'string' && json.id) {
			const row = findRow(state, resource, json.id);
			if (!resource.update) unsupported(resource, 'Update');
			resource.update(state, row, json, user, now);
			return resource.rows(state).find((r) => r.id === row.id) ?? row;
		}
		if (!resource.create) unsupported(resource, 'Create');
		return resource.create(state, json, user, now);
	};
	return transaction(state, () => {
		if (!Array.isArray(body)) return ok({ data: resource.render(state, one(body)) }, 201);
		const rows = body.map(one);
		return ok({ data: rows.map((r) => resource.render(state, r)) }, 201);
	});
}

/** One database transaction: a failure anywhere rolls back everything the request changed. */
function transaction(state: OpenBoxesState, work: () => SandboxResponse): SandboxResponse {
	const snapshot = structuredClone(state);
	try {
		return work();
	} catch (error) {
		Object.assign(state, snapshot);
		throw error;
	}
}

export function genericUpdate(state: OpenBoxesState, ctx: RequestContext, user: OpenBoxesUser, now: number): SandboxResponse {
	const resource = resourceFor(ctx.params.resource);
	const row = findRow(state, resource, ctx.params.id);
	if (!resource.update) unsupported(resource, 'Update');
	const body = jsonBody(ctx);
	const update = resource.update;
	return transaction(state, () => {
		update(state, row, isObject(body) ? body : {}, user, now);
		const fresh = resource.rows(state).find((r) => r.id === row.id) ?? row;
		return ok({ data: resource.render(state, fresh) });
	});
}

export function genericDelete(state: OpenBoxesState, ctx: RequestContext): SandboxResponse {
	const resource = resourceFor(ctx.params.resource);
	const row = findRow(state, resource, ctx.params.id);
	if (!resource.remove) unsupported(resource, 'Delete');
	resource.remove(state, row);
	return empty(204);
}
