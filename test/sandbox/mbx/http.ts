/**
 * Response shapes of the MBX API (Rails style: `{"errors": [...]}` for every failure, 404 naming
 * the model, 405 with Allow) and the small request checks every handler module shares. Helpers
 * for tests throw MbxSandboxError; the control API answers with its status instead.
 */
import type { RequestContext, SandboxResponse } from '../common/server';
import { MBX_ORGANIZATIONS } from './seed';

/** A JSON request body once it is known to be an object. */
export type JsonObject = Record<string, unknown>;

/** Thrown by helpers (advanceOrder, subscribeWebhook); the control API answers with its status. */
export class MbxSandboxError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'MbxSandboxError';
	}
}

export const errors = (status: number, ...messages: string[]): SandboxResponse => ({ status, body: { errors: messages } });

export const methodNotAllowed = (allowed: readonly string[]): SandboxResponse => ({
	status: 405,
	headers: { Allow: allowed.join(', ') },
	body: { errors: ['Method not allowed'] },
});

export const notFoundRecord = (model: string, id: string): SandboxResponse =>
	errors(404, `Couldn't find ${model} with 'id'=${id}`);

export const isPlainObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export const withJsonBody = (ctx: RequestContext, handler: (body: JsonObject) => SandboxResponse) =>
	isPlainObject(ctx.json) ? handler(ctx.json) : errors(400, 'Request body must be a JSON object');

export function sandboxErrorResponse(error: unknown): SandboxResponse {
	if (error instanceof MbxSandboxError) return errors(error.status, error.message);
	throw error;
}

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && !value.includes('#');
	} catch {
		return false;
	}
}

/** A count of records to add: a whole number, 0 or more. */
export function checkCount(n: number): void {
	if (!Number.isInteger(n) || n < 0) throw new MbxSandboxError(400, `count must be a whole number of 0 or more, got ${n}`);
}

export function knownOrganization(organizationId: number): void {
	if (!MBX_ORGANIZATIONS.some((o) => o.organizationId === organizationId)) {
		throw new MbxSandboxError(400, `organizationId ${String(organizationId)} is not a known organization`);
	}
}
