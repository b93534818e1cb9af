import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { isObject } from '../../shared/values';

/** An event as OpenBoxes' WebhookPublisherService sends it: {id, type, timestamp, user, location, data}. */
export interface OpenBoxesWebhookEvent extends IDataObject {
	type: string;
}

/** The events OpenBoxes sends (0.9.x: only a shipment leaving its origin). */
export const onlyTheseEvents: INodeProperties = {
	displayName: 'Only These Events',
	name: 'events',
	type: 'multiOptions',
	options: [{ name: 'Shipment Shipped', value: 'shipment.shipped', description: 'A shipment left its origin location' }],
	default: [],
	description: 'Start only for these events; leave empty for every event OpenBoxes sends',
	hint: 'OpenBoxes sends the shipment details in "data" as one line of text. For the full shipment, give "id" to OpenBoxes › Stock Movement › Get.',
};

export function isOpenBoxesEvent(body: unknown): body is OpenBoxesWebhookEvent {
	return isObject(body) && typeof body.type === 'string';
}

export function isWantedEvent(events: string[], type: string): boolean {
	return events.length === 0 || events.includes(type);
}
