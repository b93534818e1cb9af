import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
import { mbxGet } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['country'], operation: ['get'] };

export const description: INodeProperties[] = [
	mbxRecordLocator({
		name: 'countryId',
		displayName: 'Country',
		searchMethod: 'searchCountries',
		show,
		description:
			'The country to get: pick it from the list (type its name or ISO code to narrow it) or enter its MBX ID, the "id" of Country > Get Many (not the ISO code)',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'countryId', 'Country', itemIndex);
	return await mbxGet.call(this, MBX_PATHS.country(id), itemIndex);
}
