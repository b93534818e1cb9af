import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter, requiredIdParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseList } from '../../transport';

const show = { resource: ['supplierCustomerPackage'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Customer Number',
		name: 'customerNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CUST-001',
		description: 'The customer number (assortment ID) whose packages to list, as shown by Customer > Get Many',
		displayOptions: { show },
	},
	...returnAllOrLimit(show),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerNumber = requiredIdParameter(this, 'customerNumber', 'Customer Number', itemIndex);
	return await apicbaseList.call(this, 'apicbaseSupplierApi', APICBASE_PATHS.supplierCustomerPackages(customerNumber), {
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
