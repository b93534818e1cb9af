/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * Test-side helpers for the OpenBoxes sandbox tests: a fetch wrapper that never follows
 * redirects (the Grails 302s are behaviour under test), logins as the seeded users, and small
 * parsers for the shapes the tests check.
 */
import { request } from 'node:http';

import { OPENBOXES_ASSISTANT, OPENBOXES_BROWSER, OPENBOXES_DEMO, OPENBOXES_FINANCE, OPENBOXES_MANAGER, type OpenBoxesSandbox } from './server';
import type { Json } from '../../helpers/json';

export interface CallOptions {
	method?: string;
	cookie?: string;
	/** Replaces the default `Accept: application/json` (pass {} for a non-Ajax call). */
	headers?: Record<string, string>;
	/** An object is sent as JSON with `Content-Type: application/json`. */
	body?: unknown;
}

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	/** The body parsed as JSON, or undefined when it is empty or not JSON. */
	json: Json;
}

export const DEMO_LOGIN = { username: OPENBOXES_DEMO.username, password: OPENBOXES_DEMO.password, location: OPENBOXES_DEMO.locationId };
export const BROWSER_LOGIN = { username: OPENBOXES_BROWSER.username, password: OPENBOXES_BROWSER.password, location: OPENBOXES_DEMO.locationId };
export const MANAGER_LOGIN = { username: OPENBOXES_MANAGER.username, password: OPENBOXES_MANAGER.password, location: OPENBOXES_DEMO.locationId };
export const ASSISTANT_LOGIN = { username: OPENBOXES_ASSISTANT.username, password: OPENBOXES_ASSISTANT.password, location: OPENBOXES_DEMO.locationId };
export const FINANCE_LOGIN = { username: OPENBOXES_FINANCE.username, password: OPENBOXES_FINANCE.password, location: OPENBOXES_DEMO.locationId };

/** `yyyy-MM-dd'T'HH:mm:ss'Z'`: Grails dates, to the second. */
export const SECOND_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function parse(text: string): unknown {
	try {
		return text ? JSON.parse(text) : undefined;
	} catch {
		return undefined;
	}
}

/** Paths not starting with /openboxes are taken relative to /openboxes/api. */
export function apiPath(path: string): string {
	return path.startsWith('/openboxes') || path.startsWith('/__sandbox') ? path : `/openboxes/api${path}`;
}

export function openBoxesClient(sandbox: OpenBoxesSandbox) {
	async function call(path: string, o: CallOptions = {}): Promise<Reply> {
		const headers: Record<string, string> = { ...(o.headers ?? { Accept: 'application/json' }) };
		if (o.cookie) headers.Cookie = o.cookie;
		let body: string | undefined;
		if (o.body !== undefined) {
			body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
			if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
		}
		const res = await fetch(sandbox.url + apiPath(path), {
			method: o.method ?? (body === undefined ? 'GET' : 'POST'),
			headers,
			body,
			redirect: 'manual',
		});
		const text = await res.text();
		return { status: res.status, headers: res.headers, text, json: parse(text) };
	}

	/** Logs in (by default as the demo admin, with the password this sandbox gives them: option `passwords`) and returns the `JSESSIONID=...` cookie pair to send back. */
	async function login(credentials: Record<string, unknown> = { ...DEMO_LOGIN, password: sandbox.options.passwords[DEMO_LOGIN.username] ?? DEMO_LOGIN.password }): Promise<string> {
		const res = await call('/login', { body: credentials });
		if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
		const match = /^JSESSIONID=([^;]+);/.exec(res.headers.get('set-cookie') ?? '');
		if (!match) throw new Error('login set no JSESSIONID cookie');
		return `JSESSIONID=${match[1]}`;
	}

	/** GET with a JSON body (fetch refuses that), as the generic search allows. */
	async function getWithBody(path: string, cookie: string, body: unknown): Promise<Reply> {
		const payload = JSON.stringify(body);
		const url = new URL(sandbox.url + apiPath(path));
		return await new Promise((resolve, reject) => {
			const req = request(
				url,
				{
					method: 'GET',
					headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), Cookie: cookie },
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						const headers = new Headers();
						for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
						resolve({ status: res.statusCode ?? 0, headers, text, json: parse(text) });
					});
				},
			);
			req.on('error', reject);
			req.end(payload);
		});
	}

	/** Asserts the RoleInterceptor answer: 302 to handleForbidden, which says 403 in JSON. */
	async function expectForbidden(reply: Reply): Promise<void> {
		expect(reply.status).toBe(302);
		const location = reply.headers.get('location');
		expect(location).toBe(`${sandbox.url}/openboxes/errors/handleForbidden`);
		const followed = await fetch(location!, { headers: { Accept: 'application/json' }, redirect: 'manual' });
		expect(followed.status).toBe(403);
		expect(await followed.json()).toEqual({ errorCode: 403, errorMessage: 'Access denied' });
	}

	return { call, login, getWithBody, expectForbidden };
}

/** `MM/dd/yyyy` (UTC) of an instant, as the list filters take dates. */
export function usDay(ms: number): string {
	const d = new Date(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

/** Parses `MM/dd/yyyy` as UTC midnight. */
export function parseUsDay(value: string): number {
	const [m, d, y] = value.split('/').map(Number);
	return Date.UTC(y, m - 1, d);
}

/** Epoch seconds truncated: what a second-granularity timestamp taken now is at least. */
export function nowFloorSeconds(): number {
	return Math.floor(Date.now() / 1000) * 1000;
}
