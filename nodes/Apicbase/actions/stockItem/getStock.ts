import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { requiredIdParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseRequest } from '../../transport';
import { customerCredentialType } from '../../authentication';
import { APICBASE_ID_PLACEHOLDER } from '../../pickers';
import { outletIdField } from './fields';

const show = { resource: ['stockItem'], operation: ['getStock'] };

export const description: INodeProperties[] = [
	outletIdField(show),
	{
		...recordLocator({
			name: 'stockItemId',
			displayName: 'Stock Item',
			searchMethod: 'searchStockItems',
			show,
			description: 'The stock item to check: pick it from the stock items of the outlet above, or enter its API ID',
			idPlaceholder: APICBASE_ID_PLACEHOLDER,
		}),
		hint: 'The list needs a fixed Outlet ID. The ID is the "id" of Stock Item > Get Many.',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const outletId = requiredIdParameter(this, 'outletId', 'Outlet ID', itemIndex);
	const stockItemId = requiredIdParameter(this, 'stockItemId', 'Stock Item', itemIndex);
	const response = (await apicbaseRequest.call(
		this,
		customerCredentialType(this),
		'GET',
		APICBASE_PATHS.outletStockItemStock(outletId, stockItemId),
		{ itemIndex },
	)) as IDataObject;
	return { outlet_id: outletId, stock_item_id: stockItemId, ...response };
}
