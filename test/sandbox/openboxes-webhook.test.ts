/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * OpenBoxes' own webhook as the sandbox sends it (WebhookPublisherService + ApiClientService,
 * open-source 0.9.x): `shipment.shipped` when a shipment leaves a location with the ENABLE_WEBHOOKS
 * activity, one POST of Grails' JSONObject text (nested maps as Java's Map.toString) with the
 * configured fixed headers, before the ship call answers; the answer's status ignored.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

import { grailsJsonObject, javaToString } from './openboxes/grailsJson';
import { OPENBOXES_BINS, OPENBOXES_DEMO, OpenBoxesSandbox } from './openboxes/server';
import { openBoxesClient } from './openboxes/testClient';

const sandbox = new OpenBoxesSandbox();
const { call, login } = openBoxesClient(sandbox);
const BHQ = OPENBOXES_DEMO.locationId;
const PEDIATRIC = 'ff80818190a1c3b10190a1c4e2a50011';
const SECRET = { 'X-OpenBoxes-Webhook-Secret': 'sandbox-webhook-secret-value' };

interface Received {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
}

/** A stand-in for n8n: records each call and answers with what the test sets. */
const receiver = {
	server: undefined as Server | undefined,
	url: '',
	received: [] as Received[],
	answer: { status: 200, type: 'application/json', body: '{"message":"Workflow was started"}', gzip: false },
};

beforeAll(async () => {
	await sandbox.start(0);
	receiver.server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			receiver.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			const { status, type, body, gzip } = receiver.answer;
			res.writeHead(status, { 'Content-Type': type, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
			res.end(gzip ? gzipSync(body) : body);
		});
	});
	await new Promise<void>((resolve) => receiver.server!.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(receiver.server!.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await sandbox.stop();
	receiver.server?.closeAllConnections();
	await new Promise<void>((resolve) => receiver.server!.close(() => resolve()));
});

beforeEach(() => {
	sandbox.reset();
	receiver.received = [];
	receiver.answer = { status: 200, type: 'application/json', body: '{"message":"Workflow was started"}', gzip: false };
});

/** Products with at least `atLeast` free outside the receiving bin at Boston Headquarters. */
function pickable(count: number, atLeast: number): string[] {
	const free = new Map<string, number>();
	for (const row of sandbox.productAvailability()) {
		if (row.binLocation?.id === OPENBOXES_BINS.bhqReceiving) continue;
		free.set(row.product.id, (free.get(row.product.id) ?? 0) + row.quantityAvailableToPromise);
	}
	return [...free].filter(([, quantity]) => quantity >= atLeast).map(([id]) => id).slice(0, count);
}

async function newMovement(cookie: string, products: string[]): Promise<string> {
	const created = await call('/stockMovements', {
		cookie,
		body: {
			origin: { id: BHQ },
			destination: { id: PEDIATRIC },
			requestedBy: { id: OPENBOXES_DEMO.userId },
			dateRequested: '06/20/2025',
			lineItems: products.map((id) => ({ product: { id }, quantityRequested: 2 })),
		},
	});
	expect(created.status).toBe(201);
	return created.json.data.id as string;
}

const ship = async (cookie: string, id: string) => await call(`/stockMovements/${id}/status`, { cookie, body: { status: 'DISPATCHED' } });

describe("Grails' JSONObject text", () => {
	it('matches what Grails 3.3.16 printed under OpenJDK, byte for byte', () => {
		const item = { id: 'si-1', productName: 'Ibuprofen 200mg, "tabs"', productCode: 'IB200', lotNumber: 'L1', expirationDate: '12/31/2027', quantity: 5 };
		const data = { id: 'sh-1', shipmentNumber: 'AB12', origin: 'loc-1', destination: 'loc-2', shipmentType: 'Default', shipmentItems: [item] };
		expect(grailsJsonObject([['data', data], ['location', 'loc-1'], ['id', 'sh-1'], ['type', 'shipment.shipped'], ['user', null], ['timestamp', 1718000000000]])).toBe(
			'{"data":"{id=sh-1, shipmentNumber=AB12, origin=loc-1, destination=loc-2, shipmentType=Default, shipmentItems=[{id=si-1, productName=Ibuprofen 200mg, \\"tabs\\", productCode=IB200, lotNumber=L1, expirationDate=12/31/2027, quantity=5}]}","location":"loc-1","id":"sh-1","type":"shipment.shipped","user":null,"timestamp":1718000000000}',
		);
		const odd = { id: 'x', productName: 'a</b>\t\u0001é"\\', lotNumber: null, shipmentItems: [] };
		expect(grailsJsonObject([['data', odd], ['location', null], ['id', 'x</y'], ['type', 'shipment.shipped'], ['user', '1'], ['timestamp', 5]])).toBe(
			'{"data":"{id=x, productName=a<\\/b>\\t\\u0001é\\"\\\\, lotNumber=null, shipmentItems=[]}","location":null,"id":"x<\\/y","type":"shipment.shipped","user":"1","timestamp":5}',
		);
		expect(javaToString([{ a: 1 }, null])).toBe('[{a=1}, null]');
	});
});

