/**
 * The webhook Apicbase pushes a new order with: serialised once (Python json.dumps by default),
 * signed with hex HMAC-SHA256 over those exact bytes, and POSTed as those bytes. Tamper modes
 * break the body, the signature or the key afterwards, so receivers can be tested on refusals.
 */
import { createHmac } from 'node:crypto';
import { pythonJsonDumps } from '../../../nodes/Apicbase/pythonJson';
import { APICBASE_DEMO } from './demo';
import { sandboxNow, type ApicbaseState } from './model';
import { buildOrder, webhookOrder, type SeedOrder } from './seed';

export type WebhookTamper = 'none' | 'body' | 'signature' | 'missingSignature' | 'wrongSecret';

export interface WebhookOptions {
	url: string;
	orderId?: string;
	order?: object;
	encoding?: 'python' | 'compact';
	tamper?: WebhookTamper;
	/** How long Apicbase waits for the answer (Apicbase does not document it; 10 s here by default). */
	timeoutMs?: number;
}

export interface WebhookResult {
	status: number;
	body: string;
	sentBody: string;
	signature: string | undefined;
}

export interface WebhookDelivery extends WebhookResult {
	at: string;
	url: string;
	/** The order's id when the payload is one of the sandbox's orders, else null. */
	orderId: string | null;
	encoding: 'python' | 'compact';
	tamper: WebhookTamper;
	/** Set when the receiver could not be reached (status is then 0). */
	error?: string;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/** A refusal of the caller's webhook options: POST /__sandbox/webhook answers it with `status`. */
export class ControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

function hmacHex(key: string, message: string): string {
	return createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(message, 'utf8')).digest('hex');
}

/** Tamper 'body': change one character after signing and keep the JSON valid (a digit becomes
 * another digit; without digits a letter changes case). */
function tamperBody(body: string): string {
	let i = body.search(/\d(?=[^\d]*$)/);
	if (i >= 0) return body.slice(0, i) + String((Number(body[i]) + 1) % 10) + body.slice(i + 1);
	i = body.search(/[A-Za-z](?=[^A-Za-z]*$)/);
	if (i < 0) return body + ' ';
	const ch = body[i];
	return body.slice(0, i) + (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) + body.slice(i + 1);
}

function flipHexDigit(hex: string): string {
	const flipped = (parseInt(hex[0], 16) ^ 1).toString(16);
	return flipped + hex.slice(1);
}

/** The secret webhooks are signed with: the dedicated webhook secret, else the client secret. */
export function signingSecret(state: ApicbaseState): string {
	return state.config.webhookSecret ?? APICBASE_DEMO.supplierClientSecret;
}

/** See ApicbaseSandbox.sendWebhook(). */
export async function postWebhook(state: ApicbaseState, opts: WebhookOptions): Promise<WebhookResult> {
	const encoding = opts.encoding ?? 'python';
	const tamper = opts.tamper ?? 'none';
	if (!opts.url) throw new ControlError(400, 'url is required');
	if (!['python', 'compact'].includes(encoding)) throw new ControlError(400, `unknown encoding ${encoding}`);
	if (!['none', 'body', 'signature', 'missingSignature', 'wrongSecret'].includes(tamper)) {
		throw new ControlError(400, `unknown tamper mode ${tamper}`);
	}

	let payload: unknown;
	let orderIdValue: string | null = null;
	let newOrder: SeedOrder | undefined;
	if (opts.order !== undefined) {
		payload = opts.order;
	} else if (opts.orderId !== undefined) {
		const found = state.orders.find((o) => o.id === opts.orderId);
		if (!found) throw new ControlError(404, `unknown order id ${opts.orderId}`);
		payload = webhookOrder(found);
		orderIdValue = found.id;
	} else {
		newOrder = buildOrder(state.nextSeq, sandboxNow(state) * 1000);
		payload = webhookOrder(newOrder);
		orderIdValue = newOrder.id;
	}

	const signedBody = encoding === 'compact' ? JSON.stringify(payload) : pythonJsonDumps(payload);
	const secret = signingSecret(state);
	const digest = hmacHex(tamper === 'wrongSecret' ? `${secret}-but-wrong` : secret, signedBody);
	const sentBody = tamper === 'body' ? tamperBody(signedBody) : signedBody;
	const signature =
		tamper === 'missingSignature' ? undefined : tamper === 'signature' ? flipHexDigit(digest) : digest;

	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	if (signature !== undefined) headers[APICBASE_DEMO.webhookSignatureHeader] = signature;

	const delivery: WebhookDelivery = {
		at: new Date(sandboxNow(state)).toISOString(),
		url: opts.url,
		orderId: orderIdValue,
		encoding,
		tamper,
		status: 0,
		body: '',
		sentBody,
		signature,
	};
	try {
		const response = await fetch(opts.url, {
			method: 'POST',
			headers,
			body: Buffer.from(sentBody, 'utf8'),
			redirect: 'manual',
			signal: AbortSignal.timeout(opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
		});
		delivery.status = response.status;
		delivery.body = await response.text();
	} catch (error) {
		delivery.error = (error as Error).message;
	}
	state.webhookDeliveries.push(delivery);

	if (newOrder && delivery.status >= 200 && delivery.status < 300) {
		state.orders.push(newOrder);
		state.nextSeq++;
	}
	return { status: delivery.status, body: delivery.body, sentBody, signature };
}
