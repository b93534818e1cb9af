/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * Request-body checks for the MBX sandbox's write endpoints, Rails style: every problem is
 * collected as "<field path> <message>" (e.g. "recipient.address_1 is too long (maximum is 35
 * characters)", "lines[0].quantity must be a whole number of 1 or more") and answered as one 422.
 * Unknown attributes are rejected too, so a misspelt key never passes silently.
 */
import { isIP } from 'node:net';

import type { MbxAddress, MbxOrderLine } from './seed-operations';

export const ADDRESS_LINE_MAX = 35;
export const TEXT_MAX = 255;
export const FORGE_TEXT_MAX = 256;

type Body = Record<string, unknown>;

const has = (body: Body, key: string) => Object.prototype.hasOwnProperty.call(body, key);
const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);
const characters = (value: string) => [...value].length;

function unknownKeys(errors: string[], body: Body, known: readonly string[], prefix = ''): void {
	for (const key of Object.keys(body)) {
		if (!known.includes(key)) errors.push(`${prefix}${key} is not a known attribute`);
	}
}

/** A required string; undefined when it is invalid (the reason is in errors). */
function requiredText(errors: string[], path: string, value: unknown, max: number): string | undefined {
	if (isBlank(value)) {
		errors.push(`${path} can't be blank`);
		return undefined;
	}
	if (typeof value !== 'string') {
		errors.push(`${path} must be a string`);
		return undefined;
	}
	if (characters(value) > max) {
		errors.push(`${path} is too long (maximum is ${max} characters)`);
		return undefined;
	}
	return value;
}

/** An optional string: absent or null gives null; undefined when it is invalid. */
function optionalText(errors: string[], path: string, value: unknown, max: number): string | null | undefined {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') {
		errors.push(`${path} must be a string`);
		return undefined;
	}
	if (characters(value) > max) {
		errors.push(`${path} is too long (maximum is ${max} characters)`);
		return undefined;
	}
	return value;
}

/** The smallest value an integer field accepts, and the message when it gets something else. */
type IntegerRule = readonly [min: number, message: string];
const ANY_INTEGER: IntegerRule = [Number.MIN_SAFE_INTEGER, 'must be an integer'];
const WHOLE_FROM_0: IntegerRule = [0, 'must be a whole number of 0 or more'];
const WHOLE_FROM_1: IntegerRule = [1, 'must be a whole number of 1 or more'];

const isWhole = (value: unknown, min: number): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= min;

function requiredInteger(errors: string[], path: string, value: unknown, [min, message]: IntegerRule): number | undefined {
	if (value === undefined || value === null) {
		errors.push(`${path} can't be blank`);
		return undefined;
	}
	if (!isWhole(value, min)) {
		errors.push(`${path} ${message}`);
		return undefined;
	}
	return value;
}

// ---- customer order submissions ----

export interface OrderRules {
	organizationId: number;
	shipMethodExists(id: number): boolean;
	/** Whether a product code is the name of one of the caller's items. */
	productExists(code: string): boolean;
	countryExists(isoCode: string): boolean;
	/** Whether another order of the caller already uses this purchase order. */
	purchaseOrderTaken(purchaseOrder: string): boolean;
}

/** The validated, normalised fields of a create or update body (update: only those given). */
export interface OrderChanges {
	purchase_order?: string;
	customer_order?: string;
	ship_method_id?: number;
	ship_account?: string | null;
	end_user_po?: string | null;
	end_user_name?: string | null;
	end_user_order_dt?: string | null;
	promise_date?: string | null;
	notes?: string | null;
	customer_rma_case?: string | null;
	customer_data?: string | null;
	recipient?: MbxAddress;
	importer_of_record?: MbxAddress | null;
	duties_and_taxes_account?: string | number | null;
	lines?: MbxOrderLine[];
}

export const ORDER_INPUT_KEYS = [
	'organization_id',
	'purchase_order',
	'customer_order',
	'ship_method_id',
	'ship_account',
	'end_user_po',
	'end_user_name',
	'end_user_order_dt',
	'promise_date',
	'notes',
	'customer_rma_case',
	'customer_data',
	'recipient',
	'importer_of_record',
	'duties_and_taxes_account',
	'lines',
] as const;

/**
 * promise_date is a `date` column: only YYYY-MM-DD (a real day) is taken, so a client that sends a
 * date and time, a number or a made-up day learns it here instead of having it cut or dropped.
 */
function optionalDate(errors: string[], path: string, value: unknown): string | null | undefined {
	if (value === undefined || value === null) return null;
	const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
	if (!match || !realDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
		errors.push(`${path} must be a date (YYYY-MM-DD)`);
		return undefined;
	}
	return value as string;
}

