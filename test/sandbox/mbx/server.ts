/**
 * A strict local stand-in for the MBX Systems API (https://api-sandbox.mbx.com): HMAC-signed
 * requests (MBX-Auth + X-Date), OAuth 2 authorization-code flow with bearer and refresh tokens,
 * /v2/authenticate, and the documented endpoints with the `q` parameter and the list envelope:
 * countries, items, customer_catalog_items, inventories, invoices, ship_methods,
 * customer_order_submissions (create, update and delete while pending; status progression and an
 * order-update webhook driven from tests), and the Forge endpoints automation_task_types,
 * automation_queues, automation_tasks (with its CSV report) and serial_data.
 *
 * Every /v2 resource answers only for the caller's organization; a verb a known path does not
 * support is a 405 after authentication; write bodies are checked Rails style (422 listing every
 * problem). See the README-style notes on each public helper below.
 *
 * This file wires the routes and keeps the helpers tests call. The handlers live by resource, each
 * taking the one MbxState of state.ts: auth.ts (HMAC, bearer, rate limit), oauth.ts, routes.ts and
 * query.ts (what every resource answers, `q` and the list envelope), catalog.ts, invoices.ts,
 * orders.ts, automation.ts and webhooks.ts; options.ts and http.ts hold what they share.
 */
import type { RecordClock } from '../common/clock';
import { SandboxServer, type Fault, type RequestContext, type SandboxResponse, type SandboxSecret } from '../common/server';
import { MBX_AUTH_ERRORS, parseIsoDate, withAuth } from './auth';
import {
	AUTOMATION_TASK_CSV_COLUMNS,
	createQueue,
	createSerialData,
	organizationTasks,
	QUEUE_FIELDS,
	queuesWithTasks,
	renderQueue,
	renderSerialData,
	SERIAL_DATA_FIELDS,
	TASK_TYPE_FIELDS,
	tasksCsv,
	updateTask,
	type MbxAutomationQueueDetails,
} from './automation';
import {
	appendItems,
	CATALOG_ITEM_FIELDS,
	COUNTRY_FIELDS,
	dropAddedItems,
	INVENTORY_FIELDS,
	ITEM_FIELDS,
	SHIP_METHOD_FIELDS,
} from './catalog';
import { errors, isPlainObject, MbxSandboxError, sandboxErrorResponse, withJsonBody } from './http';
import { INVOICE_FIELDS, renderInvoice } from './invoices';
import { authorize, OAUTH_CLIENTS, token } from './oauth';
import {
	DEFAULT_OPTIONS,
	MBX_FILTER_BEHAVIOURS,
	validateOptions,
	type MbxFilterBehaviour,
	type MbxSandboxOptions,
} from './options';
import { advanceOrderStatus, appendOrders, createOrder, deleteOrder, ORDER_FILTER_FIELDS, updateOrder } from './orders';
import { notAllowed, resource, type Route } from './routes';
import { MBX_DEMO, MBX_ORGANIZATIONS, MBX_OTHER_ORG, type MbxCountry, type MbxItem, type MbxOrganization } from './seed';
import {
	renderOrder,
	type MbxAddress,
	type MbxAutomationQueue,
	type MbxAutomationTask,
	type MbxAutomationTaskType,
	type MbxCatalogItem,
	type MbxInventory,
	type MbxInvoice,
	type MbxOrder,
	type MbxOrderLine,
	type MbxOrderStatus,
	type MbxSerialData,
	type MbxShipMethod,
} from './seed-operations';
import { createState, owned, seedOperations, type MbxState } from './state';
import {
	deliverOrderUpdate,
	MBX_ORDER_UPDATED_EVENT,
	MBX_WEBHOOK_EVENT_HEADER,
	subscribe,
	type MbxWebhookDelivery,
	type MbxWebhookSubscription,
	type WebhookSubscriptionInput,
} from './webhooks';

export { MBX_DEMO, MBX_OTHER_ORG, MbxSandboxError, parseIsoDate };
export { AUTOMATION_TASK_CSV_COLUMNS, MBX_AUTH_ERRORS, MBX_FILTER_BEHAVIOURS, MBX_ORDER_UPDATED_EVENT, MBX_WEBHOOK_EVENT_HEADER };
export type {
	MbxAddress,
	MbxAutomationQueue,
	MbxAutomationQueueDetails,
	MbxAutomationTask,
	MbxAutomationTaskType,
	MbxCatalogItem,
	MbxCountry,
	MbxFilterBehaviour,
	MbxInventory,
	MbxInvoice,
	MbxItem,
	MbxOrder,
	MbxOrderLine,
	MbxOrderStatus,
	MbxOrganization,
	MbxSandboxOptions,
	MbxSerialData,
	MbxShipMethod,
	MbxWebhookDelivery,
	MbxWebhookSubscription,
};

