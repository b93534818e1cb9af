/** Small helpers every OpenBoxes operation uses: reading values, OpenBoxes envelopes, field errors. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { isObject } from '../shared/values';

/** The first `limit` records (all when limit is undefined), for lists OpenBoxes does not page. */
/** What an OpenBoxes ID looks like, as a field placeholder. */
export const ID_PLACEHOLDER = 'e.g. ff80818155df9de40155df9e31000001';

export function applyLimit<T>(records: T[], limit: number | undefined): T[] {
	return limit === undefined ? records : records.slice(0, limit);
}

/** The `data` list of an OpenBoxes answer (an empty list when it has none). */
export function dataList(response: unknown): IDataObject[] {
	const data = isObject(response) ? response.data : undefined;
	return Array.isArray(data) ? data.filter(isObject) : [];
}

/** The `data` object of an OpenBoxes answer (an empty object when it has none). */
export function dataObject(response: unknown): IDataObject {
	const data = isObject(response) ? response.data : undefined;
	return isObject(data) ? data : {};
}

/** An error about one field, raised before anything is sent. */
export function fieldError(
	context: IExecuteFunctions,
	message: string,
	label: string,
	itemIndex: number,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: hint ?? `Check the "${label}" field.`,
	});
}


/** The values picked in a multi-options field, trimmed, without blanks or repeats. */
export function multiValues(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : String(raw).split(',');
	return [...new Set(list.map((value) => trimmed(value)).filter((value) => value !== ''))];
}

/** A number of 0 or more (numeric text allowed), naming the field when it is not. */
export function nonNegativeNumber(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): number {
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		throw fieldError(context, `${label} must be a number of 0 or more, got "${String(raw)}"`, label, itemIndex);
	}
	return value;
}

export function trimmed(raw: unknown): string {
	return raw === undefined || raw === null ? '' : String(raw).trim();
}

/**
 * The path with one `name=value` pair per value. OpenBoxes (Grails) reads repeated parameters
 * (`status=A&status=B`), while n8n sends arrays in the query as `status[0]=A`, which OpenBoxes
 * ignores; so multi-value filters go into the path and everything else stays in the query.
 */
export function withRepeatedQuery(path: string, name: string, values: string[]): string {
	if (values.length === 0) return path;
	const pairs = values.map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
	return `${path}${path.includes('?') ? '&' : '?'}${pairs}`;
}

export { isObject };
