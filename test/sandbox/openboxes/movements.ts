/**
 * Stock movements (StockMovementApiController, StockMovementService, OutboundStockMovementService):
 * the strict list (direction required, MM/dd/yyyy filters, the outbound `"totalCount":[]` quirk),
 * create, line items, status transitions with their stock side effects, shipment fields, delete,
 * rollback and receipt. Reference openboxes-api.md §2.3, §6.2.
 */
import type { RequestContext, SandboxResponse } from '../common/server';
import {
	comparator,
	constraint,
	empty,
	enumValue,
	fail,
	illegalArgument,
	illegalState,
	invalid,
	isObject,
	ok,
	refId,
	sqlLike,
	stringField,
	type JsonObject,
	type SortValue,
} from './http';
import { addStock, allocations, available, binsOf, findOrCreateItem, isFacility, isShipped, itemById, pickStock, quantityOnHand, rowsAt } from './inventory';
import {
	REQUISITION_SORT_ORDER,
	REQUISITION_STATUSES,
	SHIPMENT_STATUSES,
	SHIPMENT_TYPES,
	STOCK_MOVEMENT_STATUS_CODES,
	grailsDate,
	newId,
	parseFlexibleDate,
	parseUsDate,
	personName,
	shortNameDate,
	usDate,
	usDateTime,
	type OpenBoxesState,
	type RequisitionStatus,
	type ShipmentStatus,
	type StockMovementLine,
	type StockMovementRow,
	type StockMovementStatusCode,
} from './model';
import { anyPersonJson, movementLocationJson, productJson } from './render';
import type { OpenBoxesUser } from './seed';

const SM_CLASS = 'org.pih.warehouse.api.StockMovement';
const ITEM_CLASS = 'org.pih.warehouse.requisition.RequisitionItem';
const LIST_DIRECTION_ERROR = 'Direction parameter is required. Origin and destination cannot be the same.';

/** Groovy compares enums by ordinal: a transition to an earlier status is "backwards". */
const ordinal = (status: RequisitionStatus) => REQUISITION_STATUSES.indexOf(status);

const STATUS_VARIANT: Partial<Record<RequisitionStatus, string>> = {
	CREATED: 'success',
	EDITING: 'primary',
	PENDING_APPROVAL: 'warning',
	APPROVED: 'success',
	REJECTED: 'danger',
	VERIFYING: 'warning',
	PICKING: 'warning',
	PICKED: 'primary',
	PENDING: 'primary',
	CHECKING: 'warning',
	ISSUED: 'success',
	RECEIVED: 'success',
	CANCELED: 'danger',
};

const SHIPMENT_LABEL: Record<ShipmentStatus, string> = {
	CREATED: 'Created',
	PENDING: 'Pending',
	SHIPPED: 'Shipped',
	PARTIALLY_RECEIVED: 'Partially received',
	RECEIVED: 'Received',
};

const label = (name: string) => name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, ' ');

/** RequisitionStatus.toStockMovementStatus; shipment-based movements report PENDING or ISSUED. */
export function statusCode(sm: StockMovementRow): string {
	if (sm.kind === 'shipment') return sm.shipment?.currentStatus === 'PENDING' ? 'PENDING' : 'ISSUED';
	const status = sm.requisitionStatus;
	switch (status) {
		case 'EDITING':
			return 'REQUESTING';
		case 'VERIFYING':
			return 'REQUESTED';
		case 'CHECKING':
			return 'PACKED';
		case 'ISSUED':
			return 'DISPATCHED';
		case null:
			return 'REQUESTING';
		default:
			return status;
	}
}

/** StockMovementStatusResolver: the shipment's status once it left, else the requisition's display status. */
function displayStatus(sm: StockMovementRow): JsonObject {
	if (sm.shipment && isShipped(sm)) {
		const status = sm.shipment.currentStatus;
		return { name: status, label: SHIPMENT_LABEL[status], variant: status === 'RECEIVED' ? 'success' : 'primary' };
	}
	if (sm.kind === 'shipment') return { name: 'PENDING', label: 'Pending', variant: 'primary' };
	const status = sm.requisitionStatus!;
	// EDITING, VERIFYING, PICKING, PICKED and CHECKING all display as PENDING.
	const shown = ['EDITING', 'VERIFYING', 'PICKING', 'PICKED', 'CHECKING'].includes(status) ? 'PENDING' : status;
	return { name: shown, label: label(shown), variant: STATUS_VARIANT[status] ?? null };
}

function movementName(state: OpenBoxesState, sm: StockMovementRow): string {
	const origin = state.locations.find((l) => l.id === sm.originId);
	const destination = state.locations.find((l) => l.id === sm.destinationId);
	const parts = [origin?.locationNumber ?? '', destination?.locationNumber ?? '', shortNameDate(sm.dateRequested)];
	if (sm.shipment?.trackingNumber) parts.push(sm.shipment.trackingNumber);
	if (sm.description) parts.push(sm.description);
	return parts.join('.');
}

