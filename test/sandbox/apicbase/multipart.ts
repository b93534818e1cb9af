/**
 * A minimal multipart/form-data parser (node built-ins only) for the assortment-file upload: a
 * malformed body gives null, which the upload answers with DRF's multipart parse error.
 */

export interface MultipartPart {
	name: string;
	filename: string | null;
	contentType: string | null;
	data: Buffer;
}

/** The boundary of a multipart/form-data Content-Type, or null when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | null {
	if (!contentType) return null;
	const [type, ...params] = contentType.split(';');
	if (type.trim().toLowerCase() !== 'multipart/form-data') return null;
	for (const param of params) {
		const eq = param.indexOf('=');
		if (eq < 0) continue;
		if (param.slice(0, eq).trim().toLowerCase() !== 'boundary') continue;
		const value = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
		return value || null;
	}
	return null;
}

/** Splits a multipart body into parts; null when the body is malformed (no closing boundary,
 * a part without headers or without a Content-Disposition name). */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] | null {
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let pos = body.indexOf(delimiter);
	if (pos < 0) return null;
	for (;;) {
		pos += delimiter.length;
		if (body.subarray(pos, pos + 2).toString() === '--') return parts;
		if (body.subarray(pos, pos + 2).toString() !== '\r\n') return null;
		pos += 2;
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), pos);
		if (next < 0) return null;
		const raw = body.subarray(pos, next);
		const split = raw.indexOf('\r\n\r\n');
		if (split < 0) return null;
		const headers = new Map<string, string>();
		for (const line of raw.subarray(0, split).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
		}
		const disposition = headers.get('content-disposition') ?? '';
		if (!/^form-data\b/i.test(disposition)) return null;
		const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
		if (name === undefined) return null;
		const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
		parts.push({ name, filename, contentType: headers.get('content-type') ?? null, data: raw.subarray(split + 4) });
		pos = next + 2;
	}
}
