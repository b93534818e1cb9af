/** The pickers Apicbase resources share. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../shared/descriptions';

/** What an Apicbase API ID looks like, as a field placeholder. */
export const APICBASE_ID_PLACEHOLDER = 'e.g. 48213';

/**
 * The Purchase Order picker (parameter `purchaseOrderId`), shared with the Delivery operations.
 * `searchMethod` names the list: every order, or only those still accepting deliveries.
 */
export function purchaseOrderLocator(
	show: IDisplayOptions['show'],
	options: { searchMethod: 'searchPurchaseOrders' | 'searchOpenPurchaseOrders'; description: string },
): INodeProperties {
	return {
		...recordLocator({
			name: 'purchaseOrderId',
			displayName: 'Purchase Order',
			searchMethod: options.searchMethod,
			show,
			description: options.description,
			idPlaceholder: APICBASE_ID_PLACEHOLDER,
		}),
		hint: 'Search the list by order number. The ID is the "id" of Purchase Order > Get Many, not the order number shown in Apicbase.',
	};
}