function shipmentTypeJson(id: string | null): JsonObject | null {
	const type = SHIPMENT_TYPES.find((t) => t.id === id);
	return type ? { ...type } : null;
}

function quantityPicked(line: StockMovementLine): number {
	return line.picks.reduce((sum, p) => sum + p.quantity, 0);
}

export function itemJson(state: OpenBoxesState, sm: StockMovementRow, line: StockMovementLine): JsonObject {
	const product = state.products.find((p) => p.id === line.productId);
	const allocated = allocations(state);
	const originRows = rowsAt(state, sm.originId, line.productId);
	// A single lot (supplier lines, or one pick) is shown on the line itself.
	const lotIds = new Set(line.inventoryItemId ? [line.inventoryItemId] : line.picks.map((p) => p.inventoryItemId));
	const lot = lotIds.size === 1 ? itemById(state, [...lotIds][0]) : undefined;
	const order = line.orderItemId ? state.purchaseOrders.find((o) => o.items.some((i) => i.id === line.orderItemId)) : undefined;
	return {
		id: line.id,
		version: 0,
		productCode: product?.productCode ?? null,
		product: product ? productJson(product) : { id: line.productId },
		lotNumber: lot?.lotNumber ?? null,
		expirationDate: lot?.expirationDate ? usDate(lot.expirationDate) : null,
		palletName: null,
		boxName: null,
		statusCode: 'PENDING',
		quantityRequested: line.quantityRequested,
		quantityAllowed: null,
		quantityOnHand: isFacility(state, sm.originId) ? (quantityOnHand(state, line.productId, sm.originId) ?? 0) : null,
		quantityCounted: null,
		quantityAvailable: isFacility(state, sm.originId) ? originRows.reduce((sum, r) => sum + available(r, allocated), 0) : null,
		quantityCanceled: 0,
		quantityRevised: null,
		quantityPicked: quantityPicked(line),
		unitOfMeasure: product?.unitOfMeasure ?? 'EA',
		packsRequested: line.quantityRequested,
		quantityRequired: null,
		reasonCode: null,
		comments: line.comments,
		recipient: null,
		substitutionItems: [],
		sortOrder: line.sortOrder,
		orderItemId: line.orderItemId,
		productSupplier: null,
		orderNumber: order?.orderNumber ?? null,
		orderId: order?.id ?? null,
		packSize: 1,
		inventoryItem: lot
			? {
					id: lot.id,
					lotNumber: lot.lotNumber,
					expirationDate: lot.expirationDate ? usDate(lot.expirationDate) : null,
					quantity: line.inventoryItemId ? line.quantityRequested : quantityPicked(line),
				}
			: null,
		manuallyAdded: false,
	};
}

/** StockMovement.toJson. */
export function movementJson(state: OpenBoxesState, sm: StockMovementRow): JsonObject {
	const origin = state.locations.find((l) => l.id === sm.originId);
	const destination = state.locations.find((l) => l.id === sm.destinationId);
	const order = sm.orderId ? state.purchaseOrders.find((o) => o.id === sm.orderId) : undefined;
	const shipment = sm.shipment;
	const shipped = isShipped(sm);
	const shipmentRef = shipment ? { id: shipment.id, shipmentNumber: shipment.shipmentNumber, status: shipment.currentStatus } : null;
	const originJson = movementLocationJson(origin, true);
	const destinationJson = movementLocationJson(destination, false);
	return {
		id: sm.id,
		name: movementName(state, sm),
		description: sm.description,
		statusCode: statusCode(sm),
		displayStatus: displayStatus(sm),
		identifier: sm.identifier,
		origin: originJson,
		destination: destinationJson,
		order: { id: order?.id ?? null, name: order?.name ?? null, orderNumber: order?.orderNumber ?? null },
		hasManageInventory: origin?.supportedActivities.includes('MANAGE_INVENTORY') ?? false,
		stocklist: { id: null, name: null },
		replenishmentType: null,
		dateRequested: usDate(sm.dateRequested),
		dateCreated: usDate(sm.dateCreated),
		dateShipped: shipment?.dateShipped ? usDateTime(shipment.dateShipped) : null,
		expectedDeliveryDate: shipment?.expectedDeliveryDate ? usDateTime(shipment.expectedDeliveryDate) : null,
		dateDeliveryRequested: null,
		lastUpdated: grailsDate(sm.lastUpdated),
		shipmentType: shipmentTypeJson(shipment?.shipmentTypeId ?? null),
		currentStatus: shipment?.currentStatus ?? null,
		shipmentStatus: shipment ? SHIPMENT_LABEL[shipment.currentStatus] : null,
		trackingNumber: shipment?.trackingNumber ?? null,
		driverName: shipment?.driverName ?? null,
		comments: shipment?.comments ?? null,
		currentEvent: shipped ? { eventType: { eventCode: shipment!.currentStatus === 'SHIPPED' ? 'SHIPPED' : 'RECEIVED' } } : null,
		requestedBy: anyPersonJson(state, sm.requestedById),
		lineItems: sm.lines.map((line) => itemJson(state, sm, line)),
		lineItemCount: sm.lines.length,
		associations: {
			requisition: sm.kind === 'requisition' ? { id: sm.id, requestNumber: sm.identifier, status: sm.requisitionStatus } : null,
			shipment: shipmentRef,
			shipments: shipmentRef ? [shipmentRef] : [],
			documents: [],
		},
		approvers: [],
		isFromOrder: !!sm.orderId,
		isReturn: false,
		isShipped: shipped,
		isReceived: shipment?.currentStatus === 'RECEIVED',
		isPartiallyReceived: shipment?.currentStatus === 'PARTIALLY_RECEIVED',
		isElectronicType: sm.sourceType === 'ELECTRONIC',
		isPending: !shipment || shipment.currentStatus === 'PENDING',
		shipped,
		received: shipment?.currentStatus === 'RECEIVED',
		requestType: { enumType: 'org.pih.warehouse.requisition.RequisitionType', name: 'STOCK' },
		sourceType: sm.sourceType,
		picklist: { id: sm.lines.some((l) => l.picks.length > 0) ? `${sm.id.slice(0, 28)}p1ck` : null },
	};
}

