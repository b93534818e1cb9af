/**
 * The supplier's customers and the packages each one may order (Generic Suppliers API, scope
 * supplier). Both lists come straight from the seed: nothing in the sandbox changes them.
 */
import type { RequestContext, SandboxResponse } from '../common/server';
import { DETAIL, json, paginate } from './http';
import { ARTICLES, CUSTOMERS, apiCustomer, apiCustomerPackage } from './seed';

export function listCustomers(ctx: RequestContext): SandboxResponse {
	const sorted = [...CUSTOMERS].sort((a, b) => (a.customerNumber < b.customerNumber ? -1 : 1));
	return paginate(ctx, sorted, apiCustomer);
}

export function listPackages(ctx: RequestContext): SandboxResponse {
	const customer = CUSTOMERS.find((c) => c.customerNumber === ctx.params.customer_number);
	if (!customer) return json(404, { detail: DETAIL.notFound });
	const articles = customer.assortment.map((i) => ARTICLES[i]);
	return paginate(ctx, articles, (article) => apiCustomerPackage(customer, article));
}
