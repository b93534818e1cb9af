import type { INodePropertyOptions } from 'n8n-workflow';

/** The OpenBoxes roles most often given or searched for (`RoleType`). */
export const ROLE_TYPES: INodePropertyOptions[] = [
	{ name: 'Admin', value: 'ROLE_ADMIN', description: 'Manages users, locations and settings' },
	{ name: 'Assistant', value: 'ROLE_ASSISTANT', description: 'Creates and edits, but cannot approve or delete much' },
	{ name: 'Browser', value: 'ROLE_BROWSER', description: 'Read-only access' },
	{ name: 'Financial User', value: 'ROLE_FINANCE', description: 'Sees costs and prices' },
	{ name: 'Invoice User', value: 'ROLE_INVOICE', description: 'Works with invoices' },
	{ name: 'Manager', value: 'ROLE_MANAGER', description: 'Creates, changes and deletes most records' },
	{ name: 'Product Manager', value: 'ROLE_PRODUCT_MANAGER', description: 'Manages the product catalog' },
	{ name: 'Purchase Approver', value: 'ROLE_PURCHASE_APPROVER', description: 'Approves purchase orders' },
	{ name: 'Requestor', value: 'ROLE_REQUESTOR', description: 'Places stock requests' },
	{ name: 'Superuser', value: 'ROLE_SUPERUSER', description: 'Can do everything' },
];

/** Checks the shape of an e-mail address (something@domain.tld). */
export function isEmail(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
