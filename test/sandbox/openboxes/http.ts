/**
 * Response shapes of the OpenBoxes ErrorsController (reference openboxes-api.md §0.1) and the
 * small request helpers every handler module shares. Handlers may throw an ApiError anywhere;
 * the security layer in server.ts turns it into the response, as the Grails error mapping does.
 */
import { header, type RequestContext, type SandboxResponse } from '../common/server';

export type JsonObject = Record<string, unknown>;

export const HTML = 'text/html;charset=utf-8';

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function errorBody(status: number, message: string, extra: JsonObject = {}): SandboxResponse {
	return { status, body: { errorCode: status, errorMessage: message, ...extra } };
}

/** Any uncaught Java exception reaches ErrorsController as a 500 with the exception class as cause. */
export function exception(cause: string, message: string): SandboxResponse {
	return { status: 500, body: { errorCode: 500, cause, errorMessage: message } };
}

export function text(status: number, body: string): SandboxResponse {
	return { status, headers: { 'Content-Type': HTML }, body };
}

export function redirect(location: string): SandboxResponse {
	return { status: 302, headers: { Location: location } };
}

export const NOT_FOUND = (): SandboxResponse => errorBody(404, 'Resource not found');

export function ok(body: unknown, status = 200): SandboxResponse {
	return { status, body };
}

/** `render status: 200` / `204`: no body at all. */
export function empty(status: number): SandboxResponse {
	return { status };
}

/** A response thrown from deep inside a handler, like an exception reaching ErrorsController. */
export class ApiError extends Error {
	constructor(readonly response: SandboxResponse) {
		super(`OpenBoxes error ${response.status}`);
	}
}

/** Throws the 500 an uncaught Java exception produces. */
export function fail(cause: string, message: string): never {
	throw new ApiError(exception(cause, message));
}

export function illegalArgument(message: string): never {
	return fail('java.lang.IllegalArgumentException', message);
}

export function illegalState(message: string): never {
	return fail('java.lang.IllegalStateException', message);
}

/** `Enum.valueOf` / Groovy `as Enum` with an unknown name. */
export function enumValue<T extends string>(values: readonly T[], value: string, enumClass: string): T {
	if ((values as readonly string[]).includes(value)) return value as T;
	return illegalArgument(`No enum constant ${enumClass}.${value}`);
}

/** A grails.validation.ValidationException: 400 with every field message. */
export function validationError(messages: string[]): SandboxResponse {
	return errorBody(400, `Validation error. ${messages.join('; ')}`, { errorMessages: messages });
}

export function invalid(messages: string[]): never {
	throw new ApiError(validationError(messages));
}

/** The standard GORM constraint messages (grails-app/i18n/messages.properties). */
export const constraint = {
	nullable: (cls: string, prop: string) => `Property [${prop}] of class [class ${cls}] cannot be null`,
	blank: (cls: string, prop: string) => `Property [${prop}] of class [class ${cls}] cannot be blank`,
	unique: (cls: string, prop: string, value: unknown) =>
		`Property [${prop}] of class [class ${cls}] with value [${String(value)}] must be unique`,
	maxSize: (cls: string, prop: string, value: unknown, max: number) =>
		`Property [${prop}] of class [class ${cls}] with value [${String(value)}] exceeds the maximum size of [${max}]`,
	min: (cls: string, prop: string, value: unknown, min: number) =>
		`Property [${prop}] of class [class ${cls}] with value [${String(value)}] is less than minimum value [${min}]`,
	email: (cls: string, prop: string, value: unknown) =>
		`Property [${prop}] of class [class ${cls}] with value [${String(value)}] is not a valid e-mail address`,
	validator: (cls: string, prop: string, value: unknown) =>
		`Property [${prop}] of class [class ${cls}] with value [${String(value)}] does not pass custom validation`,
	typeMismatch: (cls: string, prop: string, value: unknown) =>
		`Property [${prop}] of class [class ${cls}] with value [${String(value)}] is not a valid number`,
};

export function contentTypeIsJson(ctx: RequestContext): boolean {
	return (header(ctx.headers, 'content-type') ?? '').includes('application/json');
}

/** request.JSON: only populated for a JSON content type, otherwise an empty object. */
export function jsonBody(ctx: RequestContext): unknown {
	return contentTypeIsJson(ctx) ? ctx.json : undefined;
}

export function bodyObject(ctx: RequestContext): JsonObject {
	const body = jsonBody(ctx);
	return isObject(body) ? body : {};
}

/** RequestUtil.isAjax: XHR header, or JSON in either direction. Only Ajax calls get JSON errors. */
export function isAjax(ctx: RequestContext): boolean {
	return (
		header(ctx.headers, 'x-requested-with') === 'XMLHttpRequest' ||
		contentTypeIsJson(ctx) ||
		(header(ctx.headers, 'accept') ?? '').includes('application/json')
	);
}

/**
 * The id of an association as Grails binds it: `{"origin":{"id":"x"}}`, `{"origin.id":"x"}` or a
 * bare `{"origin":"x"}`.
 */
export function refId(body: JsonObject, key: string): string | undefined {
	const nested = body[key];
	if (isObject(nested)) {
		const id = nested.id;
		return typeof id === 'string' && id ? id : typeof id === 'number' ? String(id) : undefined;
	}
	if (typeof nested === 'string' && nested) return nested;
	const dotted = body[`${key}.id`];
	return typeof dotted === 'string' && dotted ? dotted : undefined;
}

export function stringField(body: JsonObject, key: string): string | null | undefined {
	const value = body[key];
	if (value === undefined) return undefined;
	if (value === null) return null;
	return typeof value === 'string' ? value : String(value);
}

/** GORM hands max/offset to Integer conversion; a non-number surfaces as a 500. */
export function intParam(ctx: RequestContext, name: string): number | undefined {
	const raw = ctx.query.get(name);
	if (raw === null || raw === '') return undefined;
	if (!/^-?\d+$/.test(raw.trim())) fail('java.lang.NumberFormatException', `For input string: "${raw}"`);
	return Number.parseInt(raw, 10);
}

/** GORM `list(max:, offset:)`: both only apply when > 0; no max means every row. */
export function page<T>(rows: T[], ctx: RequestContext): T[] {
	const max = intParam(ctx, 'max');
	const offset = intParam(ctx, 'offset');
	const start = offset !== undefined && offset > 0 ? offset : 0;
	const end = max !== undefined && max > 0 ? start + max : undefined;
	return rows.slice(start, end);
}

/** `params.boolean(name)`: true for "true"/"on"; anything else is false. */
export function boolParam(ctx: RequestContext, name: string): boolean {
	return ['true', 'on'].includes((ctx.query.get(name) ?? '').toLowerCase());
}

export type SortValue = string | number | boolean | null | undefined;

export function compareValues(a: SortValue, b: SortValue): number {
	const x = a ?? null;
	const y = b ?? null;
	if (x === y) return 0;
	// MySQL puts NULL first in ascending order.
	if (x === null) return -1;
	if (y === null) return 1;
	return x < y ? -1 : 1;
}

/** A stable comparator on one key; equal keys fall back to id so paging never skips a row. */
export function comparator<T extends { id: string }>(key: (row: T) => SortValue, descending: boolean): (a: T, b: T) => number {
	return (a, b) => {
		const primary = compareValues(key(a), key(b));
		if (primary !== 0) return descending ? -primary : primary;
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	};
}

/** SQL `like` with % and _ wildcards; `ilike` is the case-insensitive form. */
export function sqlLike(value: string, pattern: string, caseInsensitive: boolean): boolean {
	const source = pattern
		.split('')
		.map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's').test(value);
}
