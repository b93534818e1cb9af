import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { flagOrders } from './supplierOrderFlags';
import { APICBASE_PATHS } from './paths';
import { apicbaseList, apicbaseListUntil } from './transport';
import { diffOrders, orderFeedQuery, orderTime, type OrderFeedState } from './trigger/orderFeed';
import { orderItems, outputProperty, type OrderOutput } from './trigger/purchaseOrder';
import { pollDeadline } from '../shared/pollBudget';
import { replaceContents } from '../shared/values';

const ORDERS_PATH = APICBASE_PATHS.supplierPurchaseOrders;

/** Asks Apicbase for new purchase orders at the times you set; needs no setup at Apicbase. */
export class ApicbaseSupplierPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apicbase Supplier Polling Trigger',
		name: 'apicbaseSupplierPollingTrigger',
		icon: { light: 'file:../../icons/apicbase.svg', dark: 'file:../../icons/apicbase.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Checks for new purchase orders"}}',
		description: 'Starts the workflow for each new purchase order your Apicbase customers sent you, checking at the times you set',
		defaults: { name: 'Apicbase Supplier Polling Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		polling: true,
		credentials: [{ name: 'apicbaseSupplierApi', required: true }],
		properties: [
			{
				displayName: 'Mark as Fetched',
				name: 'markAsFetched',
				type: 'boolean',
				default: false,
				description:
					'Whether to mark each new order as fetched in Apicbase before the workflow runs. Customers do not see this mark; it is for your own filtering.',
				hint: 'Cannot be undone: Apicbase has no way to unmark an order, even if the workflow then fails',
			},
			outputProperty,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const output = this.getNodeParameter('output', 'order') as OrderOutput;
		if (this.getMode() === 'manual') {
			// A sample for mapping fields: the newest order on the first page, newest first.
			const orders = await apicbaseList.call(this, 'apicbaseSupplierApi', ORDERS_PATH, {
				query: { status: 'ORDERED', ordering: '-ordered_on' },
				limit: 200,
			});
			const newest = orders.reduce<IDataObject | undefined>(
				(best, order) => (best === undefined || orderTime(order.ordered_on) > orderTime(best.ordered_on) ? order : best),
				undefined,
			);
			return newest ? [orderItems([newest], output)] : null;
		}

		const staticData = this.getWorkflowStaticData('node') as OrderFeedState;
		// A long list is read over several polls, each stopping in time (see diffOrders).
		const { records, next } = await apicbaseListUntil.call(this, 'apicbaseSupplierApi', ORDERS_PATH, {
			query: orderFeedQuery(staticData),
			from: staticData.pass?.next,
			deadline: pollDeadline(this),
		});
		const { fresh, state } = diffOrders(staticData, records, next);

		if (fresh.length > 0 && (this.getNodeParameter('markAsFetched', false) as boolean)) {
			// Marked before the state moves on: if this fails, the next poll offers the orders again.
			await flagOrders.call(this, fresh.map((order) => String(order.id)), 'fetched_by_supplier');
		}

		replaceContents(staticData, state);
		return fresh.length > 0 ? [orderItems(fresh, output)] : null;
	}
}
