import { Apicbase } from '../../../nodes/Apicbase/Apicbase.node';
import { CUSTOMER_RESOURCES, resourceOperations, SUPPLIER_RESOURCES } from '../../../nodes/Apicbase/actions';

const description = new Apicbase().description;
const resourceOptions = (description.properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;

describe('Apicbase node description', () => {
	it('offers every resource, each with its operations', () => {
		const offered = resourceOptions.map((option) => option.value).sort();
		expect(offered).toEqual(Object.keys(resourceOperations).sort());
		expect(offered).toEqual([...CUSTOMER_RESOURCES, ...SUPPLIER_RESOURCES, 'orderWebhook'].sort());
	});

	it('asks for the supplier credential on supplier resources and OAuth2 or a token on customer ones', () => {
		const credentials = Object.fromEntries((description.credentials ?? []).map((c) => [c.name, c.displayOptions?.show]));
		expect(credentials.apicbaseSupplierApi).toEqual({ resource: SUPPLIER_RESOURCES });
		expect(credentials.apicbaseOAuth2Api).toEqual({ resource: CUSTOMER_RESOURCES, authentication: ['oAuth2'] });
		expect(credentials.apicbaseAccessTokenApi).toEqual({ resource: CUSTOMER_RESOURCES, authentication: ['accessToken'] });
		const authentication = description.properties.find((p) => p.name === 'authentication');
		expect(authentication?.displayOptions?.show).toEqual({ resource: CUSTOMER_RESOURCES });
	});

	it('is usable as a tool', () => {
		expect(description.usableAsTool).toBe(true);
	});
});
