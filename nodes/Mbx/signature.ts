import { createHash, createHmac } from 'node:crypto';

export interface MbxSignatureInput {
	secret: string;
	method: string;
	body: string;
	date: string;
	/** The request target as sent: path plus query string. */
	url: string;
}

/** MBX's string to sign: METHOD, md5 hex of the body, the X-Date value and the URL, one per line. */
export function mbxStringToSign({ method, body, date, url }: Omit<MbxSignatureInput, 'secret'>): string {
	const bodyMd5 = createHash('md5').update(body, 'utf8').digest('hex');
	return [method, bodyMd5, date, url].join('\n');
}

/** base64(HMAC-SHA1(secret, stringToSign)), as MBX's own clients compute it. */
export function mbxSignature(input: MbxSignatureInput): string {
	return createHmac('sha1', Buffer.from(input.secret, 'utf8')).update(mbxStringToSign(input), 'utf8').digest('base64');
}
