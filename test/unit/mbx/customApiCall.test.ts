import { NodeOperationError } from 'n8n-workflow';

import * as customApiCall from '../../../nodes/Mbx/actions/customApiCall';
import { httpError } from '../../helpers/mockContext';
import { qOf, run, runExpectingError } from './resourceHarness';

const params = (overrides: Record<string, unknown> = {}) => ({
	resource: 'customApiCall',
	operation: 'request',
	method: 'GET',
	path: '/v2/items',
	query: '',
	body: '{}',
	...overrides,
});

describe('MBX Custom API Call', () => {
	it('tells the user the request is signed for them', () => {
		const [selector, ...fields] = customApiCall.description;
		expect(selector.options).toEqual([
			expect.objectContaining({
				value: 'request',
				description: 'Call any MBX endpoint with your credential; the request is signed for you',
			}),
		]);
		expect(fields.map((f) => [f.name, f.type])).toEqual([
			['method', 'options'],
			['path', 'string'],
			['query', 'json'],
			['body', 'json'],
		]);
		expect(fields[3].displayOptions?.show?.method).toEqual(['POST', 'PUT']);
	});

	it('GET sends the path through the signed MBX transport, without body or q', async () => {
		const answer = { count: 1, total_results: 1, offset: 0, results: [{ id: 1 }] };
		const { calls, output } = await run({ parameters: params(), respond: () => answer });
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			credentialType: 'mbxHmacApi',
			options: { method: 'GET', url: '/v2/items', baseURL: 'http://mbx.test', json: true },
		});
		expect(calls[0].options.body).toBeUndefined();
		expect(output).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});

	it('sends Query as the URI-escaped q parameter', async () => {
		const { calls } = await run({
			parameters: params({ query: '{"limit": 5, "filters": {"stocked": true}}' }),
			respond: () => ({}),
		});
		expect(calls[0].options.url).toBe(
			`/v2/items?q=${encodeURIComponent(JSON.stringify({ limit: 5, filters: { stocked: true } }))}`,
		);
		expect(qOf(calls[0].options.url)).toEqual({ limit: 5, filters: { stocked: true } });
	});

	it('accepts Query already given as an object (from an expression)', async () => {
		const { calls } = await run({ parameters: params({ query: { offset: 10 } }), respond: () => ({}) });
		expect(qOf(calls[0].options.url)).toEqual({ offset: 10 });
	});

	it.each(['POST', 'PUT'])('%s sends the JSON body', async (method) => {
		const { calls } = await run({
			parameters: params({ method, path: ' /v2/serial_data ', body: '{"manufacturer_serial": "1", "value": "x"}' }),
			respond: () => ({ id: 3 }),
		});
		expect(calls[0].options).toMatchObject({ method, url: '/v2/serial_data' });
		expect(calls[0].options.body).toEqual({ manufacturer_serial: '1', value: 'x' });
	});

	it('DELETE sends no body even when one is filled in', async () => {
		const { calls, output } = await run({
			parameters: params({ method: 'DELETE', path: '/v2/customer_order_submissions/12', body: '{"x": 1}' }),
			respond: () => undefined,
		});
		expect(calls[0].options).toMatchObject({ method: 'DELETE', url: '/v2/customer_order_submissions/12' });
		expect(calls[0].options.body).toBeUndefined();
		expect(output[0].json).toEqual({ success: true });
	});

	it('returns one item per object when MBX answers with a list, and wraps plain text', async () => {
		const list = await run({ parameters: params(), respond: () => [{ id: 1 }, { id: 2 }] });
		expect(list.output.map((o) => o.json)).toEqual([{ id: 1 }, { id: 2 }]);
		const text = await run({ parameters: params({ path: '/v2/authenticate' }), respond: () => 'Successfully authenticated as Demo' });
		expect(text.output[0].json).toEqual({ data: 'Successfully authenticated as Demo' });
	});

	it.each([
		[{ path: 'v2/items' }, 'Path', 'Path must start with /v2/ and name an endpoint, e.g. /v2/items, got "v2/items"'],
		[{ path: '/v1/items' }, 'Path', 'Path must start with /v2/ and name an endpoint, e.g. /v2/items, got "/v1/items"'],
		[{ path: '/v2/' }, 'Path', 'Path must start with /v2/ and name an endpoint, e.g. /v2/items, got "/v2/"'],
		[{ path: 'https://api.mbx.com/v2/items' }, 'Path', 'Path must start with /v2/ and name an endpoint, e.g. /v2/items, got "https://api.mbx.com/v2/items"'],
		[{ path: '/v2/items?q={}' }, 'Path', 'Path cannot contain spaces, "?" or "#": put list options in the Query field instead'],
		[{ path: '/v2/../oauth/token' }, 'Path', 'Path cannot contain "." or ".." segments'],
		[{ query: '{limit: 5}' }, 'Query', 'Query is not valid JSON'],
		[{ query: '[1, 2]' }, 'Query', 'Query must be a JSON object, like {"key": "value"}'],
		[{ query: '5' }, 'Query', 'Query must be a JSON object, like {"key": "value"}'],
		[{ method: 'POST', body: '{"a": 1,}' }, 'Body', 'Body is not valid JSON'],
		[{ method: 'PUT', body: 'null' }, 'Body', 'Body must be a JSON object, like {"key": "value"}'],
		[{ method: 'PATCH' }, 'Method', 'Method must be one of DELETE, GET, POST, PUT, got "PATCH"'],
	])('rejects %p naming the %s field, before any request', async (overrides, field, message) => {
		const { error, calls } = await runExpectingError({ parameters: params(overrides) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message.startsWith(message)).toBe(true);
		expect(error.description).toBe(`Check the "${field}" field.`);
		expect(calls).toHaveLength(0);
	});

	it('an empty POST body is sent as {}', async () => {
		const { calls } = await run({ parameters: params({ method: 'POST', body: '  ' }), respond: () => ({}) });
		expect(calls[0].options.body).toEqual({});
	});

	it('reports the MBX message of an error answer', async () => {
		const { error } = await runExpectingError({
			parameters: params({ path: '/v2/nothing' }),
			respond: () => Promise.reject(httpError(404, { errors: ['Not found'] })),
		});
		expect(error.message).toBe('Not found');
	});
});
