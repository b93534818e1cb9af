import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { MbxWebhookTrigger } from '../../../nodes/Mbx/MbxWebhookTrigger.node';
import { detectOrderChanges, type OrderWatchState } from '../../../nodes/Mbx/trigger/orderChanges';
import { secureEquals } from '../../../nodes/shared/secureCompare';
import { withoutKeys } from '../../../nodes/shared/values';

const T = (minute: number) => `2026-11-24T10:${String(minute).padStart(2, '0')}:00.000Z`;
const order = (id: number, status: string, updated: number, created = 0): IDataObject => ({
	id,
	status,
	updated_at: T(updated),
	created_at: T(created),
});

describe('detectOrderChanges', () => {
	it('emits nothing on the first poll and remembers the present', () => {
		const { changes, state } = detectOrderChanges({}, [order(1, 'pending', 1), order(2, 'shipped', 2), order(3, 'released', 2)]);
		expect(changes).toEqual([]);
		expect(state).toMatchObject({ cursor: T(2), atCursor: ['2', '3'], statuses: { '1': 'pending', '2': 'shipped', '3': 'released' } });
		expect(state.pass).toBeUndefined();
	});

	it('reports new orders and status changes once, and a shipped order never again', () => {
		let state: OrderWatchState = detectOrderChanges({}, [order(1, 'pending', 1), order(2, 'released', 2)]).state;
		const poll = (orders: IDataObject[]) => {
			const result = detectOrderChanges(state, orders);
			state = result.state;
			return result.changes.map((c) => [c.event, c.order.id, c.previousStatus, c.order.status]);
		};
		expect(poll([order(1, 'pending', 1), order(2, 'shipped', 5), order(3, 'pending', 5, 5)])).toEqual([
			['statusChanged', 2, 'released', 'shipped'],
			['created', 3, null, 'pending'],
		]);
		// Same data again: nothing new, even though two orders share the cursor timestamp.
		expect(poll([order(1, 'pending', 1), order(2, 'shipped', 5), order(3, 'pending', 5, 5)])).toEqual([]);
		// A later change to the shipped order (e.g. another tracking number) is only an "updated".
		expect(poll([order(1, 'pending', 1), order(2, 'shipped', 6), order(3, 'pending', 5, 5)])).toEqual([['updated', 2, 'shipped', 'shipped']]);
		expect(state.statuses).toEqual({ '1': 'pending', '2': 'shipped', '3': 'pending' });
	});

	it('catches an order changed at the same timestamp as the cursor but not seen yet', () => {
		const { state } = detectOrderChanges({}, [order(1, 'pending', 3)]);
		const { changes } = detectOrderChanges(state, [order(1, 'pending', 3), order(2, 'released', 3, 3)]);
		expect(changes.map((c) => c.order.id)).toEqual([2]);
	});

	it('an order placed at the cursor time after the poll read is a new order, once; others at that time are what they are', () => {
		// The poll read orders 1 (new at minute 3) and 2; then, at minute 3 still, order 3 was placed,
		// order 4 (seen before) was released, and order 5 (seen before) got a note.
		let state = detectOrderChanges({}, [order(1, 'pending', 1, 1), order(2, 'pending', 1), order(4, 'pending', 1), order(5, 'pending', 1)]).state;
		state = detectOrderChanges(state, [order(1, 'pending', 3, 3), order(2, 'pending', 3), order(4, 'pending', 1), order(5, 'pending', 1)]).state;
		// The IDs seen at minute 3, where the cursor moves once the next pass has read the list.
		expect(state.lastPass?.atNewest).toEqual(['1', '2']);
		const now = [order(1, 'pending', 3, 3), order(2, 'pending', 3), order(3, 'pending', 3, 3), order(4, 'released', 3), order(5, 'pending', 3)];
		const next = detectOrderChanges(state, now);
		expect(next.changes.map((c) => [c.event, c.order.id, c.previousStatus])).toEqual([
			['created', 3, null],
			['statusChanged', 4, 'pending'],
			['updated', 5, 'pending'],
		]);
		expect(detectOrderChanges(next.state, now).changes).toEqual([]);
	});
});

describe('secureEquals', () => {
	it('accepts only the exact secret', () => {
		expect(secureEquals('abc', 'abc')).toBe(true);
		expect(secureEquals('abd', 'abc')).toBe(false);
		expect(secureEquals('ab', 'abc')).toBe(false);
		expect(secureEquals(undefined, 'abc')).toBe(false);
		expect(secureEquals('', '')).toBe(false);
	});
});