/** OutboundStockMovementListItem.toJson: dates as MM/dd/yyyy, no lastUpdated. */
function outboundItemJson(state: OpenBoxesState, sm: StockMovementRow): JsonObject {
	const origin = state.locations.find((l) => l.id === sm.originId);
	const destination = state.locations.find((l) => l.id === sm.destinationId);
	return {
		id: sm.id,
		name: movementName(state, sm),
		description: sm.description,
		statusCode: statusCode(sm),
		displayStatus: displayStatus(sm),
		statusVariant: sm.requisitionStatus ? (STATUS_VARIANT[sm.requisitionStatus] ?? null) : null,
		status: sm.requisitionStatus,
		currentStatus: sm.shipment?.currentStatus ?? null,
		identifier: sm.identifier,
		stockMovementType: 'OUTBOUND',
		origin: movementLocationJson(origin, true),
		destination: movementLocationJson(destination, false),
		hasManageInventory: origin?.supportedActivities.includes('MANAGE_INVENTORY') ?? false,
		stocklist: { id: null, name: null },
		order: { id: null, name: null, orderNumber: null },
		replenishmentType: null,
		dateRequested: usDate(sm.dateRequested),
		dateCreated: usDate(sm.dateCreated),
		requestedBy: anyPersonJson(state, sm.requestedById),
		lineItemCount: sm.lines.length,
		requestType: 'STOCK',
		sourceType: sm.sourceType,
		isPending: sm.shipment?.currentStatus === 'PENDING',
		isReturn: false,
		isElectronicType: sm.sourceType === 'ELECTRONIC',
		isApprovalRequired: false,
		shipmentType: shipmentTypeJson(sm.shipment?.shipmentTypeId ?? null),
		approvers: [],
	};
}

/** InboundStockMovementListItem.toJson: dates are plain ISO here; no lastUpdated. */
function inboundItemJson(state: OpenBoxesState, sm: StockMovementRow): JsonObject {
	const origin = state.locations.find((l) => l.id === sm.originId);
	return {
		id: sm.id,
		name: movementName(state, sm),
		description: sm.description,
		shipmentType: shipmentTypeJson(sm.shipment?.shipmentTypeId ?? null),
		statusCode: statusCode(sm),
		displayStatus: displayStatus(sm),
		identifier: sm.identifier,
		origin: { id: sm.originId, name: origin?.name ?? null, isDepot: origin?.locationType.locationTypeCode === 'DEPOT' },
		destination: { id: sm.destinationId },
		order: { id: sm.orderId },
		stocklist: null,
		dateCreated: grailsDate(sm.dateCreated),
		dateRequested: grailsDate(sm.dateRequested),
		expectedDeliveryDate: sm.shipment?.expectedDeliveryDate ? grailsDate(sm.shipment.expectedDeliveryDate) : null,
		requestedBy: anyPersonJson(state, sm.requestedById),
		lineItemCount: sm.lines.length,
		isReturn: false,
		isReceived: sm.shipment?.currentStatus === 'RECEIVED',
		isPartiallyReceived: sm.shipment?.currentStatus === 'PARTIALLY_RECEIVED',
		isPending: sm.shipment?.currentStatus === 'PENDING',
		currentEvent: null,
	};
}

/** `params.int(name)`: a value that is not a number is silently ignored. */
function softInt(ctx: RequestContext, name: string): number | undefined {
	const raw = ctx.query.get(name);
	if (!raw || !/^-?\d+$/.test(raw.trim())) return undefined;
	return Number.parseInt(raw, 10);
}

