import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseRequest } from '../../transport';
import { customerCredentialType } from '../../authentication';
import { isObject } from '../../../shared/values';

const show = { resource: ['delivery'], operation: ['submit'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Submitting books the delivery once: it updates stock and package prices and cannot be repeated',
		name: 'submitNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Delivery ID',
		name: 'deliveryId',
		type: 'string',
		required: true,
		default: '',
		description: 'The API ID of the delivery draft, as returned by Create Draft',
		displayOptions: { show },
	},
	{
		displayName: 'Delivery Date',
		name: 'deliveryDate',
		type: 'dateTime',
		default: '',
		description: 'When the goods arrived. Leave empty for now. A time without a time zone is read as UTC.',
		displayOptions: { show },
	},
];

/**
 * Apicbase wants a day (YYYY-MM-DD) or a date and time without a time zone, read as UTC.
 * A value with a time zone is converted to UTC; one without is kept as written.
 */
export function toApicbaseDeliveryDate(value: string): string | undefined {
	const text = value.trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.isNaN(Date.parse(text)) ? undefined : text;
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
	if (!match) return undefined;
	const [, day, time, , zone] = match;
	const withSeconds = time.length === 5 ? `${time}:00` : time;
	const parsed = Date.parse(`${day}T${withSeconds}${zone ?? 'Z'}`);
	if (Number.isNaN(parsed)) return undefined;
	return zone ? new Date(parsed).toISOString().slice(0, 19) : `${day}T${withSeconds}`;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const deliveryId = requiredIdParameter(this, 'deliveryId', 'Delivery ID', itemIndex);
	const raw = this.getNodeParameter('deliveryDate', itemIndex, '') as unknown;
	const body: IDataObject = {};
	const text = raw === undefined || raw === null ? '' : raw instanceof Date ? raw.toISOString() : String(raw);
	if (text.trim() !== '') {
		const date = toApicbaseDeliveryDate(text);
		if (date === undefined) {
			throw new NodeOperationError(this.getNode(), `Delivery Date must be a date such as 2026-11-05 or 2026-11-05T14:30:00, got "${text}"`, {
				itemIndex,
				description: 'Check the "Delivery Date" field.',
			});
		}
		body.delivery_date = date;
	}
	const response = await apicbaseRequest.call(this, customerCredentialType(this), 'POST', APICBASE_PATHS.deliverySubmit(deliveryId), {
		body,
		itemIndex,
	});
	return isObject(response) ? response : { id: deliveryId, submitted: true };
}
