/**
 * Order-update webhooks: subscriptions (registered by tests or the control API, never through
 * /v2) and their delivery, one POST of the order as GET renders it per subscriber of its
 * organization, logged with the receiver's answer and never retried.
 */
import { isHttpUrl, isPlainObject, MbxSandboxError } from './http';
import { MBX_DEMO, MBX_ORGANIZATIONS } from './seed';
import type { MbxOrder } from './seed-operations';
import type { MbxState } from './state';

/** The header the order-update webhook names its event in, and that event. */
export const MBX_WEBHOOK_EVENT_HEADER = 'X-MBX-Event';
export const MBX_ORDER_UPDATED_EVENT = 'order.updated';
const WEBHOOK_TIMEOUT_MS = 5000;
/** Headers the sandbox sets itself on a delivery; a subscription may not override them. */
const RESERVED_WEBHOOK_HEADERS = ['content-type', 'content-length', 'host', 'x-mbx-event', 'transfer-encoding'];

export interface MbxWebhookSubscription {
	id: number;
	url: string;
	/** Extra headers sent with every delivery (e.g. a shared secret). */
	headers: Record<string, string>;
	/** Only this organization's orders are delivered (default: the demo org). */
	organizationId: number;
}

export interface MbxWebhookDelivery {
	at: string;
	subscriptionId: number;
	url: string;
	event: typeof MBX_ORDER_UPDATED_EVENT;
	orderId: number;
	/** The headers sent. */
	headers: Record<string, string>;
	/** The body sent: the order as GET renders it, as JSON. */
	body: string;
	/** The receiver's HTTP status; 0 when there was no answer (see error). Never retried. */
	status: number;
	responseBody: string;
	error?: string;
}

/** What subscribeWebhook() takes (and `POST /__sandbox/webhooks` as JSON). */
export interface WebhookSubscriptionInput {
	url: string;
	headers?: Record<string, string>;
	organizationId?: number;
}

export function subscribe(state: MbxState, input: WebhookSubscriptionInput): MbxWebhookSubscription {
	if (!isPlainObject(input)) throw new MbxSandboxError(400, 'webhook subscription must be a JSON object');
	const { url, headers = {}, organizationId = MBX_DEMO.organizationId } = input;
	if (typeof url !== 'string' || !isHttpUrl(url)) {
		throw new MbxSandboxError(400, 'url must be an absolute http(s) URL without a fragment');
	}
	if (!isPlainObject(headers)) throw new MbxSandboxError(400, 'headers must be a JSON object of strings');
	for (const [name, value] of Object.entries(headers)) {
		if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || typeof value !== 'string' || /[\r\n]/.test(value)) {
			throw new MbxSandboxError(400, `headers.${name} is not a valid header`);
		}
		if (RESERVED_WEBHOOK_HEADERS.includes(name.toLowerCase())) {
			throw new MbxSandboxError(400, `headers.${name} is set by the sandbox and cannot be overridden`);
		}
	}
	if (!MBX_ORGANIZATIONS.some((o) => o.organizationId === organizationId)) {
		throw new MbxSandboxError(400, `organizationId ${String(organizationId)} is not a known organization`);
	}
	const subscription: MbxWebhookSubscription = {
		id: state.nextIds.subscription++,
		url,
		headers: { ...headers },
		organizationId,
	};
	state.subscriptions.push(subscription);
	return { ...subscription, headers: { ...subscription.headers } };
}

export async function deliverOrderUpdate(state: MbxState, order: MbxOrder): Promise<void> {
	const body = JSON.stringify(order);
	// One at a time, in subscription order, so the delivery log is deterministic.
	for (const subscription of state.subscriptions.filter((s) => s.organizationId === order.organization_id)) {
		const headers = {
			...subscription.headers,
			'Content-Type': 'application/json',
			[MBX_WEBHOOK_EVENT_HEADER]: MBX_ORDER_UPDATED_EVENT,
		};
		const delivery: MbxWebhookDelivery = {
			at: new Date().toISOString(),
			subscriptionId: subscription.id,
			url: subscription.url,
			event: MBX_ORDER_UPDATED_EVENT,
			orderId: order.id,
			headers,
			body,
			status: 0,
			responseBody: '',
		};
		try {
			const response = await fetch(subscription.url, {
				method: 'POST',
				headers,
				body,
				redirect: 'manual',
				signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
			});
			delivery.status = response.status;
			delivery.responseBody = await response.text();
		} catch (error) {
			delivery.error = (error as Error).message;
		}
		state.deliveries.push(delivery);
	}
}