export class MbxSandbox extends SandboxServer {
	private readonly initialOptions: MbxSandboxOptions;
	private readonly state: MbxState;
	/**
	 * Real time unless a test sets it (also `POST /__sandbox/clock {"at"}`): then created_at and
	 * updated_at stand still, and so does the rate-limit window, so a test passes it by setting the clock.
	 */
	readonly clock: RecordClock;

	constructor(options: Partial<MbxSandboxOptions> = {}) {
		super('mbx');
		this.initialOptions = { ...DEFAULT_OPTIONS, ...validateOptions(options) };
		this.state = createState({ ...this.initialOptions });
		this.clock = this.state.clock;
		this.registerRoutes();
	}

	// ---- helpers for tests, e2e and demos ----

	get options(): Readonly<MbxSandboxOptions> {
		return { ...this.state.settings };
	}

	/** Changes options at runtime (also `POST /__sandbox/config`); throws on an invalid value. */
	configure(options: Partial<MbxSandboxOptions>): MbxSandboxOptions {
		const next = { ...this.state.settings, ...validateOptions(options) };
		// A new limit starts with fresh windows, so a test never inherits counts from the old one.
		if (next.rateLimitPerMinute !== this.state.settings.rateLimitPerMinute) this.state.buckets.clear();
		this.state.settings = next;
		return { ...this.state.settings };
	}

	/**
	 * Appends `n` items owned by the organization, made like the seeded ones (names numbered on
	 * from the organization's last item, so unique), each with its customer catalog item and
	 * inventory, created now on the sandbox clock. In memory: about a second per 100,000.
	 * reset() drops them again.
	 */
	addItems(n: number, organizationId: number = MBX_DEMO.organizationId): void {
		appendItems(this.state, n, organizationId);
	}

	/**
	 * Appends `n` pending customer order submissions of the organization, as POST
	 * /v2/customer_order_submissions would have made them: seed-style consignees and ship methods,
	 * one to three lines of the organization's unarchived items, purchase orders unique within the
	 * organization, created now on the sandbox clock. No webhook is sent. In memory: about a
	 * second per 100,000.
	 */
	addOrders(n: number, organizationId: number = MBX_DEMO.organizationId): void {
		appendOrders(this.state, n, organizationId);
	}

	/** The seeded countries, in id order. */
	countries(): MbxCountry[] {
		return this.state.countryRows.map((c) => ({ ...c }));
	}

	/** The seeded items owned by one organization (the demo org by default). */
	items(organizationId: number = MBX_DEMO.organizationId): MbxItem[] {
		return this.state.itemRows.filter((i) => i.owner_id === organizationId).map((i) => ({ ...i }));
	}

	/** The 25 ship methods (global reference data), in id order. */
	shipMethods(): MbxShipMethod[] {
		return this.state.shipMethodRows.map((m) => ({ ...m }));
	}

	/** One customer catalog item per item of the organization, in id order. */
	catalogItems(organizationId: number = MBX_DEMO.organizationId): MbxCatalogItem[] {
		const { catalogRows, itemOwners } = this.state;
		return catalogRows.filter((c) => itemOwners.get(c.item_id) === organizationId).map((c) => ({ ...c }));
	}

	/** One inventory per item of the organization, in id order. */
	inventories(organizationId: number = MBX_DEMO.organizationId): MbxInventory[] {
		const { inventoryRows, itemOwners } = this.state;
		return inventoryRows.filter((i) => itemOwners.get(i.item_id) === organizationId).map((i) => ({ ...i }));
	}

	/** The organization's invoices: the seeded ones, then one per order shipped since. */
	invoices(organizationId: number = MBX_DEMO.organizationId): MbxInvoice[] {
		return this.state.invoiceRows.filter((i) => i.organizationId === organizationId).map(renderInvoice);
	}

	/** The organization's customer order submissions as GET renders them, in id order. */
	orders(organizationId: number = MBX_DEMO.organizationId): MbxOrder[] {
		return this.state.orderRows.filter((o) => o.organization_id === organizationId).map(renderOrder);
	}

	/** One order (any organization) as GET renders it, or undefined. */
	order(id: number): MbxOrder | undefined {
		const found = this.state.orderRows.find((o) => o.id === id);
		return found && renderOrder(found);
	}

	/** The 8 automation task types (global reference data). */
	taskTypes(): MbxAutomationTaskType[] {
		return this.state.taskTypeRows.map((t) => ({ ...t }));
	}

	/** The organization's automation queues with their serial number and tasks, in id order. */
	queues(organizationId: number = MBX_DEMO.organizationId): MbxAutomationQueueDetails[] {
		return queuesWithTasks(this.state, organizationId);
	}

