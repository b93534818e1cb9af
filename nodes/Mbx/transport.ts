import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { toVendorApiError, type VendorMessageReader } from '../shared/apiError';
import { credentialAlreadyRead } from '../shared/credentialOnce';
import { errorTexts, parsedErrorBody } from '../shared/errorLines';
import { bodyText } from '../shared/httpFailure';
import { nextOffset, readPages, type Page } from '../shared/pagination';
import { withRetry } from '../shared/retry';
import { isObject, withoutKeys } from '../shared/values';
import { mbxBaseUrl } from './environment';
import { mbxCredentialType } from './authentication';
import { matchesMbxFilters, mbxFilters, type MbxFilters } from './filters';

export type MbxContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Rows asked per page: MBX documents one answer of 232 rows (countries) and no cap; a server that returns fewer still pages right while it sends `total_results` (the next offset counts the rows received). */
export const MBX_PAGE_SIZE = 250;

/**
 * MBX answers errors as {"errors": [...]} (the envelope's own field): messages, or (MBX documents
 * no more) Rails-style field maps {"errors": {"field": ["..."]}} and field-error records, nested
 * to any depth. OAuth errors come as {"error", "error_description"}; some answers are plain text.
 */
export const mbxErrorMessage: VendorMessageReader = ({ body: raw }) => {
	const body = parsedErrorBody(raw);
	if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
		const { errors, error, error_description: description } = body as { errors?: unknown; error?: unknown; error_description?: unknown };
		const lines = errorTexts(errors);
		if (lines.length) return lines;
		const oauth = typeof description === 'string' && description ? description : error;
		if (typeof oauth === 'string' && oauth) return `MBX: ${oauth}`;
		// A bare Rails field map {"field": ["..."]}, without the list envelope's own keys.
		const rest = withoutKeys(body as Record<string, unknown>, ['count', 'total_results', 'offset', 'results']);
		const bare = errorTexts(Array.isArray(body) ? body : rest);
		return bare.length ? bare : undefined;
	}
	const text = bodyText(body).trim();
	return text ? text : undefined;
};

/** The `q` parameter: URI-escaped JSON, as MBX expects it. Built here so the URL that is signed
 * is byte for byte the URL that is sent. */
export function withQuery(path: string, q?: IDataObject): string {
	if (!q || Object.keys(q).length === 0) return path;
	return `${path}?q=${encodeURIComponent(JSON.stringify(q))}`;
}

export async function mbxRequest(
	this: MbxContext,
	method: IHttpRequestMethods,
	path: string,
	options: { q?: IDataObject; body?: IDataObject; itemIndex?: number; credentials?: ICredentialDataDecryptedObject } = {},
): Promise<unknown> {
	const credentialType = mbxCredentialType(this);
	// A list reads the credential once and hands it to each of its pages.
	const credentials = options.credentials ?? (await this.getCredentials<ICredentialDataDecryptedObject>(credentialType));
	try {
		return await withRetry(
			async () =>
				await this.helpers.httpRequestWithAuthentication.call(
					this,
					credentialType,
					{
						method,
						baseURL: mbxBaseUrl(credentials),
						url: withQuery(path, options.q),
						body: options.body,
						json: true,
					},
					credentialAlreadyRead(this.getNode(), credentialType, credentials),
				),
			{ method },
		);
	} catch (error) {
		const apiError = toVendorApiError(this.getNode(), error, mbxErrorMessage, options.itemIndex);
		if (apiError.httpCode === '401') apiError.description = authHint(credentialType, apiError.message);
		throw apiError;
	}
}

/** What to check when MBX refuses the credentials, in the words of the fields the user sees. */
function authHint(credentialType: string, message: string): string {
	if (credentialType === 'mbxOAuth2Api') {
		return 'MBX did not accept the OAuth2 access. Reconnect the MBX OAuth2 credential.';
	}
	if (/date|skew|clock/i.test(message)) {
		return 'MBX checks the X-Date of every signed request. Make sure the clock of the computer running n8n is correct.';
	}
	return 'MBX could not verify the request signature. Check the Public Token and Secret Token in the MBX HMAC credential and the Environment it points to.';
}

interface MbxListEnvelope {
	count?: number;
	total_results?: number;
	offset?: number;
	results: IDataObject[];
}

/** MBX's list envelope: `results` beside `count`, `total_results` or `offset`. */
function isListEnvelope(value: unknown): value is MbxListEnvelope {
	if (!isObject(value)) return false;
	const envelope = value as Partial<MbxListEnvelope>;
	return Array.isArray(envelope.results) && (envelope.count !== undefined || envelope.total_results !== undefined || envelope.offset !== undefined);
}

/**
 * The rows of one list answer. MBX documents the envelope; a bare JSON list is read too. A bare
 * list longer than asked for means MBX ignored `limit` and sent everything: it is the last page.
 */
function listPage(answer: unknown, requested: number): { rows: IDataObject[]; total?: number; last: boolean } {
	if (Array.isArray(answer)) return { rows: answer as IDataObject[], last: answer.length > requested };
	if (isListEnvelope(answer)) return { rows: answer.results, total: answer.total_results, last: false };
	return { rows: [], last: true };
}

