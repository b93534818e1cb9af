/**
 * Inventory (scope inventory): an outlet's stock items and the stock of one item there. The
 * levels change only when a delivery is submitted with update_stock (deliveries.ts).
 */
import type { RequestContext, SandboxResponse } from '../common/server';
import { OUTLETS, STOCK_ITEMS, apiStock, apiStockItem } from './customerSeed';
import { DETAIL, json, lastParam, paginate, parseDateTime } from './http';
import type { ApicbaseState } from './model';

export function listStockItems(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const outlet = OUTLETS.find((o) => String(o.id) === ctx.params.outlet_id);
	if (!outlet) return json(404, { detail: DETAIL.notFound });
	let levels = state.stockLevels.filter((l) => l.outletId === outlet.id);
	const raw = lastParam(ctx.query, 'modified_date__gt');
	if (raw) {
		const bound = parseDateTime(raw);
		if (bound === null) return json(400, { modified_date__gt: ['Enter a valid date/time.'] });
		levels = levels.filter((l) => l.modifiedUs > bound);
	}
	return paginate(ctx, levels, (l) => apiStockItem(STOCK_ITEMS.find((i) => i.id === l.stockItemId)!, l));
}

export function getStock(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const level = state.stockLevels.find(
		(l) => String(l.outletId) === ctx.params.outlet_id && String(l.stockItemId) === ctx.params.stock_item_id,
	);
	return level ? json(200, apiStock(level)) : json(404, { detail: DETAIL.notFound });
}
