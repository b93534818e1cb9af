import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { fieldError, limitParameter, requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { applyLimit, dataList, dataObject } from '../../helpers';
import { credentialLocation } from '../../credentialLocation';
import { isObject } from '../../../shared/values';
import { productPicker } from '../../pickers';

const show = { resource: ['inventory'], operation: ['getQuantityOnHand'] };

export const description: INodeProperties[] = [
	{
		displayName: 'OpenBoxes answers for the location set in the credential.',
		name: 'quantityOnHandNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'For',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'All Products', value: 'all', description: 'One item per product that has stock history here' },
			{ name: 'One Product', value: 'product' },
		],
		default: 'product',
		displayOptions: { show },
	},
	productPicker({
		name: 'productId',
		show: { ...show, scope: ['product'] },
		description: 'The product to count',
	}),
	...returnAllOrLimit({ ...show, scope: ['all'] }),
];

function idOf(reference: unknown): string | null {
	return isObject(reference) && reference.id !== undefined && reference.id !== null ? String(reference.id) : null;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const scope = this.getNodeParameter('scope', itemIndex, 'product') as unknown;
	if (scope !== 'all' && scope !== 'product') {
		throw fieldError(this, `For must be All Products or One Product, got "${String(scope)}"`, 'For', itemIndex);
	}
	if (scope === 'all') {
		const limit = limitParameter(this, itemIndex);
		const location = await credentialLocation(this, 'Location ID', itemIndex);
		// One row per product; OpenBoxes does not page this list.
		const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.locationProductSummary(location), { itemIndex });
		return applyLimit(dataList(response), limit);
	}
	const productId = requiredIdParameter(this, 'productId', 'Product', itemIndex);
	const data = dataObject(await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.productSummary(productId), { itemIndex }));
	// A product never stocked here has quantityOnHand null, which is 0 units.
	const quantity = typeof data.quantityOnHand === 'number' ? data.quantityOnHand : Number(data.quantityOnHand ?? 0) || 0;
	return {
		productId: idOf(data.product) ?? productId,
		locationId: idOf(data.location),
		quantityOnHand: quantity,
	};
}
