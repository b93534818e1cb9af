/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * Test-side helpers for the MBX sandbox tests: a request signer written from MBX's formula (it
 * shares no code with the sandbox or the node, and mbx.test.ts checks it against MBX's 50 official
 * vectors), a signed JSON client, and a local webhook receiver.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json } from '../../helpers/json';

/** base64(HMAC-SHA1(secret, METHOD \n md5hex(body) \n X-Date \n request-target)). */
export function mbxSign(secret: string, method: string, body: string, date: string, target: string): string {
	const bodyMd5 = createHash('md5').update(body, 'utf8').digest('hex');
	return createHmac('sha1', secret).update(`${method}\n${bodyMd5}\n${date}\n${target}`, 'utf8').digest('base64');
}

export interface Caller {
	publicToken: string;
	secretToken: string;
}

export interface ApiResponse {
	status: number;
	headers: Headers;
	text: string;
	/** The body parsed as JSON, or undefined when it is not JSON. */
	json: Json;
}

export type Call = (method: string, target: string, body?: unknown) => Promise<ApiResponse>;

/**
 * A client that signs every request as `caller`. A string body is sent (and signed) as is, any
 * other body as JSON; no body sends nothing and signs "".
 */
export function mbxClient(baseUrl: () => string, caller: Caller): Call {
	return async (method, target, body) => {
		const url = new URL(target, baseUrl());
		const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
		const date = new Date().toISOString();
		const signature = mbxSign(caller.secretToken, method, payload, date, url.pathname + url.search);
		const res = await fetch(url, {
			method,
			headers: {
				'MBX-Auth': `${caller.publicToken}:${signature}`,
				'X-Date': date,
				'Content-Type': 'application/json',
			},
			body: body === undefined ? undefined : payload,
		});
		const text = await res.text();
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: res.status, headers: res.headers, text, json };
	};
}

export const q = (value: unknown) => `?q=${encodeURIComponent(JSON.stringify(value))}`;

export interface ReceivedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

/** A local HTTP server that records what it receives and answers with `status`. */
export class WebhookReceiver {
	readonly received: ReceivedRequest[] = [];
	status = 200;
	url = '';
	private server: Server | undefined;

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				this.received.push({
					method: req.method ?? '',
					url: req.url ?? '',
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				});
				res.writeHead(this.status, { 'Content-Type': 'text/plain' });
				res.end(this.status < 300 ? 'ok' : 'nope');
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/mbx`;
		return this.url;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows) into rows of fields. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') {
				quoted = false;
			} else {
				field += c;
			}
		} else if (c === '"') {
			quoted = true;
		} else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else {
			field += c;
		}
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}