	/** Every automation task of the organization's queues, in id order. */
	tasks(organizationId: number = MBX_DEMO.organizationId): MbxAutomationTask[] {
		return organizationTasks(this.state, organizationId);
	}

	/** The organization's serial data, in id order. */
	serialData(organizationId: number = MBX_DEMO.organizationId): MbxSerialData[] {
		return this.state.serialDataRows.filter((d) => d.organizationId === organizationId).map(renderSerialData);
	}

	/**
	 * Moves an order one step: pending -> released (sets promise_date unless the order has one) -> shipped (adds
	 * invoices, tracking_numbers, serial numbers on serialized lines and an invoice record). Bumps
	 * updated_at, then POSTs the order to every webhook subscriber of its organization and waits for
	 * the deliveries. Also `POST /__sandbox/orders/<id>/advance`. Throws MbxSandboxError 404 for an
	 * unknown id and 422 for an order that has already shipped.
	 */
	async advanceOrder(id: number): Promise<MbxOrder> {
		const rendered = advanceOrderStatus(this.state, id);
		await deliverOrderUpdate(this.state, rendered);
		return rendered;
	}

	/**
	 * Registers an order-update webhook (also `POST /__sandbox/webhooks` with the same JSON). Every
	 * status change of the organization's orders is POSTed to `url` with Content-Type
	 * application/json, X-MBX-Event: order.updated and the extra `headers`.
	 */
	subscribeWebhook(input: WebhookSubscriptionInput): MbxWebhookSubscription {
		return subscribe(this.state, input);
	}

	/** The webhook subscriptions (also `GET /__sandbox/webhooks`). */
	webhookSubscriptions(): MbxWebhookSubscription[] {
		return this.state.subscriptions.map((s) => ({ ...s, headers: { ...s.headers } }));
	}

	/** Every delivery attempt, in order (also `GET /__sandbox/webhooks/deliveries`). */
	webhookDeliveries(): MbxWebhookDelivery[] {
		return this.state.deliveries.map((d) => ({ ...d, headers: { ...d.headers } }));
	}

	/** How many bearer tokens /oauth/token has issued since start or the last reset. */
	issuedBearerTokens(): number {
		return this.state.bearersIssued;
	}

	/** The /oauth/authorize URL for the demo client (the server must be started). */
	authorizeUrl(params: { redirectUri?: string; state?: string; clientId?: string } = {}): string {
		const query = new URLSearchParams({ response_type: 'code', client_id: params.clientId ?? MBX_DEMO.clientId });
		if (params.redirectUri !== undefined) query.set('redirect_uri', params.redirectUri);
		if (params.state !== undefined) query.set('state', params.state);
		return `${this.url}/oauth/authorize?${query.toString()}`;
	}

	// ---- base-class hooks ----

	protected knownSecrets(): SandboxSecret[] {
		return [
			...MBX_ORGANIZATIONS.map((o) => ({ source: `HMAC secret token of ${o.organizationName}`, value: o.secretToken })),
			...OAUTH_CLIENTS.map((c) => ({ source: `OAuth2 client secret of ${c.clientId}`, value: c.clientSecret })),
		];
	}

	/** HMAC is stateless, so the only thing to expire is every issued bearer token. */
	protected expireAuth(): void {
		const now = Date.now();
		for (const token of this.state.bearerTokens.values()) token.expiresAt = Math.min(token.expiresAt, now);
	}

	protected resetState(): void {
		const state = this.state;
		state.settings = { ...this.initialOptions };
		state.authCodes.clear();
		state.bearerTokens.clear();
		state.refreshTokens.clear();
		state.bearersIssued = 0;
		state.clock.set(null);
		state.buckets.clear();
		dropAddedItems(state);
		seedOperations(state);
	}

	protected control(action: string, body: unknown): Promise<SandboxResponse> | SandboxResponse | undefined {
		if (action === 'clock') return this.clock.control(body);
		if (action === 'config') {
			if (body !== undefined && !isPlainObject(body)) return errors(400, 'config body must be a JSON object');
			try {
				return { status: 200, body: this.configure((body ?? {}) as Partial<MbxSandboxOptions>) };
			} catch (error) {
				return errors(400, (error as Error).message);
			}
		}
		const advance = /^orders\/(\d+)\/advance$/.exec(action);
		if (advance) {
			return this.advanceOrder(Number(advance[1])).then(
				(order) => ({ status: 200, body: order }),
				sandboxErrorResponse,
			);
		}
		// The control hook does not see the method: no body lists, a JSON body subscribes.
		if (action === 'webhooks') {
			if (body === undefined) return { status: 200, body: this.webhookSubscriptions() };
			try {
				return { status: 201, body: this.subscribeWebhook(body as { url: string }) };
			} catch (error) {
				return sandboxErrorResponse(error);
			}
		}
		if (action === 'webhooks/deliveries') return { status: 200, body: this.webhookDeliveries() };
		return undefined;
	}

