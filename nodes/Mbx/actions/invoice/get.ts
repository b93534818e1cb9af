import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
import { mbxGet } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['invoice'], operation: ['get'] };

export const description: INodeProperties[] = [
	mbxRecordLocator({
		name: 'invoiceId',
		displayName: 'Invoice',
		searchMethod: 'searchInvoices',
		show,
		description: 'The invoice to get: pick it from the list (type an order ID to narrow it) or enter its MBX ID',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'invoiceId', 'Invoice', itemIndex);
	return await mbxGet.call(this, MBX_PATHS.invoice(id), itemIndex);
}