function realDay(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * end_user_order_dt is a `datetime` column, rendered as MBX's example shows it
 * (`2015-04-30T14:36:13.073726`: no zone, six fraction digits). ISO 8601 text is taken: a date
 * alone is midnight, a time without a zone is kept as written, one with a zone is stored in UTC.
 */
function optionalDateTime(errors: string[], path: string, value: unknown): string | null | undefined {
	if (value === undefined || value === null) return null;
	const match =
		typeof value === 'string'
			? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value)
			: null;
	const [year, month, day, hour, minute, second] = (match ?? []).slice(1, 7).map((part) => Number(part ?? 0));
	if (!match || !realDay(year, month, day) || hour > 23 || minute > 59 || second > 59) {
		errors.push(`${path} must be a date and time (ISO 8601, e.g. 2015-04-30T14:36:13)`);
		return undefined;
	}
	const micros = (match[7] ?? '').padEnd(6, '0').slice(0, 6);
	const zone = match[8];
	const wall = Date.UTC(year, month - 1, day, hour, minute, second);
	let at = wall;
	if (zone && zone.toUpperCase() !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		at = wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
	}
	return `${new Date(at).toISOString().slice(0, 19)}.${micros}`;
}

const ADDRESS_FIELDS: ReadonlyArray<readonly [keyof MbxAddress, boolean, number]> = [
	['name', true, TEXT_MAX],
	['company', false, TEXT_MAX],
	['email', false, TEXT_MAX],
	['phone', false, TEXT_MAX],
	['address_1', true, ADDRESS_LINE_MAX],
	['address_2', false, ADDRESS_LINE_MAX],
	['address_3', false, ADDRESS_LINE_MAX],
	['city', true, TEXT_MAX],
	['state', false, TEXT_MAX],
	['zip', false, TEXT_MAX],
	['country', true, TEXT_MAX],
];
const ADDRESS_KEYS = ADDRESS_FIELDS.map(([key]) => key);

function address(errors: string[], path: string, value: unknown, rules: OrderRules): MbxAddress | undefined {
	if (!isObject(value)) {
		errors.push(isBlank(value) ? `${path} can't be blank` : `${path} must be an object`);
		return undefined;
	}
	const before = errors.length;
	const result: Record<string, string | null | undefined> = {};
	for (const [key, required, max] of ADDRESS_FIELDS) {
		const fieldPath = `${path}.${key}`;
		result[key] = required
			? requiredText(errors, fieldPath, value[key], max)
			: optionalText(errors, fieldPath, value[key], max);
	}
	const country = result.country;
	if (typeof country === 'string' && !rules.countryExists(country)) {
		errors.push(`${path}.country is not a known ISO country code`);
	}
	unknownKeys(errors, value, ADDRESS_KEYS, `${path}.`);
	return errors.length === before ? (result as unknown as MbxAddress) : undefined;
}

function orderLines(errors: string[], value: unknown, rules: OrderRules): MbxOrderLine[] | undefined {
	if (isBlank(value) || (Array.isArray(value) && value.length === 0)) {
		errors.push("lines can't be blank");
		return undefined;
	}
	if (!Array.isArray(value)) {
		errors.push('lines must be an array');
		return undefined;
	}
	const before = errors.length;
	const lines: MbxOrderLine[] = [];
	value.forEach((line: unknown, index) => {
		const path = `lines[${index}]`;
		if (!isObject(line)) {
			errors.push(`${path} must be an object`);
			return;
		}
		const code = requiredText(errors, `${path}.product_code`, line.product_code, TEXT_MAX);
		if (code !== undefined && !rules.productExists(code)) {
			errors.push(`${path}.product_code is not a known product code`);
		}
		const quantity = requiredInteger(errors, `${path}.quantity`, line.quantity, WHOLE_FROM_1);
		const value = line.customs_declared_value;
		if (value === undefined || value === null) {
			errors.push(`${path}.customs_declared_value can't be blank`);
		} else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
			errors.push(`${path}.customs_declared_value must be a number of 0 or more`);
		}
		unknownKeys(errors, line, ['product_code', 'quantity', 'customs_declared_value'], `${path}.`);
		lines.push({
			product_code: code ?? '',
			quantity: quantity ?? 0,
			customs_declared_value: typeof value === 'number' ? value : 0,
			serial_numbers: [],
		});
	});
	return errors.length === before ? lines : undefined;
}

/**
 * Checks a create body (every required field) or an update body (only the fields given, which
 * may not be blanked). Nested objects and lines are replaced whole, never merged.
 */
