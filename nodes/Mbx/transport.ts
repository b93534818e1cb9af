import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { toVendorApiError, type VendorMessageReader } from '../shared/apiError';
import { bodyText } from '../shared/httpFailure';
import { collectPages, nextOffset } from '../shared/pagination';
import { withRetry } from '../shared/retry';
import { mbxBaseUrl } from './environment';

export type MbxContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** MBX caps a page at 100 rows. */
export const MBX_PAGE_SIZE = 100;

/** The credential the node is set to use: HMAC signing (default) or OAuth2 bearer tokens. */
export function mbxCredentialType(context: MbxContext): 'mbxHmacApi' | 'mbxOAuth2Api' {
	// Execute contexts take an item index; poll and load-options contexts do not.
	const read = (...args: unknown[]) => (context.getNodeParameter as (...a: unknown[]) => unknown).apply(context, args);
	const authentication = 'getInputData' in context ? read('authentication', 0, 'hmac') : read('authentication', 'hmac');
	return authentication === 'oAuth2' ? 'mbxOAuth2Api' : 'mbxHmacApi';
}

/** MBX answers errors as {"errors": [...]} (the envelope's own field), or as plain text. */
export const mbxErrorMessage: VendorMessageReader = ({ body }) => {
	if (body && typeof body === 'object') {
		const errors = (body as { errors?: unknown }).errors;
		if (Array.isArray(errors) && errors.length) {
			return errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ');
		}
		const { error, error_description: description } = body as { error?: string; error_description?: string };
		if (description ?? error) return `MBX: ${description ?? error}`;
		return undefined;
	}
	const text = bodyText(body).trim();
	return text ? text.slice(0, 300) : undefined;
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
	options: { q?: IDataObject; body?: IDataObject; itemIndex?: number } = {},
): Promise<unknown> {
	const credentialType = mbxCredentialType(this);
	const credentials = await this.getCredentials(credentialType);
	try {
		return await withRetry(
			async () =>
				await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
					method,
					baseURL: mbxBaseUrl(credentials),
					url: withQuery(path, options.q),
					body: options.body,
					json: true,
				}),
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
	results?: IDataObject[];
}

/** Pages through an MBX list with `q.limit`/`q.offset` until `total_results` is reached. */
export async function mbxList(
	this: MbxContext,
	path: string,
	options: { filters?: IDataObject; limit?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const filters = options.filters && Object.keys(options.filters).length ? options.filters : undefined;
	return await collectPages<IDataObject, number>(
		0,
		async (offset, remaining) => {
			const requested = Math.min(MBX_PAGE_SIZE, remaining ?? MBX_PAGE_SIZE);
			const page = (await mbxRequest.call(this, 'GET', path, {
				q: { limit: requested, offset, ...(filters ? { filters } : {}) },
				itemIndex: options.itemIndex,
			})) as MbxListEnvelope;
			const items = page.results ?? [];
			return {
				items,
				next: nextOffset({ offset, received: items.length, requested, total: page.total_results }),
			};
		},
		options.limit,
	);
}