function strictDate(ctx: RequestContext, name: string): number | undefined {
	const raw = ctx.query.get(name);
	if (!raw) return undefined;
	const parsed = parseUsDate(raw);
	return parsed ?? fail('java.text.ParseException', `Unparseable date: "${raw}"`);
}

function personSortName(state: OpenBoxesState, id: string): string {
	const person = state.users.find((u) => u.id === id) ?? state.persons.find((p) => p.id === id);
	return person ? personName(person).toLowerCase() : '';
}

/** GET /api/stockMovements. */
export function listStockMovements(state: OpenBoxesState, ctx: RequestContext): SandboxResponse {
	const q = ctx.query;
	const locationParam = (name: string) => {
		const id = q.get(name);
		return id && state.locations.some((l) => l.id === id) ? id : null;
	};
	const destination = locationParam('destination');
	const origin = locationParam('origin');
	const rawDirection = q.get('direction');
	const direction = rawDirection ? enumValue(['INBOUND', 'OUTBOUND', 'INTERNAL'] as const, rawDirection, 'org.pih.warehouse.api.StockMovementDirection') : null;
	if (destination === origin || !direction) return { status: 400, body: { errorMessages: [LIST_DIRECTION_ERROR] } };

	const person = (name: string) => {
		const id = q.get(name);
		return id && (state.users.some((u) => u.id === id) || state.persons.some((p) => p.id === id)) ? id : null;
	};
	const requestedBy = person('requestedBy');
	const createdBy = person('createdBy');
	const updatedBy = person('updatedBy');
	const receiptStatuses = q.getAll('receiptStatusCode').filter(Boolean).map((s) => enumValue(SHIPMENT_STATUSES, s, 'org.pih.warehouse.shipping.ShipmentStatusCode'));
	const requisitionStatuses = q.getAll('requisitionStatusCode').filter(Boolean).map((s) => enumValue(REQUISITION_STATUSES, s, 'org.pih.warehouse.requisition.RequisitionStatus'));
	const rawSource = q.get('sourceType');
	const sourceType = rawSource ? enumValue(['ELECTRONIC', 'PAPER'] as const, rawSource, 'org.pih.warehouse.requisition.RequisitionSourceType') : null;
	const search = q.get('q');
	if (direction === 'INTERNAL') illegalArgument('Missing stock movement direction parameter');
	const createdAfter = strictDate(ctx, 'createdAfter');
	const createdBefore = strictDate(ctx, 'createdBefore');
	const max = softInt(ctx, 'max');
	const offset = softInt(ctx, 'offset');

	const matchesCommon = (sm: StockMovementRow) =>
		(!search || [sm.identifier, movementName(state, sm), sm.description ?? ''].some((v) => sqlLike(v, `%${search}%`, true))) &&
		(!origin || sm.originId === origin) &&
		(!destination || sm.destinationId === destination) &&
		(receiptStatuses.length === 0 || (!!sm.shipment && receiptStatuses.includes(sm.shipment.currentStatus))) &&
		(!requestedBy || sm.requestedById === requestedBy) &&
		(!createdBy || sm.createdById === createdBy) &&
		(!updatedBy || sm.updatedById === updatedBy) &&
		(createdAfter === undefined || sm.dateCreated >= createdAfter) &&
		(createdBefore === undefined || sm.dateCreated <= createdBefore);

	const outbound = direction === 'OUTBOUND';
	const rows = state.stockMovements.filter((sm) => {
		if (!matchesCommon(sm)) return false;
		if (!outbound) return sm.requisitionStatus !== 'REJECTED';
		if (sm.kind !== 'requisition') return false;
		const status = sm.requisitionStatus!;
		if (requisitionStatuses.length > 0 && !requisitionStatuses.includes(status)) return false;
		if (sourceType) {
			if (sm.sourceType !== sourceType) return false;
			// Electronic requests: not before they are submitted, not after they are done, no approval states.
			return sourceType !== 'ELECTRONIC' || !['CREATED', 'ISSUED', 'CANCELED', 'APPROVED', 'REJECTED', 'PENDING_APPROVAL'].includes(status);
		}
		// The outbound list hides requests the requestor has not submitted, and approval states
		// (no seeded origin requires approval).
		if (sm.sourceType !== null && !(sm.sourceType === 'ELECTRONIC' && status !== 'CREATED')) return false;
		return !['PENDING_APPROVAL', 'REJECTED', 'APPROVED'].includes(status);
	});
	if (outbound && rows.length === 0) return ok({ data: [], totalCount: [] });

	const sort = q.get('sort');
	const descending = (q.get('order') || 'desc').toLowerCase() === 'desc';
	const listClass = outbound ? 'org.pih.warehouse.inventory.OutboundStockMovementListItem' : 'org.pih.warehouse.inventory.InboundStockMovementListItem';
	const locationName = (id: string) => state.locations.find((l) => l.id === id)?.name.toLowerCase() ?? null;
	const keys: Record<string, (sm: StockMovementRow) => SortValue> = {
		'destination.name': (sm) => locationName(sm.destinationId),
		'origin.name': (sm) => locationName(sm.originId),
		'requestedBy.name': (sm) => personSortName(state, sm.requestedById),
		'stocklist.name': () => null,
		dateRequested: (sm) => sm.dateRequested,
		dateCreated: (sm) => sm.dateCreated,
		// A persistent property of both list-item domains, so it sorts, though toJson leaves it out.
		lastUpdated: (sm) => sm.lastUpdated,
		identifier: (sm) => sm.identifier.toLowerCase(),
		name: (sm) => movementName(state, sm).toLowerCase(),
		description: (sm) => sm.description?.toLowerCase() ?? null,
		statusCode: (sm) => statusCode(sm),
		...(outbound ? { status: (sm: StockMovementRow) => sm.requisitionStatus } : {}),
		id: (sm) => sm.id,
	};
	if (sort && !(sort in keys)) fail('org.hibernate.QueryException', `could not resolve property: ${sort} of: ${listClass}`);
	if (sort) rows.sort(comparator(keys[sort], descending));
	else if (outbound) {
		rows.sort((a, b) => {
			const bySort = (REQUISITION_SORT_ORDER[a.requisitionStatus!] ?? 0) - (REQUISITION_SORT_ORDER[b.requisitionStatus!] ?? 0);
			return bySort || b.dateCreated - a.dateCreated || (a.id < b.id ? -1 : 1);
		});
	} else rows.sort(comparator((sm) => sm.dateCreated, true));

	const start = offset !== undefined && offset > 0 ? offset : 0;
	const end = max !== undefined && max > 0 ? start + max : undefined;
	const render = outbound ? outboundItemJson : inboundItemJson;
	return ok({ data: rows.slice(start, end).map((sm) => render(state, sm)), totalCount: rows.length });
}

