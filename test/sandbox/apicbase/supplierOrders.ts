/**
 * The supplier's purchase orders (Generic Suppliers API, scope supplier): the filtered, ordered
 * and paginated list with the cache that keeps it fast at 100,000 orders, the PATCH that sets the
 * fetched/viewed flags, and the bulk append behind ApicbaseSandbox.addOrders().
 */
import { header, type RequestContext, type SandboxResponse } from '../common/server';
import { json, lastParam, paginate, parseDateTime, pythonTypeName } from './http';
import { sandboxNow, type ApicbaseState } from './model';
import { apiOrder, buildOrder, type SeedOrder } from './seed';

const ORDERINGS = ['ordered_on', '-ordered_on', 'order_number', '-order_number'];
/** How far apart appendOrders() places orders (less when the last order is nearer the clock). */
const ADDED_ORDER_SPREAD_US = 3_000_000;
/** At most this many supplier order lists are kept (each filter value makes one). */
const CACHED_ORDER_LISTS = 64;

export function listPurchaseOrders(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const q = (name: string) => lastParam(ctx.query, name);
	const errors: Record<string, string[]> = {};
	const filters: Array<(o: SeedOrder) => boolean> = [];
	// What the filters are, for the list cache: the value each one was given.
	const applied: string[] = [];

	// django-filter: empty values mean "no filter"; all field errors are reported at once.
	const status = q('status');
	if (status) {
		if (status !== 'ORDERED' && status !== 'DELIVERED') {
			errors.status = [`Select a valid choice. ${status} is not one of the available choices.`];
		} else {
			filters.push((o) => o.status === status);
			applied.push(`status=${status}`);
		}
	}
	const comparisons: Array<[string, (a: number, b: number) => boolean]> = [
		['ordered_on__gt', (a, b) => a > b],
		['ordered_on__gte', (a, b) => a >= b],
		['ordered_on__lt', (a, b) => a < b],
	];
	for (const [name, compare] of comparisons) {
		const raw = q(name);
		if (!raw) continue;
		const bound = parseDateTime(raw);
		if (bound === null) errors[name] = ['Enter a valid date/time.'];
		else {
			filters.push((o) => compare(o.orderedOnUs, bound));
			applied.push(`${name}=${bound}`);
		}
	}
	// django-filter's BooleanWidget: true/false/1/0 (any case); anything else is ignored.
	const flags: Array<[string, (o: SeedOrder) => boolean]> = [
		['fetched_by_supplier', (o) => o.fetchedAtUs !== null],
		['viewed_by_supplier', (o) => o.viewedAtUs !== null],
	];
	for (const [name, isSet] of flags) {
		const wanted = ({ true: true, '1': true, false: false, '0': false } as Record<string, boolean>)[
			(q(name) ?? '').toLowerCase()
		];
		if (wanted !== undefined) {
			filters.push((o) => isSet(o) === wanted);
			applied.push(`${name}=${wanted}`);
		}
	}
	const orderNumber = q('order_number');
	if (orderNumber) {
		filters.push((o) => o.orderNumber === orderNumber);
		applied.push(`order_number=${JSON.stringify(orderNumber)}`);
	}
	if (Object.keys(errors).length) return json(400, errors);

	// DRF OrderingFilter drops unknown fields silently; the id tie-break keeps pages stable.
	const requested = (q('ordering') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => ORDERINGS.includes(s));
	const ordering = requested.length ? requested : ['-ordered_on'];
	// Filtering the sorted list keeps its order: the same rows as sorting the matches.
	const rows = filters.length
		? cachedOrders(state, `${ordering.join(',')}?${applied.join('&')}`, () =>
				sortedOrders(state, ordering).filter((o) => filters.every((matches) => matches(o))),
			)
		: sortedOrders(state, ordering);
	return paginate(ctx, rows, apiOrder);
}

/**
 * A supplier order list made by `build`, kept between requests while the orders are the same
 * array, as long, and no flag changed: sorting and filtering 100,000 orders for each page would
 * cost far more than the page. Orders are only appended; their sorted fields never change.
 */
function cachedOrders(state: ApicbaseState, key: string, build: () => SeedOrder[]): SeedOrder[] {
	const cached = state.orderLists.get(key);
	if (cached?.source === state.orders && cached.length === state.orders.length && cached.revision === state.flagsRevision) {
		return cached.rows;
	}
	const rows = build();
	if (state.orderLists.size >= CACHED_ORDER_LISTS) state.orderLists.clear();
	state.orderLists.set(key, { source: state.orders, length: state.orders.length, revision: state.flagsRevision, rows });
	return rows;
}

