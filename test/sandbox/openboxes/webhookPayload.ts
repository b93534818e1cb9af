/**
 * The `shipment.shipped` event of OpenBoxes' WebhookPublisherService.publishShippedEvent (0.9.x),
 * built from the sandbox's stock movement and serialised the way OpenBoxes sends it (grailsJson.ts):
 *
 *   [id: shipment.id, type: "shipment.shipped", timestamp: new Date().time,
 *    user: AuthService.currentUser?.id, location: AuthService.currentLocation?.id,
 *    data: [id, shipmentNumber, origin: origin.id, destination: destination.id, shipmentType,
 *           shipmentItems: [[id, productName, productCode, lotNumber, expirationDate (MM/dd/yyyy), quantity]]]]
 */
import { grailsJsonObject, type JavaValue } from './grailsJson';
import { itemById } from './inventory';
import { SHIPMENT_TYPES, usDate, type OpenBoxesState, type StockMovementRow } from './model';

export const SHIPMENT_SHIPPED = 'shipment.shipped';

/** The order in which Java's HashMap (copied from the 6-entry Groovy map) iterates these keys. */
const HASH_MAP_ORDER = ['data', 'location', 'id', 'type', 'user', 'timestamp'] as const;

interface ShipmentItem {
	id: string;
	inventoryItemId: string;
	quantity: number;
}

/**
 * A shipment item per picked lot (requisitions) or per line (supplier shipments). The sandbox
 * keeps no shipment item rows, so a pick's id is derived from its line's id.
 */
function shipmentItems(sm: StockMovementRow): ShipmentItem[] {
	return sm.lines.flatMap((line) => {
		if (line.picks.length === 0) {
			return line.inventoryItemId ? [{ id: line.id, inventoryItemId: line.inventoryItemId, quantity: line.quantityRequested }] : [];
		}
		return line.picks.map((pick, index) => ({
			id: `${line.id.slice(0, 28)}${(0xa000 + index).toString(16)}`,
			inventoryItemId: pick.inventoryItemId,
			quantity: pick.quantity,
		}));
	});
}

function itemMap(state: OpenBoxesState, item: ShipmentItem): JavaValue {
	const lot = itemById(state, item.inventoryItemId);
	const product = state.products.find((p) => p.id === lot?.productId);
	return {
		id: item.id,
		productName: product?.name ?? null,
		productCode: product?.productCode ?? null,
		lotNumber: lot?.lotNumber ?? null,
		expirationDate: lot?.expirationDate ? usDate(lot.expirationDate) : null,
		quantity: item.quantity,
	};
}

/** The entries of the event, by name (LinkedHashMap order inside `data`). */
export function shipmentShippedEvent(
	state: OpenBoxesState,
	sm: StockMovementRow,
	who: { userId: string | null; locationId: string | null },
	nowMs: number,
): Record<(typeof HASH_MAP_ORDER)[number], JavaValue> {
	const shipment = sm.shipment;
	if (!shipment) throw new Error(`stock movement ${sm.identifier} has no shipment`);
	// StockMovementService gives a stock movement's shipment the Default type (id 5) when none is set.
	const shipmentType = SHIPMENT_TYPES.find((t) => t.id === (shipment.shipmentTypeId ?? '5'))?.name ?? null;
	return {
		id: shipment.id,
		type: SHIPMENT_SHIPPED,
		timestamp: nowMs,
		user: who.userId,
		location: who.locationId,
		data: {
			id: shipment.id,
			shipmentNumber: shipment.shipmentNumber,
			origin: sm.originId,
			destination: sm.destinationId,
			// ShipmentType.toString() is its name.
			shipmentType,
			shipmentItems: shipmentItems(sm).map((item) => itemMap(state, item)),
		},
	};
}

/** The exact body OpenBoxes posts for that event. */
export function shipmentShippedBody(event: ReturnType<typeof shipmentShippedEvent>): string {
	return grailsJsonObject(HASH_MAP_ORDER.map((key) => [key, event[key]]));
}
