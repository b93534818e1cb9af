import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { MBX_ENVIRONMENT_PROPERTIES, mbxBaseUrlExpression } from '../nodes/Mbx/environment';
import { mbxSignature } from '../nodes/Mbx/signature';

/**
 * The request's address. Our nodes pass `url`; n8n's HTTP Request node (the Custom API Call)
 * passes the older `uri`, so both are read and the signed address is written back to both.
 */
type RequestWithUri = IHttpRequestOptions & { uri?: string };

function requestTarget(options: RequestWithUri): string {
	return String(options.url ?? options.uri ?? '');
}

/** Where a request goes, resolved the way n8n's HTTP client joins baseURL and url. */
function absoluteUrl(options: RequestWithUri): URL {
	const target = requestTarget(options);
	if (/^https?:\/\//i.test(target)) return new URL(target);
	const base = (options.baseURL ?? '').replace(/\/+$/, '');
	return new URL(`${base}/${target.replace(/^\/+/, '')}`);
}

function appendQuery(url: URL, qs: IHttpRequestOptions['qs']): void {
	for (const [key, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		url.searchParams.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
	}
}

/** The body as the exact string that goes on the wire. n8n never sends a body with GET or HEAD. */
function wireBody(method: string, body: IHttpRequestOptions['body']): string {
	if (method === 'GET' || method === 'HEAD') return '';
	if (body === undefined || body === null) return '{}';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

/**
 * Signs a request for MBX: the body is serialised once, and those same bytes are hashed and sent;
 * the URL signed is the exact request target (path and query) that goes on the wire.
 */
export function signMbxRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	date: Date = new Date(),
): IHttpRequestOptions {
	const method = (requestOptions.method ?? 'GET').toUpperCase() as IHttpRequestOptions['method'] & string;
	const url = absoluteUrl(requestOptions);
	appendQuery(url, requestOptions.qs);
	const body = wireBody(method, requestOptions.body);
	const xDate = date.toISOString();
	const signature = mbxSignature({
		secret: String(credentials.secretToken ?? ''),
		method,
		body,
		date: xDate,
		url: url.pathname + url.search,
	});
	const signed: RequestWithUri = {
		...requestOptions,
		method,
		url: url.toString(),
		...('uri' in requestOptions ? { uri: url.toString() } : {}),
		headers: {
			...(requestOptions.headers ?? {}),
			'MBX-Auth': `${String(credentials.publicToken ?? '')}:${signature}`,
			'X-Date': xDate,
			'Content-Type': 'application/json',
			Accept: 'application/json, text/plain',
		},
	};
	delete signed.baseURL;
	delete signed.qs;
	if (body === '') delete signed.body;
	else signed.body = body;
	return signed;
}

export class MbxHmacApi implements ICredentialType {
	name = 'mbxHmacApi';

	displayName = 'MBX HMAC API';

	documentationUrl = 'https://github.com/n8n-nodes-supply-chain/n8n-nodes-supply-chain/blob/main/docs/credentials/mbxHmacApi.md';

	icon = { light: 'file:../icons/mbx.svg', dark: 'file:../icons/mbx.dark.svg' } as const;

	properties: INodeProperties[] = [
		...MBX_ENVIRONMENT_PROPERTIES,
		{
			displayName: 'Public Token',
			name: 'publicToken',
			type: 'string',
			default: '',
			required: true,
			description: 'The public token your MBX account manager gave you',
		},
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret token your MBX account manager gave you. It signs every request and is never sent.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signMbxRequest(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: mbxBaseUrlExpression,
			url: '/v2/authenticate',
			method: 'GET',
		},
	};
}
