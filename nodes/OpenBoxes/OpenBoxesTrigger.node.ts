import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { diffFeedInPasses, type PassFeedState } from '../shared/changeFeed';
import type { SnapshotMemory } from './trigger/listSnapshot';
import { readReorderItems } from './inventory/reorder';
import { openBoxesLocationId } from './transport';
import { EVENT_OPTIONS, eventsOfFeed, findOpenBoxesEvent } from './trigger/events';
import { readProductFeed } from './trigger/feeds';
import { newListEvents, sampleListEvent, type ListPass } from './trigger/lists';
import { pollDeadline } from '../shared/pollBudget';
import { replaceContents } from '../shared/values';
import { openBoxesAuthentication, openBoxesCredentials } from './authentication';

interface TriggerState extends PassFeedState {
	/** Products alerted as below their reorder point that have not recovered since. */
	alerted?: string[];
	/** Purchase-order and stock-movement events: the IDs read last time, with their status. */
	seen?: SnapshotMemory;
	/** Purchase-order and stock-movement events: a read of the list the poll's time limit cut short. */
	listing?: ListPass;
	event?: string;
	/** The stock-movement list watched (INBOUND or OUTBOUND): another list needs a fresh memory. */
	direction?: string;
}

export class OpenBoxesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenBoxes Trigger',
		name: 'openBoxesTrigger',
		icon: { light: 'file:../../icons/openboxes.svg', dark: 'file:../../icons/openboxes.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ (${JSON.stringify(Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name])))})[$parameter["event"]] ?? "" }}`,
		description: 'Starts the workflow when products, purchase orders, stock movements or stock levels change in OpenBoxes',
		defaults: { name: 'OpenBoxes Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		polling: true,
		credentials: openBoxesCredentials,
		properties: [
			{
				displayName:
					'Checks OpenBoxes for changes at the Poll Times. The first check after activation only takes note of what exists.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			openBoxesAuthentication,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: EVENT_OPTIONS,
				default: 'inventory.belowReorderPoint',
			},
			{
				displayName: 'The first check alerts for every product already at or below its reorder point.',
				name: 'reorderNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['inventory.belowReorderPoint'] } },
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Inbound (To the Credential’s Location)', value: 'INBOUND' },
					{ name: 'Outbound (From the Credential’s Location)', value: 'OUTBOUND' },
				],
				default: 'INBOUND',
				displayOptions: { show: { event: eventsOfFeed('stockMovements') } },
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const spec = findOpenBoxesEvent(event);
		if (!spec) {
			throw new NodeOperationError(this.getNode(), `Event "${event}" is not one this version of the node knows`, {
				description: 'Pick an event from the Event list again.',
			});
		}
		const manual = this.getMode() === 'manual';
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const direction = spec.feed === 'stockMovements' ? (this.getNodeParameter('direction', 'INBOUND') as string) : undefined;
		// Switching the event (or the stock-movement direction) starts a fresh memory.
		if (state.event !== event || state.direction !== direction) {
			replaceContents(state, manual ? {} : { event, ...(direction ? { direction } : {}) });
		}

		if (spec.feed === 'reorder') {
			const below = await readReorderItems(this, { level: 'reorder', facilityId: await openBoxesLocationId(this) });
			if (manual) return below.length ? [below.map((item) => ({ json: { event, ...item } }))] : null;
			const alerted = new Set(state.alerted ?? []);
			const fresh = below.filter((item) => !alerted.has(String(item.productId)));
			// Products that recovered leave the set, so their next drop alerts again.
			state.alerted = below.map((item) => String(item.productId));
			return fresh.length ? [fresh.map((item) => ({ json: { event, ...item } }))] : null;
		}

		// Long lists are read over several polls, each stopping in time; the next goes on from there.
		const deadline = pollDeadline(this);
		if (spec.feed !== 'products') {
			if (manual) {
				const sample = await sampleListEvent(this, spec, deadline);
				return sample ? [[{ json: { event, previousStatus: null, ...sample } }]] : null;
			}
			const { records, seen, pass } = await newListEvents(this, spec, { seen: state.seen, pass: state.listing, deadline });
			// Earlier versions read these lists by timestamp; that memory is of no use any more.
			for (const key of ['cursor', 'atCursor', 'statuses'] as const) delete state[key];
			state.seen = seen;
			if (pass) state.listing = pass;
			else delete state.listing;
			const items = records.map(({ previousStatus, record }) => ({ json: { event, previousStatus, ...record } }));
			return items.length ? [items] : null;
		}

		if (manual) {
			const [newest] = (await readProductFeed(this, { deadline })).records;
			return newest ? [[{ json: { event, previousStatus: null, ...newest.record } }]] : null;
		}
		const { records, next } = await readProductFeed(this, { cursor: state.cursor, offset: state.pass?.offset, deadline });
		const { changes, state: feed } = diffFeedInPasses<IDataObject>(state, records, next);
		for (const key of ['cursor', 'atCursor', 'statuses', 'reported', 'pass', 'lastPass'] as const) delete state[key];
		Object.assign(state, feed);
		const items = changes
			.filter((change) => spec.matches(change))
			.map((change) => ({ json: { event, previousStatus: change.previousStatus, ...change.record.record } }));
		return items.length ? [items] : null;
	}
}
