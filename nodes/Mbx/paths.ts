/**
 * Every MBX API path the MBX nodes call, in one place (a credential's test names its own endpoint).
 * Record IDs are MBX's whole numbers, so they go into the path as they are; list filters and
 * paging travel in the `q` query that the transport adds. What MBX's endpoint list leaves open
 * about these paths (e.g. serial data created by POST where the list names only GET) is recorded
 * in test/sandbox/ASSUMPTIONS.md.
 */
export const MBX_PATHS = {
	// Customer order submissions
	orders: '/v2/customer_order_submissions',
	order: (orderId: number) => `/v2/customer_order_submissions/${orderId}`,

	// Invoices, items, inventories and customer catalog items
	invoices: '/v2/invoices',
	invoice: (invoiceId: number) => `/v2/invoices/${invoiceId}`,
	items: '/v2/items',
	item: (itemId: number) => `/v2/items/${itemId}`,
	inventories: '/v2/inventories',
	inventory: (inventoryId: number) => `/v2/inventories/${inventoryId}`,
	customerCatalogItems: '/v2/customer_catalog_items',
	customerCatalogItem: (customerCatalogItemId: number) => `/v2/customer_catalog_items/${customerCatalogItemId}`,

	// Reference lists
	countries: '/v2/countries',
	country: (countryId: number) => `/v2/countries/${countryId}`,
	shipMethods: '/v2/ship_methods',
	shipMethod: (shipMethodId: number) => `/v2/ship_methods/${shipMethodId}`,

	// Forge automation: queues, task updates (PUT, no ID in the path), task types, the CSV report, serial data
	automationQueues: '/v2/automation_queues',
	automationTasks: '/v2/automation_tasks',
	automationTaskTypes: '/v2/automation_task_types',
	automationTaskType: (automationTaskTypeId: number) => `/v2/automation_task_types/${automationTaskTypeId}`,
	automationTaskDetailsReport: '/v2/automation_tasks/details.csv',
	serialData: '/v2/serial_data',
} as const;
