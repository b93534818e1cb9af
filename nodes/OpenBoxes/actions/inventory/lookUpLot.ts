import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { isObject } from '../../../shared/values';
import { productPicker } from '../../pickers';

const show = { resource: ['inventory'], operation: ['lookUpLot'] };

export const description: INodeProperties[] = [
	productPicker({ name: 'productId', show, description: 'The product the lot belongs to' }),
	{
		displayName: 'Lot Number',
		name: 'lotNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ABC123',
		description: 'The lot (batch) number as printed on the packaging',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = requiredIdParameter(this, 'productId', 'Product', itemIndex);
	const lotNumber = requiredIdParameter(this, 'lotNumber', 'Lot Number', itemIndex);
	// No `data` envelope here: {"inventoryItem": {...} | null, "quantityOnHand": N}.
	const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.productLot(productId, lotNumber), { itemIndex });
	const body = isObject(response) ? response : {};
	const inventoryItem = isObject(body.inventoryItem) ? body.inventoryItem : null;
	return {
		found: inventoryItem !== null,
		productId,
		lotNumber,
		quantityOnHand: typeof body.quantityOnHand === 'number' ? body.quantityOnHand : 0,
		expirationDate: inventoryItem?.expirationDate ?? null,
		inventoryItem,
	};
}
