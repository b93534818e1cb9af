import { NodeOperationError } from 'n8n-workflow';

import { Mbx } from '../../../nodes/Mbx/Mbx.node';
import { MBX_PAGE_SIZE } from '../../../nodes/Mbx/transport';
import { httpError, mockExecuteFunctions } from '../../helpers/mockContext';

const credentials = { mbxHmacApi: { environment: 'custom', customBaseUrl: 'http://mbx.test/', publicToken: 'p', secretToken: 's' } };
// More than two MBX pages (the last one short), so Return All has to page.
const countries = Array.from({ length: 2 * MBX_PAGE_SIZE + 49 }, (_, i) => ({ id: i + 1, iso_code: `C${i}`, name: `Country ${i}` }));

function listResponder(q: { limit: number; offset: number }) {
	const results = countries.slice(q.offset, q.offset + q.limit);
	return { count: results.length, total_results: countries.length, offset: q.offset, results };
}

function qOf(url: string): { limit: number; offset: number; [filter: string]: unknown } {
	return JSON.parse(decodeURIComponent(url.split('?q=')[1]));
}

describe('MBX node: Country', () => {
	it('Get Many with Return All pages with q limit/offset until total_results', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'country', operation: 'getAll', returnAll: true, filters: {} },
			credentials,
			respond: (call) => listResponder(qOf(call.options.url)),
		});
		const [output] = await new Mbx().execute.call(context);
		expect(output).toHaveLength(countries.length);
		expect(output.map((o) => o.json)).toEqual(countries);
		expect(calls.map((c) => qOf(c.options.url))).toEqual([
			{ limit: MBX_PAGE_SIZE, offset: 0 },
			{ limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE },
			{ limit: MBX_PAGE_SIZE, offset: 2 * MBX_PAGE_SIZE },
		]);
		expect(calls[0]).toMatchObject({ credentialType: 'mbxHmacApi', options: { method: 'GET', baseURL: 'http://mbx.test' } });
		expect(calls[0].options.url.startsWith('/v2/countries?q=%7B')).toBe(true);
		expect(calls[0].options.qs).toBeUndefined();
	});

	it('Get Many with a limit asks for no more than needed', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'country', operation: 'getAll', returnAll: false, limit: 5, filters: {} },
			credentials,
			respond: (call) => listResponder(qOf(call.options.url)),
		});
		const [output] = await new Mbx().execute.call(context);
		expect(output).toHaveLength(5);
		expect(qOf(calls[0].options.url)).toEqual({ limit: 5, offset: 0 });
	});

	it('Get Many sends the ISO code upper case as a key of q and keeps only that country', async () => {
		const canada = { id: 39, iso_code: 'CA', name: 'Canada' };
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'country', operation: 'getAll', returnAll: false, limit: 5, filters: { iso_code: ' ca ', name: '' } },
			credentials,
			// A server that ignores the filter: the node still returns Canada alone.
			respond: (call) => {
				const q = qOf(call.options.url);
				const rows = [...countries.slice(0, 38), canada, ...countries.slice(38)];
				const results = rows.slice(q.offset, q.offset + q.limit);
				return { count: results.length, total_results: rows.length, offset: q.offset, results };
			},
		});
		const [output] = await new Mbx().execute.call(context);
		expect(output.map((o) => o.json)).toEqual([canada]);
		expect(qOf(calls[0].options.url)).toEqual({ limit: MBX_PAGE_SIZE, offset: 0, iso_code: 'CA' });
	});

	it('Get fetches /v2/countries/{id} and returns the object', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'country', operation: 'get', countryId: 39 },
			credentials,
			respond: () => ({ id: 39, iso_code: 'CA', name: 'Canada' }),
		});
		const [output] = await new Mbx().execute.call(context);
		expect(calls[0].options.url).toBe('/v2/countries/39');
		expect(output).toEqual([{ json: { id: 39, iso_code: 'CA', name: 'Canada' }, pairedItem: { item: 0 } }]);
	});

	it.each([
		['picked from the list', { __rl: true, mode: 'list', value: '39' }],
		['typed By ID', { __rl: true, mode: 'id', value: ' 39 ' }],
		['given as plain text, as an expression gives it', '39'],
	])('Get reads the country %s', async (_how, countryId) => {
		const { context, calls } = mockExecuteFunctions({ parameters: { resource: 'country', operation: 'get', countryId }, credentials, respond: () => ({ id: 39 }) });
		await new Mbx().execute.call(context);
		expect(calls[0].options.url).toBe('/v2/countries/39');
	});

	it('offers Country as a picker: a searchable list of countries, or an MBX ID', () => {
		const property = new Mbx().description.properties.find(
			(p) => p.name === 'countryId' && p.displayOptions?.show?.resource?.includes('country'),
		);
		expect(property).toMatchObject({ displayName: 'Country', type: 'resourceLocator', required: true, default: { mode: 'list', value: '' } });
		expect(property?.modes?.map((mode) => [mode.name, mode.typeOptions?.searchListMethod])).toEqual([
			['list', 'searchCountries'],
			['id', undefined],
		]);
		expect(property?.description).toMatch(/not the ISO code/);
	});

	it('rejects a bad Country ID by name before sending anything', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'country', operation: 'get', countryId: { __rl: true, mode: 'id', value: 'abc' } },
			credentials,
		});
		const run = new Mbx().execute.call(context);
		await expect(run).rejects.toBeInstanceOf(NodeOperationError);
		await expect(run).rejects.toThrow('Country must be a whole number of 1 or more, got "abc"');
		expect(calls).toHaveLength(0);
	});

	it('explains a refused signature in terms of the credential fields', async () => {
		const { context } = mockExecuteFunctions({
			parameters: { resource: 'country', operation: 'get', countryId: 1 },
			credentials,
			respond: () => Promise.reject(httpError(401, { errors: ['Signature does not match'] })),
		});
		const error = (await new Mbx().execute.call(context).catch((e: unknown) => e)) as Error & { description?: string };
		expect(error.message).toBe('Signature does not match');
		expect(error.description).toMatch(/Check the Public Token and Secret Token/);

		const clock = mockExecuteFunctions({
			parameters: { resource: 'country', operation: 'get', countryId: 1 },
			credentials,
			respond: () => Promise.reject(httpError(401, { errors: ['X-Date is outside the allowed clock skew'] })),
		});
		const clockError = (await new Mbx().execute.call(clock.context).catch((e: unknown) => e)) as Error & { description?: string };
		expect(clockError.description).toMatch(/clock of the computer running n8n/);
	});

	it('reports the vendor message of an MBX error', async () => {
		const { context } = mockExecuteFunctions({
			parameters: { resource: 'country', operation: 'get', countryId: 999 },
			credentials,
			respond: () => Promise.reject(httpError(404, { errors: ["Couldn't find Country with 'id'=999"] })),
		});
		await expect(new Mbx().execute.call(context)).rejects.toThrow("Couldn't find Country with 'id'=999");
	});
});
