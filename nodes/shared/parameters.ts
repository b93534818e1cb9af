import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** Reads a parameter that must be a whole number of at least 1, naming the field when it is not. */
export function positiveIntegerParameter(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): number {
	return positiveInteger(context, context.getNodeParameter(name, itemIndex) as unknown, label, itemIndex);
}

/** Checks that a value is a whole number of at least 1 (numeric text allowed). */
export function positiveInteger(context: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): number {
	const value = typeof raw === 'string' ? Number(raw.trim()) : (raw as number);
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw new NodeOperationError(context.getNode(), `${label} must be a whole number of 1 or more, got "${String(raw)}"`, {
			itemIndex,
			description: `Check the "${label}" field.`,
		});
	}
	return value;
}

/** Reads a text parameter that must not be empty, naming the field when it is. */
export function requiredStringParameter(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const raw = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		throw new NodeOperationError(context.getNode(), `${label} is required`, {
			itemIndex,
			description: `Fill in the "${label}" field.`,
		});
	}
	return value;
}

/** The limit to apply, or undefined when the user chose Return All. */
export function limitParameter(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return positiveIntegerParameter(context, 'limit', 'Limit', itemIndex);
}

/**
 * A JSON field's value: n8n hands it over as text when typed and as data when an expression
 * gives it. Text that is not JSON is refused, naming the field.
 */
export function jsonParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number, expected: string): unknown {
	const raw = context.getNodeParameter(name, itemIndex) as unknown;
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		throw new NodeOperationError(context.getNode(), `${label} is not valid JSON`, {
			itemIndex,
			description: `Check the "${label}" field: it must be ${expected}.`,
		});
	}
}

/** An update that would change nothing is refused before sending, naming the Update Fields field. */
export function assertSomethingToUpdate(context: IExecuteFunctions, body: object, itemIndex: number): void {
	if (Object.keys(body).length > 0) return;
	throw new NodeOperationError(context.getNode(), 'Update Fields is empty; add at least one field to change', {
		itemIndex,
		description: 'Add the fields to change under "Update Fields".',
	});
}
