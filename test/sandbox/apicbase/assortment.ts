/**
 * Assortment files (scope supplier): the upload, list and detail endpoints, and the validation of
 * the uploaded JSON articles (apicbase-mbx.md §1.3). The multipart body is parsed in multipart.ts.
 */
import { header, type RequestContext, type SandboxResponse } from '../common/server';
import { DETAIL, json, paginate } from './http';
import { sandboxNow, type ApicbaseState, type AssortmentFile } from './model';
import { multipartBoundary, parseMultipart } from './multipart';
import { formatDateTime } from './seed';

const FIRST_FILE_ID = 301;

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

// -------------------------------------------------------------------------------------------
// Endpoints

export function apiFile(state: ApicbaseState, file: AssortmentFile): Record<string, unknown> {
	const processedMs = file.createdMs + state.config.assortmentProcessingSeconds * 1000;
	const processed = sandboxNow(state) >= processedMs;
	return {
		id: file.id,
		customer_number: file.customerNumber,
		file_name: file.filename,
		status: processed ? 'PROCESSED' : 'PENDING',
		articles: file.articles.length,
		created: formatDateTime(file.createdMs * 1000),
		processed: processed ? formatDateTime(processedMs * 1000) : null,
	};
}

/** Newest first. */
export function listAssortmentFiles(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	return paginate(ctx, [...state.files].reverse(), (f) => apiFile(state, f));
}

export function createAssortmentFile(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const contentType = header(ctx.headers, 'content-type');
	const boundary = multipartBoundary(contentType);
	if (boundary === null) {
		if ((contentType ?? '').toLowerCase().startsWith('multipart/form-data')) {
			return json(400, { detail: 'Multipart form parse error - Invalid boundary in multipart: None' });
		}
		return json(415, { detail: `Unsupported media type "${contentType ?? ''}" in request.` });
	}
	const parts = parseMultipart(Buffer.from(ctx.rawBody, 'utf8'), boundary);
	if (parts === null) return json(400, { detail: 'Multipart form parse error - Invalid multipart body.' });

	const errors: Record<string, string[]> = {};
	// Django keeps the last value of a repeated field.
	const filePart = parts.filter((p) => p.name === 'file').at(-1);
	const numberPart = parts.filter((p) => p.name === 'customer_number' && p.filename === null).at(-1);
	if (!filePart) errors.file = ['No file was submitted.'];
	else if (filePart.filename === null) {
		errors.file = ['The submitted data was not a file. Check the encoding type on the form.'];
	} else if (!filePart.data.length) errors.file = ['The submitted file is empty.'];
	const customerNumber = numberPart?.data.toString('utf8');
	if (customerNumber === undefined) errors.customer_number = ['This field is required.'];
	else if (!customerNumber.trim()) errors.customer_number = ['This field may not be blank.'];
	else if (customerNumber.length > 50) errors.customer_number = ['Ensure this field has no more than 50 characters.'];
	if (Object.keys(errors).length) return json(400, errors);

	const parsed = parseAssortment(filePart!.data);
	if ('errors' in parsed) return json(400, { file: parsed.errors });
	const file: AssortmentFile = {
		id: FIRST_FILE_ID + state.files.length,
		customerNumber: customerNumber!.trim(),
		filename: filePart!.filename,
		articles: parsed.articles,
		createdMs: sandboxNow(state),
	};
	state.files.push(file);
	// Processing is asynchronous: the creation response always says PENDING.
	return json(201, { ...apiFile(state, file), status: 'PENDING', processed: null });
}

export function getAssortmentFile(state: ApicbaseState, ctx: RequestContext): SandboxResponse {
	const file = state.files.find((f) => String(f.id) === ctx.params.id);
	return file ? json(200, apiFile(state, file)) : json(404, { detail: DETAIL.notFound });
}
