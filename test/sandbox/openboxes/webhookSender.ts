/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * How OpenBoxes' ApiClientService.post delivers a webhook event (Apache HttpClient 4.5.14, Java 8):
 * one POST, the configured static headers first, then what HttpClient adds itself; a 10 s connect
 * timeout, no retry, and the answer's status ignored. OpenBoxes then parses a non-empty answer as a
 * JSON object, and any failure (unreachable, not a JSON object) only ends up in its log as
 * "Failed to publish webhook event due to error: …"; the shipment ships either way.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { gunzipSync, inflateSync } from 'node:zlib';

/** openboxes.webhook.endpoint.* as OpenBoxes reads it. */
export interface WebhookEndpoint {
	url: string | null;
	headers: Record<string, string>;
}

export interface OpenBoxesWebhookDelivery {
	at: string;
	url: string | null;
	event: string;
	/** The shipment the event is about. */
	shipmentId: string;
	/** The headers as sent, in order. */
	headers: Record<string, string>;
	/** The exact body sent (UTF-8). */
	body: string;
	/** The receiver's status; 0 when it was not reached. OpenBoxes does not look at it. */
	status: number;
	response: string;
	/** The error OpenBoxes would log; undefined when OpenBoxes logs none (a 401 with a JSON body included). */
	error?: string;
}

const CONNECT_TIMEOUT_MS = 10_000;
/** OpenBoxes sets no read timeout (it would wait forever); the sandbox gives up after this. */
const SANDBOX_READ_TIMEOUT_MS = 30_000;
const USER_AGENT = 'Apache-HttpClient/4.5.14 (Java/1.8.0_402)';

const has = (headers: Record<string, string>, name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase());

/** The request headers in HttpClient's order; its own ones only where the configured ones leave room. */
export function deliveryHeaders(endpoint: WebhookEndpoint, url: URL, body: Buffer): Record<string, string> {
	const headers: Record<string, string> = { ...endpoint.headers };
	headers['Content-Length'] = String(body.length);
	if (!has(headers, 'Content-Type')) headers['Content-Type'] = 'application/json';
	headers.Host = url.host;
	headers.Connection = 'Keep-Alive';
	if (!has(headers, 'User-Agent')) headers['User-Agent'] = USER_AGENT;
	if (!has(headers, 'Accept-Encoding')) headers['Accept-Encoding'] = 'gzip,deflate';
	return headers;
}

/** `new JSONObject(answer)` after the call: what OpenBoxes logs when the answer is not a JSON object. */
function answerError(answer: string): string | undefined {
	if (answer === '') return undefined;
	if (!answer.trimStart().startsWith('{')) return "A JSONObject text must begin with '{' at character 1";
	try {
		const parsed: unknown = JSON.parse(answer);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? undefined : 'Not a JSON object';
	} catch (error) {
		return `Not a JSON object: ${(error as Error).message}`;
	}
}

/** HttpClient's ResponseContentEncoding: it asked for gzip or deflate, so it unpacks them before anyone reads the answer. */
function decoded(raw: Buffer, encoding: string | undefined): Buffer {
	const kind = (encoding ?? '').trim().toLowerCase();
	if (kind === 'gzip' || kind === 'x-gzip') return gunzipSync(raw);
	if (kind === 'deflate') return inflateSync(raw);
	return raw;
}

async function post(url: URL, headers: Record<string, string>, body: Buffer): Promise<{ status: number; response: string }> {
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	return await new Promise((resolve, reject) => {
		const req = send(url, { method: 'POST', headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				try {
					resolve({ status: res.statusCode ?? 0, response: decoded(Buffer.concat(chunks), res.headers['content-encoding']).toString('utf8') });
				} catch (error) {
					reject(error);
				}
			});
			res.on('error', reject);
		});
		const connectTimer = setTimeout(() => req.destroy(new Error(`Connect to ${url.host} timed out`)), CONNECT_TIMEOUT_MS);
		req.on('socket', (socket) => socket.once('connect', () => clearTimeout(connectTimer)));
		req.setTimeout(SANDBOX_READ_TIMEOUT_MS, () => req.destroy(new Error('Read timed out (sandbox limit)')));
		req.on('error', (error) => {
			clearTimeout(connectTimer);
			reject(error);
		});
		req.on('close', () => clearTimeout(connectTimer));
		req.end(body);
	});
}

/** Sends one event as OpenBoxes does; never throws (OpenBoxes catches and logs everything). */
export async function deliverWebhook(
	endpoint: WebhookEndpoint,
	event: { type: string; shipmentId: string; body: string },
): Promise<OpenBoxesWebhookDelivery> {
	const delivery: OpenBoxesWebhookDelivery = {
		at: new Date().toISOString(),
		url: endpoint.url,
		event: event.type,
		shipmentId: event.shipmentId,
		headers: {},
		body: event.body,
		status: 0,
		response: '',
	};
	if (!endpoint.url) {
		// OpenBoxes' built-in default would post to a webhook.site address; the sandbox never calls out.
		delivery.error = 'No webhook URL configured (sandbox option webhookUrl)';
		return delivery;
	}
	try {
		const url = new URL(endpoint.url);
		const body = Buffer.from(event.body, 'utf8');
		delivery.headers = deliveryHeaders(endpoint, url, body);
		const { status, response } = await post(url, delivery.headers, body);
		delivery.status = status;
		delivery.response = response;
		delivery.error = answerError(response);
	} catch (error) {
		delivery.error = (error as Error).message;
	}
	return delivery;
}
