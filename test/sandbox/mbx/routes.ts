/**
 * How a /v2 path is routed: every resource declares a ResourceSpec (its rows, filter fields,
 * rendering and the writes it allows) and gets GET list and GET by id plus those writes, each
 * behind withAuth; any other verb on a known path is a 405, also only once authenticated.
 */
import type { RouteHandler, SandboxResponse } from '../common/server';
import { withAuth } from './auth';
import { methodNotAllowed, withJsonBody, type JsonObject } from './http';
import { list, show } from './query';
import type { MbxOrganization } from './seed';
import type { MbxState } from './state';

/** SandboxServer.route, handed over by the server that owns the routes. */
export type Route = (method: string, path: string, handler: RouteHandler) => void;

export interface ResourceSpec {
	/** The model name in 404s: "Couldn't find <model> with 'id'=<id>". */
	model: string;
	/** The fields q may filter on. */
	fields: readonly string[];
	/** The rows the caller's organization may see, in id order; filters read their fields. */
	rows: (organization: MbxOrganization) => ReadonlyArray<{ id: number }>;
	/** The row as the API renders it (default: as stored); only the rows answered are rendered. */
	render?: (row: never) => unknown;
	create?: (organization: MbxOrganization, body: JsonObject) => SandboxResponse;
	update?: (organization: MbxOrganization, id: string, body: JsonObject) => SandboxResponse;
	destroy?: (organization: MbxOrganization, id: string) => SandboxResponse;
}

/** Any other verb on a known path: 405 once the caller is authenticated. */
export function notAllowed(state: MbxState, route: Route, path: string, allowed: readonly string[]): void {
	route('ANY', path, (ctx) => withAuth(state, ctx, () => methodNotAllowed(allowed)));
}

/** GET list and GET by id, plus POST (collection), PUT and DELETE (member) when given. */
export function resource(state: MbxState, route: Route, path: string, spec: ResourceSpec): void {
	const member = `${path}/:id`;
	const collectionVerbs = ['GET'];
	const memberVerbs = ['GET'];
	const render = (spec.render ?? ((row: unknown) => row)) as (row: { id: number }) => unknown;
	route('GET', path, (ctx) => withAuth(state, ctx, (org) => list(state, ctx, spec.rows(org), spec.fields, render)));
	route('GET', member, (ctx) => withAuth(state, ctx, (org) => show(spec.model, spec.rows(org), ctx.params.id, render)));
	const { create, update, destroy } = spec;
	if (create) {
		collectionVerbs.push('POST');
		route('POST', path, (ctx) => withAuth(state, ctx, (org) => withJsonBody(ctx, (body) => create(org, body))));
	}
	if (update) {
		memberVerbs.push('PUT');
		route('PUT', member, (ctx) =>
			withAuth(state, ctx, (org) => withJsonBody(ctx, (body) => update(org, ctx.params.id, body))),
		);
	}
	if (destroy) {
		memberVerbs.push('DELETE');
		route('DELETE', member, (ctx) => withAuth(state, ctx, (org) => destroy(org, ctx.params.id)));
	}
	notAllowed(state, route, path, collectionVerbs);
	notAllowed(state, route, member, memberVerbs);
}
