/**
 * Customer-side deliveries (scope procurement): receipts of a purchase order, created as drafts
 * with DRF's field validation, listed and read, and submitted once, which marks the order
 * DELIVERED and (optionally) adds the delivered quantities to the outlet's stock.
 */
import { header, type RequestContext, type SandboxResponse } from '../common/server';
import { findCustomerOrder } from './customerOrders';
import { formatMilli, type SeedCustomerOrder, type SeedPoPackage } from './customerSeed';
import { DETAIL, drfDecimal, json, paginate, parseDateTime, pythonTypeName } from './http';
import { sandboxNow, type ApicbaseState, type DeliveredPackage, type Delivery } from './model';
import { formatCents, formatDateTime } from './seed';

const FIRST_DELIVERY_ID = 4001;

export function apiDelivery(delivery: Delivery): Record<string, unknown> {
	return {
		id: delivery.id,
		purchase_order: delivery.purchaseOrder,
		status: delivery.status,
		remarks: delivery.remarks,
		update_stock: delivery.updateStock,
		total_discount: delivery.totalDiscountCents === null ? null : formatCents(delivery.totalDiscountCents),
		total_discount_remarks: delivery.totalDiscountRemarks,
		delivered_packages: delivery.packages.map((p) => ({
			id: p.id,
			supplier_package: p.supplierPackage,
			quantity: formatMilli(p.quantityMilli),
			price: p.priceCents === null ? null : formatCents(p.priceCents),
			intake_reason: p.intakeReason,
		})),
		created: formatDateTime(delivery.createdMs * 1000),
		delivery_date: delivery.deliveryDateUs === null ? null : formatDateTime(delivery.deliveryDateUs),
	};
}

/** Newest first. */
export function listDeliveries(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	return paginate(ctx, [...state.deliveries].reverse(), apiDelivery);
}

export function createDelivery(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const type = (header(ctx.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') {
		return json(415, { detail: `Unsupported media type "${header(ctx.headers, 'content-type') ?? ''}" in request.` });
	}
	if (ctx.json === undefined) return json(400, { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' });
	if (!ctx.json || typeof ctx.json !== 'object' || Array.isArray(ctx.json)) {
		const got = ctx.json === null ? 'NoneType' : pythonTypeName(ctx.json);
		return json(400, { non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] });
	}
	const body = ctx.json as Record<string, unknown>;
	const errors: Record<string, unknown> = {};
	const text = (name: string): string | null => {
		const value = body[name];
		if (value === undefined || value === null) return null;
		if (typeof value !== 'string') errors[name] = ['Not a valid string.'];
		return typeof value === 'string' ? value : null;
	};

	let order: SeedCustomerOrder | undefined;
	const poValue = body.purchase_order;
	if (poValue === undefined || poValue === null || poValue === '') {
		errors.purchase_order = ['This field is required.'];
	} else if (typeof poValue !== 'number' && typeof poValue !== 'string') {
		errors.purchase_order = [`Incorrect type. Expected pk value, received ${pythonTypeName(poValue)}.`];
	} else {
		order = findCustomerOrder(state, String(poValue).trim());
		if (!order) errors.purchase_order = [`Invalid pk "${String(poValue)}" - object does not exist.`];
		else if (order.status === 'IN_PROGRESS' || (order.status === 'DELIVERED' && order.deliveryClosed)) {
			errors.purchase_order = [
				'Deliveries can only be created for ordered purchase orders, or delivered purchase orders that still accept deliveries.',
			];
		}
	}
	const remarks = text('remarks');
	const discountRemarks = text('total_discount_remarks');
	let updateStock = true;
	if (body.update_stock !== undefined) {
		if (typeof body.update_stock !== 'boolean') errors.update_stock = ['Must be a valid boolean.'];
		else updateStock = body.update_stock;
	}
	let totalDiscountCents: number | null = null;
	if (body.total_discount !== undefined && body.total_discount !== null) {
		const d = drfDecimal(body.total_discount, 2);
		if (d.error) errors.total_discount = [d.error];
		else totalDiscountCents = d.units!;
	}

	const packages: DeliveredPackage[] = [];
	const lines = body.delivered_packages ?? [];
	if (!Array.isArray(lines)) {
		errors.delivered_packages = [`Expected a list of items but got type "${pythonTypeName(lines)}".`];
	} else {
		let firstId = state.deliveries.reduce((n, d) => n + d.packages.length, 0) + 1;
		const lineErrors = lines.map((line: unknown) => {
			const e: Record<string, string[]> = {};
			if (!line || typeof line !== 'object' || Array.isArray(line)) {
				const got = line === null ? 'NoneType' : pythonTypeName(line);
				return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] };
			}
			const l = line as Record<string, unknown>;
			// A delivered package names the supplier package of an order line, as the order's own lines do
			// (packages[].supplier_package). Unknown keys such as the old "package" are ignored, as DRF does,
			// so a line carrying only "package" fails on the missing supplier_package.
			let orderLine: SeedPoPackage | undefined;
			const supplierPackage = l.supplier_package;
			if (supplierPackage === undefined || supplierPackage === null || supplierPackage === '') {
				e.supplier_package = ['This field is required.'];
			} else if (typeof supplierPackage !== 'number' && typeof supplierPackage !== 'string') {
				e.supplier_package = [`Incorrect type. Expected pk value, received ${pythonTypeName(supplierPackage)}.`];
			} else {
				orderLine = order?.packages.find((p) => String(p.supplierPackageId) === String(supplierPackage).trim());
				if (!orderLine) e.supplier_package = [`Invalid pk "${String(supplierPackage)}" - object does not exist.`];
			}
			let quantityMilli = 0;
			if (l.quantity === undefined || l.quantity === null) e.quantity = ['This field is required.'];
			else {
				const d = drfDecimal(l.quantity, 3);
				if (d.error) e.quantity = [d.error];
				else if (d.units! < 0) e.quantity = ['Ensure this value is greater than or equal to 0.'];
				else quantityMilli = d.units!;
			}
			let priceCents: number | null = null;
			if (l.price !== undefined && l.price !== null) {
				const d = drfDecimal(l.price, 2);
				if (d.error) e.price = [d.error];
				else if (d.units! < 0) e.price = ['Ensure this value is greater than or equal to 0.'];
				else priceCents = d.units!;
			}
			let intakeReason: string | null = null;
			if (l.intake_reason !== undefined && l.intake_reason !== null) {
				if (typeof l.intake_reason !== 'string') e.intake_reason = ['Not a valid string.'];
				else intakeReason = l.intake_reason;
			}
			if (!Object.keys(e).length && orderLine) {
				packages.push({
					id: firstId++,
					line: orderLine.id,
					supplierPackage: orderLine.supplierPackageId,
					quantityMilli,
					priceCents,
					intakeReason,
				});
			}
			return e;
		});
		if (lineErrors.some((e) => Object.keys(e).length)) errors.delivered_packages = lineErrors;
	}
	if (Object.keys(errors).length) return json(400, errors);

	const delivery: Delivery = {
		id: FIRST_DELIVERY_ID + state.deliveries.length,
		purchaseOrder: order!.id,
		status: 'DRAFT',
		remarks,
		updateStock,
		totalDiscountCents,
		totalDiscountRemarks: discountRemarks,
		packages,
		createdMs: sandboxNow(state),
		deliveryDateUs: null,
	};
	state.deliveries.push(delivery);
	order!.deliveryIds.push(delivery.id);
	return json(201, apiDelivery(delivery));
}