describe('shipping a stock movement', () => {
	it('sends nothing while the origin lacks ENABLE_WEBHOOKS, even with openboxes.webhook.enabled', async () => {
		sandbox.configure({ webhookUrl: `${receiver.url}/hook`, webhookHeaders: SECRET, webhookEnabled: true });
		const cookie = await login();
		const shipped = await ship(cookie, await newMovement(cookie, pickable(1, 2)));
		expect(shipped.status).toBe(200);
		expect(receiver.received).toEqual([]);
		expect(sandbox.webhookDeliveries()).toEqual([]);
	});

	it('posts shipment.shipped once, with the fixed headers, before the ship call answers', async () => {
		// openboxes.webhook.enabled stays false: OpenBoxes 0.9.x never reads it.
		sandbox.configure({ webhookUrl: `${receiver.url}/webhook/abc/events`, webhookHeaders: { header1: 'value1', ...SECRET } });
		sandbox.enableWebhooks(BHQ);
		const cookie = await login();
		const products = pickable(2, 2);
		const id = await newMovement(cookie, products);
		const shipped = await ship(cookie, id);
		expect(shipped.status).toBe(200);
		expect(shipped.text).toBe('');
		// Already there when the status call answered.
		expect(receiver.received).toHaveLength(1);

		const [call1] = receiver.received;
		expect(call1).toMatchObject({ method: 'POST', path: '/webhook/abc/events' });
		expect(call1.headers).toMatchObject({
			header1: 'value1',
			'x-openboxes-webhook-secret': SECRET['X-OpenBoxes-Webhook-Secret'],
			'content-type': 'application/json',
			'content-length': String(Buffer.byteLength(call1.body)),
			'user-agent': expect.stringMatching(/^Apache-HttpClient\/4\.5\.14 /),
		});
		const event = JSON.parse(call1.body) as Record<string, unknown>;
		expect(Object.keys(event)).toEqual(['data', 'location', 'id', 'type', 'user', 'timestamp']);
		const movement = sandbox.stockMovements().find((m) => m.id === id)!;
		expect(event).toMatchObject({ id, type: 'shipment.shipped', user: OPENBOXES_DEMO.userId, location: BHQ });
		expect(Math.abs(Number(event.timestamp) - Date.now())).toBeLessThan(10_000);
		// The shipment details arrive as one line of text (Java's Map.toString), not as JSON.
		expect(typeof event.data).toBe('string');
		expect(event.data).toMatch(new RegExp(`^\\{id=${id}, shipmentNumber=${String(movement.identifier)}, origin=${BHQ}, destination=${PEDIATRIC}, shipmentType=Default, shipmentItems=\\[\\{id=\\w{32}, productName=`));
		expect(String(event.data).match(/quantity=\d+/g)?.reduce((sum, q) => sum + Number(q.slice(9)), 0)).toBe(4);

		expect(sandbox.webhookDeliveries()).toEqual([
			expect.objectContaining({ event: 'shipment.shipped', shipmentId: id, status: 200, body: call1.body, error: undefined }),
		]);

		// Shipped already: another DISPATCHED sends nothing more.
		await ship(cookie, id);
		expect(receiver.received).toHaveLength(1);
	});

	it('ignores the answer status, but logs an answer that is not a JSON object, as OpenBoxes does', async () => {
		sandbox.configure({ webhookUrl: `${receiver.url}/hook`, webhookHeaders: {} });
		sandbox.enableWebhooks(BHQ);
		const cookie = await login();
		receiver.answer = { status: 401, type: 'application/json', body: '{"error":"Missing or wrong webhook secret"}', gzip: false };
		expect((await ship(cookie, await newMovement(cookie, pickable(1, 2)))).status).toBe(200);
		receiver.answer = { status: 200, type: 'text/plain', body: 'OK', gzip: false };
		expect((await ship(cookie, await newMovement(cookie, pickable(1, 2)))).status).toBe(200);
		// HttpClient asks for gzip and unpacks it before OpenBoxes reads the answer.
		receiver.answer = { status: 200, type: 'application/json', body: '{"message":"Workflow was started"}', gzip: true };
		expect((await ship(cookie, await newMovement(cookie, pickable(1, 2)))).status).toBe(200);
		const deliveries = sandbox.webhookDeliveries();
		expect(deliveries.map((d) => [d.status, d.error])).toEqual([
			[401, undefined],
			[200, "A JSONObject text must begin with '{' at character 1"],
			[200, undefined],
		]);
		expect(deliveries[2].response).toBe('{"message":"Workflow was started"}');
		expect(receiver.received.map((r) => r.headers['accept-encoding'])).toEqual(['gzip,deflate', 'gzip,deflate', 'gzip,deflate']);
		// The fixed headers are exactly the configured ones: none here.
		expect(receiver.received.map((r) => r.headers['x-openboxes-webhook-secret'] ?? r.headers.header1)).toEqual([undefined, undefined, undefined]);
	});

	it('records a failed delivery when no URL is set, and can send an event again on request', async () => {
		sandbox.enableWebhooks(BHQ);
		const cookie = await login();
		const id = await newMovement(cookie, pickable(1, 2));
		await ship(cookie, id);
		expect(sandbox.webhookDeliveries()).toEqual([expect.objectContaining({ url: null, status: 0, error: 'No webhook URL configured (sandbox option webhookUrl)' })]);

		sandbox.configure({ webhookUrl: `${receiver.url}/again` });
		const again = await fetch(`${sandbox.url}/__sandbox/publishShippedEvent`, { method: 'POST', body: JSON.stringify({ id }) });
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ status: 200, shipmentId: id, headers: expect.objectContaining({ header1: 'value1' }) });
		expect(receiver.received.map((r) => r.path)).toEqual(['/again']);
		expect(sandbox.configure.bind(sandbox, { webhookHeaders: { 'bad name': 'x' } })).toThrow('webhookHeaders must map header names to text values');
	});
});
