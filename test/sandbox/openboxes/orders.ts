/**
 * Purchase orders (PurchaseOrderApiController, OrderService.getPurchaseOrders): the OrderSummary
 * list with its derived status, read, delete (pending and not prepaid only), rollback, and the
 * hosted tier's create/update. Reference openboxes-api.md §2.4.
 */
import type { RequestContext, SandboxResponse } from '../common/server';
import { compareValues, constraint, empty, fail, invalid, isObject, ok, refId, sqlLike, type JsonObject, type SortValue } from './http';
import {
	ORDER_STATUSES,
	PAYMENT_TERMS,
	grailsDate,
	newId,
	parseFlexibleDate,
	parseUsDate,
	type OpenBoxesState,
	type OrderItemRow,
	type OrderStatus,
	type OrderSummaryStatus,
	type PurchaseOrderRow,
} from './model';
import { enumJson, locationJson, personDisplayName, productJson } from './render';
import type { OpenBoxesUser } from './seed';

const ORDER_CLASS = 'org.pih.warehouse.order.Order';
const ITEM_CLASS = 'org.pih.warehouse.order.OrderItem';

/** OrderSummary.derivedStatus: the order status, refined by how far its items got. */
export function derivedStatus(order: PurchaseOrderRow): OrderSummaryStatus {
	if (!['PLACED', 'PARTIALLY_RECEIVED', 'RECEIVED'].includes(order.status)) return order.status as OrderSummaryStatus;
	const items = order.items;
	const all = (f: (i: OrderItemRow) => boolean) => items.length > 0 && items.every(f);
	const some = (f: (i: OrderItemRow) => boolean) => items.some(f);
	if (all((i) => i.quantityInvoiced >= i.quantity)) return 'INVOICED';
	if (some((i) => i.quantityInvoiced > 0)) return 'PARTIALLY_INVOICED';
	if (all((i) => i.quantityReceived >= i.quantity)) return 'RECEIVED';
	if (some((i) => i.quantityReceived > 0)) return 'PARTIALLY_RECEIVED';
	if (all((i) => i.quantityShipped >= i.quantity)) return 'SHIPPED';
	if (some((i) => i.quantityShipped > 0)) return 'PARTIALLY_SHIPPED';
	return 'PLACED';
}

export function orderTotal(order: PurchaseOrderRow): number {
	// As OrderItem.getSubtotal: a line without a price counts as 0.
	return Math.round(order.items.reduce((sum, i) => sum + i.quantity * (i.unitPrice ?? 0), 0) * 100) / 100;
}

function shipmentsCount(state: OpenBoxesState, order: PurchaseOrderRow): number {
	const linked = state.stockMovements.filter((sm) => sm.orderId === order.id).length;
	return linked || (order.items.some((i) => i.quantityShipped > 0) ? 1 : 0);
}

function displayLocation(state: OpenBoxesState, id: string): string {
	const location = state.locations.find((l) => l.id === id);
	if (!location) return 'null';
	const code = location.organization?.code;
	return location.name + (code ? ` (${code})` : '');
}

/** The OrderSummary marshaller (BootStrap.groovy): exactly its keys, so no dateCreated or lastUpdated. */
export function orderSummaryJson(state: OpenBoxesState, order: PurchaseOrderRow): JsonObject {
	const total = orderTotal(order).toFixed(2);
	const term = PAYMENT_TERMS.find((t) => t.id === order.paymentTermId);
	return {
		status: derivedStatus(order),
		id: order.id,
		orderNumber: order.orderNumber,
		name: order.name,
		paymentTerm: term ? { ...term } : null,
		origin: displayLocation(state, order.originId),
		destination: displayLocation(state, order.destinationId),
		dateOrdered: order.dateOrdered === null ? null : grailsDate(order.dateOrdered),
		orderedBy: personDisplayName(state, order.orderedById),
		createdBy: personDisplayName(state, order.createdById),
		orderItemsCount: order.items.length,
		orderedOrderItemsCount: order.items.length,
		shippedItemsCount: order.items.filter((i) => i.quantityShipped > 0).length,
		receivedItemsCount: order.items.filter((i) => i.quantityReceived > 0).length,
		invoicedItemsCount: order.items.filter((i) => i.quantityInvoiced > 0).length,
		total: `${total} ${order.currencyCode}`,
		totalNormalized: `${total} USD`,
		shipmentsCount: shipmentsCount(state, order),
	};
}

/** Order.toJson: status as the raw enum, locations and products through their marshallers. */
export function orderJson(state: OpenBoxesState, order: PurchaseOrderRow): JsonObject {
	const location = (id: string) => {
		const found = state.locations.find((l) => l.id === id);
		return found ? locationJson(found) : null;
	};
	return {
		id: order.id,
		orderNumber: order.orderNumber,
		name: order.name,
		status: enumJson('org.pih.warehouse.order.OrderStatus', order.status),
		origin: location(order.originId),
		destination: location(order.destinationId),
		paymentMethodType: order.paymentMethodType ? { name: order.paymentMethodType } : null,
		orderItems: order.items.map((item) => orderItemJson(state, item, order)),
	};
}

