import type { IDataObject } from 'n8n-workflow';

/** What an order update looks like, from MBX's documented response, for "Fetch Test Event". */
export const SAMPLE_ORDER_UPDATE: IDataObject = {
	event: 'sample',
	previousStatus: 'released',
	id: 123456,
	organization_id: 1234,
	purchase_order: '56789',
	customer_order: 'MBX-01234-56789',
	ship_method_id: 24,
	ship_method: 'FedEx Ground Canada',
	status: 'shipped',
	recipient: {
		name: 'John L. Doe',
		company: 'John L. Doe Ltd.',
		email: 'jdoe@email.com',
		phone: '1-555-555-6789',
		address_1: '467 Highway #1',
		address_2: null,
		address_3: null,
		city: 'Toronto',
		state: 'ON',
		zip: 'M5A 123',
		country: 'CA',
	},
	invoices: [{ invoice_number: 123456 }],
	tracking_numbers: [{ tracking_number: 'ABCD123EFG456HIJ78', weight: 10 }],
	lines: [{ product_code: 'Generic Product 1', quantity: 1, customs_declared_value: 123.4, serial_numbers: ['555-666-777'] }],
	created_at: '2015-04-30T14:36:13.073Z',
	updated_at: '2015-05-02T09:12:44.001Z',
};
