/**
 * n8n's request helpers throw errors that wrap the HTTP client's error (as `cause`, sometimes
 * twice). This digs out what the vendor actually answered, so transports can retry, map the
 * vendor's message, and rebuild an error that carries none of the signed request's headers.
 */
export interface HttpFailure {
	status: number;
	/** Response headers, names in lower case. */
	headers: Record<string, string>;
	body: unknown;
}

function normaliseHeaders(raw: unknown): Record<string, string> {
	const headers: Record<string, string> = {};
	if (!raw || typeof raw !== 'object') return headers;
	const entries =
		typeof (raw as { toJSON?: () => unknown }).toJSON === 'function'
			? Object.entries((raw as { toJSON: () => Record<string, unknown> }).toJSON())
			: Object.entries(raw as Record<string, unknown>);
	for (const [name, value] of entries) {
		if (value === undefined || value === null) continue;
		headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return headers;
}

function asFailure(candidate: unknown): HttpFailure | undefined {
	if (!candidate || typeof candidate !== 'object') return undefined;
	const response = (candidate as { response?: Record<string, unknown> }).response;
	if (!response || typeof response !== 'object') return undefined;
	const status = response.status ?? response.statusCode;
	if (typeof status !== 'number') return undefined;
	return {
		status,
		headers: normaliseHeaders(response.headers),
		body: 'data' in response ? response.data : response.body,
	};
}

export function readHttpFailure(error: unknown): HttpFailure | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const failure = asFailure(current);
		if (failure) return failure;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** The body as text, for vendors that answer errors in plain text or HTML. */
export function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body);
}

/** Error codes of a request that never got an answer: connection, DNS, timeout, TLS. */
const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EAI_FAIL',
	'EAI_NODATA',
	'EAI_NONAME',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ETIMEOUT',
	'EHOSTUNREACH',
	'EHOSTDOWN',
	'ENETUNREACH',
	'ENETDOWN',
	'EPIPE',
	'EPROTO',
	'EADDRNOTAVAIL',
	'ERR_NETWORK',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'HOSTNAME_MISMATCH',
]);
const NETWORK_CODE_PATTERN = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|UND_ERR_|ERR_SOCKET_)/;

/**
 * The network failure behind an error (n8n wraps the HTTP client's error once or twice): its
 * code and the client's own words, which name the address. Undefined when the service answered,
 * or when the request failed for another reason (a refused login, a bad URL, a bug).
 */
export function readNetworkFailure(error: unknown): { code: string; message: string } | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		const { code, name, message } = current as { code?: unknown; name?: unknown; message?: unknown };
		const text = typeof message === 'string' ? message : '';
		if (typeof code === 'string' && (NETWORK_CODES.has(code) || NETWORK_CODE_PATTERN.test(code))) {
			return { code, message: text || code };
		}
		if (name === 'TimeoutError') return { code: 'ETIMEDOUT', message: text || 'The request timed out' };
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
