import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
import { mbxGet } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['shipMethod'], operation: ['get'] };

export const description: INodeProperties[] = [
	mbxRecordLocator({
		name: 'shipMethodId',
		displayName: 'Ship Method',
		searchMethod: 'searchShipMethods',
		show,
		description:
			'The shipping method to get: pick it from the list (type its name or carrier to narrow it) or enter its MBX ID, the "id" of Ship Method > Get Many or the ship_method_id of an order',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'shipMethodId', 'Ship Method', itemIndex);
	return await mbxGet.call(this, MBX_PATHS.shipMethod(id), itemIndex);
}
