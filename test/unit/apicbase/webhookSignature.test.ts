/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { hexHmacSha256, verifyApicbaseSignature } from '../../../nodes/Apicbase/webhookSignature';

// Inputs and the exact bytes CPython's json.dumps produced for them (generated with python3).
const cases = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/python-json-dumps.json'), 'utf8')) as Array<{
	input: unknown;
	python: string;
}>;

const SECRET = 'demo-supplier-secret';
// An independent HMAC (not the code under test) to sign what a sender would send.
const sign = (bytes: string | Buffer, secret = SECRET) => createHmac('sha256', secret).update(bytes).digest('hex');

describe('hexHmacSha256', () => {
	it('matches RFC 4231 test case 2', () => {
		expect(hexHmacSha256('Jefe', Buffer.from('what do ya want for nothing?'))).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
	});

	it('keys with the UTF-8 bytes of the secret', () => {
		expect(hexHmacSha256('clé-secrète', Buffer.from('x'))).toBe(sign('x', 'clé-secrète'));
	});
});

describe('verifyApicbaseSignature', () => {
	const order = cases[0];
	const pythonBytes = Buffer.from(order.python, 'utf8');

	it('accepts the exact bytes received, signed with the secret', () => {
		const result = verifyApicbaseSignature({ rawBody: pythonBytes, parsedBody: JSON.parse(order.python), header: sign(pythonBytes), secret: SECRET });
		expect(result).toEqual({ ok: true, matched: 'rawBody' });
	});

	it('accepts raw bytes that are not JSON at all (the raw check needs no parsing)', () => {
		const raw = Buffer.from('order=1&emoji=🌶️', 'utf8');
		expect(verifyApicbaseSignature({ rawBody: raw, header: sign(raw), secret: SECRET })).toEqual({ ok: true, matched: 'rawBody' });
	});

	it.each([0, 1, 3])(
		'falls back to json.dumps of the parsed body when the sender signed that but sent other bytes (fixture %i)',
		(index) => {
			// The sender sends compact JSON (raw UTF-8, no spaces) but signs json.dumps(request.data),
			// as Apicbase's own Python sample computes it. The signature comes from CPython's bytes.
			const fixture = cases[index];
			const sent = Buffer.from(JSON.stringify(fixture.input), 'utf8');
			expect(sent.equals(Buffer.from(fixture.python, 'utf8'))).toBe(false);
			const parsed: unknown = JSON.parse(sent.toString('utf8'));
			const result = verifyApicbaseSignature({ rawBody: sent, parsedBody: parsed, header: sign(fixture.python), secret: SECRET });
			expect(result).toEqual({ ok: true, matched: 'pythonReserialization' });
		},
	);

	it('cannot rebuild a float that JSON.parse turned into an integer (fixture 2), so only the raw bytes match it', () => {
		const fixture = cases[2];
		const parsed: unknown = JSON.parse(fixture.python);
		const header = sign(fixture.python);
		expect(verifyApicbaseSignature({ parsedBody: parsed, header, secret: SECRET })).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyApicbaseSignature({ rawBody: Buffer.from(fixture.python, 'utf8'), parsedBody: parsed, header, secret: SECRET })).toEqual({
			ok: true,
			matched: 'rawBody',
		});
	});

	it('uses the fallback alone when there is no raw body', () => {
		const result = verifyApicbaseSignature({ parsedBody: JSON.parse(order.python), header: sign(order.python), secret: SECRET });
		expect(result).toEqual({ ok: true, matched: 'pythonReserialization' });
	});

	it('does not accept a signature over JSON.stringify of the body (that is not what Apicbase signs)', () => {
		const compact = JSON.stringify(order.input);
		expect(verifyApicbaseSignature({ parsedBody: order.input, header: sign(compact), secret: SECRET })).toEqual({
			ok: false,
			reason: 'mismatch',
		});
	});

	it('rejects a body altered after signing, in both checks', () => {
		const altered = order.python.replace('"quantity_ordered": 3', '"quantity_ordered": 30');
		expect(altered).not.toBe(order.python);
		const result = verifyApicbaseSignature({
			rawBody: Buffer.from(altered, 'utf8'),
			parsedBody: JSON.parse(altered),
			header: sign(pythonBytes),
			secret: SECRET,
		});
		expect(result).toEqual({ ok: false, reason: 'mismatch' });
	});

	it('rejects a signature made with another secret', () => {
		const result = verifyApicbaseSignature({ rawBody: pythonBytes, parsedBody: order.input, header: sign(pythonBytes, `${SECRET}-but-wrong`), secret: SECRET });
		expect(result).toEqual({ ok: false, reason: 'mismatch' });
	});

	it.each([
		['missing', undefined],
		['empty', ''],
		['blank', '   '],
	])('fails closed when the signature header is %s', (_case, header) => {
		expect(verifyApicbaseSignature({ rawBody: pythonBytes, parsedBody: order.input, header, secret: SECRET })).toEqual({
			ok: false,
			reason: 'missingSignature',
		});
	});

	it.each([
		['missing', undefined],
		['empty', ''],
	])('fails closed when the secret is %s, even for a signature made with an empty key', (_case, secret) => {
		expect(verifyApicbaseSignature({ rawBody: pythonBytes, parsedBody: order.input, header: sign(pythonBytes, ''), secret })).toEqual({
			ok: false,
			reason: 'missingSecret',
		});
	});

	it.each([
		['one character short', (d: string) => d.slice(0, -1)],
		['one character long', (d: string) => `${d}0`],
		['far too short', () => 'abc'],
		['base64 instead of hex', () => createHmac('sha256', SECRET).update(pythonBytes).digest('base64')],
		['non-ASCII', (d: string) => `${d.slice(0, -1)}é`],
	])('rejects a signature that is %s without throwing', (_case, mangle) => {
		const header = mangle(sign(pythonBytes));
		expect(() => verifyApicbaseSignature({ rawBody: pythonBytes, parsedBody: order.input, header, secret: SECRET })).not.toThrow();
		expect(verifyApicbaseSignature({ rawBody: pythonBytes, parsedBody: order.input, header, secret: SECRET })).toEqual({
			ok: false,
			reason: 'mismatch',
		});
	});

	it('accepts an upper-case hex signature and surrounding whitespace', () => {
		const header = ` ${sign(pythonBytes).toUpperCase()} `;
		expect(verifyApicbaseSignature({ rawBody: pythonBytes, header, secret: SECRET })).toEqual({ ok: true, matched: 'rawBody' });
	});

	it('handles non-ASCII and emoji bodies sent as raw UTF-8 bytes', () => {
		// Some senders write UTF-8 instead of \u escapes; the raw check covers them byte for byte.
		const utf8 = JSON.stringify(cases[3].input);
		expect([...utf8].some((ch) => ch.charCodeAt(0) > 0x7f)).toBe(true);
		const raw = Buffer.from(utf8, 'utf8');
		expect(verifyApicbaseSignature({ rawBody: raw, parsedBody: cases[3].input, header: sign(raw), secret: SECRET })).toEqual({
			ok: true,
			matched: 'rawBody',
		});
		// The same text signed as Latin-1 (wrong encoding) does not match.
		expect(verifyApicbaseSignature({ rawBody: raw, parsedBody: cases[3].input, header: sign(Buffer.from(utf8, 'latin1')), secret: SECRET }).ok).toBe(false);
	});

	it('never throws on odd input', () => {
		const cyclic: Record<string, unknown> = { id: 'x' };
		cyclic.self = cyclic;
		expect(verifyApicbaseSignature({ parsedBody: cyclic, header: 'ab', secret: SECRET })).toEqual({ ok: false, reason: 'mismatch' });
		expect(verifyApicbaseSignature({ rawBody: 'not a buffer' as unknown as Buffer, parsedBody: 'text', header: 'ab', secret: SECRET })).toEqual({
			ok: false,
			reason: 'mismatch',
		});
		expect(verifyApicbaseSignature({ header: 42 as unknown as string, secret: SECRET })).toEqual({ ok: false, reason: 'missingSignature' });
	});
});
