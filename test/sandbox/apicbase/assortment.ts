/**
 * Assortment files (POST /api/v2/integrations/suppliers/files/): a minimal multipart/form-data
 * parser (node built-ins only) and the article validation of apicbase-mbx.md §1.3.
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

export const SUPPORTED_UNITS = ['g', 'kg', 'mg', 'l', 'cl', 'dl', 'ml', 'piece', 'oz', 'lb', 'fl oz', 'gal', 'qt', 'pt'];

const GTIN_LENGTHS = [8, 12, 13, 14];

/** EAN-8 / UPC-12 / EAN-13 / GTIN-14 with a valid check digit. */
export function isValidGtin(value: string): boolean {
	if (!/^\d+$/.test(value) || !GTIN_LENGTHS.includes(value.length)) return false;
	const digits = value.split('').map(Number);
	const check = digits.pop()!;
	const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
	return (10 - (sum % 10)) % 10 === check;
}

/** A decimal given as JSON number or string, with at most `places` decimals. */
function decimalPlaces(value: unknown): number | null {
	const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
	if (typeof text !== 'string') return null;
	const m = /^-?\d+(?:\.(\d+))?$/.exec(text.trim());
	return m ? (m[1] ?? '').length : null;
}

const LEAD_TIME_RE = /^(?:\d+ )?(?:(?:\d+:)?\d+:)?\d+(?:\.\d{1,6})?$/;
const MAX_DEPTH = 8;

function validatePackageDescription(value: unknown, path: string, depth: number, err: (m: string) => void): void {
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		err(`${path} must be an object`);
		return;
	}
	const pd = value as Record<string, unknown>;
	if (pd.gtin !== undefined && pd.gtin !== null && (typeof pd.gtin !== 'string' || !isValidGtin(pd.gtin))) {
		err(`${path}.gtin is not a valid GTIN`);
	}
	const places = decimalPlaces(pd.quantity);
	if (pd.package !== undefined && pd.package !== null) {
		// A multipack level: decimal quantity (≤ 6 places) of the package inside.
		if (pd.quantity === undefined || pd.quantity === null) err(`${path}.quantity is required`);
		else if (places === null || Number(pd.quantity) <= 0) err(`${path}.quantity must be a positive number`);
		else if (places > 6) err(`${path}.quantity must have at most 6 decimal places`);
		if (depth >= MAX_DEPTH) err(`${path} is nested too deeply`);
		else validatePackageDescription(pd.package, `${path}.package`, depth + 1, err);
		return;
	}
	// The innermost level: an integer quantity of a supported unit.
	if (pd.quantity === undefined || pd.quantity === null) err(`${path}.quantity is required`);
	else if (places !== 0 || Number(pd.quantity) <= 0) err(`${path}.quantity must be a positive integer`);
	if (pd.unit_name === undefined || pd.unit_name === null || pd.unit_name === '') err(`${path}.unit_name is required`);
	else if (typeof pd.unit_name !== 'string' || !SUPPORTED_UNITS.includes(pd.unit_name)) {
		err(`${path}.unit_name "${String(pd.unit_name)}" is not a supported unit`);
	}
}

/** Validates one article; returns messages without the "Article N: " prefix. */
export function validateArticle(item: unknown): string[] {
	const errors: string[] = [];
	const err = (m: string) => errors.push(m);
	if (!item || typeof item !== 'object' || Array.isArray(item)) return ['must be an object'];
	const a = item as Record<string, unknown>;
	const blank = (v: unknown) => v === undefined || v === null || v === '';

	const text = (field: string, max: number | null, required: boolean) => {
		const value = a[field];
		if (blank(value)) {
			if (required) err(`${field} is required`);
			return;
		}
		if (typeof value !== 'string') err(`${field} must be a string`);
		else if (max !== null && value.length > max) err(`${field} must be at most ${max} characters`);
	};
	text('third_party_id', 50, true);
	text('shared_id', 50, false);
	text('name', 300, true);
	text('brand', 150, false);
	text('description', null, false);
	text('package_type', 50, false);
	text('supplier_outlet_id', 50, false);

	if (!blank(a.price)) {
		const places = decimalPlaces(a.price);
		if (places === null) err('price must be a number');
		else if (Number(a.price) < 0) err('price must not be negative');
		else if (places > 3) err('price must have at most 3 decimal places');
	}
	const code = a.price_type_code ?? 0;
	if (code !== 0 && code !== 1) err('price_type_code must be 0 or 1');
	if (code === 1 && blank(a.price_unit)) err('price_unit is required when price_type_code is 1');
	if (code === 0 && !blank(a.price_unit)) err('price_unit is only allowed when price_type_code is 1');
	if (code === 1 && !blank(a.price_unit) && !SUPPORTED_UNITS.includes(a.price_unit as string)) {
		err(`price_unit "${String(a.price_unit)}" is not a supported unit`);
	}
	for (const flag of ['orderable', 'weighted']) {
		if (a[flag] !== undefined && typeof a[flag] !== 'boolean') err(`${flag} must be a boolean`);
	}
	if (!blank(a.gtin) && (typeof a.gtin !== 'string' || !isValidGtin(a.gtin))) err('gtin is not a valid GTIN');
	if (!blank(a.lead_time) && (typeof a.lead_time !== 'string' || !LEAD_TIME_RE.test(a.lead_time))) {
		err('lead_time must look like [DD] [HH:[MM:]]ss[.uuuuuu]');
	}
	// The older support article lets package_description_str (free text such as "6 x 33 cl") stand
	// in for the structured package_description; at least one of them is needed.
	const structured = a.package_description !== undefined && a.package_description !== null;
	if (!structured && blank(a.package_description_str)) err('package_description or package_description_str is required');
	if (structured) validatePackageDescription(a.package_description, 'package_description', 1, err);
	if (!blank(a.package_description_str)) {
		if (typeof a.package_description_str !== 'string') err('package_description_str must be a string');
		else if (a.package_description_str.trim() === '') err('package_description_str may not be blank');
	}
	return errors;
}

export type AssortmentParse = { articles: unknown[] } | { errors: string[] };

/** Decodes the uploaded file (UTF-8 JSON array) and validates every article. */
export function parseAssortment(data: Buffer): AssortmentParse {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(data);
	} catch {
		return { errors: ['The file is not valid UTF-8.'] };
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return { errors: [`The file is not valid JSON: ${(error as Error).message}`] };
	}
	if (!Array.isArray(parsed)) return { errors: ['The file must contain a JSON array of articles.'] };
	if (!parsed.length) return { errors: ['The file contains no articles.'] };
	const errors: string[] = [];
	parsed.forEach((item, i) => {
		for (const message of validateArticle(item)) errors.push(`Article ${i + 1}: ${message}`);
	});
	const seen = new Map<string, number>();
	parsed.forEach((item, i) => {
		const id = (item as Record<string, unknown> | null)?.third_party_id;
		if (typeof id !== 'string' || !id) return;
		if (seen.has(id)) errors.push(`Article ${i + 1}: third_party_id "${id}" is already used by article ${seen.get(id)}`);
		else seen.set(id, i + 1);
	});
	return errors.length ? { errors } : { articles: parsed };
}
