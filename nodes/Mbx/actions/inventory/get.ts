import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
import { mbxGet } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['inventory'], operation: ['get'] };

export const description: INodeProperties[] = [
	mbxRecordLocator({
		name: 'inventoryId',
		displayName: 'Inventory',
		searchMethod: 'searchInventories',
		show,
		description: 'The inventory record to get: pick it from the list (type an item ID to narrow it) or enter its MBX ID',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'inventoryId', 'Inventory', itemIndex);
	return await mbxGet.call(this, MBX_PATHS.inventory(id), itemIndex);
}