function generateIdentifier(state: OpenBoxesState, seed: number): string {
	const taken = new Set(state.stockMovements.map((sm) => sm.identifier));
	for (let n = seed; ; n += 7919) {
		const digits = 100 + (n % 900);
		const letters = [0, 1, 2].map((k) => String.fromCharCode(65 + (Math.floor(n / 26 ** k) % 26))).join('');
		const id = `${digits}${letters}`;
		if (!taken.has(id)) return id;
	}
}

function personExists(state: OpenBoxesState, id: string | undefined): boolean {
	return !!id && (state.users.some((u) => u.id === id) || state.persons.some((p) => p.id === id));
}

/** POST /api/stockMovements: always requisition-based, status CREATED. */
export function createStockMovement(state: OpenBoxesState, body: JsonObject, user: OpenBoxesUser, now: number): StockMovementRow {
	const originId = refId(body, 'origin');
	const destinationId = refId(body, 'destination');
	const requestedById = refId(body, 'requestedBy');
	const dateRequested = parseFlexibleDate(body.dateRequested);
	const errors: string[] = [];
	if (!originId || !state.locations.some((l) => l.id === originId)) errors.push(constraint.nullable(SM_CLASS, 'origin'));
	if (!destinationId || !state.locations.some((l) => l.id === destinationId)) errors.push(constraint.nullable(SM_CLASS, 'destination'));
	if (!personExists(state, requestedById)) errors.push(constraint.nullable(SM_CLASS, 'requestedBy'));
	if (dateRequested === undefined) errors.push(constraint.nullable(SM_CLASS, 'dateRequested'));
	if (errors.length > 0) invalid(errors);

	const sm: StockMovementRow = {
		id: newId(state, now),
		kind: 'requisition',
		identifier: generateIdentifier(state, now / 1000 + state.counter),
		description: typeof body.description === 'string' ? body.description : null,
		originId: originId!,
		destinationId: destinationId!,
		requestedById: requestedById!,
		createdById: user.id,
		updatedById: user.id,
		dateRequested: dateRequested!,
		dateCreated: now,
		lastUpdated: now,
		requisitionStatus: 'CREATED',
		sourceType: body.sourceType === 'ELECTRONIC' ? 'ELECTRONIC' : null,
		shipment: null,
		orderId: null,
		lines: [],
	};
	if (Array.isArray(body.lineItems)) applyLineItems(state, sm, body.lineItems, false, now);
	state.stockMovements.push(sm);
	return sm;
}

