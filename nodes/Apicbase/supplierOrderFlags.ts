/**
 * Flags on supplier purchase orders (fetched, viewed), set by the Supplier node's Mark operations
 * and by the supplier trigger's "Mark as Fetched".
 */
import type { IDataObject } from 'n8n-workflow';

import { APICBASE_PATHS } from './paths';
import { type ApicbaseContext, apicbaseRequest } from './transport';

export type SupplierOrderFlag = 'fetched_by_supplier' | 'viewed_by_supplier';

/** Orders flagged per PATCH request. */
const FLAG_BATCH = 100;

/**
 * PATCHes the collection with [{id, <flag>: true}, …], 100 orders a request. The flag is one-way.
 */
export async function flagOrders(
	this: ApicbaseContext,
	ids: string[],
	flag: SupplierOrderFlag,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const flagged: IDataObject[] = [];
	for (let start = 0; start < ids.length; start += FLAG_BATCH) {
		const body = ids.slice(start, start + FLAG_BATCH).map((id) => ({ id, [flag]: true }));
		const response = await apicbaseRequest.call(this, 'apicbaseSupplierApi', 'PATCH', APICBASE_PATHS.supplierPurchaseOrders, {
			body,
			itemIndex,
			// Apicbase answers one error object per order sent: name them by their place in the IDs given.
			errorList: { root: 'orders', offset: start },
		});
		if (Array.isArray(response)) flagged.push(...(response as IDataObject[]));
		else if (response && typeof response === 'object' && Array.isArray((response as IDataObject).results)) {
			flagged.push(...(response as { results: IDataObject[] }).results);
		} else flagged.push(...body);
	}
	return flagged;
}
