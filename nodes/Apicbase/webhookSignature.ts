import { createHmac } from 'node:crypto';

import { pythonJsonDumps } from './pythonJson';
import { secureEquals } from '../shared/secureCompare';

/** Lower-case hex HMAC-SHA256 of `bytes`, keyed with the secret's UTF-8 bytes. */
export function hexHmacSha256(secret: string, bytes: Buffer): string {
	return createHmac('sha256', Buffer.from(secret, 'utf8')).update(bytes).digest('hex');
}

export interface ApicbaseSignatureInput {
	/** The exact bytes received (n8n keeps them on the request as `rawBody`). */
	rawBody?: Buffer;
	/** The body as n8n parsed it, for the Python re-serialisation check. */
	parsedBody?: unknown;
	/** The X-APIC-WEBHOOK-SIGNATURE header value. */
	header?: string;
	secret?: string;
}

export interface ApicbaseSignatureResult {
	ok: boolean;
	/** Which bytes the signature matched, when it did. */
	matched?: 'rawBody' | 'pythonReserialization';
	reason?: 'missingSecret' | 'missingSignature' | 'mismatch';
}

/**
 * Checks Apicbase's webhook signature: a hex HMAC-SHA256 over the body, keyed with the client
 * secret (or a dedicated webhook key). The exact bytes received are tried first; then the parsed
 * body re-encoded as Python's `json.dumps` would, which is what Apicbase's own sample signs.
 * Fails closed: no secret or no header is never a match. Never throws.
 */
export function verifyApicbaseSignature(input: ApicbaseSignatureInput): ApicbaseSignatureResult {
	const { secret } = input;
	if (typeof secret !== 'string' || secret === '') return { ok: false, reason: 'missingSecret' };
	const header = typeof input.header === 'string' ? input.header.trim().toLowerCase() : '';
	if (header === '') return { ok: false, reason: 'missingSignature' };

	if (Buffer.isBuffer(input.rawBody) && secureEquals(header, hexHmacSha256(secret, input.rawBody))) {
		return { ok: true, matched: 'rawBody' };
	}

	const parsed = input.parsedBody;
	if (parsed !== null && typeof parsed === 'object') {
		let reencoded: Buffer | undefined;
		try {
			reencoded = Buffer.from(pythonJsonDumps(parsed), 'utf8');
		} catch {
			// A body that cannot be re-encoded (e.g. a cycle) simply does not match.
			reencoded = undefined;
		}
		if (reencoded && secureEquals(header, hexHmacSha256(secret, reencoded))) {
			return { ok: true, matched: 'pythonReserialization' };
		}
	}
	return { ok: false, reason: 'mismatch' };
}
