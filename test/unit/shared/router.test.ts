import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { runOperations } from '../../../nodes/shared/router';
import { mockExecuteFunctions } from '../../helpers/mockContext';

const node = { name: 'x' } as INode;

const resources = {
	thing: {
		list: {
			description: [],
			async execute(itemIndex: number) {
				return [{ n: itemIndex, a: 1 }, { n: itemIndex, a: 2 }];
			},
		},
		failOperation: {
			description: [],
			async execute() {
				throw new NodeOperationError(node, 'Bad input in "Field"');
			},
		},
		failApi: {
			description: [],
			async execute() {
				throw new NodeApiError(node, { message: 'vendor said no' }, { httpCode: '400', message: 'vendor said no' });
			},
		},
		binary: {
			description: [],
			async execute() {
				return [{ json: { file: true }, binary: { data: { data: 'eA==', mimeType: 'text/csv' } } }];
			},
		},
	},
};

describe('runOperations', () => {
	it('runs the operation per item and pairs every output with its input', async () => {
		const { context } = mockExecuteFunctions({
			parameters: [
				{ resource: 'thing', operation: 'list' },
				{ resource: 'thing', operation: 'list' },
			],
		});
		const [output] = await runOperations.call(context, resources);
		expect(output.map((item) => [item.json.n, item.json.a, item.pairedItem])).toEqual([
			[0, 1, { item: 0 }],
			[0, 2, { item: 0 }],
			[1, 1, { item: 1 }],
			[1, 2, { item: 1 }],
		]);
	});

	it('passes ready-made items (binary) through, paired', async () => {
		const { context } = mockExecuteFunctions({ parameters: { resource: 'thing', operation: 'binary' } });
		const [output] = await runOperations.call(context, resources);
		expect(output[0].binary?.data.mimeType).toBe('text/csv');
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('turns failures into error items when Continue On Fail is on', async () => {
		const { context } = mockExecuteFunctions({
			parameters: [
				{ resource: 'thing', operation: 'failApi' },
				{ resource: 'thing', operation: 'list' },
			],
			continueOnFail: true,
		});
		const [output] = await runOperations.call(context, resources);
		expect(output[0]).toEqual({ json: { error: 'vendor said no' }, pairedItem: { item: 0 } });
		expect(output).toHaveLength(3);
	});

	it('rethrows node errors unchanged and rejects unknown operations by name', async () => {
		const api = mockExecuteFunctions({ parameters: { resource: 'thing', operation: 'failApi' } });
		await expect(runOperations.call(api.context, resources)).rejects.toThrow('vendor said no');
		const op = mockExecuteFunctions({ parameters: { resource: 'thing', operation: 'failOperation' } });
		await expect(runOperations.call(op.context, resources)).rejects.toBeInstanceOf(NodeOperationError);
		const unknown = mockExecuteFunctions({ parameters: { resource: 'thing', operation: 'nope' } });
		await expect(runOperations.call(unknown.context, resources)).rejects.toThrow('The operation "nope" is not available for "thing"');
	});
});
