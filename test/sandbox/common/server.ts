/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * The small HTTP framework the three vendor sandboxes share: routing, a request log, fault
 * injection and a control API under /__sandbox/ that tests and builders can drive over HTTP.
 * Vendor behaviour (auth, envelopes, error bodies) lives in each vendor's own module.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Headers = Record<string, string | string[] | undefined>;

export interface RecordedRequest {
	seq: number;
	at: string;
	method: string;
	/** The request target exactly as received: path plus query string. */
	target: string;
	path: string;
	headers: Headers;
	body: string;
	status: number;
}

/** A fault applies to the next `times` requests that match it, before any vendor logic runs. */
export interface Fault {
	/** 'status' answers with `status` (429 adds Retry-After); 'slow' delays then handles normally;
	 * 'expireAuth' makes the vendor invalidate the caller's session/token before handling. */
	kind: 'status' | 'slow' | 'expireAuth';
	status?: number;
	retryAfterSeconds?: number;
	body?: unknown;
	delayMs?: number;
	method?: string;
	/** Matches when the request path starts with this prefix. */
	pathPrefix?: string;
	times?: number;
	/** Skip this many matching requests before the fault starts to apply. */
	after?: number;
}

export interface SandboxResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string | string[]>;
}

export interface RequestContext {
	req: IncomingMessage;
	method: string;
	target: string;
	path: string;
	query: URLSearchParams;
	params: Record<string, string>;
	headers: Headers;
	rawBody: string;
	/** The body parsed as JSON, or undefined when it is empty or not JSON. */
	json: unknown;
	baseUrl: string;
}

/** A secret a sandbox knows or handed out, and where it comes from (named in a leak report instead of the value). */
export interface SandboxSecret {
	source: string;
	value: string;
}

export type RouteHandler = (ctx: RequestContext) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
	method: string;
	pattern: RegExp;
	keys: string[];
	handler: RouteHandler;
}