/** `createLineItemsFromJson` + `updateItems`: add, change or delete lines; all-or-nothing. */
function applyLineItems(state: OpenBoxesState, sm: StockMovementRow, items: unknown[], removeEmpty: boolean, now: number): void {
	const lines = sm.lines.map((l) => ({ ...l, picks: [...l.picks] }));
	const errors: string[] = [];
	items.forEach((raw, index) => {
		if (!isObject(raw)) return;
		const id = typeof raw.id === 'string' && raw.id ? raw.id : undefined;
		const existing = id ? lines.find((l) => l.id === id) : undefined;
		if (id && !existing) illegalArgument(`Could not find stock movement item with ID ${id}`);
		if (existing && (raw.delete === true || raw.delete === 'true')) {
			lines.splice(lines.indexOf(existing), 1);
			return;
		}
		const productId = refId(raw, 'product') ?? existing?.productId;
		if (!productId || !state.products.some((p) => p.id === productId)) {
			errors.push(constraint.nullable(ITEM_CLASS, 'product'));
			return;
		}
		const rawQuantity = raw.quantityRequested ?? existing?.quantityRequested;
		const quantity = typeof rawQuantity === 'number' ? rawQuantity : Number(rawQuantity);
		if (rawQuantity === undefined || rawQuantity === null || rawQuantity === '') {
			errors.push(constraint.nullable(ITEM_CLASS, 'quantity'));
			return;
		}
		if (!Number.isInteger(quantity)) {
			errors.push(constraint.typeMismatch(ITEM_CLASS, 'quantity', rawQuantity));
			return;
		}
		if (quantity < 0) {
			errors.push(constraint.min(ITEM_CLASS, 'quantity', quantity, 0));
			return;
		}
		const sortOrder = typeof raw.sortOrder === 'number' ? raw.sortOrder : (existing?.sortOrder ?? (lines.length + index) * 100);
		const comments = raw.comments === undefined ? (existing?.comments ?? null) : stringField(raw, 'comments') ?? null;
		if (existing) {
			// A changed line is re-picked later; its picklist no longer fits.
			if (existing.productId !== productId || existing.quantityRequested !== quantity) existing.picks = [];
			Object.assign(existing, { productId, quantityRequested: quantity, sortOrder, comments });
		} else {
			lines.push({ id: newId(state, now), productId, quantityRequested: quantity, sortOrder, comments, inventoryItemId: null, picks: [], orderItemId: null });
		}
	});
	if (errors.length > 0) invalid(errors);
	sm.lines = removeEmpty ? lines.filter((l) => l.quantityRequested > 0) : lines;
	sm.lines.sort((a, b) => a.sortOrder - b.sortOrder);
}

export function updateItems(state: OpenBoxesState, sm: StockMovementRow, body: JsonObject, user: OpenBoxesUser, now: number): void {
	if (isShipped(sm)) illegalState(`Cannot update items of stock movement ${sm.identifier} because it has already been shipped`);
	const items = Array.isArray(body.lineItems) ? body.lineItems : [];
	applyLineItems(state, sm, items, body.removeEmptyItems === true || body.removeEmptyItems === 'true', now);
	touch(sm, user, now);
}

function touch(sm: StockMovementRow, user: OpenBoxesUser | null, now: number): void {
	sm.lastUpdated = now;
	if (user) sm.updatedById = user.id;
}

function createPicklist(state: OpenBoxesState, sm: StockMovementRow, now: number): void {
	for (const line of sm.lines) {
		line.picks = [];
		if (!isFacility(state, sm.originId)) continue;
		line.picks = pickStock(state, sm.originId, line.productId, line.quantityRequested, now).map(({ row, quantity }) => ({
			availabilityId: row.id,
			inventoryItemId: row.inventoryItemId,
			binLocationId: row.binLocationId,
			quantity,
		}));
	}
}

function ensureShipment(sm: StockMovementRow): void {
	sm.shipment ??= {
		id: sm.id,
		shipmentNumber: sm.identifier,
		currentStatus: 'PENDING',
		dateShipped: null,
		expectedDeliveryDate: null,
		dateDelivered: null,
		shipmentTypeId: null,
		trackingNumber: null,
		driverName: null,
		comments: null,
		received: [],
	};
}

/** Sends the shipment: picked stock leaves the origin, the order (if any) counts it as shipped. */
function issue(state: OpenBoxesState, sm: StockMovementRow, now: number): void {
	if (isShipped(sm)) return;
	ensureShipment(sm);
	if (sm.kind === 'requisition') {
		if (sm.lines.every((l) => l.picks.length === 0)) createPicklist(state, sm, now);
		for (const line of sm.lines) {
			for (const pick of line.picks) {
				const row = state.availability.find((r) => r.id === pick.availabilityId);
				if (row) {
					row.quantityOnHand -= pick.quantity;
					row.lastUpdated = now;
				}
			}
		}
	}
	sm.shipment!.currentStatus = 'SHIPPED';
	sm.shipment!.dateShipped ??= now;
	const order = sm.orderId ? state.purchaseOrders.find((o) => o.id === sm.orderId) : undefined;
	if (order) {
		for (const line of sm.lines) {
			const item = order.items.find((i) => i.id === line.orderItemId);
			if (item) item.quantityShipped = Math.min(item.quantity, item.quantityShipped + line.quantityRequested);
		}
		order.lastUpdated = now;
	}
}

function booleanField(body: JsonObject, key: string): boolean {
	return body[key] === true || body[key] === 'true';
}

