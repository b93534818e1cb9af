import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { MBX_PATHS } from './paths';
import { mbxList, mbxListUntil } from './transport';
import { detectOrderChanges, type OrderChange, type OrderWatchState } from './trigger/orderChanges';
import { isWantedStatus, onlyTheseStatuses } from './trigger/statuses';
import { pollDeadline } from '../shared/pollBudget';
import { replaceContents } from '../shared/values';
import { mbxAuthentication, mbxCredentials } from './authentication';
import { DEFAULT_MBX_EVENTS, MBX_EVENT_OPTIONS, pickedEvents } from './trigger/events';

function toItem(change: OrderChange): INodeExecutionData {
	return { json: { event: change.event, previousStatus: change.previousStatus, ...change.order } };
}

/** Polls MBX for new orders and status changes; needs no setup at MBX. */
export class MbxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MBX Systems Trigger',
		name: 'mbxTrigger',
		icon: { light: 'file:../../icons/mbx.svg', dark: 'file:../../icons/mbx.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Checks for order changes"}}',
		description: 'Starts the workflow when an MBX (AHEAD) order is placed or its status changes, checking at the times you set',
		defaults: { name: 'MBX Systems Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		polling: true,
		credentials: mbxCredentials,
		properties: [
			mbxAuthentication,
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				options: MBX_EVENT_OPTIONS,
				default: [...DEFAULT_MBX_EVENTS],
				hint: 'The first check after you activate the workflow only takes note of the orders that exist',
			},
			onlyTheseStatuses,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the most recently changed order, to map fields from.
			const orders = await mbxList.call(this, MBX_PATHS.orders);
			const latest = [...orders].sort((a, b) => String(b.updated_at).localeCompare(String(a.updated_at)))[0];
			return latest ? [[toItem({ event: 'updated', previousStatus: null, order: { ...latest } })]] : null;
		}

		// Checked before the read: an unknown event must not cost the changes this poll would take note of.
		const events = pickedEvents(this.getNode(), this.getNodeParameter('events', DEFAULT_MBX_EVENTS) as string[]);
		const statuses = this.getNodeParameter('statuses', []) as string[];

		// A long order list is read over several polls, each stopping in time; the next goes on from there.
		const staticData = this.getWorkflowStaticData('node') as OrderWatchState;
		const { records, next } = await mbxListUntil.call(this, MBX_PATHS.orders, { offset: staticData.pass?.offset ?? 0, deadline: pollDeadline(this) });
		const { changes, state } = detectOrderChanges(staticData, records, next);
		replaceContents(staticData, state);

		const wanted = changes.filter((change) => events.includes(change.event) && isWantedStatus(statuses, change.order.status));
		return wanted.length > 0 ? [wanted.map(toItem)] : null;
	}
}
