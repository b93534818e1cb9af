import { NodeHelpers, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import * as genericApi from '../../../nodes/OpenBoxes/actions/genericApi';
import * as location from '../../../nodes/OpenBoxes/actions/location';
import * as product from '../../../nodes/OpenBoxes/actions/product';
import * as user from '../../../nodes/OpenBoxes/actions/user';
import * as listSearch from '../../../nodes/OpenBoxes/methods/listSearch';
import * as loadOptions from '../../../nodes/OpenBoxes/methods/loadOptions';

const resources = { genericApi, location, product, user };

/** Every property, including those inside collections and fixed collections. */
function flatten(properties: Array<INodeProperties | INodePropertyOptions>): INodeProperties[] {
	return properties.flatMap((property) => {
		if (!('displayName' in property) || !('type' in property)) return [];
		const nested = (property.options ?? []).flatMap((option) =>
			'values' in option ? flatten(option.values) : 'type' in option ? flatten([option as INodeProperties]) : [],
		);
		return [property as INodeProperties, ...nested];
	});
}

describe('OpenBoxes resource descriptions', () => {
	const all = Object.values(resources).flatMap((resource) => flatten(resource.description));

	it('show each top-level property only for its own resource', () => {
		for (const [name, resource] of Object.entries(resources)) {
			for (const property of resource.description) {
				expect(property.displayOptions?.show?.resource).toEqual([name]);
			}
		}
	});

	it('give every operation its properties and a sorted dropdown entry', () => {
		for (const [name, resource] of Object.entries(resources)) {
			const selector = resource.description.find((p) => p.name === 'operation') as INodeProperties;
			const options = selector.options as Array<{ name: string; value: string; action: string }>;
			expect(options.map((o) => o.value).sort()).toEqual(Object.keys(resource.operations).sort());
			expect(options.map((o) => o.name)).toEqual(options.map((o) => o.name).sort((a, b) => a.localeCompare(b)));
			for (const option of options) {
				// n8n resolves the parameters of each operation without errors.
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
				// Every property shown for this operation has a default n8n can use.
				const shown = resource.description.filter((p) => p.displayOptions?.show?.operation?.includes(option.value));
				for (const property of shown.filter((p) => p.type !== 'notice')) expect(values).toHaveProperty([property.name]);
			}
		}
	});

	it('follow n8n wording: "Name or ID" dropdowns, "Whether" booleans, sorted options', () => {
		for (const property of all) {
			if (property.typeOptions?.loadOptionsMethod) {
				expect(property.displayName).toMatch(/Name or ID$/);
				expect(property.description).toMatch(/Choose from the list, or specify an ID using an <a href="https:\/\/docs\.n8n\.io\/code\/expressions\/">expression<\/a>\.?$/);
			}
			if (property.type === 'boolean' && property.name !== 'returnAll') expect(property.description).toMatch(/^Whether /);
			if ((property.type === 'options' || property.type === 'multiOptions') && Array.isArray(property.options) && property.options.length >= 3) {
				const names = (property.options as INodePropertyOptions[]).map((o) => o.name);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
			if (property.type === 'collection' && (property.options ?? []).length >= 3) {
				const names = (property.options as INodeProperties[]).map((o) => o.displayName);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
		}
	});

	it('use one type per parameter name across operations', () => {
		const topLevel = Object.values(resources).flatMap((resource) => resource.description);
		const types = new Map<string, Set<string>>();
		for (const property of topLevel) {
			if (property.type === 'notice') continue;
			types.set(property.name, (types.get(property.name) ?? new Set()).add(property.type));
		}
		for (const [name, set] of types) expect([name, [...set]]).toEqual([name, [...set].slice(0, 1)]);
	});

	it('point every picker and dropdown at an exported method', () => {
		for (const property of all) {
			const loadMethod = property.typeOptions?.loadOptionsMethod;
			if (loadMethod) expect(Object.keys(loadOptions)).toContain(loadMethod);
			for (const mode of property.modes ?? []) {
				const searchMethod = mode.typeOptions?.searchListMethod;
				if (searchMethod) expect(Object.keys(listSearch)).toContain(searchMethod);
			}
		}
		expect(Object.keys(loadOptions).sort()).toEqual(['getCategories', 'getLocationTypes', 'getLocations', 'getSuppliers', 'getUsers']);
		expect(Object.keys(listSearch).sort()).toEqual(['searchLocations', 'searchProducts', 'searchPurchaseOrders', 'searchStockMovements', 'searchUsers']);
	});
});
