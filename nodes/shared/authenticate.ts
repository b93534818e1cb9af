import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * What a credential's `authenticate` function returns: the request with its headers added. A function,
 * not a declarative block: n8n 2.41 evaluates each expression of a declarative block (`={{$credentials…}}`)
 * in its expression sandbox on every request, which costs more than a short list page.
 */
export function withHeaders(requestOptions: IHttpRequestOptions, headers: Record<string, string>): IHttpRequestOptions {
	return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
}
