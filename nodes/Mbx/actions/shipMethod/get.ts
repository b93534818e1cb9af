import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { positiveIntegerParameter } from '../../../shared/parameters';
import { mbxRequest } from '../../transport';

const show = { resource: ['shipMethod'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Ship Method Name or ID',
		name: 'shipMethodId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getShipMethods' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = positiveIntegerParameter(this, 'shipMethodId', 'Ship Method', itemIndex);
	return (await mbxRequest.call(this, 'GET', `/v2/ship_methods/${id}`, { itemIndex })) as IDataObject;
}
