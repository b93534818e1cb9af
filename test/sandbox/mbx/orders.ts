/**
 * Customer order submissions: create, update and delete while an order is pending (each write
 * checked by validation.ts against this organization's items, ship methods and purchase orders),
 * the status step pending -> released -> shipped that tests drive (shipping adds the invoice), and
 * the bulk additions of addOrders(). Lists and GET by id are query.ts's.
 */
import type { SandboxResponse } from '../common/server';
import { checkCount, errors, knownOrganization, MbxSandboxError, notFoundRecord, type JsonObject } from './http';
import { prng, type MbxOrganization } from './seed';
import { makeOrder, orderNumbers, promiseDate, renderOrder, shipOrder, type MbxOrder, type ShipContext } from './seed-operations';
import { owned, tick, ticks, type MbxState } from './state';
import { validateOrderInput, type OrderRules } from './validation';

/** The order fields q can filter on: the scalar ones (not recipient, lines, invoices...). */
export const ORDER_FILTER_FIELDS: ReadonlyArray<keyof MbxOrder> = [
	'id',
	'organization_id',
	'purchase_order',
	'customer_order',
	'ship_method_id',
	'ship_method',
	'ship_account',
	'end_user_po',
	'end_user_name',
	'end_user_order_dt',
	'notes',
	'customer_rma_case',
	'duties_and_taxes_account',
	'status',
	'promise_date',
	'created_at',
	'updated_at',
];

function orderRules(state: MbxState, organization: MbxOrganization, exceptOrderId?: number): OrderRules {
	const organizationId = organization.organizationId;
	return {
		organizationId,
		shipMethodExists: (id) => state.shipMethodRows.some((m) => m.id === id),
		productExists: (code) => state.itemsByProductCode.has(`${organizationId}:${code}`),
		countryExists: (isoCode) => state.countryCodes.has(isoCode),
		purchaseOrderTaken: (purchaseOrder) =>
			state.settings.uniquePurchaseOrders &&
			state.orderRows.some(
				(o) =>
					o.organization_id === organizationId &&
					o.purchase_order === purchaseOrder &&
					o.id !== exceptOrderId,
			),
	};
}

function findOrder(state: MbxState, organization: MbxOrganization, id: string): MbxOrder | undefined {
	if (!/^\d+$/.test(id)) return undefined;
	return state.orderRows.find((o) => o.id === Number(id) && o.organization_id === organization.organizationId);
}

function shipMethodName(state: MbxState, id: number): string {
	return state.shipMethodRows.find((m) => m.id === id)?.name ?? '';
}

export function createOrder(state: MbxState, organization: MbxOrganization, body: JsonObject): SandboxResponse {
	const { errors: problems, changes } = validateOrderInput(body, orderRules(state, organization), 'create');
	if (problems.length > 0) return errors(422, ...problems);
	const at = tick(state);
	const order: MbxOrder = {
		id: state.nextIds.order++,
		organization_id: organization.organizationId,
		purchase_order: changes.purchase_order!,
		customer_order: changes.customer_order!,
		ship_method_id: changes.ship_method_id!,
		ship_method: shipMethodName(state, changes.ship_method_id!),
		ship_account: changes.ship_account ?? null,
		end_user_po: changes.end_user_po ?? null,
		end_user_name: changes.end_user_name ?? null,
		end_user_order_dt: changes.end_user_order_dt ?? null,
		notes: changes.notes ?? null,
		customer_rma_case: changes.customer_rma_case ?? null,
		customer_data: changes.customer_data ?? null,
		recipient: changes.recipient!,
		importer_of_record: changes.importer_of_record ?? null,
		duties_and_taxes_account: changes.duties_and_taxes_account ?? null,
		status: 'pending',
		lines: changes.lines!,
		promise_date: changes.promise_date ?? null,
		created_at: at,
		updated_at: at,
	};
	state.orderRows.push(order);
	return { status: 201, body: renderOrder(order) };
}

