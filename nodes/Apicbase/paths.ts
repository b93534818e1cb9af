/**
 * Every Apicbase API path the node calls, in one place: several are not in the public reference
 * (marked "unconfirmed") and may need changing. IDs are URL-encoded here.
 */
const id = (value: string | number) => encodeURIComponent(String(value));

export const APICBASE_PATHS = {
	// Supplier side ("Generic Suppliers API", scope `supplier`)
	supplierPurchaseOrders: '/api/v2/integrations/suppliers/purchase_orders/',
	supplierCustomers: '/api/v2/integrations/suppliers/customers/',
	supplierCustomerPackages: (customerNumber: string) =>
		`/api/v2/integrations/suppliers/customers/${id(customerNumber)}/packages`,
	supplierAssortmentFiles: '/api/v2/integrations/suppliers/files/',

	// Customer side (scopes `procurement`, `accounts`, `inventory`); unconfirmed paths
	purchaseOrders: '/api/v2/procurement/purchase_orders/',
	purchaseOrder: (purchaseOrderId: string) => `/api/v2/procurement/purchase_orders/${id(purchaseOrderId)}/`,
	purchaseOrderCloseDeliveries: (purchaseOrderId: string) =>
		`/api/v2/procurement/purchase_orders/${id(purchaseOrderId)}/close_deliveries/`,
	deliveries: '/api/v2/procurement/deliveries/',
	deliverySubmit: (deliveryId: string) => `/api/v2/procurement/deliveries/${id(deliveryId)}/submit/`,
	outlets: '/api/v2/accounts/outlets/',
	outletStockItems: (outletId: string) => `/api/v2/inventory/outlets/${id(outletId)}/stock_items/`,
	outletStockItemStock: (outletId: string, stockItemId: string) =>
		`/api/v2/inventory/outlets/${id(outletId)}/stock_items/${id(stockItemId)}/stock/`,
} as const;
