import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { MbxTrigger } from '../../../nodes/Mbx/MbxTrigger.node';

const orders = (statuses: string[], updated: string[]) =>
	statuses.map((status, i) => ({ id: i + 1, status, updated_at: updated[i], created_at: '2026-01-01T00:00:00.000Z' }));

function pollContext(options: { mode: 'manual' | 'trigger'; parameters: IDataObject; orders: () => IDataObject[]; staticData: IDataObject }) {
	const requests: string[] = [];
	const context = {
		getMode: () => options.mode,
		getNode: () => ({ name: 'MBX Trigger' }),
		getNodeParameter(this: unknown, name: string, fallback?: unknown) {
			if (this !== context) throw new TypeError('detached');
			return options.parameters[name] ?? fallback;
		},
		getWorkflowStaticData: () => options.staticData,
		getCredentials: async () => ({ environment: 'custom', customBaseUrl: 'http://mbx.test', publicToken: 'p', secretToken: 's' }),
		helpers: {
			async httpRequestWithAuthentication(_type: string, request: { url: string }) {
				requests.push(request.url);
				const all = options.orders();
				return { count: all.length, total_results: all.length, offset: 0, results: all };
			},
		},
	};
	return { context: context as unknown as IPollFunctions, requests };
}

describe('MBX Trigger polling', () => {
	const parameters = { authentication: 'hmac', events: ['created', 'statusChanged'], statuses: ['shipped'] };

	it('returns the most recently changed order as a sample in manual mode, without touching the cursor', async () => {
		const staticData: IDataObject = {};
		const { context } = pollContext({
			mode: 'manual',
			parameters,
			staticData,
			orders: () => orders(['pending', 'released'], ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']),
		});
		const result = await new MbxTrigger().poll.call(context);
		expect(result?.[0][0].json).toMatchObject({ id: 2, status: 'released' });
		expect(staticData).toEqual({});
	});

	it('stays silent on the first poll, then reports the move to Shipped once', async () => {
		const staticData: IDataObject = {};
		let current = orders(['pending', 'released'], ['2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
		const { context } = pollContext({ mode: 'trigger', parameters, staticData, orders: () => current });
		const trigger = new MbxTrigger();

		expect(await trigger.poll.call(context)).toBeNull();
		current = orders(['pending', 'shipped'], ['2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z']);
		const shipped = await trigger.poll.call(context);
		expect(shipped?.[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ event: 'statusChanged', previousStatus: 'released', id: 2, status: 'shipped' }),
		]);
		expect(await trigger.poll.call(context)).toBeNull();
	});

	it('reports an order placed in the second of a poll, after it read, as a new order on the next poll (the default events)', async () => {
		const staticData: IDataObject = {};
		const second = '2026-02-01T00:00:00.000Z';
		const placed = (id: number) => ({ id, status: 'pending', created_at: second, updated_at: second });
		let current: IDataObject[] = [placed(1)];
		const { context } = pollContext({ mode: 'trigger', parameters: { authentication: 'hmac' }, staticData, orders: () => current });
		const trigger = new MbxTrigger();

		expect(await trigger.poll.call(context)).toBeNull();
		// Placed in the same second, after that read.
		current = [placed(1), placed(2), placed(3)];
		const fresh = await trigger.poll.call(context);
		expect(fresh?.[0].map((item) => [item.json.event, item.json.id, item.json.previousStatus])).toEqual([
			['created', 2, null],
			['created', 3, null],
		]);
		expect(await trigger.poll.call(context)).toBeNull();
	});

	it('returns nothing in manual mode when MBX has no orders', async () => {
		const { context, requests } = pollContext({ mode: 'manual', parameters, staticData: {}, orders: () => [] });
		expect(await new MbxTrigger().poll.call(context)).toBeNull();
		expect(requests).toHaveLength(1);
	});
});

describe('MBX Trigger description', () => {
	const { description } = new MbxTrigger();

	it('polls only: no webhook and no mode switch', () => {
		expect(description.name).toBe('mbxTrigger');
		expect(description.polling).toBe(true);
		expect(description.webhooks).toBeUndefined();
		expect(description.properties.map((p) => p.name)).toEqual(['authentication', 'events', 'statuses']);
	});

	it('shows the HMAC or OAuth2 credential by Authentication alone', () => {
		expect(description.credentials).toEqual([
			{ name: 'mbxHmacApi', required: true, displayOptions: { show: { authentication: ['hmac'] } } },
			{ name: 'mbxOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		]);
		expect(description.properties.find((p) => p.name === 'authentication')?.displayOptions).toBeUndefined();
	});
});

describe('MBX Trigger events', () => {
	it('refuses an event this version does not know before reading anything, keeping its memory', async () => {
		const staticData: IDataObject = {};
		const { context, requests } = pollContext({
			mode: 'trigger',
			parameters: { authentication: 'hmac', events: ['created', 'orderCancelled'], statuses: [] },
			staticData,
			orders: () => orders(['pending'], ['2026-02-01T00:00:00.000Z']),
		});
		await expect(new MbxTrigger().poll.call(context)).rejects.toThrow('Trigger On has "orderCancelled", which this version of the node does not know');
		expect(requests).toEqual([]);
		expect(staticData).toEqual({});
	});
});
