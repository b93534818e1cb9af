import type { INodeProperties } from 'n8n-workflow';

/** The order statuses MBX documents, in the order an order goes through them. */
export const onlyTheseStatuses: INodeProperties = {
	displayName: 'Only These Statuses',
	name: 'statuses',
	type: 'multiOptions',
	options: [
		{ name: 'Pending', value: 'pending', description: 'Order is on hold' },
		{ name: 'Released', value: 'released', description: 'Released from hold, about to be processed' },
		{ name: 'Shipped', value: 'shipped', description: 'Shipped, with invoices and tracking numbers' },
	],
	default: [],
	description: 'Start only for orders in these statuses; leave empty for all',
};

export function isWantedStatus(statuses: string[], status: unknown): boolean {
	return statuses.length === 0 || statuses.includes(String(status).toLowerCase());
}
