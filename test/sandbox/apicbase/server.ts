/**
 * A strict local stand-in for the Apicbase API: OAuth2 (client credentials for the supplier,
 * authorization code + refresh for a customer app), the Generic Suppliers endpoints and the
 * customer side (procurement, deliveries, outlets, stock) with DRF pagination, filters and error
 * shapes, a per-token rate limit, and the webhook Apicbase uses to push orders (signed with hex
 * HMAC-SHA256 over the exact bytes sent).
 *
 * Sources: Apicbase's supplier-ordering and automate-orders support articles, and the project's
 * notes on Apicbase (hosts, OAuth2 flows, supplier endpoints, webhook signatures).
 * The backend is Django + DRF + django-oauth-toolkit, so where Apicbase documents nothing the
 * sandbox answers the way those libraries do by default.
 *
 * The handlers live in one module per resource and work on one ApicbaseState (model.ts); this
 * class owns that state, wires the routes to the handlers and offers the helpers tests use.
 */
import {
	SandboxServer,
	type Fault,
	type RequestContext,
	type RouteHandler,
	type SandboxResponse,
	type SandboxSecret,
} from '../common/server';
import { bearer, guarded, unknownPath } from './access';
import { getOutlet, listOutlets, listUsers } from './accounts';
import { apiFile, createAssortmentFile, getAssortmentFile, listAssortmentFiles } from './assortment';
import { CLIENTS, authorize, token, tokenMethodNotAllowed, uiAccessToken, type Issue } from './auth';
import { closeDeliveries, getCustomerOrder, listCustomerOrders } from './customerOrders';
import { apiCustomerOrder } from './customerSeed';
import { apiDelivery, createDelivery, getDelivery, listDeliveries, submitDelivery } from './deliveries';
import { APICBASE_DEMO, APICBASE_PATHS, apicbasePath } from './demo';
import { DETAIL, json, methodNotAllowed, parseDateTime, throttledDetail } from './http';
import { getStock, listStockItems } from './inventory';
import { DEFAULTS, freshState, sandboxNow, type ApicbaseSandboxOptions, type ApicbaseState, type Config } from './model';
import { CUSTOMERS, apiCustomer, apiOrder, type ApiOrder } from './seed';
import { listCustomers, listPackages } from './supplierCustomers';
import { appendOrders, listPurchaseOrders, patchPurchaseOrders } from './supplierOrders';
import {
	ControlError,
	postWebhook,
	signingSecret,
	type WebhookDelivery,
	type WebhookOptions,
	type WebhookResult,
} from './webhooks';

export { APICBASE_DEMO, APICBASE_PATHS, apicbasePath, parseDateTime };
export type { ApicbaseSandboxOptions, WebhookDelivery, WebhookOptions, WebhookResult };
export type { WebhookTamper } from './webhooks';

export class ApicbaseSandbox extends SandboxServer {
	private readonly initialConfig: Config;
	/** Everything the handler modules read and change; resetState() refills it in place. */
	private readonly state: ApicbaseState;
	private readonly issueSecret: Issue = (value, source) => this.issue(value, source);

