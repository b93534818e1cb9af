import { ApicbaseSupplier } from '../../../nodes/Apicbase/ApicbaseSupplier.node';
import { mockExecuteFunctions } from '../../helpers/mockContext';

const order = { id: 'po-1', order_number: 'PO-1', packages: [] };
const respond = { resource: 'supplierPurchaseOrder', operation: 'respond' };

describe('Apicbase Supplier node: Purchase Order > Accept or Refuse', () => {
	it('accepts with 200 and passes the order on, paired with its input', async () => {
		const mock = mockExecuteFunctions({ parameters: { ...respond, answer: 'accept' }, items: [{ json: order }] });
		const [output] = await new ApicbaseSupplier().execute.call(mock.context);
		expect(mock.responses).toEqual([{ body: { status: 'accepted' }, headers: { 'content-type': 'application/json' }, statusCode: 200 }]);
		expect(output).toEqual([{ json: { ...order, _apicbaseAnswer: { statusCode: 200, status: 'accepted' } }, binary: undefined, pairedItem: { item: 0 } }]);
		expect(mock.calls).toHaveLength(0);
	});

	it('refuses with the chosen 4xx and the reason', async () => {
		const mock = mockExecuteFunctions({
			parameters: { ...respond, answer: 'refuse', reason: '  Out of stock  ', statusCode: 409 },
			items: [{ json: order }],
		});
		const [output] = await new ApicbaseSupplier().execute.call(mock.context);
		expect(mock.responses).toEqual([{ body: { status: 'refused', reason: 'Out of stock' }, headers: { 'content-type': 'application/json' }, statusCode: 409 }]);
		expect(output[0].json._apicbaseAnswer).toEqual({ statusCode: 409, status: 'refused', reason: 'Out of stock' });
	});

	it('refuses to answer without a reason, naming the field, and sends nothing', async () => {
		const mock = mockExecuteFunctions({ parameters: { ...respond, answer: 'refuse', reason: ' ' } });
		await expect(new ApicbaseSupplier().execute.call(mock.context)).rejects.toThrow('Reason is required when refusing an order');
		expect(mock.responses).toHaveLength(0);
	});

	it('needs no credential: it only answers the call that started the run', async () => {
		// No credentials at all in the mock: any attempt to read one would throw.
		const mock = mockExecuteFunctions({ parameters: { ...respond, answer: 'accept' }, items: [{ json: order }] });
		await expect(new ApicbaseSupplier().execute.call(mock.context)).resolves.toHaveLength(1);
		const credential = new ApicbaseSupplier().description.credentials?.find((c) => c.name === 'apicbaseSupplierApi');
		expect(credential?.displayOptions).toEqual({ hide: { operation: ['respond'] } });
	});

	it('as an AI tool, says it cannot be one and answers nothing', async () => {
		const mock = mockExecuteFunctions({ parameters: { ...respond, answer: 'accept' }, items: [{ json: order }], nodeType: 'n8n-nodes-supply-chain.apicbaseSupplierTool' });
		await expect(new ApicbaseSupplier().execute.call(mock.context)).rejects.toThrow('Accept or Refuse cannot be used as a tool');
		expect(mock.responses).toHaveLength(0);
	});
});