/** OrderItem.toJson. */
export function orderItemJson(state: OpenBoxesState, item: OrderItemRow, order: PurchaseOrderRow): JsonObject {
	const product = state.products.find((p) => p.id === item.productId);
	const shipment = state.stockMovements.find((sm) => sm.orderId === order.id && sm.lines.some((l) => l.orderItemId === item.id));
	return {
		id: item.id,
		product: product ? productJson(product) : { id: item.productId },
		quantity: item.quantity,
		shipmentItems:
			item.quantityShipped > 0 || shipment
				? [{ id: `${item.id.slice(0, 28)}5417`, shipment: { id: shipment?.id ?? null }, quantity: item.quantityShipped }]
				: [],
	};
}

function strictDate(ctx: RequestContext, name: string): number | undefined {
	const raw = ctx.query.get(name);
	if (!raw) return undefined;
	return parseUsDate(raw) ?? fail('java.text.ParseException', `Unparseable date: "${raw}"`);
}

function softInt(ctx: RequestContext, name: string): number | undefined {
	const raw = ctx.query.get(name);
	if (!raw || !/^-?\d+$/.test(raw.trim())) return undefined;
	return Number.parseInt(raw, 10);
}

/** GET /api/purchaseOrders. */
export function listPurchaseOrders(state: OpenBoxesState, ctx: RequestContext): SandboxResponse {
	const q = ctx.query;
	const max = softInt(ctx, 'max');
	const offset = softInt(ctx, 'offset');
	const start = strictDate(ctx, 'statusStartDate');
	const end = strictDate(ctx, 'statusEndDate');
	const statuses = q.getAll('status').filter(Boolean);
	const search = q.get('searchTerm');
	const destinationParty = q.get('destinationParty');
	const paymentTerms = q.getAll('paymentTerm').filter(Boolean);
	const filters: Array<(o: PurchaseOrderRow) => boolean> = [];
	// derivedStatus is a string column: an unknown status simply matches nothing.
	if (statuses.length) filters.push((o) => statuses.includes(derivedStatus(o)));
	if (search) filters.push((o) => [o.name, o.description ?? '', o.orderNumber].some((v) => sqlLike(v, `%${search}%`, true)));
	for (const [param, field] of [
		['destination', 'destinationId'],
		['origin', 'originId'],
		['orderedBy', 'orderedById'],
		['createdBy', 'createdById'],
	] as const) {
		const value = q.get(param);
		if (value) filters.push((o) => o[field] === value);
	}
	if (destinationParty) filters.push((o) => state.locations.find((l) => l.id === o.destinationId)?.organization?.id === destinationParty);
	if (start !== undefined) filters.push((o) => o.dateOrdered !== null && o.dateOrdered >= start);
	if (end !== undefined) filters.push((o) => o.dateOrdered !== null && o.dateOrdered <= end);
	if (paymentTerms.length) filters.push((o) => paymentTerms.includes(o.paymentTermId ?? 'null'));

	const rows = state.purchaseOrders.filter((o) => filters.every((f) => f(o)));
	const sort = q.get('sort');
	if (sort) {
		const descending = (q.get('order') || 'asc').toLowerCase() === 'desc';
		const locationName = (id: string) => state.locations.find((l) => l.id === id)?.name.toLowerCase() ?? null;
		const keys: Record<string, (o: PurchaseOrderRow) => SortValue> = {
			status: (o) => derivedStatus(o),
			origin: (o) => locationName(o.originId),
			destination: (o) => locationName(o.destinationId),
			orderedBy: (o) => personDisplayName(state, o.orderedById)?.toLowerCase(),
			paymentTerm: (o) => PAYMENT_TERMS.find((t) => t.id === o.paymentTermId)?.name.toLowerCase() ?? null,
			orderNumber: (o) => o.orderNumber.toLowerCase(),
			name: (o) => o.name.toLowerCase(),
			description: (o) => o.description?.toLowerCase() ?? null,
			dateOrdered: (o) => o.dateOrdered,
			// Order properties sort although the row does not show them (sort is any Order property).
			dateCreated: (o) => o.dateCreated,
			lastUpdated: (o) => o.lastUpdated,
			id: (o) => o.id,
		};
		if (!(sort in keys)) fail('org.hibernate.QueryException', `could not resolve property: ${sort} of: ${ORDER_CLASS}`);
		// No id tie-break here: the database keeps its own order for equal keys (stable sort).
		rows.sort((a, b) => (descending ? -1 : 1) * compareValues(keys[sort](a), keys[sort](b)));
	}
	const from = offset !== undefined && offset > 0 ? offset : 0;
	const to = max !== undefined && max > 0 ? from + max : undefined;
	const pageRows = rows.slice(from, to);
	return ok({
		data: pageRows.map((o) => orderSummaryJson(state, o)),
		totalPrice: Math.round(pageRows.reduce((sum, o) => sum + orderTotal(o), 0) * 100) / 100,
		totalCount: rows.length,
	});
}

