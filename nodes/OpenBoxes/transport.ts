import {
	NodeApiError,
	sleep,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import { toVendorApiError, type VendorMessageReader } from '../shared/apiError';
import { credentialAlreadyRead } from '../shared/credentialOnce';
import { errorTexts, parsedErrorBody } from '../shared/errorLines';
import { bodyText, readHttpFailure, type HttpFailure } from '../shared/httpFailure';
import { nextOffset, readPages } from '../shared/pagination';
import { sharedBudget } from './requestBudget';
import { withRetry } from '../shared/retry';
import { requestsPerMinute } from './credentialFields';
import { openBoxesBaseUrl } from './session';
import { openBoxesCredentialType } from './authentication';

export type OpenBoxesContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;
export type OpenBoxesCredentialType = 'openBoxesApi' | 'openBoxesApiKeyApi';

export const OPENBOXES_PAGE_SIZE = 100;

/** The facility the credential works in: the default origin, destination and reorder facility. */
export async function openBoxesLocationId(context: OpenBoxesContext): Promise<string> {
	const credentials = await context.getCredentials(openBoxesCredentialType(context));
	return String(credentials.location ?? '').trim();
}

/**
 * OpenBoxes error bodies: {"errorCode","errorMessage"}, {"errorMessages":[...]}, validation errors
 * with both, Grails field errors ({"errors"|"data": [{"field","rejected-value","message"}]}), or
 * plain text. One line per message, with the field it is about when OpenBoxes names one.
 */
export const openBoxesErrorMessage: VendorMessageReader = ({ body: raw }) => {
	const body = parsedErrorBody(raw);
	if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
		if (Array.isArray(body)) return nonEmpty(errorTexts(body));
		const { errorMessage, errorMessages, errors, data } = body as Record<string, unknown>;
		// The localized messages say the same as a validation error's errorMessage, which adds
		// Spring's field-error dump ("Validation error. Field error in object …").
		const detailed = [...errorTexts(errorMessages), ...errorTexts(errors), ...(Array.isArray(data) ? errorTexts(data) : [])];
		const summary = typeof errorMessage === 'string' ? errorMessage.trim() : '';
		if (!detailed.length) return summary ? [summary] : undefined;
		return summary && !/^validation error/i.test(summary) ? [summary, ...detailed] : detailed;
	}
	const text = bodyText(body).trim();
	return text && !text.startsWith('<') ? [text] : undefined;
};

const nonEmpty = (lines: string[]) => (lines.length ? lines : undefined);

/** OpenBoxes signals a missing or expired session by redirecting instead of answering 401. */
function redirectTarget(failure: HttpFailure): 'login' | 'forbidden' | undefined {
	if (failure.status < 300 || failure.status >= 400) return undefined;
	const location = failure.headers.location ?? '';
	if (/\/errors\/handleUnauthorized|\/auth\/login/.test(location)) return 'login';
	if (/\/errors\/handleForbidden/.test(location)) return 'forbidden';
	return undefined;
}

export async function openBoxesRequest(
	this: OpenBoxesContext,
	method: IHttpRequestMethods,
	path: string,
	options: { query?: IDataObject; body?: IDataObject | IDataObject[]; itemIndex?: number; credentials?: ICredentialDataDecryptedObject } = {},
): Promise<unknown> {
	const credentialType = openBoxesCredentialType(this);
	// A list reads the credential once and hands it to each of its pages.
	const credentials = options.credentials ?? (await this.getCredentials<ICredentialDataDecryptedObject>(credentialType));
	const baseUrl = openBoxesBaseUrl(credentials);
	const perMinute = requestsPerMinute(credentials);
	const send = async () => {
		if (perMinute) await sharedBudget(baseUrl, perMinute).take(async (ms) => await sleep(ms));
		return await this.helpers.httpRequestWithAuthentication.call(
			this,
			credentialType,
			{
				method,
				url: `${baseUrl}/api${path}`,
				qs: options.query,
				body: options.body,
				json: true,
				disableFollowRedirect: true,
			},
			credentialAlreadyRead(this.getNode(), credentialType, credentials),
		);
	};

	try {
		return await withRetry(
			async () =>
				await send().catch(async (error: unknown) => {
					const failure = readHttpFailure(error);
					if (!failure || redirectTarget(failure) !== 'login' || credentialType !== 'openBoxesApi') {
						return await Promise.reject(error);
					}
					// An emptied session cookie makes n8n run the credential's login again and store
					// the new cookie (also in `credentials`, for the next pages); then the same request
					// is sent once more.
					credentials.sessionCookie = '';
					return await send();
				}),
			{ method },
		);
	} catch (error) {
		const failure = readHttpFailure(error);
		const redirect = failure && redirectTarget(failure);
		if (redirect) {
			throw new NodeApiError(
				this.getNode(),
				{ status: failure.status, location: failure.headers.location ?? '' },
				{
					httpCode: redirect === 'forbidden' ? '403' : '401',
					message:
						redirect === 'forbidden'
							? 'OpenBoxes denied access: the user of this credential lacks the role for this action'
							: 'OpenBoxes did not accept the login session, even after logging in again',
					itemIndex: options.itemIndex,
				},
			);
		}
		throw toVendorApiError(this.getNode(), error, openBoxesErrorMessage, options.itemIndex);
	}
}

/** Pages through a list with `max`/`offset`, stopping at `totalCount` or at a short page. */
export async function openBoxesList(
	this: OpenBoxesContext,
	path: string,
	options: { query?: IDataObject; limit?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	let credentials: ICredentialDataDecryptedObject | undefined;
	const { items } = await readPages<IDataObject, number>(
		0,
		async (offset, remaining) => {
			const requested = Math.min(OPENBOXES_PAGE_SIZE, remaining ?? OPENBOXES_PAGE_SIZE);
			credentials ??= await this.getCredentials<ICredentialDataDecryptedObject>(openBoxesCredentialType(this));
			const page = (await openBoxesRequest.call(this, 'GET', path, {
				query: { ...options.query, max: requested, offset },
				itemIndex: options.itemIndex,
				credentials,
			})) as { data?: IDataObject[]; totalCount?: unknown };
			const items = Array.isArray(page.data) ? page.data : [];
			const total = typeof page.totalCount === 'number' ? page.totalCount : undefined;
			return { items, next: nextOffset({ offset, received: items.length, requested, total }) };
		},
		{ limit: options.limit },
	);
	return items;
}
