import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredStringParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseRequest, customerCredentialType } from '../../transport';
import { outletIdField } from './fields';

const show = { resource: ['stockItem'], operation: ['getStock'] };

export const description: INodeProperties[] = [
	outletIdField(show),
	{
		displayName: 'Stock Item ID',
		name: 'stockItemId',
		type: 'string',
		required: true,
		default: '',
		description: 'The API ID of the stock item, from Stock Item > Get Many',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const outletId = requiredStringParameter(this, 'outletId', 'Outlet ID', itemIndex);
	const stockItemId = requiredStringParameter(this, 'stockItemId', 'Stock Item ID', itemIndex);
	const response = (await apicbaseRequest.call(
		this,
		customerCredentialType(this),
		'GET',
		APICBASE_PATHS.outletStockItemStock(outletId, stockItemId),
		{ itemIndex },
	)) as IDataObject;
	return { outlet_id: outletId, stock_item_id: stockItemId, ...response };
}
