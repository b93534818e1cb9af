import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { toVendorApiError } from '../shared/apiError';
import { credentialAlreadyRead } from '../shared/credentialOnce';
import { errorTexts, parsedErrorBody, type ErrorPathOptions } from '../shared/errorLines';
import { bodyText, type HttpFailure } from '../shared/httpFailure';
import { readPages } from '../shared/pagination';
import { withRetry } from '../shared/retry';
import { apicbaseBaseUrl } from './environment';

export type ApicbaseContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;
export type ApicbaseCredentialType = 'apicbaseSupplierApi' | 'apicbaseOAuth2Api' | 'apicbaseAccessTokenApi';

/** Apicbase allows up to 200 rows per page (default 10). */
export const APICBASE_PAGE_SIZE = 200;

/**
 * DRF error bodies: {"detail": "..."}, field errors {"field": ["..."]} nested to any depth (a list
 * body or field holds one entry per item, `{}` for the items without errors), `non_field_errors`,
 * OAuth errors {"error", "error_description"}, or text. One `path: message` line per message;
 * `list` names a list that was sent as the whole body (its errors come back as a bare list).
 */
export function apicbaseErrorMessage({ body: raw }: HttpFailure, list?: ErrorPathOptions): string[] | undefined {
	const body = parsedErrorBody(raw);
	if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
		const { error, error_description: description } = body as Record<string, unknown>;
		if (typeof error === 'string' && !Array.isArray(body)) {
			return [typeof description === 'string' && description ? description : error];
		}
		const lines = errorTexts(body, list);
		return lines.length ? lines : undefined;
	}
	const text = bodyText(body).trim();
	return text && !text.startsWith('<') ? [text] : undefined;
}

export async function apicbaseRequest(
	this: ApicbaseContext,
	credentialType: ApicbaseCredentialType,
	method: IHttpRequestMethods,
	pathOrUrl: string,
	options: {
		query?: IDataObject;
		body?: IDataObject | IDataObject[];
		itemIndex?: number;
		/** How to name the entries of a list sent as the body in error paths (`orders[1].id`). */
		errorList?: ErrorPathOptions;
		/** The credential, when a list has read it already for all its pages. */
		credentials?: ICredentialDataDecryptedObject;
		/** A body sent as these bytes (a multipart upload, say) instead of JSON; the answer comes back as Apicbase sent it. */
		raw?: { body: Buffer; contentType: string };
	} = {},
): Promise<unknown> {
	const credentials = options.credentials ?? (await this.getCredentials<ICredentialDataDecryptedObject>(credentialType));
	// Lists pass whole URLs: the first page and DRF's `next`.
	const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${apicbaseBaseUrl(credentials)}${pathOrUrl}`;
	try {
		return await withRetry(
			async () =>
				await this.helpers.httpRequestWithAuthentication.call(
					this,
					credentialType,
					options.raw
						? { method, url, qs: options.query, body: options.raw.body, headers: { 'Content-Type': options.raw.contentType, Accept: 'application/json' } }
						: { method, url, qs: options.query, body: options.body, json: true },
					credentialAlreadyRead(this.getNode(), credentialType, credentials),
				),
			{ method },
		);
	} catch (error) {
		throw toVendorApiError(this.getNode(), error, (failure) => apicbaseErrorMessage(failure, options.errorList), options.itemIndex);
	}
}

interface DrfPage {
	count?: number;
	next?: string | number | null;
	results?: IDataObject[];
}

/** Where a DRF list read goes on: the `next` URL Apicbase gave, or the list URL with a page number. */
export type DrfCursor = { url: string; query?: IDataObject };

/**
 * Walks a DRF list. `next` is normally an absolute URL: it is followed only when it points at
 * the configured Apicbase host (the bearer token must never go elsewhere); otherwise, or when
 * the server gives a page number, the page parameter is advanced instead.
 */
export async function apicbaseList(
	this: ApicbaseContext,
	credentialType: ApicbaseCredentialType,
	path: string,
	options: { query?: IDataObject; limit?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	return (await apicbaseListUntil.call(this, credentialType, path, options)).records;
}

/**
 * `apicbaseList` that can start `from` where an earlier read stopped and stop before a `deadline`
 * (a poll has a time limit); `next` is where to read on, undefined when the list was read to its end.
 */
export async function apicbaseListUntil(
	this: ApicbaseContext,
	credentialType: ApicbaseCredentialType,
	path: string,
	options: { query?: IDataObject; limit?: number; itemIndex?: number; from?: DrfCursor; deadline?: number },
): Promise<{ records: IDataObject[]; next: DrfCursor | undefined }> {
	const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	const baseUrl = apicbaseBaseUrl(credentials);
	const base = new URL(baseUrl);
	const pageSize = Math.min(APICBASE_PAGE_SIZE, options.limit ?? APICBASE_PAGE_SIZE);
	const firstQuery = { ...options.query, page_size: pageSize, page: 1 };
	const firstUrl = `${baseUrl}${path}`;
	// A read saved by an earlier poll goes on only at this credential's host and list.
	const from = options.from && options.from.url.startsWith(firstUrl) ? options.from : undefined;
	const { items, next } = await readPages<IDataObject, DrfCursor>(
		from ?? { url: firstUrl, query: firstQuery },
		async (cursor) => {
			const page = (await apicbaseRequest.call(this, credentialType, 'GET', cursor.url, {
				query: cursor.query,
				itemIndex: options.itemIndex,
				credentials,
			})) as DrfPage;
			const items = Array.isArray(page.results) ? page.results : [];
			if (page.next === null || page.next === undefined || page.next === '' || items.length === 0) {
				return { items, next: undefined };
			}
			if (typeof page.next === 'string' && /^https?:\/\//.test(page.next) && new URL(page.next).origin === base.origin) {
				return { items, next: { url: page.next } };
			}
			const current = Number((cursor.query?.page as number | undefined) ?? new URL(cursor.url, base).searchParams.get('page') ?? 1);
			const nextPage = typeof page.next === 'number' ? page.next : current + 1;
			return { items, next: { url: firstUrl, query: { ...firstQuery, page: nextPage } } };
		},
		{ limit: options.limit, deadline: options.deadline },
	);
	return { records: items, next };
}
