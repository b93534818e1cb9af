import { NodeOperationError } from 'n8n-workflow';

import { request, run, runExpectingError } from './harness';

const base = { resource: 'genericApi', resourceName: 'inventoryItem' };

describe('OpenBoxes Generic API resource', () => {
	it('Get reads /generic/:resource/:id and unwraps data', async () => {
		const { calls, json } = await run({
			parameters: { ...base, operation: 'get', recordId: ' ii 1 ' },
			respond: () => ({ data: { id: 'ii 1', lotNumber: 'L1' } }),
		});
		expect(request(calls[0])).toMatchObject({ method: 'GET', path: '/generic/inventoryItem/ii%201' });
		expect(json).toEqual([{ id: 'ii 1', lotNumber: 'L1' }]);
	});

	it('Get Many pages with max/offset and stops at a short page (no totalCount)', async () => {
		const rows = Array.from({ length: 230 }, (_, i) => ({ id: `r${i}` }));
		const { calls, json } = await run({
			parameters: { ...base, operation: 'getAll', returnAll: true, options: { sort: 'dateCreated', order: 'desc' } },
			respond: (call) => {
				const { max, offset } = call.options.qs as { max: number; offset: number };
				return { data: rows.slice(offset, offset + max) };
			},
		});
		expect(calls.map((c) => [request(c).path, c.options.qs])).toEqual(
			[0, 100, 200].map((offset) => ['/generic/inventoryItem', { sort: 'dateCreated', order: 'desc', max: 100, offset }]),
		);
		expect(json).toHaveLength(230);
	});

	it('Get Many with a limit asks for no more than needed', async () => {
		const { calls, json } = await run({
			parameters: { ...base, operation: 'getAll', returnAll: false, limit: 5, options: {} },
			respond: () => ({ data: Array.from({ length: 5 }, (_, i) => ({ id: `r${i}` })) }),
		});
		expect(calls).toHaveLength(1);
		expect(calls[0].options.qs).toEqual({ max: 5, offset: 0 });
		expect(json).toHaveLength(5);
	});

	it('Search POSTs the search attributes and applies Limit to the unpaged answer', async () => {
		const { calls, json } = await run({
			parameters: {
				...base,
				operation: 'search',
				returnAll: false,
				limit: 1,
				searchAttributes: {
					attribute: [
						{ property: ' lotNumber ', operator: 'ilike', value: 'L%' },
						{ property: 'product.id', operator: 'eq', value: 42 },
					],
				},
			},
			respond: () => ({ data: [{ id: 'a' }, { id: 'b' }] }),
		});
		expect(request(calls[0])).toEqual({
			method: 'POST',
			path: '/generic/inventoryItem/search',
			urlQuery: [],
			qs: undefined,
			body: {
				searchAttributes: [
					{ property: 'lotNumber', operator: 'ilike', value: 'L%' },
					{ property: 'product.id', operator: 'eq', value: '42' },
				],
			},
		});
		expect(json).toEqual([{ id: 'a' }]);
	});

	it('Search refuses no attributes, an empty property or an empty value before sending', async () => {
		for (const [searchAttributes, message] of [
			[{}, /Search Attributes is empty/],
			[{ attribute: [{ property: '', operator: 'eq', value: 'x' }] }, /Search Attributes 1: Property is required/],
			[{ attribute: [{ property: 'name', operator: 'eq', value: 'x' }, { property: 'name', operator: 'eq', value: ' ' }] }, /Search Attributes 2: Value is required/],
			[{ attribute: [{ property: 'name', operator: 'eq' }] }, /Search Attributes 1: Value is required/],
			[{ attribute: [{ property: 'name', operator: 'gt', value: 'x' }] }, /Operator "gt"/],
		] as const) {
			const { error, calls } = await runExpectingError({ parameters: { ...base, operation: 'search', returnAll: true, searchAttributes } });
			expect(error.message).toMatch(message);
			expect(calls).toHaveLength(0);
		}
	});

	it('Create POSTs a JSON object and unwraps the created record', async () => {
		const { calls, json } = await run({
			parameters: { ...base, resourceName: 'category', operation: 'create', jsonBody: '{"name": "Vaccines", "parentCategory": {"id": "ROOT"}}' },
			respond: () => ({ data: { id: 'c1', name: 'Vaccines' } }),
		});
		expect(request(calls[0])).toMatchObject({
			method: 'POST',
			path: '/generic/category',
			body: { name: 'Vaccines', parentCategory: { id: 'ROOT' } },
		});
		expect(json).toEqual([{ id: 'c1', name: 'Vaccines' }]);
	});

	it('Create sends a JSON list as it is and outputs one item per created record', async () => {
		const { calls, json } = await run({
			parameters: { ...base, resourceName: 'category', operation: 'create', jsonBody: [{ name: 'A' }, { name: 'B' }] },
			respond: () => ({ data: [{ id: '1', name: 'A' }, { id: '2', name: 'B' }] }),
		});
		expect(calls[0].options.body).toEqual([{ name: 'A' }, { name: 'B' }]);
		expect(json.map((r) => r.id)).toEqual(['1', '2']);
	});

	it.each([
		['{"name": ', /JSON Body is not valid JSON/],
		['', /JSON Body is required/],
		['"text"', /JSON Body must be a JSON object or a list of objects/],
		['[]', /JSON Body is an empty list/],
		['[{"name": "A"}, 3]', /JSON Body entry 2 is not a JSON object/],
		['{}', /JSON Body is an empty object; add the fields to send/],
		['[{"name": "A"}, {}]', /JSON Body entry 2 is an empty object/],
	])('Create refuses the JSON body %p before sending', async (jsonBody, message) => {
		const { error, calls } = await runExpectingError({ parameters: { ...base, operation: 'create', jsonBody } });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(calls).toHaveLength(0);
	});

	it('Update POSTs the JSON object to the record and refuses a list', async () => {
		const { calls, json } = await run({
			parameters: { ...base, operation: 'update', recordId: 'ii1', jsonBody: { lotNumber: 'L2' } },
			respond: () => ({ data: { id: 'ii1', lotNumber: 'L2' } }),
		});
		expect(request(calls[0])).toMatchObject({ method: 'POST', path: '/generic/inventoryItem/ii1', body: { lotNumber: 'L2' } });
		expect(json).toEqual([{ id: 'ii1', lotNumber: 'L2' }]);

		const list = await runExpectingError({ parameters: { ...base, operation: 'update', recordId: 'ii1', jsonBody: '[{"a": 1}]' } });
		expect(list.error.message).toBe('JSON Body must be a JSON object');
		expect(list.calls).toHaveLength(0);

		const empty = await runExpectingError({ parameters: { ...base, operation: 'update', recordId: 'ii1', jsonBody: '{}' } });
		expect(empty.error.message).toBe('JSON Body is an empty object; add the fields to send');
		expect(empty.calls).toHaveLength(0);
	});

	it('Delete sends DELETE and outputs {deleted: true, id, resourceName}', async () => {
		const { calls, json } = await run({ parameters: { ...base, operation: 'delete', recordId: 'ii1' }, respond: () => '' });
		expect(request(calls[0])).toMatchObject({ method: 'DELETE', path: '/generic/inventoryItem/ii1' });
		expect(json).toEqual([{ resourceName: 'inventoryItem', deleted: true, id: 'ii1' }]);
	});

	it.each(['', 'Product', 'inventory-item', 'product/1', 'a'])('refuses the resource name %p before sending', async (resourceName) => {
		const { error, calls } = await runExpectingError({
			parameters: { ...base, resourceName, operation: 'get', recordId: 'x' },
		});
		expect(error.message).toMatch(/Resource Name/);
		expect(calls).toHaveLength(0);
	});

	it('refuses an empty Record ID before sending', async () => {
		const { error, calls } = await runExpectingError({ parameters: { ...base, operation: 'delete', recordId: ' ' } });
		expect(error.message).toBe('Record ID is required');
		expect(calls).toHaveLength(0);
	});
});
