/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/** A local HTTP receiver that trigger workflows post their items to: one list of bodies per path. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export class Sink {
	readonly received: Record<string, Array<Record<string, unknown>>> = {};
	private server: Server | undefined;
	url = '';

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				(this.received[req.url ?? '/'] ??= []).push(JSON.parse(body || '{}'));
				res.end('{}');
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	count(path: string): number {
		return this.received[path]?.length ?? 0;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}
}

/** Polls a condition (plain or async: a database query, a REST call) until it holds or the time is up. */
export async function waitFor<T>(
	what: string,
	check: () => T | undefined | Promise<T | undefined>,
	timeoutMs: number,
	describeOnTimeout = () => '',
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}\n${describeOnTimeout()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
