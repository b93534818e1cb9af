import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { applyLimit, dataList } from '../../helpers';
import { searchText } from '../../pickers';

const show = { resource: ['product'], operation: ['search'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ibuprofen',
		description:
			'Words of the product name to look for, at least 3 characters. OpenBoxes returns nothing at all for shorter text, so the node refuses it.',
		displayOptions: { show },
	},
	...returnAllOrLimit(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Include Available Stock',
				name: 'availableItems',
				type: 'boolean',
				default: false,
				description:
					"Whether to list only products in stock at the credential's location, with the quantity available and the earliest expiry date",
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const name = searchText(this, this.getNodeParameter('name', itemIndex, ''), 'Name', itemIndex, { required: true }) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const limit = limitParameter(this, itemIndex);
	const query: IDataObject = { name };
	if (options.availableItems === true) query.availableItems = true;
	// The search answers every match at once: OpenBoxes does not page it, so Limit applies here.
	const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.productSearch, { query, itemIndex });
	return applyLimit(dataList(response), limit);
}
