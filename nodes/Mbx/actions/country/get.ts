import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { positiveIntegerParameter } from '../../../shared/parameters';
import { mbxRequest } from '../../transport';

const show = { resource: ['country'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Country ID',
		name: 'countryId',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		required: true,
		description: 'MBX ID of the country (not its ISO code). Use Get Many to look IDs up.',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = positiveIntegerParameter(this, 'countryId', 'Country ID', itemIndex);
	return (await mbxRequest.call(this, 'GET', `/v2/countries/${id}`, { itemIndex })) as IDataObject;
}
