/**
 * Every OpenBoxes API path the OpenBoxes nodes and the login call, in one place (a credential's
 * test names its own endpoint). Paths are relative to `/api`, which the transport and the login put after the
 * Base URL; IDs are URL-encoded here, once. Several differ from or go beyond the vendor's
 * documentation: create and update of purchase orders exist only on hosted OpenBoxes (the
 * open-source server answers 404); put-aways are `/putaways`, not the documented `/putAways`;
 * `POST /users` is hosted only, so Create User falls back to the generic API's user on 404 or 405;
 * and the reorder report needs OpenBoxes 0.9.6 or later (older servers are read through inventory
 * levels and product summary).
 */
import { segment } from './helpers';

/** A generic API resource: its name is OpenBoxes' domain class (e.g. inventoryItem), checked by the caller. */
const generic = (resourceName: string) => `/generic/${resourceName}`;

export const OPENBOXES_PATHS = {
	// Session: the login of the OpenBoxes Login API credential
	login: '/login',

	// Products
	products: '/products',
	product: (productId: string) => `/products/${segment(productId)}`,
	productSearch: '/products/search',
	productAvailability: (productId: string) => `/products/${segment(productId)}/productAvailability`,
	productSummary: (productId: string) => `/products/${segment(productId)}/productSummary`,

	// Inventory: lots, items available to promise, and the reorder report of a facility (location)
	productLot: (productId: string, lotNumber: string) =>
		`/products/${segment(productId)}/inventoryItems/${segment(lotNumber)}`,
	availableItems: '/products/availableItems',
	facilityReorderReport: (facilityId: string) => `/facilities/${segment(facilityId)}/inventories/reorderReport`,
	facilityInventoryLevels: (facilityId: string) => `/facilities/${segment(facilityId)}/inventory-levels`,

	// Locations
	locations: '/locations',
	location: (locationId: string) => `/locations/${segment(locationId)}`,
	locationTypes: '/locations/locationTypes',
	locationProductSummary: (locationId: string) => `/locations/${segment(locationId)}/productSummary`,

	// Purchase orders (create and update: hosted OpenBoxes only)
	purchaseOrders: '/purchaseOrders',
	purchaseOrder: (purchaseOrderId: string) => `/purchaseOrders/${segment(purchaseOrderId)}`,
	purchaseOrderRollback: (purchaseOrderId: string) => `/purchaseOrders/${segment(purchaseOrderId)}/rollback`,

	// Put-aways: lower-case "a"; `/putAways` would look for a controller that does not exist
	putaways: '/putaways',
	putaway: (putawayId: string) => `/putaways/${segment(putawayId)}`,

	// Stock movements
	stockMovements: '/stockMovements',
	stockMovement: (stockMovementId: string) => `/stockMovements/${segment(stockMovementId)}`,
	stockMovementItems: (stockMovementId: string) => `/stockMovements/${segment(stockMovementId)}/stockMovementItems`,
	stockMovementUpdateItems: (stockMovementId: string) => `/stockMovements/${segment(stockMovementId)}/updateItems`,
	stockMovementStatus: (stockMovementId: string) => `/stockMovements/${segment(stockMovementId)}/status`,
	stockMovementUpdateShipment: (stockMovementId: string) => `/stockMovements/${segment(stockMovementId)}/updateShipment`,

	// Users (POST: hosted OpenBoxes only)
	users: '/users',

	// Generic API: any resource by name, and the resources the node reads or writes through it
	genericResource: generic,
	genericRecord: (resourceName: string, recordId: string) => `${generic(resourceName)}/${segment(recordId)}`,
	genericSearch: (resourceName: string) => `${generic(resourceName)}/search`,
	genericCategories: generic('category'),
	genericRoles: generic('role'),
	genericUsers: generic('user'),
} as const;