/** POST /api/stockMovements/{id}/status (StockMovementService.transitionStockMovement). */
export function transition(state: OpenBoxesState, sm: StockMovementRow, body: JsonObject, user: OpenBoxesUser, now: number): void {
	const rawStatus = 'status' in body && body.status !== null && body.status !== undefined ? String(body.status) : null;
	if (sm.kind === 'shipment') {
		const status = rawStatus ? enumValue(REQUISITION_STATUSES, rawStatus, 'org.pih.warehouse.requisition.RequisitionStatus') : null;
		if (status !== 'ISSUED') fail('java.lang.UnsupportedOperationException', 'Updating inbound status not yet supported');
		issue(state, sm, now);
		touch(sm, user, now);
		return;
	}
	const status = rawStatus
		? enumValue(STOCK_MOVEMENT_STATUS_CODES, rawStatus, 'org.pih.warehouse.inventory.StockMovementStatusCode')
		: null;
	if (status && booleanField(body, 'statusOnly')) {
		setRequisitionStatus(sm, fromStockMovementStatus(status), user, now);
		return;
	}
	if (booleanField(body, 'rollback')) rollback(state, sm, user, now);
	if (!status) return;
	const pendingApproval = sm.requisitionStatus === 'PENDING_APPROVAL';
	const before = JSON.stringify([sm.shipment, sm.lines]);
	switch (status) {
		case 'CREATED':
		case 'REQUESTED':
		case 'PENDING_APPROVAL':
		case 'VALIDATED':
			break;
		case 'APPROVED':
		case 'REJECTED':
			if (!pendingApproval) illegalArgument(`Cannot update to status ${status} because request is not pending approval`);
			if (status === 'REJECTED' && !(typeof body.comment === 'string' && body.comment.trim())) {
				illegalArgument('Comment is required before rejecting a request');
			}
			break;
		case 'PICKING':
			if (booleanField(body, 'clearPicklist')) for (const line of sm.lines) line.picks = [];
			if (booleanField(body, 'createPicklist')) createPicklist(state, sm, now);
			break;
		case 'PICKED':
		case 'PACKED':
		case 'CHECKING':
		case 'CHECKED':
			// The shipment is built from the picklist (picked now if nobody picked yet).
			if (!isShipped(sm) && sm.lines.every((l) => l.picks.length === 0)) createPicklist(state, sm, now);
			ensureShipment(sm);
			break;
		case 'DISPATCHED':
			issue(state, sm, now);
			break;
		default:
			illegalArgument(`Cannot update status with invalid status ${status}`);
	}
	// Side effects (picklist, shipment) count as a change even when the status itself stays.
	if (JSON.stringify([sm.shipment, sm.lines]) !== before) touch(sm, user, now);
	setRequisitionStatus(sm, fromStockMovementStatus(status), user, now);
}

/** RequisitionStatus.fromStockMovementStatus (CHECKED has no requisition status: the enum error). */
function fromStockMovementStatus(status: StockMovementStatusCode): RequisitionStatus {
	const mapped: Partial<Record<StockMovementStatusCode, RequisitionStatus>> = {
		REQUESTING: 'EDITING',
		REQUESTED: 'VERIFYING',
		PENDING_APPROVAL: 'PENDING_APPROVAL',
		PACKED: 'CHECKING',
		VALIDATED: 'VERIFYING',
		DISPATCHED: 'ISSUED',
	};
	return mapped[status] ?? enumValue(REQUISITION_STATUSES, status, 'org.pih.warehouse.requisition.RequisitionStatus');
}

/** updateRequisitionStatus: a backwards transition is ignored (only logged), as in OpenBoxes. */
function setRequisitionStatus(sm: StockMovementRow, status: RequisitionStatus, user: OpenBoxesUser, now: number): void {
	const current = sm.requisitionStatus!;
	if (ordinal(status) < ordinal(current)) return;
	sm.requisitionStatus = status;
	touch(sm, user, now);
}

/** rollbackStockMovement: only a shipment that left can be rolled back, one event at a time. */
export function rollback(state: OpenBoxesState, sm: StockMovementRow, user: OpenBoxesUser, now: number): void {
	const shipment = sm.shipment;
	if (!shipment || !isShipped(sm)) return;
	if (shipment.currentStatus === 'RECEIVED' || shipment.currentStatus === 'PARTIALLY_RECEIVED') {
		for (const { availabilityId, quantity } of shipment.received) {
			const row = state.availability.find((r) => r.id === availabilityId);
			if (row) {
				row.quantityOnHand -= quantity;
				row.lastUpdated = now;
			}
		}
		shipment.received = [];
		shipment.currentStatus = 'SHIPPED';
		shipment.dateDelivered = null;
	} else {
		for (const line of sm.lines) {
			for (const pick of line.picks) {
				const row = state.availability.find((r) => r.id === pick.availabilityId);
				if (row) {
					row.quantityOnHand += pick.quantity;
					row.lastUpdated = now;
				}
			}
		}
		shipment.currentStatus = 'PENDING';
		shipment.dateShipped = null;
		if (sm.kind === 'requisition') sm.requisitionStatus = 'CHECKING';
	}
	touch(sm, user, now);
}