export function updateOrder(state: MbxState, organization: MbxOrganization, id: string, body: JsonObject): SandboxResponse {
	const order = findOrder(state, organization, id);
	if (!order) return notFoundRecord('CustomerOrderSubmission', id);
	if (order.status !== 'pending') {
		return errors(422, `Order ${order.id} can no longer be changed: it is ${order.status}`);
	}
	const { errors: problems, changes } = validateOrderInput(body, orderRules(state, organization, order.id), 'update');
	if (problems.length > 0) return errors(422, ...problems);
	const before = JSON.stringify(renderOrder(order));
	Object.assign(order, changes);
	if (changes.ship_method_id !== undefined) order.ship_method = shipMethodName(state, changes.ship_method_id);
	// Like Rails, a save that changes nothing leaves updated_at alone.
	if (JSON.stringify(renderOrder(order)) !== before) order.updated_at = tick(state);
	return { status: 200, body: renderOrder(order) };
}

export function deleteOrder(state: MbxState, organization: MbxOrganization, id: string): SandboxResponse {
	const order = findOrder(state, organization, id);
	if (!order) return notFoundRecord('CustomerOrderSubmission', id);
	if (order.status !== 'pending') {
		return errors(422, `Order ${order.id} can no longer be deleted: it is ${order.status}`);
	}
	state.orderRows = state.orderRows.filter((o) => o !== order);
	return { status: 200, body: renderOrder(order) };
}

export function appendOrders(state: MbxState, n: number, organizationId: number): void {
	checkCount(n);
	knownOrganization(organizationId);
	if (n === 0) return;
	const orderable = owned(state, state.itemRows, organizationId, (i) => i.owner_id).filter((i) => i.archived_at === null);
	if (orderable.length === 0) throw new MbxSandboxError(422, `organization ${organizationId} has no item to order`);
	const existing = owned(state, state.orderRows, organizationId, (o) => o.organization_id);
	const taken = new Set(existing.map((o) => o.purchase_order));
	const stamps = ticks(state, n);
	const random = prng(organizationId * 7919 + state.nextIds.order);
	const priceOf = (itemId: number) => state.prices.get(itemId) ?? 0;
	let index = existing.length;
	for (let k = 0; k < n; k++) {
		while (taken.has(orderNumbers(organizationId, index).purchaseOrder)) index++;
		const numbers = orderNumbers(organizationId, index);
		taken.add(numbers.purchaseOrder);
		const at = Date.parse(stamps[k]);
		const order = makeOrder(
			{ id: state.nextIds.order++, organizationId, index, ...numbers, status: 'pending', createdMs: at, updatedMs: at },
			random,
			orderable,
			priceOf,
			state.shipMethodRows,
		);
		state.orderRows.push(order);
		index++;
	}
}

/** The order's next status, stamped now; the caller sends the order-update webhook with the result. */
export function advanceOrderStatus(state: MbxState, id: number): MbxOrder {
	const order = state.orderRows.find((o) => o.id === id);
	if (!order) throw new MbxSandboxError(404, `Couldn't find CustomerOrderSubmission with 'id'=${id}`);
	if (order.status === 'shipped') throw new MbxSandboxError(422, `Order ${id} has already shipped`);
	const at = tick(state);
	if (order.status === 'pending') {
		order.status = 'released';
		// The anticipated ship date the customer gave is kept; without one MBX sets its own.
		order.promise_date ??= promiseDate(Date.parse(at), 7);
		order.updated_at = at;
	} else {
		state.invoiceRows.push(shipOrder(order, state.nextIds.invoice++, at, shipContext(state, order)));
	}
	return renderOrder(order);
}

function shipContext(state: MbxState, order: MbxOrder): ShipContext {
	return {
		item: (code) => state.itemsByProductCode.get(`${order.organization_id}:${code}`),
		price: (itemId) => state.prices.get(itemId) ?? 0,
		shipMethod: state.shipMethodRows.find((m) => m.id === order.ship_method_id)!,
	};
}