/** PurchaseOrderApiController.delete. */
export function deletePurchaseOrder(state: OpenBoxesState, order: PurchaseOrderRow): SandboxResponse {
	if (order.hasPrepaymentInvoice) {
		return { status: 400, body: { errorMessages: ['Cannot delete a purchase order that has been prepaid'] } };
	}
	if (order.status !== 'PENDING') {
		return { status: 400, body: { errorMessages: ['Cannot delete a placed order. Must roll back in order to delete'] } };
	}
	state.purchaseOrders = state.purchaseOrders.filter((o) => o !== order);
	state.stockMovements = state.stockMovements.filter((sm) => sm.orderId !== order.id);
	return empty(204);
}

/**
 * OrderService.rollbackOrderStatus: an order with shipments cannot be rolled back (500); a
 * placed, received or completed one goes back to PENDING; any other status stays.
 */
export function rollbackPurchaseOrder(state: OpenBoxesState, order: PurchaseOrderRow, now: number): void {
	if (shipmentsCount(state, order) > 0) fail('java.lang.IllegalArgumentException', 'Cannot rollback order with associated shipments');
	if (['PLACED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'COMPLETED'].includes(order.status)) {
		order.status = 'PENDING';
		order.lastUpdated = now;
	}
}

/**
 * Moves an order to `status` and makes its items agree (what the UI, receipts and invoices do
 * over days). Accepts Order statuses and the derived list statuses. Test/demo helper.
 */
export function setPurchaseOrderStatus(order: PurchaseOrderRow, status: OrderStatus | OrderSummaryStatus, now: number): void {
	const progress: Record<string, [OrderStatus, number, number, number]> = {
		// [Order.status, shipped share, received share, invoiced share] (first item only for "partially").
		PENDING: ['PENDING', 0, 0, 0],
		APPROVED: ['APPROVED', 0, 0, 0],
		PLACED: ['PLACED', 0, 0, 0],
		PARTIALLY_SHIPPED: ['PLACED', 0.5, 0, 0],
		SHIPPED: ['PLACED', 1, 0, 0],
		PARTIALLY_RECEIVED: ['PARTIALLY_RECEIVED', 1, 0.5, 0],
		RECEIVED: ['RECEIVED', 1, 1, 0],
		PARTIALLY_INVOICED: ['RECEIVED', 1, 1, 0.5],
		INVOICED: ['RECEIVED', 1, 1, 1],
		COMPLETED: ['COMPLETED', 1, 1, 1],
		CANCELED: ['CANCELED', 0, 0, 0],
		REJECTED: ['REJECTED', 0, 0, 0],
	};
	const target = progress[status];
	if (!target) throw new Error(`unknown purchase order status: ${status}`);
	const [orderStatus, shipped, received, invoiced] = target;
	const share = (item: OrderItemRow, index: number, fraction: number) =>
		fraction === 1 ? item.quantity : fraction === 0 || index > 0 ? 0 : Math.max(1, Math.floor(item.quantity * fraction));
	order.items.forEach((item, index) => {
		item.quantityShipped = share(item, index, shipped);
		item.quantityReceived = share(item, index, received);
		item.quantityInvoiced = share(item, index, invoiced);
		item.lastUpdated = now;
	});
	order.status = orderStatus;
	order.lastUpdated = now;
}

function numberField(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return undefined;
}

/**
 * The hosted tier's `POST /api/purchaseOrders` / `PUT /api/purchaseOrders/{id}` body:
 * `{orderNumber?, name, origin:{id} (a supplier), destination:{id}, orderedBy:{id}, dateOrdered,
 * orderItems:[{product:{id}, quantity, unitPrice?}]}`; unitPrice may be left out or null
 * (`OrderItem.unitPrice(nullable: true)`). An update replaces the fields it names.
 */
export function savePurchaseOrder(
	state: OpenBoxesState,
	body: JsonObject,
	user: OpenBoxesUser,
	now: number,
	existing?: PurchaseOrderRow,
): PurchaseOrderRow {
	const errors: string[] = [];
	if (existing && existing.status !== 'PENDING') {
		invalid([`Order ${existing.orderNumber} cannot be changed because its status is ${existing.status}`]);
	}
	const has = (key: string) => body[key] !== undefined || body[`${key}.id`] !== undefined;
	const name = has('name') ? (typeof body.name === 'string' ? body.name.trim() : '') : (existing?.name ?? '');
	if (!name) errors.push(constraint.nullable(ORDER_CLASS, 'name'));
	const originId = has('origin') ? refId(body, 'origin') : existing?.originId;
	const origin = state.locations.find((l) => l.id === originId);
	if (!origin) errors.push(constraint.nullable(ORDER_CLASS, 'origin'));
	else if (origin.locationType.locationTypeCode !== 'SUPPLIER') errors.push(constraint.validator(ORDER_CLASS, 'origin', origin.name));
	const destinationId = has('destination') ? refId(body, 'destination') : existing?.destinationId;
	if (!state.locations.some((l) => l.id === destinationId && l.parentLocation === null)) errors.push(constraint.nullable(ORDER_CLASS, 'destination'));
	const orderedById = has('orderedBy') ? refId(body, 'orderedBy') : (existing?.orderedById ?? undefined);
	if (!orderedById || !(state.users.some((u) => u.id === orderedById) || state.persons.some((p) => p.id === orderedById))) {
		errors.push(constraint.nullable(ORDER_CLASS, 'orderedBy'));
	}
	let dateOrdered = existing?.dateOrdered ?? now;
	if (body.dateOrdered !== undefined) {
		const parsed = parseFlexibleDate(body.dateOrdered);
		if (parsed === undefined) errors.push(constraint.nullable(ORDER_CLASS, 'dateOrdered'));
		else dateOrdered = parsed;
	}
	const orderNumber = typeof body.orderNumber === 'string' && body.orderNumber.trim() ? body.orderNumber.trim() : existing?.orderNumber ?? nextOrderNumber(state);
	if (state.purchaseOrders.some((o) => o !== existing && o.orderNumber === orderNumber)) {
		errors.push(constraint.unique(ORDER_CLASS, 'orderNumber', orderNumber));
	}
	let items = existing?.items ?? [];
	if (body.orderItems !== undefined || !existing) {
		const raw = Array.isArray(body.orderItems) ? body.orderItems : [];
		if (raw.length === 0) errors.push(constraint.validator(ORDER_CLASS, 'orderItems', '[]'));
		items = raw.map((entry) => {
			const itemBody = isObject(entry) ? entry : {};
			const productId = refId(itemBody, 'product');
			if (!productId || !state.products.some((p) => p.id === productId)) errors.push(constraint.nullable(ITEM_CLASS, 'product'));
			const quantity = numberField(itemBody.quantity);
			if (quantity === undefined) errors.push(constraint.nullable(ITEM_CLASS, 'quantity'));
			else if (!Number.isInteger(quantity) || quantity < 1) errors.push(constraint.min(ITEM_CLASS, 'quantity', itemBody.quantity, 1));
			const givenPrice = itemBody.unitPrice !== undefined && itemBody.unitPrice !== null;
			const unitPrice = givenPrice ? numberField(itemBody.unitPrice) : null;
			if (unitPrice === undefined) errors.push(constraint.typeMismatch(ITEM_CLASS, 'unitPrice', itemBody.unitPrice));
			else if (unitPrice !== null && unitPrice < 0) errors.push(constraint.min(ITEM_CLASS, 'unitPrice', itemBody.unitPrice, 0));
			const id = typeof itemBody.id === 'string' && existing?.items.some((i) => i.id === itemBody.id) ? itemBody.id : newId(state, now);
			return {
				id,
				productId: productId ?? '',
				quantity: quantity ?? 0,
				unitPrice: unitPrice ?? null,
				quantityShipped: 0,
				quantityReceived: 0,
				quantityInvoiced: 0,
				dateCreated: now,
				lastUpdated: now,
			};
		});
	}
	if (errors.length > 0) invalid(errors);
	const order: PurchaseOrderRow = existing ?? {
		id: newId(state, now),
		orderNumber,
		name,
		description: null,
		status: 'PENDING',
		originId: originId!,
		destinationId: destinationId!,
		orderedById: orderedById!,
		createdById: user.id,
		dateOrdered,
		dateCreated: now,
		lastUpdated: now,
		paymentTermId: null,
		paymentMethodType: null,
		hasPrepaymentInvoice: false,
		currencyCode: 'USD',
		items,
	};
	Object.assign(order, { orderNumber, name, originId, destinationId, orderedById, dateOrdered, items, lastUpdated: now });
	if (typeof body.description === 'string' || body.description === null) order.description = body.description;
	if (!existing) state.purchaseOrders.push(order);
	return order;
}

export function nextOrderNumber(state: OpenBoxesState): string {
	const used = new Set(state.purchaseOrders.map((o) => o.orderNumber));
	for (let n = 10001 + state.purchaseOrders.length; ; n++) if (!used.has(`PO-${n}`)) return `PO-${n}`;
}

export const isOrderStatus = (value: string): value is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(value);
