/**
 * Customer-side purchase orders (scope procurement): the filtered and ordered list, the detail,
 * and closing an order for further deliveries. The deliveries themselves are in deliveries.ts.
 */
import type { RequestContext, SandboxResponse } from '../common/server';
import {
	OUTLETS,
	SUPPLIERS,
	USERS,
	apiCustomerOrder,
	type CustomerOrderStatus,
	type SeedCustomerOrder,
} from './customerSeed';
import { DETAIL, json, lastParam, paginate, parseDateTime, pythonInt } from './http';
import type { ApicbaseState } from './model';

const PO_STATUSES: CustomerOrderStatus[] = ['IN_PROGRESS', 'ORDERED', 'DELIVERED'];
const PO_ORDERINGS = ['id', 'ordered_on', 'order_number', 'expected_delivery_date'];

export function findCustomerOrder(state: ApicbaseState, id: string | undefined): SeedCustomerOrder | undefined {
	return state.customerOrders.find((o) => String(o.id) === id);
}

export function listCustomerOrders(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const q = (name: string) => lastParam(ctx.query, name);
	const errors: Record<string, string[]> = {};
	let rows = state.customerOrders;
	const choice = (value: string) => `Select a valid choice. ${value} is not one of the available choices.`;

	const status = q('status');
	if (status) {
		if (!PO_STATUSES.includes(status as CustomerOrderStatus)) errors.status = [choice(status)];
		else rows = rows.filter((o) => o.status === status);
	}
	const statusIn = q('status__in');
	if (statusIn) {
		const wanted = statusIn.split(',').map((s) => s.trim());
		const bad = wanted.find((s) => !PO_STATUSES.includes(s as CustomerOrderStatus));
		if (bad !== undefined) errors.status__in = [choice(bad)];
		else rows = rows.filter((o) => wanted.includes(o.status));
	}
	// ModelChoiceFilter: an unknown or non-numeric id is a validation error.
	const related: Array<[string, number[], (o: SeedCustomerOrder) => number]> = [
		['supplier', SUPPLIERS.map((x) => x.id), (o) => o.supplierId],
		['outlet', OUTLETS.map((x) => x.id), (o) => o.outletId],
		['user', USERS.map((x) => x.id), (o) => o.userId],
	];
	for (const [name, ids, get] of related) {
		const raw = q(name);
		if (!raw) continue;
		const id = pythonInt(raw);
		if (id === null || !ids.includes(id)) {
			errors[name] = ['Select a valid choice. That choice is not one of the available choices.'];
		} else rows = rows.filter((o) => get(o) === id);
	}
	const orderNumber = q('order_number');
	if (orderNumber) rows = rows.filter((o) => o.orderNumber === orderNumber);
	const contains = q('order_number__icontains');
	if (contains) rows = rows.filter((o) => o.orderNumber.toLowerCase().includes(contains.toLowerCase()));

	const dates: Array<[string, (o: SeedCustomerOrder) => number | null, (a: number, b: number) => boolean]> = [
		['ordered_on__gt', (o) => o.orderedOnUs, (a, b) => a > b],
		['ordered_on__lt', (o) => o.orderedOnUs, (a, b) => a < b],
		['expected_delivery_date__gt', (o) => o.expectedDeliveryUs, (a, b) => a > b],
		['expected_delivery_date__lt', (o) => o.expectedDeliveryUs, (a, b) => a < b],
	];
	for (const [name, get, compare] of dates) {
		const raw = q(name);
		if (!raw) continue;
		const bound = parseDateTime(raw);
		if (bound === null) errors[name] = ['Enter a valid date/time.'];
		// SQL: a NULL date never satisfies a comparison.
		else rows = rows.filter((o) => get(o) !== null && compare(get(o)!, bound));
	}
	const flags: Array<[string, (o: SeedCustomerOrder) => boolean]> = [
		['delivery_closed', (o) => o.deliveryClosed],
		['viewed_by_supplier', (o) => o.viewedAtUs !== null],
		['fetched_by_supplier', (o) => o.fetchedAtUs !== null],
	];
	for (const [name, isSet] of flags) {
		const wanted = ({ true: true, '1': true, false: false, '0': false } as Record<string, boolean>)[
			(q(name) ?? '').toLowerCase()
		];
		if (wanted !== undefined) rows = rows.filter((o) => isSet(o) === wanted);
	}
	if (Object.keys(errors).length) return json(400, errors);

	// Default: newest first (creation order = id). Unknown ordering fields are dropped.
	const requested = (q('ordering') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => PO_ORDERINGS.includes(s.replace(/^-/, '')));
	const ordering = requested.length ? requested : ['-id'];
	const value = (o: SeedCustomerOrder, field: string): number | string | null =>
		field === 'id'
			? o.id
			: field === 'order_number'
				? o.orderNumber
				: field === 'ordered_on'
					? o.orderedOnUs
					: o.expectedDeliveryUs;
	const sorted = [...rows].sort((a, b) => {
		for (const term of ordering) {
			const desc = term.startsWith('-');
			const field = desc ? term.slice(1) : term;
			const [x, y] = [value(a, field), value(b, field)];
			if (x === y) continue;
			// PostgreSQL: NULLs sort last ascending, first descending.
			if (x === null) return desc ? -1 : 1;
			if (y === null) return desc ? 1 : -1;
			return (x < y ? -1 : 1) * (desc ? -1 : 1);
		}
		return a.id - b.id;
	});
	return paginate(ctx, sorted, apiCustomerOrder);
}

export function getCustomerOrder(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const order = findCustomerOrder(state, ctx.params.id);
	return order ? json(200, apiCustomerOrder(order)) : json(404, { detail: DETAIL.notFound });
}

export function closeDeliveries(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const order = findCustomerOrder(state, ctx.params.id);
	if (!order) return json(404, { detail: DETAIL.notFound });
	if (order.status !== 'DELIVERED') {
		return json(400, { detail: 'Only delivered purchase orders can be closed for deliveries.' });
	}
	if (order.deliveryClosed) return json(400, { detail: 'Deliveries for this purchase order are already closed.' });
	if (state.deliveries.some((d) => d.purchaseOrder === order.id && d.status === 'DRAFT')) {
		return json(400, { detail: 'Submit or delete the draft deliveries of this purchase order first.' });
	}
	order.deliveryClosed = true;
	return json(200, apiCustomerOrder(order));
}
