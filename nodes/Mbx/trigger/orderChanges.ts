import type { IDataObject } from 'n8n-workflow';

import { diffFeed, type FeedEvent, type FeedState } from '../../shared/changeFeed';

export type OrderWatchState = FeedState;

export interface OrderChange {
	event: FeedEvent;
	previousStatus: string | null;
	order: IDataObject;
}

/** MBX orders through the shared change feed: `updated_at` is the change time, statuses lower case. */
export function detectOrderChanges(
	previous: OrderWatchState,
	orders: IDataObject[],
): { changes: OrderChange[]; state: OrderWatchState } {
	const { changes, state } = diffFeed(
		previous,
		orders.map((order) => ({
			id: String(order.id),
			updatedAt: String(order.updated_at ?? ''),
			createdAt: String(order.created_at ?? ''),
			status: String(order.status ?? '').toLowerCase(),
			record: order,
		})),
	);
	return {
		changes: changes.map(({ event, previousStatus, record }) => ({ event, previousStatus, order: record.record })),
		state,
	};
}
