import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * OpenBoxes list filters such as `createdAfter` (stock movements) and `statusStartDate`
 * (purchase orders) accept only `MM/dd/yyyy`. Builders type ISO dates or pick them in n8n's date
 * picker, so dates are converted here; a date that cannot be read is refused, naming the field.
 */
export function toOpenBoxesDate(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	const usStyle = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
	if (usStyle) return text;
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
	if (iso && !Number.isNaN(Date.parse(`${iso[1]}-${iso[2]}-${iso[3]}T00:00:00Z`))) return `${iso[2]}/${iso[3]}/${iso[1]}`;
	throw new NodeOperationError(context.getNode(), `${label} "${text}" is not a date OpenBoxes can read`, {
		itemIndex,
		description: `Use a date such as 2026-11-24 (or 11/24/2026) in the "${label}" field.`,
	});
}
