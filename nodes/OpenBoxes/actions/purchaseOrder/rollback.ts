import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { purchaseOrderIdField } from './fields';

const show = { resource: ['purchaseOrder'], operation: ['rollback'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Moves the purchase order back one status, e.g. Placed to Pending. Needs the purchase approver role.',
		name: 'rollbackNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	purchaseOrderIdField(show, 'The OpenBoxes ID of the purchase order to move back'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'purchaseOrderId', 'Purchase Order', itemIndex);
	// OpenBoxes answers 200 with an empty body.
	await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.purchaseOrderRollback(id), { itemIndex });
	return { id, rolledBack: true, success: true };
}
