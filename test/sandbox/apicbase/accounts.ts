/**
 * Accounts (scope accounts): the customer's outlets and users. Read-only, straight from the
 * customer-side seed.
 */
import type { RequestContext, SandboxResponse } from '../common/server';
import { OUTLETS, USERS } from './customerSeed';
import { DETAIL, json, paginate } from './http';

export function listOutlets(ctx: RequestContext): SandboxResponse {
	return paginate(ctx, [...OUTLETS], (o) => ({ ...o }));
}

export function getOutlet(ctx: RequestContext): SandboxResponse {
	const outlet = OUTLETS.find((o) => String(o.id) === ctx.params.id);
	return outlet ? json(200, { ...outlet }) : json(404, { detail: DETAIL.notFound });
}

export function listUsers(ctx: RequestContext): SandboxResponse {
	return paginate(ctx, [...USERS], (u) => ({ ...u }));
}