export function validateOrderInput(
	body: Body,
	rules: OrderRules,
	mode: 'create' | 'update',
): { errors: string[]; changes: OrderChanges } {
	const errors: string[] = [];
	const changes: OrderChanges = {};
	const check = (key: string) => mode === 'create' || has(body, key);

	if (check('organization_id')) {
		const value = body.organization_id;
		if (value === undefined || value === null) errors.push("organization_id can't be blank");
		else if (typeof value !== 'number' || !Number.isInteger(value)) errors.push('organization_id must be an integer');
		else if (value !== rules.organizationId) {
			errors.push('organization_id does not match the authenticated organization');
		}
	}
	if (check('purchase_order')) {
		const value = requiredText(errors, 'purchase_order', body.purchase_order, TEXT_MAX);
		if (value !== undefined && rules.purchaseOrderTaken(value)) errors.push('purchase_order has already been taken');
		if (value !== undefined) changes.purchase_order = value;
	}
	if (check('customer_order')) {
		const value = requiredText(errors, 'customer_order', body.customer_order, TEXT_MAX);
		if (value !== undefined) changes.customer_order = value;
	}
	if (check('ship_method_id')) {
		const value = requiredInteger(errors, 'ship_method_id', body.ship_method_id, ANY_INTEGER);
		if (value !== undefined && !rules.shipMethodExists(value)) {
			errors.push('ship_method_id must be the id of an existing ship method');
		} else if (value !== undefined) {
			changes.ship_method_id = value;
		}
	}
	for (const [key, max] of [
		['ship_account', TEXT_MAX],
		['end_user_po', TEXT_MAX],
		['end_user_name', TEXT_MAX],
		['notes', Number.POSITIVE_INFINITY],
		['customer_rma_case', TEXT_MAX],
		// nvarchar(-1) in the column list: text of any length, but text (an object is refused).
		['customer_data', Number.POSITIVE_INFINITY],
	] as const) {
		if (!check(key)) continue;
		const value = optionalText(errors, key, body[key], max);
		if (value !== undefined) changes[key] = value;
	}
	if (check('promise_date')) {
		const value = optionalDate(errors, 'promise_date', body.promise_date);
		if (value !== undefined) changes.promise_date = value;
	}
	if (check('end_user_order_dt')) {
		const value = optionalDateTime(errors, 'end_user_order_dt', body.end_user_order_dt);
		if (value !== undefined) changes.end_user_order_dt = value;
	}
	if (check('recipient')) {
		const value = address(errors, 'recipient', body.recipient, rules);
		if (value !== undefined) changes.recipient = value;
	}
	if (check('importer_of_record')) {
		const raw = body.importer_of_record;
		if (raw === undefined || raw === null) {
			changes.importer_of_record = null;
		} else {
			const value = address(errors, 'importer_of_record', raw, rules);
			if (value !== undefined) changes.importer_of_record = value;
		}
	}
	if (check('duties_and_taxes_account')) {
		const value = body.duties_and_taxes_account;
		if (value === undefined || value === null) {
			changes.duties_and_taxes_account = null;
		} else if (typeof value === 'number' ? !Number.isInteger(value) || value < 0 : typeof value !== 'string') {
			errors.push('duties_and_taxes_account must be a string or a whole number');
		} else if (String(value).length > TEXT_MAX) {
			errors.push(`duties_and_taxes_account is too long (maximum is ${TEXT_MAX} characters)`);
		} else {
			changes.duties_and_taxes_account = value as string | number;
		}
	}
	if (check('lines')) {
		const value = orderLines(errors, body.lines, rules);
		if (value !== undefined) changes.lines = value;
	}
	unknownKeys(errors, body, ORDER_INPUT_KEYS);
	return { errors, changes };
}

// ---- Forge: automation queues, automation tasks, serial data ----

function ipAddress(errors: string[], value: unknown): string | undefined {
	const text = requiredText(errors, 'ip_address', value, FORGE_TEXT_MAX);
	if (text === undefined) return undefined;
	if (isIP(text) === 0) {
		errors.push('ip_address is not a valid IP address');
		return undefined;
	}
	return text;
}

export interface QueueInput {
	manufacturer_serial: string;
	ip_address: string;
	automation_tasks: Array<{ task_type_id: number; sequence: number; assignee_id: number | null }>;
}