export function getDelivery(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const delivery = state.deliveries.find((d) => String(d.id) === ctx.params.id);
	return delivery ? json(200, apiDelivery(delivery)) : json(404, { detail: DETAIL.notFound });
}

/** DRAFT → SUBMITTED once: the PO becomes DELIVERED, package quantities and (optionally) stock grow. */
export function submitDelivery(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const delivery = state.deliveries.find((d) => String(d.id) === ctx.params.id);
	if (!delivery) return json(404, { detail: DETAIL.notFound });
	const body = (ctx.json && typeof ctx.json === 'object' && !Array.isArray(ctx.json) ? ctx.json : {}) as Record<
		string,
		unknown
	>;
	let deliveryDateUs = sandboxNow(state) * 1000;
	if (body.delivery_date !== undefined && body.delivery_date !== null) {
		// Without a time zone the date is taken as UTC (apicbase-mbx.md §1.4).
		const parsed = typeof body.delivery_date === 'string' ? parseDateTime(body.delivery_date) : null;
		if (parsed === null) {
			return json(400, {
				delivery_date: [
					'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
				],
			});
		}
		deliveryDateUs = parsed;
	}
	if (delivery.status !== 'DRAFT') return json(400, { detail: 'Only draft deliveries can be submitted.' });
	const order = state.customerOrders.find((o) => o.id === delivery.purchaseOrder)!;
	if (order.deliveryClosed) return json(400, { detail: 'Deliveries for this purchase order are closed.' });

	delivery.status = 'SUBMITTED';
	delivery.deliveryDateUs = deliveryDateUs;
	order.status = 'DELIVERED';
	for (const line of delivery.packages) {
		const pkg = order.packages.find((p) => p.id === line.line)!;
		pkg.quantityDeliveredMilli += line.quantityMilli;
		if (line.priceCents !== null) pkg.priceCents = line.priceCents;
		if (!delivery.updateStock) continue;
		let level = state.stockLevels.find((l) => l.outletId === order.outletId && l.stockItemId === pkg.stockItemId);
		if (!level) {
			// The first delivery of an item into an outlet starts its stock there.
			level = { outletId: order.outletId, stockItemId: pkg.stockItemId, quantityMilli: 0, valueCents: 0, aggregatedQuantityMilli: 0, aggregatedValueCents: 0, modifiedUs: 0 };
			state.stockLevels.push(level);
		}
		level.quantityMilli += line.quantityMilli;
		level.aggregatedQuantityMilli += line.quantityMilli;
		const added = Math.round((line.quantityMilli * (line.priceCents ?? pkg.priceCents)) / 1000);
		level.valueCents += added;
		level.aggregatedValueCents += added;
		level.modifiedUs = sandboxNow(state) * 1000;
	}
	return json(200, apiDelivery(delivery));
}