/** Every supplier order in one ordering; seq breaks ties, so the order is total. */
function sortedOrders(state: ApicbaseState, ordering: string[]): SeedOrder[] {
	return cachedOrders(state, ordering.join(','), () =>
		[...state.orders].sort((a, b) => {
			for (const term of ordering) {
				const desc = term.startsWith('-');
				const field = desc ? term.slice(1) : term;
				const [x, y] = field === 'ordered_on' ? [a.orderedOnUs, b.orderedOnUs] : [a.orderNumber, b.orderNumber];
				if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
			}
			return a.seq - b.seq;
		}),
	);
}

/** Body: a JSON list of {id, fetched_by_supplier?: true, viewed_by_supplier?: true}. Validated as
 * a DRF ListSerializer: errors come back as a list with one object per item, nothing is saved
 * unless every item is valid. */
export function patchPurchaseOrders(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const type = (header(ctx.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') {
		return json(415, { detail: `Unsupported media type "${header(ctx.headers, 'content-type') ?? ''}" in request.` });
	}
	if (ctx.json === undefined) {
		return json(400, { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' });
	}
	if (!Array.isArray(ctx.json)) {
		const got = ctx.json === null ? 'NoneType' : pythonTypeName(ctx.json);
		return json(400, { non_field_errors: [`Expected a list of items but got type "${got}".`] });
	}

	const now = sandboxNow(state) * 1000;
	const errors: Array<Record<string, string[]>> = [];
	const updates: Array<{ order: SeedOrder; fetched: boolean; viewed: boolean }> = [];
	for (const item of ctx.json as unknown[]) {
		const itemErrors: Record<string, string[]> = {};
		if (!item || typeof item !== 'object' || Array.isArray(item)) {
			const got = item === null ? 'NoneType' : Array.isArray(item) ? 'list' : pythonTypeName(item);
			errors.push({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] });
			continue;
		}
		const data = item as Record<string, unknown>;
		let order: SeedOrder | undefined;
		if (data.id === undefined || data.id === null || data.id === '') {
			itemErrors.id = ['This field is required.'];
		} else {
			order = state.orders.find((o) => o.id === data.id);
			if (!order) itemErrors.id = [`Invalid pk "${String(data.id)}" - object does not exist.`];
		}
		const flag = (name: string): boolean => {
			const value = data[name];
			if (value === undefined) return false;
			if (value === true || value === 'true' || value === 'True' || value === 1) return true;
			if (value === false || value === 'false' || value === 'False' || value === 0) {
				itemErrors[name] = ['This flag cannot be unset.'];
			} else itemErrors[name] = ['Must be a valid boolean.'];
			return false;
		};
		const fetched = flag('fetched_by_supplier');
		const viewed = flag('viewed_by_supplier');
		errors.push(itemErrors);
		if (order) updates.push({ order, fetched, viewed });
	}
	if (errors.some((e) => Object.keys(e).length)) return json(400, errors);

	// Marking again keeps the first timestamp: the flags record when it first happened.
	for (const { order, fetched, viewed } of updates) {
		if (fetched && order.fetchedAtUs === null) order.fetchedAtUs = now;
		if (viewed && order.viewedAtUs === null) order.viewedAtUs = now;
	}
	state.flagsRevision++;
	return json(
		200,
		updates.map((u) => apiOrder(u.order)),
	);
}

/** See ApicbaseSandbox.addOrders(). */
export function appendOrders(state: ApicbaseState, n: number): void {
	if (!Number.isInteger(n) || n < 0) throw new Error(`count must be a whole number of 0 or more, got ${n}`);
	if (n === 0) return;
	const nowUs = sandboxNow(state) * 1000;
	const lastUs = state.orders.reduce((max, o) => Math.max(max, o.orderedOnUs), Number.NEGATIVE_INFINITY);
	const step = Math.max(1, Math.min(ADDED_ORDER_SPREAD_US, Math.floor((nowUs - lastUs) / n)));
	// Ends at now; only a clock behind the last order puts them after now, 1 µs apart.
	const firstUs = Math.max(nowUs - step * (n - 1), lastUs + step);
	for (let k = 0; k < n; k++) state.orders.push(buildOrder(state.nextSeq++, firstUs + k * step));
}
