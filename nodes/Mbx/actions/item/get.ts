import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
import { mbxGet } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['item'], operation: ['get'] };

export const description: INodeProperties[] = [
	mbxRecordLocator({
		name: 'itemId',
		displayName: 'Item',
		searchMethod: 'searchItems',
		show,
		description: 'The item to get: pick it from the list (type its exact name to narrow it) or enter its MBX ID',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'itemId', 'Item', itemIndex);
	return await mbxGet.call(this, MBX_PATHS.item(id), itemIndex);
}
