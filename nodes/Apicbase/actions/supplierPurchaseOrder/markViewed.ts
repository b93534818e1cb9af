import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { markDescription, markOrders } from './mark';

export const description: INodeProperties[] = markDescription(
	'markViewed',
	'Marking an order as viewed is one-way: it cannot be undone. The customer sees that you acknowledged the order and will expect delivery on the requested date.',
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await markOrders.call(this, itemIndex, 'viewed_by_supplier');
}
