import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { markDescription, markOrders } from './mark';

export const description: INodeProperties[] = markDescription(
	'markFetched',
	'Marking an order as fetched is one-way: it cannot be undone. It is only for your own bookkeeping (for example to filter on "Fetched by You"); the customer does not see it.',
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await markOrders.call(this, itemIndex, 'fetched_by_supplier');
}
