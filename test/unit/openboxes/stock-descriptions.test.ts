/**
 * Description checks for the Stock Movement, Purchase Order, Put-Away and Inventory resources:
 * every operation is offered and resolvable, n8n's wording rules hold, parameter names keep one
 * type, and pickers point at the node's methods by their agreed names.
 */
import { NodeHelpers, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import * as inventory from '../../../nodes/OpenBoxes/actions/inventory';
import * as purchaseOrder from '../../../nodes/OpenBoxes/actions/purchaseOrder';
import * as putAway from '../../../nodes/OpenBoxes/actions/putAway';
import * as stockMovement from '../../../nodes/OpenBoxes/actions/stockMovement';

const resources = { stockMovement, purchaseOrder, putAway, inventory };
const LOAD_OPTIONS = ['getLocations', 'getSuppliers', 'getUsers'];
const LIST_SEARCH = ['searchLocations', 'searchProducts', 'searchPurchaseOrders', 'searchStockMovements'];

function flatten(properties: Array<INodeProperties | INodePropertyOptions>): INodeProperties[] {
	return properties.flatMap((property) => {
		if (!('displayName' in property) || !('type' in property)) return [];
		const nested = (property.options ?? []).flatMap((option) =>
			'values' in option ? flatten(option.values) : 'type' in option ? flatten([option as INodeProperties]) : [],
		);
		return [property as INodeProperties, ...nested];
	});
}

describe('OpenBoxes Stock Movement, Purchase Order, Put-Away and Inventory descriptions', () => {
	const all = Object.values(resources).flatMap((resource) => flatten(resource.description));

	it('show each top-level property only for its own resource', () => {
		for (const [name, resource] of Object.entries(resources)) {
			for (const property of resource.description) expect([name, property.name, property.displayOptions?.show?.resource]).toEqual([name, property.name, [name]]);
		}
	});

	it('offer every implemented operation in a sorted dropdown, and n8n resolves each one', () => {
		for (const [name, resource] of Object.entries(resources)) {
			const selector = resource.description.find((p) => p.name === 'operation') as INodeProperties;
			const options = selector.options as Array<{ name: string; value: string; action: string }>;
			expect(options.map((o) => o.value).sort()).toEqual(Object.keys(resource.operations).sort());
			expect(options.map((o) => o.name)).toEqual(options.map((o) => o.name).sort((a, b) => a.localeCompare(b)));
			for (const option of options) {
				const resourceProperty: INodeProperties = {
					displayName: 'Resource',
					name: 'resource',
					type: 'options',
					options: [{ name, value: name }],
					default: name,
				};
				const values = NodeHelpers.getNodeParameters(
					[resourceProperty, ...resource.description],
					{ resource: name, operation: option.value },
					true,
					false,
					{ typeVersion: 1 },
					null,
				);
				expect(values).toMatchObject({ resource: name, operation: option.value });
				// Properties shown for the operation alone (not those that also depend on another field).
				const shown = resource.description.filter(
					(p) => p.displayOptions?.show?.operation?.includes(option.value) && Object.keys(p.displayOptions.show).length === 2,
				);
				for (const property of shown.filter((p) => p.type !== 'notice')) expect(values).toHaveProperty([property.name]);
			}
		}
	});

	it('follow n8n wording: "Name or ID" dropdowns, "Whether" booleans, sorted options and collections', () => {
		for (const property of all) {
			if (property.typeOptions?.loadOptionsMethod) {
				expect(property.displayName).toMatch(/Name or ID$/);
				expect(property.description).toBe(
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				);
			}
			if (property.type === 'boolean' && property.name !== 'returnAll') expect(property.description).toMatch(/^Whether /);
			if ((property.type === 'options' || property.type === 'multiOptions') && Array.isArray(property.options)) {
				const names = (property.options as INodePropertyOptions[]).map((o) => o.name);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
			if (property.type === 'collection') {
				const names = (property.options as INodeProperties[]).map((o) => o.displayName);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
			if (property.type === 'fixedCollection') {
				for (const group of property.options as Array<{ values: INodeProperties[] }>) {
					const names = group.values.map((o) => o.displayName);
					expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
				}
			}
		}
	});

	it('use one type per parameter name across all four resources', () => {
		const types = new Map<string, Set<string>>();
		for (const property of Object.values(resources).flatMap((resource) => resource.description)) {
			if (property.type === 'notice') continue;
			types.set(property.name, (types.get(property.name) ?? new Set()).add(property.type));
		}
		for (const [name, set] of types) expect([name, [...set]]).toEqual([name, [...set].slice(0, 1)]);
	});

	it('point every dropdown and picker at the node methods by their agreed names', () => {
		for (const property of all) {
			const loadMethod = property.typeOptions?.loadOptionsMethod;
			if (loadMethod) expect(LOAD_OPTIONS).toContain(loadMethod);
			for (const mode of property.modes ?? []) {
				const searchMethod = mode.typeOptions?.searchListMethod;
				if (searchMethod) expect(LIST_SEARCH).toContain(searchMethod);
			}
		}
	});
});