export function header(headers: Headers, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
	const keys: string[] = [];
	const source = path
		.split('/')
		.map((part) => {
			if (part.startsWith(':')) {
				const optional = part.endsWith('?');
				keys.push(part.slice(1, optional ? -1 : undefined));
				return optional ? '(?:/([^/]+))?' : '/([^/]+)';
			}
			return part === '' ? '' : '/' + part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('');
	return { pattern: new RegExp('^' + source + '/?$'), keys };
}

const delay = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export abstract class SandboxServer {
	readonly requests: RecordedRequest[] = [];
	private readonly routes: Route[] = [];
	private faults: Array<Fault & { seen: number; used: number }> = [];
	private server: Server | undefined;
	private seq = 0;
	/**
	 * Runs after a request was handled and before its answer is written: the reliability tests end
	 * an n8n process there, so the vendor has done the work and the caller never hears of it.
	 */
	beforeAnswer: ((request: RecordedRequest, response: SandboxResponse) => void | Promise<void>) | undefined;
	/** Every token, code and session this sandbox handed out since it started; reset keeps them. */
	private readonly issued: SandboxSecret[] = [];
	url = '';

	constructor(readonly name: string) {}

	/**
	 * Every secret this sandbox knows (its accounts' passwords and client secrets, API keys, webhook
	 * secrets) or issued since it started (tokens, authorization codes, session cookies), with where
	 * each comes from: the e2e tests check that none of them ends up in n8n's logs or database.
	 */
	secretsIssued(): SandboxSecret[] {
		return [...this.knownSecrets().map(({ source, value }) => ({ source: `${this.name} ${source}`, value })), ...this.issued];
	}

	/** The secrets the vendor holds without issuing them: passwords, client secrets, keys. */
	protected knownSecrets(): SandboxSecret[] {
		return [];
	}

	/** Records a secret this sandbox hands out (see secretsIssued) and returns it. */
	protected issue(value: string, source: string): string {
		this.issued.push({ source: `${this.name} ${source}`, value });
		return value;
	}

	/** Called when an 'expireAuth' fault fires: the vendor forgets the caller's session or token. */
	protected abstract expireAuth(ctx: RequestContext): void;

	/** Vendor-specific reset of data and sessions (the request log and faults are reset here). */
	protected abstract resetState(): void;

	/** Vendor-specific control actions, e.g. sending a webhook; answered under /__sandbox/<action>. */
	protected control?(action: string, body: unknown): Promise<SandboxResponse> | SandboxResponse | undefined;

	protected route(method: string, path: string, handler: RouteHandler): void {
		const { pattern, keys } = compile(path);
		this.routes.push({ method: method.toUpperCase(), pattern, keys, handler });
	}

	/** Answer when no route matches; vendors override this with their own 404 shape. */
	protected notFound(ctx: RequestContext): SandboxResponse {
		return { status: 404, body: { error: `No route for ${ctx.method} ${ctx.path}` } };
	}

	injectFault(fault: Fault): void {
		this.faults.push({ times: 1, after: 0, ...fault, seen: 0, used: 0 });
	}

	clearFaults(): void {
		this.faults = [];
	}

	reset(): void {
		this.requests.length = 0;
		this.clearFaults();
		this.resetState();
	}

	/** Requests other than the control API, optionally filtered by method and path prefix. */
	logged(filter: { method?: string; pathPrefix?: string } = {}): RecordedRequest[] {
		return this.requests.filter(
			(r) =>
				(!filter.method || r.method === filter.method.toUpperCase()) &&
				(!filter.pathPrefix || r.path.startsWith(filter.pathPrefix)),
		);
	}

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: Error) => {
				res.statusCode = 500;
				res.end(JSON.stringify({ error: `sandbox failure: ${error.message}` }));
			});
		});
		// Seeding in bulk can hold a test process's event loop for seconds; with Node's 5 s default the
		// server may then close a kept-alive socket just as a client in the same process reuses it (ECONNRESET).
		this.server.keepAliveTimeout = 60_000;
		await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
		const address = this.server.address() as AddressInfo;
		this.url = `http://${host}:${address.port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const target = req.url ?? '/';
		const parsed = new URL(target, 'http://sandbox.local');
		let json: unknown;
		try {
			json = rawBody ? JSON.parse(rawBody) : undefined;
		} catch {
			json = undefined;
		}
		const ctx: RequestContext = {
			req,
			method: (req.method ?? 'GET').toUpperCase(),
			target,
			path: decodeURIComponent(parsed.pathname),
			query: parsed.searchParams,
			params: {},
			headers: req.headers,
			rawBody,
			json,
			baseUrl: this.url,
		};

		if (ctx.path.startsWith('/__sandbox/')) {
			return this.write(res, await this.handleControl(ctx));
		}

		const record: RecordedRequest = {
			seq: ++this.seq,
			at: new Date().toISOString(),
			method: ctx.method,
			target,
			path: ctx.path,
			headers: { ...req.headers },
			body: rawBody,
			status: 0,
		};
		this.requests.push(record);

		let response: SandboxResponse | undefined;
		for (const fault of this.faults) {
			if (fault.used >= (fault.times ?? 1)) continue;
			if (fault.method && fault.method.toUpperCase() !== ctx.method) continue;
			if (fault.pathPrefix && !ctx.path.startsWith(fault.pathPrefix)) continue;
			fault.seen++;
			if (fault.seen <= (fault.after ?? 0)) continue;
			fault.used++;
			if (fault.kind === 'slow') await delay(fault.delayMs ?? 1000);
			if (fault.kind === 'expireAuth') this.expireAuth(ctx);
			if (fault.kind === 'status') response = this.faultResponse(fault);
			break;
		}

		response ??= await this.dispatch(ctx);
		record.status = response.status;
		await this.beforeAnswer?.(record, response);
		this.write(res, response);
	}

	/** The body a vendor sends with an injected status; vendors override for their own shapes. */
	protected faultResponse(fault: Fault): SandboxResponse {
		const status = fault.status ?? 503;
		const headers: Record<string, string> = {};
		if (status === 429) headers['Retry-After'] = String(fault.retryAfterSeconds ?? 1);
		return { status, headers, body: fault.body ?? { error: `Injected ${status}` } };
	}

	private async dispatch(ctx: RequestContext): Promise<SandboxResponse> {
		for (const route of this.routes) {
			if (route.method !== ctx.method && !(route.method === 'ANY')) continue;
			const match = route.pattern.exec(ctx.path);
			if (!match) continue;
			route.keys.forEach((key, i) => {
				if (match[i + 1] !== undefined) ctx.params[key] = match[i + 1];
			});
			return await route.handler(ctx);
		}
		return this.notFound(ctx);
	}

	private async handleControl(ctx: RequestContext): Promise<SandboxResponse> {
		const action = ctx.path.slice('/__sandbox/'.length);
		if (action === 'requests' && ctx.method === 'GET') return { status: 200, body: this.requests };
		if (action === 'faults' && ctx.method === 'POST') {
			const faults = Array.isArray(ctx.json) ? ctx.json : [ctx.json];
			faults.forEach((f) => this.injectFault(f as Fault));
			return { status: 204 };
		}
		if (action === 'faults' && ctx.method === 'DELETE') {
			this.clearFaults();
			return { status: 204 };
		}
		if (action === 'reset' && ctx.method === 'POST') {
			this.reset();
			return { status: 204 };
		}
		return (await this.control?.(action, ctx.json)) ?? { status: 404, body: { error: 'unknown control action' } };
	}

	private write(res: ServerResponse, response: SandboxResponse): void {
		const headers: Record<string, string | string[]> = { ...(response.headers ?? {}) };
		let payload = '';
		if (response.body !== undefined) {
			if (typeof response.body === 'string') {
				payload = response.body;
				headers['Content-Type'] ??= 'text/plain; charset=utf-8';
			} else {
				payload = JSON.stringify(response.body);
				headers['Content-Type'] ??= 'application/json; charset=utf-8';
			}
		}
		res.writeHead(response.status, headers);
		res.end(payload);
	}
}
