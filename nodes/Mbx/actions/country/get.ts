import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { positiveIntegerParameter } from '../../../shared/parameters';
import { mbxRequest } from '../../transport';

const show = { resource: ['country'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Country Name or ID',
		name: 'countryId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = positiveIntegerParameter(this, 'countryId', 'Country ID', itemIndex);
	return (await mbxRequest.call(this, 'GET', `/v2/countries/${id}`, { itemIndex })) as IDataObject;
}