export function validateQueueInput(
	body: Body,
	taskTypeExists: (id: number) => boolean,
): { errors: string[]; value?: QueueInput } {
	const errors: string[] = [];
	const serial = requiredText(errors, 'manufacturer_serial', body.manufacturer_serial, FORGE_TEXT_MAX);
	const ip = ipAddress(errors, body.ip_address);
	const tasks: QueueInput['automation_tasks'] = [];
	const raw = body.automation_tasks;
	if (isBlank(raw) || (Array.isArray(raw) && raw.length === 0)) {
		errors.push("automation_tasks can't be blank");
	} else if (!Array.isArray(raw)) {
		errors.push('automation_tasks must be an array');
	} else {
		const sequences = new Set<number>();
		raw.forEach((task: unknown, index) => {
			const path = `automation_tasks[${index}]`;
			if (!isObject(task)) {
				errors.push(`${path} must be an object`);
				return;
			}
			const typeId = requiredInteger(errors, `${path}.task_type_id`, task.task_type_id, ANY_INTEGER);
			if (typeId !== undefined && !taskTypeExists(typeId)) {
				errors.push(`${path}.task_type_id must be the id of an existing automation task type`);
			}
			const sequence = requiredInteger(errors, `${path}.sequence`, task.sequence, WHOLE_FROM_0);
			if (sequence !== undefined) {
				if (sequences.has(sequence)) errors.push(`${path}.sequence has already been taken`);
				sequences.add(sequence);
			}
			const assignee = task.assignee_id;
			const assigneeId = assignee === undefined || assignee === null ? null : assignee;
			if (assigneeId !== null && !isWhole(assigneeId, 1)) errors.push(`${path}.assignee_id ${WHOLE_FROM_1[1]}`);
			unknownKeys(errors, task, ['task_type_id', 'sequence', 'assignee_id'], `${path}.`);
			tasks.push({ task_type_id: typeId ?? 0, sequence: sequence ?? 0, assignee_id: assigneeId as number | null });
		});
	}
	unknownKeys(errors, body, ['manufacturer_serial', 'ip_address', 'automation_tasks']);
	if (errors.length > 0 || serial === undefined || ip === undefined) return { errors };
	return { errors, value: { manufacturer_serial: serial, ip_address: ip, automation_tasks: tasks } };
}

export const TASK_MESSAGE_TYPES = ['start', 'complete', 'fail', 'notify'] as const;
export type TaskMessageType = (typeof TASK_MESSAGE_TYPES)[number];

export interface TaskUpdateInput {
	manufacturer_serial: string;
	ip_address: string;
	sequence: number;
	message_type: TaskMessageType;
	/** undefined = not given (the message is left as it is). */
	message: string | null | undefined;
}

export function validateTaskUpdate(body: Body): { errors: string[]; value?: TaskUpdateInput } {
	const errors: string[] = [];
	const serial = requiredText(errors, 'manufacturer_serial', body.manufacturer_serial, FORGE_TEXT_MAX);
	const ip = ipAddress(errors, body.ip_address);
	const sequence = requiredInteger(errors, 'sequence', body.sequence, WHOLE_FROM_0);
	const type = requiredText(errors, 'message_type', body.message_type, FORGE_TEXT_MAX);
	const messageType = TASK_MESSAGE_TYPES.find((t) => t === type);
	if (type !== undefined && messageType === undefined) {
		errors.push(`message_type must be one of ${TASK_MESSAGE_TYPES.join(', ')}`);
	}
	const message = has(body, 'message') ? optionalText(errors, 'message', body.message, FORGE_TEXT_MAX) : undefined;
	// A notify without a message would change nothing.
	if (messageType === 'notify' && isBlank(body.message)) errors.push("message can't be blank");
	unknownKeys(errors, body, ['manufacturer_serial', 'ip_address', 'sequence', 'message_type', 'message']);
	if (errors.length > 0 || serial === undefined || ip === undefined || sequence === undefined || !messageType) {
		return { errors };
	}
	return { errors, value: { manufacturer_serial: serial, ip_address: ip, sequence, message_type: messageType, message } };
}

export interface SerialDataInput {
	manufacturer_serial: string;
	serial_data_type_id: number;
	metadata: string | null;
	value: string;
}

export function validateSerialDataInput(body: Body): { errors: string[]; value?: SerialDataInput } {
	const errors: string[] = [];
	const serial = requiredText(errors, 'manufacturer_serial', body.manufacturer_serial, FORGE_TEXT_MAX);
	const typeId = requiredInteger(errors, 'serial_data_type_id', body.serial_data_type_id, WHOLE_FROM_1);
	const metadata = optionalText(errors, 'metadata', body.metadata, FORGE_TEXT_MAX);
	const value = requiredText(errors, 'value', body.value, FORGE_TEXT_MAX);
	unknownKeys(errors, body, ['manufacturer_serial', 'serial_data_type_id', 'metadata', 'value']);
	if (errors.length > 0 || serial === undefined || typeId === undefined || metadata === undefined || value === undefined) {
		return { errors };
	}
	return { errors, value: { manufacturer_serial: serial, serial_data_type_id: typeId, metadata, value } };
}

// ---- CSV (RFC 4180) ----

function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF (the last row too); fields with a comma, quote or line break are quoted. */
export function toCsv(rows: ReadonlyArray<readonly unknown[]>): string {
	return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
