/**
 * The MBX Trigger's events, one record each: what the builder picks and which change of the order
 * list it is. MBX orders carry `updated_at`, so every event is read from one change feed of the
 * order list; the node's Trigger On options and the matching both come from this table.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

import type { FeedEvent } from '../../shared/changeFeed';

export const MBX_EVENTS: ReadonlyArray<{ value: FeedEvent; name: string; description: string }> = [
	{ value: 'created', name: 'New Order', description: 'An order MBX had not seen before' },
	{ value: 'updated', name: 'Other Change', description: 'Any other change, e.g. a new tracking number' },
	{ value: 'statusChanged', name: 'Status Change', description: 'Pending → Released → Shipped' },
];

export const DEFAULT_MBX_EVENTS: FeedEvent[] = ['created', 'statusChanged'];

/** The node's Trigger On options. */
export const MBX_EVENT_OPTIONS = MBX_EVENTS.map(({ name, value, description }) => ({ name, value, description }));

/** The events picked, each checked against the table: a value this version does not know is refused. */
export function pickedEvents(node: INode, picked: string[]): FeedEvent[] {
	return picked.map((value) => {
		const event = MBX_EVENTS.find((candidate) => candidate.value === value);
		if (!event) {
			throw new NodeOperationError(node, `Trigger On has "${value}", which this version of the node does not know`, {
				description: 'Pick the events in "Trigger On" again.',
			});
		}
		return event.value;
	});
}