	constructor(options: ApicbaseSandboxOptions = {}) {
		super('apicbase');
		this.initialConfig = { ...DEFAULTS, ...options };
		this.state = freshState(this.initialConfig);
		const state = this.state;

		this.route('POST', '/oauth/token/', (ctx) => token(state, this.issueSecret, ctx));
		this.route('ANY', '/oauth/token/', (ctx) => tokenMethodNotAllowed(state, ctx, 'POST'));
		this.route('GET', '/oauth/authorize/', (ctx) => authorize(state, this.issueSecret, ctx));

		/** One API path in `scope`: its handlers, then DRF's 405 naming them for any other method. */
		const endpoint = (scope: string, path: string, handlers: Record<string, RouteHandler>) => {
			for (const [method, handler] of Object.entries(handlers)) this.route(method, path, guarded(state, scope, handler));
			const allow = Object.keys(handlers).join(', ');
			this.route('ANY', path, guarded(state, scope, (ctx) => methodNotAllowed(ctx, allow)));
		};
		// Paths register in this order (the first route whose path and method match answers); within
		// a path the order of the handlers only sets the Allow header.
		const P = APICBASE_PATHS;
		const customers = APICBASE_DEMO.customersPath;
		endpoint('supplier', APICBASE_DEMO.purchaseOrdersPath, {
			GET: (ctx) => listPurchaseOrders(state, ctx),
			PATCH: (ctx) => patchPurchaseOrders(state, ctx),
		});
		endpoint('supplier', customers, { GET: listCustomers });
		endpoint('supplier', `${customers}:customer_number/packages`, { GET: listPackages });
		endpoint('supplier', P.assortmentFiles, {
			GET: (ctx) => listAssortmentFiles(state, ctx),
			POST: (ctx) => createAssortmentFile(state, ctx),
		});
		endpoint('supplier', P.assortmentFile, { GET: (ctx) => getAssortmentFile(state, ctx) });

		endpoint('procurement', P.purchaseOrders, { GET: (ctx) => listCustomerOrders(state, ctx) });
		endpoint('procurement', P.closeDeliveries, { POST: (ctx) => closeDeliveries(state, ctx) });
		endpoint('procurement', P.purchaseOrder, { GET: (ctx) => getCustomerOrder(state, ctx) });
		endpoint('procurement', P.deliveries, {
			GET: (ctx) => listDeliveries(state, ctx),
			POST: (ctx) => createDelivery(state, ctx),
		});
		endpoint('procurement', P.submitDelivery, { POST: (ctx) => submitDelivery(state, ctx) });
		endpoint('procurement', P.delivery, { GET: (ctx) => getDelivery(state, ctx) });

		endpoint('accounts', P.outlets, { GET: listOutlets });
		endpoint('accounts', P.outlet, { GET: getOutlet });
		endpoint('accounts', P.users, { GET: listUsers });

		endpoint('inventory', P.stockItems, { GET: (ctx) => listStockItems(state, ctx) });
		endpoint('inventory', P.stockItemStock, { GET: (ctx) => getStock(state, ctx) });
	}

	// -------------------------------------------------------------------------------------------
	// Public helpers

	/** Change options at runtime (also POST /__sandbox/config). */
	configure(partial: ApicbaseSandboxOptions): Config {
		if (partial.webhookSecret) this.issue(partial.webhookSecret, 'webhook secret');
		const config = this.state.config;
		const limit = config.rateLimitPerMinute;
		for (const key of Object.keys(DEFAULTS) as Array<keyof Config>) {
			if (partial[key] !== undefined) (config as Record<string, unknown>)[key] = partial[key];
		}
		// A new limit starts with fresh windows, so a test never inherits counts from the old one.
		if (config.rateLimitPerMinute !== limit) this.state.buckets.clear();
		return { ...config };
	}

	/**
	 * Appends `n` supplier purchase orders in status ORDERED, as if customers had sent them and the
	 * supplier accepted (no webhook goes out), built like the seeded ones. Their ordered_on follows
	 * the last order and ends at the sandbox clock's now, 3 s apart, or closer when the last order
	 * is nearer now than that allows. In memory: well under a second per 100,000.
	 */
	addOrders(n: number): void {
		appendOrders(this.state, n);
	}

	currentConfig(): Config {
		return { ...this.state.config };
	}

	/** All orders as the supplier API renders them (the seed plus orders accepted via webhook). */
	purchaseOrders(): ApiOrder[] {
		return this.state.orders.map(apiOrder);
	}

	customers(): Array<{ customer_number: string; supplier_outlet_id: string | null }> {
		return CUSTOMERS.map(apiCustomer);
	}

	webhookDeliveries(): WebhookDelivery[] {
		return this.state.webhookDeliveries.map((d) => ({ ...d }));
	}

	/**
	 * A token as generated in the Apicbase UI ("plain access token" credential): no OAuth flow, no
	 * refresh token, the given scopes. Returns the bearer value.
	 */
	issueAccessToken(scopes: string[]): string {
		return uiAccessToken(this.state, this.issueSecret, scopes);
	}

	/** Uploaded assortment files as the API renders them, with the parsed articles. */
	assortmentFiles(): Array<Record<string, unknown> & { articleList: unknown[] }> {
		return this.state.files.map((f) => ({ ...apiFile(this.state, f), articleList: structuredClone(f.articles) }));
	}

	/** Customer-side purchase orders as GET purchase_orders/ renders them. */
	customerPurchaseOrders(): Array<Record<string, unknown>> {
		return this.state.customerOrders.map(apiCustomerOrder);
	}

