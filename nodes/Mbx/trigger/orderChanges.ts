import type { IDataObject } from 'n8n-workflow';

import { diffFeedInPasses, type FeedEvent, type PassFeedState } from '../../shared/changeFeed';

export type OrderWatchState = PassFeedState;

export interface OrderChange {
	event: FeedEvent;
	previousStatus: string | null;
	order: IDataObject;
}

/**
 * MBX orders through the shared change feed: `updated_at` is the change time, statuses lower case.
 * The list is read in passes (see diffFeedInPasses); `next` is where the next poll reads on, and
 * undefined when this poll read the list to its end.
 */
export function detectOrderChanges(
	previous: OrderWatchState,
	orders: IDataObject[],
	next?: number,
): { changes: OrderChange[]; state: OrderWatchState } {
	const { changes, state } = diffFeedInPasses(
		previous,
		orders.map((order) => ({
			id: String(order.id),
			updatedAt: String(order.updated_at ?? ''),
			createdAt: String(order.created_at ?? ''),
			status: String(order.status ?? '').toLowerCase(),
			record: order,
		})),
		next,
	);
	return {
		changes: changes.map(({ event, previousStatus, record }) => ({ event, previousStatus, order: record.record })),
		state,
	};
}
