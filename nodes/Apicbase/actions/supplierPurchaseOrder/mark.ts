import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { flagOrders, type SupplierOrderFlag } from '../../supplierOrderFlags';

/** The fields of Mark as Fetched / Mark as Viewed. */
export function markDescription(operation: string, notice: string): INodeProperties[] {
	const show = { resource: ['supplierPurchaseOrder'], operation: [operation] };
	return [
		{
			displayName: notice,
			name: `${operation}Notice`,
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		{
			displayName: 'Order IDs',
			name: 'orderIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 4f1c2a, 9b7d3e',
			description:
				'The Apicbase IDs of the orders, separated by commas. An expression may also give a list of IDs, for example the ID field of orders from Get Many.',
			displayOptions: { show },
		},
	];
}

/** Order IDs from text ("a, b") or a list; each must be non-empty. Duplicates are dropped. */
export function parseOrderIds(context: IExecuteFunctions, raw: unknown, itemIndex: number): string[] {
	const parts = Array.isArray(raw) ? raw : typeof raw === 'number' ? [raw] : String(raw ?? '').split(',');
	const ids = parts.map((part) => (typeof part === 'string' || typeof part === 'number' ? String(part).trim() : undefined));
	const fail = (message: string) =>
		new NodeOperationError(context.getNode(), message, { itemIndex, description: 'Check the "Order IDs" field.' });
	if (ids.some((value) => value === undefined)) throw fail('Order IDs must be IDs separated by commas or a list of IDs');
	const clean = (ids as string[]).filter((value) => value !== '');
	if (clean.length === 0) throw fail('Order IDs is required');
	const bad = clean.find((value) => /\s/.test(value));
	if (bad !== undefined) throw fail(`Order ID "${bad}" contains spaces; separate IDs with commas`);
	return [...new Set(clean)];
}

/** The Mark operations: the Order IDs field, checked, then flagged. */
export async function markOrders(this: IExecuteFunctions, itemIndex: number, flag: SupplierOrderFlag): Promise<IDataObject[]> {
	const ids = parseOrderIds(this, this.getNodeParameter('orderIds', itemIndex) as unknown, itemIndex);
	return await flagOrders.call(this, ids, flag, itemIndex);
}