	/** Deliveries created through the API (drafts and submitted). */
	customerDeliveries(): Array<Record<string, unknown>> {
		return this.state.deliveries.map((d) => apiDelivery(d));
	}

	resetRateLimits(): void {
		this.state.buckets.clear();
	}

	/** Move the sandbox clock forward (codes, tokens, rate-limit windows and *_at stamps use it). */
	advanceClock(seconds: number): void {
		this.state.clockOffsetMs += seconds * 1000;
	}

	now(): number {
		return sandboxNow(this.state);
	}

	/** The secret webhooks are signed with: the dedicated webhook secret, else the client secret. */
	webhookSecret(): string {
		return signingSecret(this.state);
	}

	/**
	 * The customer gives up on the order that was refused (it stays unsent) and builds another: the
	 * next new webhook order is a different one. Without this, the refused order is sent again.
	 */
	abandonRefusedOrder(): void {
		this.state.nextSeq++;
	}

	/**
	 * Push an order the way Apicbase does: serialise once, sign those bytes, POST those bytes.
	 * Without `order`/`orderId` a new ORDERED order is built; it joins the API list only when the
	 * receiver answers 2xx (otherwise the customer sees an error and the order is not sent).
	 */
	async sendWebhook(opts: WebhookOptions): Promise<WebhookResult> {
		return await postWebhook(this.state, opts);
	}

	// -------------------------------------------------------------------------------------------
	// Base-class hooks

	protected knownSecrets(): SandboxSecret[] {
		const secrets = CLIENTS.map((c) => ({ source: `client secret of ${c.id}`, value: c.secret }));
		if (this.initialConfig.webhookSecret) secrets.push({ source: 'webhook secret', value: this.initialConfig.webhookSecret });
		return secrets;
	}

	/** The caller's token runs out, as a week-old token would; other applications' tokens stay valid. */
	protected expireAuth(ctx: RequestContext): void {
		const token = bearer(this.state, ctx).token;
		if (token) token.expiresAtMs = Math.min(token.expiresAtMs, this.now());
	}

	/** In place: a webhook still in flight records its delivery in the state the sandbox now uses. */
	protected resetState(): void {
		Object.assign(this.state, freshState(this.initialConfig));
	}

	protected notFound(ctx: RequestContext): SandboxResponse {
		return unknownPath(this.state, ctx);
	}

	protected faultResponse(fault: Fault): SandboxResponse {
		const status = fault.status ?? 503;
		const messages: Record<number, string> = {
			400: 'Malformed request.',
			401: DETAIL.invalidToken,
			403: DETAIL.forbidden,
			404: DETAIL.notFound,
			500: 'A server error occurred.',
			503: 'Service temporarily unavailable, try again later.',
		};
		const headers: Record<string, string> = {};
		let detail = messages[status] ?? `Injected ${status}.`;
		if (status === 429) {
			const wait = fault.retryAfterSeconds ?? 1;
			headers['Retry-After'] = String(wait);
			detail = throttledDetail(wait);
		}
		return json(status, fault.body ?? { detail }, headers);
	}

	protected control(action: string, body: unknown): Promise<SandboxResponse> | SandboxResponse | undefined {
		const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
		switch (action) {
			case 'config':
				return json(200, this.configure(input as ApicbaseSandboxOptions));
			case 'webhook':
				return this.sendWebhook(input as unknown as WebhookOptions).then(
					(result) => json(200, result),
					(error: Error) => {
						if (error instanceof ControlError) return json(error.status, { error: error.message });
						throw error;
					},
				);
			case 'webhooks':
				return json(200, this.webhookDeliveries());
			case 'access-token':
				try {
					const scopes = Array.isArray(input.scopes) ? input.scopes.map(String) : [];
					return json(200, { access_token: this.issueAccessToken(scopes), scope: scopes.join(' ') });
				} catch (error) {
					return json(400, { error: (error as Error).message });
				}
			case 'rate-limits/reset':
				this.resetRateLimits();
				return { status: 204 };
			case 'clock':
				this.advanceClock(Number(input.advanceSeconds ?? 0));
				return json(200, { now: new Date(this.now()).toISOString() });
			default:
				return undefined;
		}
	}
}