	// Rails-style routing: an unknown route is a 404 before any authentication happens.
	protected notFound(): SandboxResponse {
		return errors(404, 'Not found');
	}

	protected faultResponse(fault: Fault): SandboxResponse {
		const status = fault.status ?? 503;
		const headers: Record<string, string> = {};
		if (status === 429) headers['Retry-After'] = String(fault.retryAfterSeconds ?? 1);
		const message =
			status === 429 ? 'Rate limit exceeded' : status === 503 ? 'Service unavailable' : `Injected error ${status}`;
		return { status, headers, body: fault.body ?? { errors: [message] } };
	}

	// ---- routes ----

	private registerRoutes(): void {
		const state = this.state;
		const route: Route = (method, path, handler) => this.route(method, path, handler);
		const issue = (value: string, source: string) => this.issue(value, source);
		route('GET', '/oauth/authorize', (ctx) => authorize(state, issue, ctx));
		route('POST', '/oauth/token', (ctx) => token(state, issue, ctx));

		const authenticated = (ctx: RequestContext) =>
			withAuth(state, ctx, (organization) => ({
				status: 200,
				body: `Successfully authenticated as ${organization.organizationName}`,
			}));
		route('GET', '/v2/authenticate', authenticated);
		route('POST', '/v2/authenticate', authenticated);
		notAllowed(state, route, '/v2/authenticate', ['GET', 'POST']);

		// Reference data every organization sees.
		resource(state, route, '/v2/countries', {
			model: 'Country',
			fields: COUNTRY_FIELDS,
			rows: () => state.countryRows,
		});
		resource(state, route, '/v2/ship_methods', {
			model: 'ShipMethod',
			fields: SHIP_METHOD_FIELDS,
			rows: () => state.shipMethodRows,
		});
		resource(state, route, '/v2/automation_task_types', {
			model: 'AutomationTaskType',
			fields: TASK_TYPE_FIELDS,
			rows: () => state.taskTypeRows,
		});

		// Customer-owned data: each organization only ever sees its own.
		resource(state, route, '/v2/items', {
			model: 'Item',
			fields: ITEM_FIELDS,
			rows: (org) => owned(state, state.itemRows, org.organizationId, (i) => i.owner_id),
		});
		resource(state, route, '/v2/customer_catalog_items', {
			model: 'CustomerCatalogItem',
			fields: CATALOG_ITEM_FIELDS,
			rows: (org) => owned(state, state.catalogRows, org.organizationId, (c) => state.itemOwners.get(c.item_id)),
		});
		resource(state, route, '/v2/inventories', {
			model: 'Inventory',
			fields: INVENTORY_FIELDS,
			rows: (org) => owned(state, state.inventoryRows, org.organizationId, (i) => state.itemOwners.get(i.item_id)),
		});
		resource(state, route, '/v2/invoices', {
			model: 'Invoice',
			fields: INVOICE_FIELDS,
			rows: (org) => owned(state, state.invoiceRows, org.organizationId, (i) => i.organizationId),
			render: renderInvoice,
		});
		resource(state, route, '/v2/customer_order_submissions', {
			model: 'CustomerOrderSubmission',
			fields: ORDER_FILTER_FIELDS,
			rows: (org) => owned(state, state.orderRows, org.organizationId, (o) => o.organization_id),
			render: renderOrder,
			create: (org, body) => createOrder(state, org, body),
			update: (org, id, body) => updateOrder(state, org, id, body),
			destroy: (org, id) => deleteOrder(state, org, id),
		});
		resource(state, route, '/v2/automation_queues', {
			model: 'AutomationQueue',
			fields: QUEUE_FIELDS,
			rows: (org) => owned(state, state.queueRows, org.organizationId, (q) => q.organizationId),
			render: renderQueue,
			create: (org, body) => createQueue(state, org, body),
		});
		resource(state, route, '/v2/serial_data', {
			model: 'SerialDatum',
			fields: SERIAL_DATA_FIELDS,
			rows: (org) => owned(state, state.serialDataRows, org.organizationId, (d) => d.organizationId),
			render: renderSerialData,
			create: (org, body) => createSerialData(state, org, body),
		});

		// automation_tasks: an update addressed by serial and sequence in the body, and a report.
		route('PUT', '/v2/automation_tasks', (ctx) =>
			withAuth(state, ctx, (org) => withJsonBody(ctx, (body) => updateTask(state, org, body))),
		);
		notAllowed(state, route, '/v2/automation_tasks', ['PUT']);
		route('GET', '/v2/automation_tasks/details.csv', (ctx) => withAuth(state, ctx, (org) => tasksCsv(state, org)));
		notAllowed(state, route, '/v2/automation_tasks/details.csv', ['GET']);
	}
}
