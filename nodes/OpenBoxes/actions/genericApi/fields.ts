/**
 * What the Generic API operations share: the Resource Name and Record ID fields, the JSON body,
 * and the paths of `/api/generic/{resource}`.
 */
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, requiredIdParameter } from '../../../shared/parameters';
import { ID_PLACEHOLDER } from '../../pickers';
import { OPENBOXES_PATHS } from '../../paths';
import { isObject, trimmed } from '../../../shared/values';

const RESOURCE_NAME = /^[a-z][A-Za-z]+$/;

export function resourceNameField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Resource Name',
		name: 'resourceName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. inventoryItem',
		description:
			'The kind of OpenBoxes record, written as OpenBoxes names it: lower-case first letter, no spaces (e.g. product, inventoryItem, category, person)',
		displayOptions: { show },
	};
}

export function recordIdField(show: IDisplayOptions['show'], description: string): INodeProperties {
	return {
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		required: true,
		placeholder: ID_PLACEHOLDER,
		description,
		displayOptions: { show },
	};
}

/** The Resource Name field, checked: OpenBoxes' name of the record kind, as it goes into the path. */
export function checkedResourceName(context: IExecuteFunctions, itemIndex: number): string {
	const name = trimmed(context.getNodeParameter('resourceName', itemIndex, ''));
	if (!RESOURCE_NAME.test(name)) {
		throw fieldError(
			context,
			name === '' ? 'Resource Name is required' : `Resource Name "${name}" is not an OpenBoxes record name`,
			'Resource Name',
			itemIndex,
			'Use the record name as OpenBoxes writes it: letters only, starting with a lower-case letter, e.g. product or inventoryItem.',
		);
	}
	return name;
}

/** The base path of a generic resource, after checking its name. */
export function resourcePath(context: IExecuteFunctions, itemIndex: number): string {
	return OPENBOXES_PATHS.genericResource(checkedResourceName(context, itemIndex));
}

/** The record path of a generic resource: resource name and Record ID, both checked. */
export function recordPath(context: IExecuteFunctions, itemIndex: number): { path: string; id: string } {
	const name = checkedResourceName(context, itemIndex);
	const id = requiredIdParameter(context, 'recordId', 'Record ID', itemIndex);
	return { path: OPENBOXES_PATHS.genericRecord(name, id), id };
}

/**
 * The JSON field read as an object (or, when `allowArray`, a list of objects). Text is parsed; an
 * object already built by an expression is taken as it is. Anything else is refused, naming the field.
 */
export function jsonBody(
	context: IExecuteFunctions,
	itemIndex: number,
	options: { allowArray: boolean },
): IDataObject | IDataObject[] {
	const label = 'JSON Body';
	const raw = context.getNodeParameter('jsonBody', itemIndex, '') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') throw fieldError(context, `${label} is required`, label, itemIndex, `Fill in the "${label}" field.`);
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw fieldError(context, `${label} is not valid JSON: ${(error as Error).message}`, label, itemIndex);
		}
	}
	// An empty object would save a record with nothing the builder gave (or change nothing).
	const emptyHint = 'Give the fields of the record, e.g. {"name": "Vaccines"}.';
	if (isObject(value)) {
		if (Object.keys(value).length === 0) throw fieldError(context, `${label} is an empty object; add the fields to send`, label, itemIndex, emptyHint);
		return value;
	}
	if (options.allowArray && Array.isArray(value)) {
		if (value.length === 0) throw fieldError(context, `${label} is an empty list`, label, itemIndex);
		const notObject = value.findIndex((entry) => !isObject(entry));
		if (notObject !== -1) {
			throw fieldError(context, `${label} entry ${notObject + 1} is not a JSON object`, label, itemIndex);
		}
		const empty = value.findIndex((entry) => Object.keys(entry as IDataObject).length === 0);
		if (empty !== -1) throw fieldError(context, `${label} entry ${empty + 1} is an empty object`, label, itemIndex, emptyHint);
		return value as IDataObject[];
	}
	throw fieldError(
		context,
		`${label} must be a JSON object${options.allowArray ? ' or a list of objects' : ''}`,
		label,
		itemIndex,
		options.allowArray ? 'Use {"name": "..."} for one record, or [{...}, {...}] for several.' : 'Use {"name": "..."} with the fields to change.',
	);
}

/** The `data` of a generic answer as output: an object, or one output item per record. */
export function genericData(response: unknown): IDataObject | IDataObject[] {
	const data = isObject(response) ? response.data : undefined;
	if (Array.isArray(data)) return data.filter(isObject);
	return isObject(data) ? data : {};
}