/**
 * One record by its path. MBX's examples show some single reads (countries, invoices) inside the
 * list envelope; the record is taken out of it, so every Get gives the record itself.
 */
export async function mbxGet(this: IExecuteFunctions, path: string, itemIndex: number): Promise<IDataObject> {
	const answer = await mbxRequest.call(this, 'GET', path, { itemIndex });
	if (!isListEnvelope(answer)) return answer as IDataObject;
	const [record] = answer.results;
	if (record === undefined) {
		throw new NodeApiError(this.getNode(), { message: 'No record' }, { httpCode: '404', message: `MBX found nothing at ${path}`, itemIndex });
	}
	return record;
}

/**
 * The page fetcher of every MBX list: one request with `q.limit`/`q.offset` (and, when `send`, the
 * filters as top-level keys of `q`), narrowed to the records that match the filters, so a limit
 * counts matching records. With filters a full page is asked for: MBX may not apply them, so N
 * rows can hold fewer than N matches. The next offset counts the rows MBX sent, matching or not.
 */
function matchingPages(
	context: MbxContext,
	path: string,
	options: { filters?: MbxFilters; send: boolean; pageSize: number; itemIndex?: number },
): (offset: number, remaining: number | undefined) => Promise<Page<IDataObject, number>> {
	const { filters, send, pageSize, itemIndex } = options;
	let credentials: ICredentialDataDecryptedObject | undefined;
	return async (offset, remaining) => {
		const requested = filters ? pageSize : Math.min(pageSize, remaining ?? pageSize);
		credentials ??= await context.getCredentials<ICredentialDataDecryptedObject>(mbxCredentialType(context));
		const answer = await mbxRequest.call(context, 'GET', path, {
			q: { limit: requested, offset, ...(filters && send ? filters : {}) },
			itemIndex,
			credentials,
		});
		const { rows, total, last } = listPage(answer, requested);
		return {
			items: filters ? rows.filter((row) => matchesMbxFilters(row, filters)) : rows,
			next: last ? undefined : nextOffset({ offset, received: rows.length, requested, total }),
		};
	};
}

/**
 * Reads a list with the filters sent to MBX. If MBX answers 400 to that, reads it again without
 * them: the records are still checked against the filters, so the whole list is read. A 400 to a
 * request without filter keys, and every other error, is not retried.
 */
async function withFilterFallback<T>(
	context: MbxContext,
	filters: MbxFilters | undefined,
	read: (send: boolean) => Promise<T>,
): Promise<T> {
	if (!filters) return await read(false);
	try {
		return await read(true);
	} catch (error) {
		// mbxRequest only throws NodeApiError; re-wrapping one hands back the same error.
		if (!(error instanceof NodeApiError && error.httpCode === '400')) throw new NodeApiError(context.getNode(), error as JsonObject);
		return await read(false);
	}
}

/**
 * Pages through an MBX list with `q.limit`/`q.offset` until `total_results` is reached, or until
 * `limit` records matching the filters (see filters.ts) are collected.
 */
export async function mbxList(
	this: MbxContext,
	path: string,
	options: { filters?: IDataObject; limit?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const filters = mbxFilters(options.filters);
	return await withFilterFallback(
		this,
		filters,
		async (send) =>
			(
				await readPages<IDataObject, number>(
					0,
					matchingPages(this, path, { filters, send, pageSize: MBX_PAGE_SIZE, itemIndex: options.itemIndex }),
					{ limit: options.limit },
				)
			).items,
	);
}

/**
 * Reads a list from `offset` until it ends or until the next page might not be in before
 * `deadline` (a poll has a time limit). Returns the records and the offset to read on from,
 * undefined when the list was read to its end.
 */
export async function mbxListUntil(
	this: IPollFunctions,
	path: string,
	options: { offset: number; deadline: number },
): Promise<{ records: IDataObject[]; next: number | undefined }> {
	const fetchPage = matchingPages(this, path, { send: false, pageSize: MBX_PAGE_SIZE });
	const { items, next } = await readPages(options.offset, fetchPage, { deadline: options.deadline });
	return { records: items, next };
}

/**
 * One page of a "From list" picker: the records from `offset` on that match the filters, read
 * `pageSize` rows a request until at least `pageSize` match or the list ends, and the offset the
 * next page starts at (undefined after the last).
 */
export async function mbxSearchPage(
	this: ILoadOptionsFunctions,
	path: string,
	options: { filters?: IDataObject; offset: number; pageSize: number },
): Promise<{ records: IDataObject[]; next: number | undefined }> {
	const filters = mbxFilters(options.filters);
	return await withFilterFallback(this, filters, async (send) => {
		const fetchPage = matchingPages(this, path, { filters, send, pageSize: options.pageSize });
		let next: number | undefined;
		let found = 0;
		const { items: records } = await readPages<IDataObject, number>(options.offset, async (offset) => {
			const page = await fetchPage(offset, undefined);
			found += page.items.length;
			next = page.next;
			return { items: page.items, next: found >= options.pageSize ? undefined : page.next };
		});
		// Fewer matches than a page means the list ended (or MBX repeated an offset): no next page.
		return { records, next: found >= options.pageSize ? next : undefined };
	});
}
