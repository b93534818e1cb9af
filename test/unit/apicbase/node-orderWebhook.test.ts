import { resourceOperations } from '../../../nodes/Apicbase/actions';
import { runOperations } from '../../../nodes/shared/router';
import { mockExecuteFunctions } from '../../helpers/mockContext';

const order = { id: 'po-1', order_number: 'PO-1', packages: [] };

describe('Apicbase node: Supplier: Order Webhook > Respond', () => {
	it('accepts with 200 and passes the order on, paired with its input', async () => {
		const mock = mockExecuteFunctions({ parameters: { resource: 'orderWebhook', operation: 'respond', answer: 'accept' }, items: [{ json: order }] });
		const [output] = await runOperations.call(mock.context, resourceOperations);
		expect(mock.responses).toEqual([{ body: { status: 'accepted' }, headers: { 'content-type': 'application/json' }, statusCode: 200 }]);
		expect(output).toEqual([{ json: { ...order, _apicbaseAnswer: { statusCode: 200, status: 'accepted' } }, binary: undefined, pairedItem: { item: 0 } }]);
		expect(mock.calls).toHaveLength(0);
	});

	it('refuses with the chosen 4xx and the reason', async () => {
		const mock = mockExecuteFunctions({
			parameters: { resource: 'orderWebhook', operation: 'respond', answer: 'refuse', reason: '  Out of stock  ', statusCode: 409 },
			items: [{ json: order }],
		});
		const [output] = await runOperations.call(mock.context, resourceOperations);
		expect(mock.responses).toEqual([{ body: { status: 'refused', reason: 'Out of stock' }, headers: { 'content-type': 'application/json' }, statusCode: 409 }]);
		expect(output[0].json._apicbaseAnswer).toEqual({ statusCode: 409, status: 'refused', reason: 'Out of stock' });
	});

	it('refuses to answer without a reason, naming the field, and sends nothing', async () => {
		const mock = mockExecuteFunctions({ parameters: { resource: 'orderWebhook', operation: 'respond', answer: 'refuse', reason: ' ' } });
		await expect(runOperations.call(mock.context, resourceOperations)).rejects.toThrow('Reason is required when refusing an order');
		expect(mock.responses).toHaveLength(0);
	});
});