/** POST /api/stockMovements/{id}/updateShipment. */
export function updateShipment(state: OpenBoxesState, sm: StockMovementRow, body: JsonObject, user: OpenBoxesUser, now: number): void {
	const date = (key: string): number | null | undefined => {
		const raw = body[key];
		if (raw === undefined) return undefined;
		if (raw === null || raw === '') return null;
		const parsed = parseFlexibleDate(String(raw).replace(/^(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}) ([+-]\d{2}:?\d{2}|Z)$/, '$1$2'));
		return parsed ?? fail('java.text.ParseException', `Unparseable date: "${String(raw)}"`);
	};
	const dateShipped = date('dateShipped');
	const expected = date('expectedDeliveryDate');
	const shipmentTypeId = refId(body, 'shipmentType');
	if (shipmentTypeId && !SHIPMENT_TYPES.some((t) => t.id === shipmentTypeId)) {
		invalid([constraint.nullable('org.pih.warehouse.shipping.Shipment', 'shipmentType')]);
	}
	const destinationId = refId(body, 'destination');
	if (destinationId && !state.locations.some((l) => l.id === destinationId)) {
		invalid([constraint.nullable('org.pih.warehouse.shipping.Shipment', 'destination')]);
	}
	ensureShipment(sm);
	const shipment = sm.shipment!;
	if (dateShipped !== undefined) shipment.dateShipped = dateShipped;
	if (expected !== undefined) shipment.expectedDeliveryDate = expected;
	if (shipmentTypeId) shipment.shipmentTypeId = shipmentTypeId;
	if (destinationId) sm.destinationId = destinationId;
	for (const key of ['trackingNumber', 'driverName', 'comments'] as const) {
		const value = stringField(body, key);
		if (value !== undefined) shipment[key] = value;
	}
	touch(sm, user, now);
}

/** DELETE /api/stockMovements/{id}. */
export function deleteStockMovement(state: OpenBoxesState, sm: StockMovementRow, sessionLocationId: string | null): SandboxResponse {
	const remove = () => {
		state.stockMovements = state.stockMovements.filter((s) => s !== sm);
		return empty(204);
	};
	if (sm.orderId) {
		// Order-based (PO shipments) go through the stock transfer service, which refuses shipped ones.
		return isShipped(sm) ? { status: 400, body: { errorMessage: 'The Stock Movement could not be deleted' } } : remove();
	}
	if (sessionLocationId !== sm.originId && sessionLocationId !== sm.destinationId) {
		return { status: 400, body: { errorMessage: 'You are not able to delete stock movement from your location.' } };
	}
	if (!sm.shipment || sm.shipment.currentStatus === 'PENDING') return remove();
	return { status: 400, body: { errorMessage: `You cannot delete a shipment with status ${sm.shipment.currentStatus}` } };
}

/**
 * Receives a shipped movement in full (what a completed partial receipt does): the stock goes
 * into the destination's receiving bin, where it waits for put-away. Test/demo helper.
 */
export function receive(state: OpenBoxesState, sm: StockMovementRow, now: number): void {
	if (!sm.shipment || !isShipped(sm) || sm.shipment.currentStatus === 'RECEIVED') {
		throw new Error(`stock movement ${sm.identifier} is not shipped (or already received)`);
	}
	const shipment = sm.shipment;
	if (isFacility(state, sm.destinationId)) {
		const bin = binsOf(state, sm.destinationId, true)[0] ?? null;
		for (const line of sm.lines) {
			const lots: Array<{ inventoryItemId: string; quantity: number }> = line.picks.length
				? line.picks.map((p) => ({ inventoryItemId: p.inventoryItemId, quantity: p.quantity }))
				: [{ inventoryItemId: line.inventoryItemId ?? findOrCreateItem(state, line.productId, null, null, now).id, quantity: line.quantityRequested }];
			for (const lot of lots) {
				const row = addStock(state, { productId: line.productId, locationId: sm.destinationId, binLocationId: bin, inventoryItemId: lot.inventoryItemId }, lot.quantity, now);
				shipment.received.push({ availabilityId: row.id, quantity: lot.quantity });
			}
		}
	}
	shipment.currentStatus = 'RECEIVED';
	shipment.dateDelivered = now;
	touch(sm, null, now);
	const order = sm.orderId ? state.purchaseOrders.find((o) => o.id === sm.orderId) : undefined;
	if (order) {
		for (const line of sm.lines) {
			const item = order.items.find((i) => i.id === line.orderItemId);
			if (item) item.quantityReceived = Math.min(item.quantity, item.quantityReceived + line.quantityRequested);
		}
		order.status = order.items.every((i) => i.quantityReceived >= i.quantity) ? 'RECEIVED' : 'PARTIALLY_RECEIVED';
		order.lastUpdated = now;
	}
}
