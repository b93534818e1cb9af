/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * A local SMTP server that keeps every message it is sent, so tests can read what n8n's Send Email
 * node delivered. It speaks plain SMTP (no STARTTLS, no AUTH) on loopback, as a dev mail catcher does.
 */
import net from 'node:net';

export interface ReceivedMail {
	from: string;
	to: string[];
	subject: string;
	text: string;
	raw: string;
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / ?B?) as nodemailer writes non-ASCII headers. */
function decodeHeader(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_match, _charset: string, encoding: string, data: string) =>
			encoding.toUpperCase() === 'B'
				? Buffer.from(data, 'base64').toString('utf8')
				: Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
		);
}

function decodeBody(body: string, transferEncoding: string): string {
	if (transferEncoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (transferEncoding === 'quoted-printable') {
		const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	}
	return body;
}

function parseHeaders(block: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

/** The plain-text part of a message (single part or multipart/alternative). */
function plainText(raw: string): { subject: string; text: string } {
	const split = raw.search(/\r?\n\r?\n/);
	const headers = parseHeaders(raw.slice(0, split));
	const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
	const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
	if (!boundary) return { subject: decodeHeader(headers.subject ?? ''), text: decodeBody(body, (headers['content-transfer-encoding'] ?? '').toLowerCase()) };
	const part = body
		.split(`--${boundary}`)
		.map((chunk) => chunk.replace(/^\r?\n/, ''))
		.find((chunk) => /content-type:\s*text\/plain/i.test(chunk));
	const inner = part ? plainText(part) : { text: '' };
	return { subject: decodeHeader(headers.subject ?? ''), text: inner.text };
}

export class SmtpSink {
	readonly mails: ReceivedMail[] = [];
	private server: net.Server | undefined;
	port = 0;

	async start(): Promise<void> {
		this.server = net.createServer((socket) => this.session(socket));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.port = (this.server.address() as net.AddressInfo).port;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private session(socket: net.Socket): void {
		let buffer = '';
		let inData = false;
		let from = '';
		let to: string[] = [];
		const reply = (line: string) => socket.write(`${line}\r\n`);
		reply('220 localhost SMTP sink ready');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('latin1');
			for (;;) {
				if (inData) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end === -1) return;
					const raw = Buffer.from(buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.'), 'latin1').toString('utf8');
					buffer = buffer.slice(end + 5);
					inData = false;
					this.mails.push({ from, to, raw, ...plainText(raw) });
					reply('250 OK: queued');
					continue;
				}
				const newline = buffer.indexOf('\r\n');
				if (newline === -1) return;
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') reply('250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8');
				else if (verb === 'HELO') reply('250 localhost');
				else if (verb === 'MAIL') {
					from = /<([^>]*)>/.exec(line)?.[1] ?? '';
					to = [];
					reply('250 OK');
				} else if (verb === 'RCPT') {
					to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
					reply('250 OK');
				} else if (verb === 'DATA') {
					inData = true;
					reply('354 End data with <CR><LF>.<CR><LF>');
				} else if (verb === 'QUIT') {
					reply('221 Bye');
					socket.end();
					return;
				} else if (verb === 'RSET' || verb === 'NOOP') reply('250 OK');
				else reply('502 Command not implemented');
			}
		});
		socket.on('error', () => socket.destroy());
	}
}
