import type { INodeTypeDescription } from 'n8n-workflow';

import { Apicbase } from '../../../nodes/Apicbase/Apicbase.node';
import { ApicbaseSupplier } from '../../../nodes/Apicbase/ApicbaseSupplier.node';
import { kitchen, supplier } from '../../../nodes/Apicbase/actions';

const optionValues = (description: INodeTypeDescription, name: string) =>
	((description.properties.find((p) => p.name === name)?.options ?? []) as Array<{ value: string }>).map((option) => option.value);

describe('Apicbase node descriptions', () => {
	const kitchenNode = new Apicbase().description;
	const supplierNode = new ApicbaseSupplier().description;

	it.each([
		['Apicbase', kitchenNode, kitchen],
		['Apicbase Supplier', supplierNode, supplier],
	])('%s offers exactly the resources of its registry, each with its operations', (_name, description, registry) => {
		expect(optionValues(description, 'resource').sort()).toEqual(Object.keys(registry.operations).sort());
		expect(description.subtitle).toBe(registry.subtitle);
		for (const resource of Object.keys(registry.operations)) {
			const selector = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
			const offered = ((selector?.options ?? []) as Array<{ value: string }>).map((option) => option.value);
			expect(offered.sort()).toEqual(Object.keys(registry.operations[resource]).sort());
		}
	});

	it('splits the resources by audience: the kitchen ones in Apicbase, the supplier ones in Apicbase Supplier', () => {
		expect(optionValues(kitchenNode, 'resource')).toEqual(['delivery', 'outlet', 'purchaseOrder', 'stockItem']);
		expect(optionValues(supplierNode, 'resource')).toEqual([
			'supplierAssortmentFile',
			'supplierCustomer',
			'supplierCustomerPackage',
			'supplierPurchaseOrder',
		]);
		expect(optionValues(supplierNode, 'resource')).not.toContain('orderWebhook');
	});

	it('Apicbase asks for OAuth2 or a token, chosen by Authentication alone', () => {
		expect(kitchenNode.credentials).toEqual([
			{ name: 'apicbaseOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'apicbaseAccessTokenApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
		]);
		const authentication = kitchenNode.properties.find((p) => p.name === 'authentication');
		expect(authentication?.displayOptions).toBeUndefined();
		expect(optionValues(kitchenNode, 'authentication')).toEqual(['oAuth2', 'accessToken']);
	});

	it('Apicbase Supplier always asks for the supplier credential, except for Accept or Refuse', () => {
		expect(supplierNode.credentials).toEqual([
			{ name: 'apicbaseSupplierApi', required: true, displayOptions: { hide: { operation: ['respond'] } } },
		]);
		expect(supplierNode.properties.find((p) => p.name === 'authentication')).toBeUndefined();
	});

	it('both are usable as a tool, under their own names', () => {
		expect(kitchenNode.usableAsTool).toBe(true);
		expect(supplierNode.usableAsTool).toBe(true);
		expect([kitchenNode.name, supplierNode.name]).toEqual(['apicbase', 'apicbaseSupplier']);
	});
});
