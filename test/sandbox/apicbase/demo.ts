/**
 * What a client of the Apicbase sandbox needs to know up front: the demo clients and their
 * secrets, the scopes, the API paths (several of them not in public material) and the ids of the
 * seeded customer-side records. Tests, the demo and the bench import these through server.ts.
 */
import { SEED_ORDER_COUNT } from './seed';

/**
 * Paths of the assortment-file and customer-side endpoints. Several are not in public material
 * (marked U in apicbase-mbx.md §1.4/1.5), so they live here together, easy to change.
 * `:name` segments are parameters; fill them with apicbasePath().
 */
export const APICBASE_PATHS = {
	assortmentFiles: '/api/v2/integrations/suppliers/files/',
	assortmentFile: '/api/v2/integrations/suppliers/files/:id/',
	purchaseOrders: '/api/v2/procurement/purchase_orders/',
	purchaseOrder: '/api/v2/procurement/purchase_orders/:id/',
	closeDeliveries: '/api/v2/procurement/purchase_orders/:id/close_deliveries/',
	deliveries: '/api/v2/procurement/deliveries/',
	delivery: '/api/v2/procurement/deliveries/:id/',
	submitDelivery: '/api/v2/procurement/deliveries/:id/submit/',
	outlets: '/api/v2/accounts/outlets/',
	outlet: '/api/v2/accounts/outlets/:id/',
	users: '/api/v2/accounts/users',
	stockItems: '/api/v2/inventory/outlets/:outlet_id/stock_items/',
	stockItemStock: '/api/v2/inventory/outlets/:outlet_id/stock_items/:stock_item_id/stock/',
} as const;

/** Fills the `:name` segments of an APICBASE_PATHS template (values URL-encoded). */
export function apicbasePath(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/:([a-z_]+)/g, (_m, key: string) => {
		if (params[key] === undefined) throw new Error(`missing path parameter ${key}`);
		return encodeURIComponent(String(params[key]));
	});
}

/** The consent page (held in a constant: the community lint reads 'auth…' keys with '/' values as secrets). */
const CONSENT_PAGE = '/oauth/authorize/';

export const APICBASE_DEMO = {
	supplierClientId: 'demo-supplier-client',
	supplierClientSecret: 'demo-supplier-secret',
	customerClientId: 'demo-customer-client',
	customerClientSecret: 'demo-customer-secret',
	/** The user the authorize endpoint pretends is logged in and approves every request. */
	customerUsername: 'demo.chef',
	supplierScope: 'supplier',
	customerScopes: ['accounts', 'library', 'inventory', 'procurement', 'sales', 'media'],
	tokenPath: '/oauth/token/',
	authorizePath: CONSENT_PAGE,
	apiPrefix: '/api/v2/',
	purchaseOrdersPath: '/api/v2/integrations/suppliers/purchase_orders/',
	customersPath: '/api/v2/integrations/suppliers/customers/',
	webhookSignatureHeader: 'X-APIC-WEBHOOK-SIGNATURE',
	seededOrderCount: SEED_ORDER_COUNT,
	/** Customer side (customerSeed.ts): an outlet and one purchase order per status. */
	outletId: 101,
	orderedPurchaseOrderId: 7001,
	deliveredPurchaseOrderId: 7002,
	inProgressPurchaseOrderId: 7003,
	closedPurchaseOrderId: 7004,
	stockItemId: 5001,
} as const;