describe('MBX Webhook Trigger', () => {
	function call(options: { headers?: Record<string, string>; body?: unknown; parameters?: IDataObject; credentials?: IDataObject }) {
		const sent: { status?: number; body?: unknown } = {};
		const response = {
			status(code: number) {
				sent.status = code;
				return response;
			},
			json(body: unknown) {
				sent.body = body;
				return response;
			},
		};
		const parameters: IDataObject = { verifySecret: true, statuses: [], ...options.parameters };
		const context = {
			getResponseObject: () => response,
			getHeaderData: () => options.headers ?? {},
			getBodyData: () => options.body,
			// A node whose credential has no ID: each call reads the credential (no reuse between tests).
			getNode: () => ({ name: 'Webhook Trigger', credentials: {} }),
			getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
			getCredentials: async () => {
				if (!options.credentials) throw new Error('no credentials');
				return options.credentials;
			},
		} as unknown as IWebhookFunctions;
		return { run: async () => await new MbxWebhookTrigger().webhook.call(context), sent };
	}
	const secret = { headerName: 'X-MBX-Webhook-Secret', secret: 'a-shared-secret-of-length' };
	const shipped = { id: 7, status: 'shipped', tracking_numbers: [{ tracking_number: 'T1' }] };

	it('starts the workflow for a call with the right secret', async () => {
		const { run } = call({ headers: { 'x-mbx-webhook-secret': secret.secret }, body: shipped, credentials: secret });
		const result = await run();
		expect(result.workflowData?.[0][0].json).toEqual({ event: 'orderUpdated', previousStatus: null, ...shipped });
	});

	it.each([
		['a wrong secret', { 'x-mbx-webhook-secret': 'a-shared-secret-of-lengtX' }],
		['no secret', {}],
	])('answers 401 and starts nothing for %s', async (_case, headers) => {
		const { run, sent } = call({ headers, body: shipped, credentials: secret });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(401);
	});

	it('fails closed when the secret credential is missing', async () => {
		const { run, sent } = call({ headers: { 'x-mbx-webhook-secret': 'x' }, body: shipped });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(401);
	});

	it.each([
		['order', { event: 'order.updated', order: shipped }],
		['data', { data: shipped, sent_at: '2026-12-01T10:00:00Z' }],
		['customer_order_submission', { customer_order_submission: shipped }],
	])('finds an order wrapped under "%s", keeping the envelope under webhook', async (key, body) => {
		const { run } = call({ body, parameters: { verifySecret: false } });
		const json = (await run()).workflowData?.[0][0].json;
		const envelope = withoutKeys(body as Record<string, unknown>, [key]);
		expect(json).toEqual({ event: 'orderUpdated', previousStatus: null, ...shipped, webhook: envelope });
	});

	it('answers 400 to something that is not an order, and skips unwatched statuses', async () => {
		const bad = call({ body: { hello: 1 }, parameters: { verifySecret: false } });
		expect(await bad.run()).toEqual({ noWebhookResponse: true });
		expect(bad.sent.status).toBe(400);
		const pending = call({ body: { id: 1, status: 'Pending' }, parameters: { verifySecret: false, statuses: ['shipped'] } });
		expect(await pending.run()).toEqual({ webhookResponse: { received: true, started: false } });
	});
});

describe('MBX Webhook Trigger description', () => {
	const trigger = new MbxWebhookTrigger();
	const { description } = trigger;

	it('registers a plain POST webhook and does not poll', () => {
		expect(description.name).toBe('mbxWebhookTrigger');
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'order-update' }]);
		expect(description.polling).toBeUndefined();
		expect(description.properties.map((p) => p.name)).not.toContain('mode');
	});

	it('asks for the secret credential unless Verify a Shared Secret is off, tested by the node', () => {
		expect(description.credentials).toEqual([
			{ name: 'mbxWebhookApi', required: true, testedBy: 'mbxWebhookSecretTest', displayOptions: { hide: { verifySecret: [false] } } },
		]);
		expect(description.properties.find((p) => p.name === 'verifySecret')).toMatchObject({ type: 'boolean', default: true });
		const statuses = description.properties.find((p) => p.name === 'statuses')?.options as Array<{ value: string }>;
		expect(statuses.map((o) => o.value)).toEqual(['pending', 'released', 'shipped']);
	});

	it.each([
		[{ headerName: 'X-MBX-Webhook-Secret', secret: 'a-shared-secret-of-length' }, 'OK'],
		[{ headerName: 'X MBX Secret', secret: 'a-shared-secret-of-length' }, 'Error'],
		[{ headerName: '', secret: 'a-shared-secret-of-length' }, 'Error'],
		[{ headerName: 'X-MBX-Webhook-Secret', secret: 'short' }, 'Error'],
		[{}, 'Error'],
	])('checks the secret credential %j → %s', async (data, status) => {
		const credential = { id: '1', name: 'c', type: 'mbxWebhookApi', data } as ICredentialsDecrypted;
		const result = await trigger.methods.credentialTest.mbxWebhookSecretTest.call({} as ICredentialTestFunctions, credential);
		expect(result.status).toBe(status);
	});
});
