import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RecordedCall } from '../../helpers/mockContext';
import { locator, request, run, runExpectingError } from './harness';

const locationTypes = [
	{ id: '2', name: 'Depot', locationTypeCode: 'DEPOT' },
	{ id: '4', name: 'Supplier', locationTypeCode: 'SUPPLIER' },
	{ id: '7', name: 'Ward', locationTypeCode: 'WARD' },
];

function respondCreate(call: RecordedCall) {
	if (call.options.url.endsWith('/locations/locationTypes')) return { data: locationTypes };
	return { data: { id: 'new', ...(call.options.body as object) } };
}

describe('OpenBoxes Location resource', () => {
	describe('Create', () => {
		it('POSTs name, type, organization and the added fields with the address nested', async () => {
			const { calls, json } = await run({
				parameters: {
					resource: 'location',
					operation: 'create',
					name: ' Boston Depot ',
					locationTypeId: '2',
					organizationId: 'org1',
					additionalFields: { locationNumber: 'BOS', active: true, city: 'Boston', country: 'US', address: '1 Main St', description: '' },
				},
				respond: respondCreate,
			});
			// An organization is given, so the type does not need to be looked up.
			expect(calls).toHaveLength(1);
			expect(request(calls[0])).toEqual({
				method: 'POST',
				path: '/locations',
				urlQuery: [],
				qs: undefined,
				body: {
					name: 'Boston Depot',
					locationType: { id: '2' },
					organization: { id: 'org1' },
					locationNumber: 'BOS',
					active: true,
					address: { city: 'Boston', country: 'US', address: '1 Main St' },
				},
			});
			expect(json[0]).toMatchObject({ id: 'new', name: 'Boston Depot' });
		});

		it.each([['2', 'DEPOT'], ['4', 'SUPPLIER']])(
			'refuses type %s (%s) without an Organization ID before creating anything',
			async (typeId, code) => {
				const { error, calls } = await runExpectingError({
					parameters: { resource: 'location', operation: 'create', name: 'X', locationTypeId: typeId, organizationId: ' ', additionalFields: {} },
					respond: respondCreate,
				});
				expect(error).toBeInstanceOf(NodeOperationError);
				expect(error.message).toBe(`Organization ID is required for a location of type ${code}`);
				expect(calls.map((c) => request(c).method + ' ' + request(c).path)).toEqual(['GET /locations/locationTypes']);
			},
		);

		it('creates a Ward without an organization after checking its type', async () => {
			const { calls } = await run({
				parameters: { resource: 'location', operation: 'create', name: 'Ward 3', locationTypeId: '7', organizationId: '', additionalFields: {} },
				respond: respondCreate,
			});
			expect(calls.map((c) => request(c).method + ' ' + request(c).path)).toEqual(['GET /locations/locationTypes', 'POST /locations']);
			expect(calls[1].options.body).toEqual({ name: 'Ward 3', locationType: { id: '7' } });
		});

		it('refuses an empty name or type without sending anything', async () => {
			for (const parameters of [
				{ name: '', locationTypeId: '7' },
				{ name: 'Ward', locationTypeId: '' },
			]) {
				const { error, calls } = await runExpectingError({
					parameters: { resource: 'location', operation: 'create', organizationId: '', additionalFields: {}, ...parameters },
				});
				expect(error.message).toMatch(/(Name|Location Type) is required/);
				expect(calls).toHaveLength(0);
			}
		});
	});

	describe('Get', () => {
		it('unwraps data', async () => {
			const { calls, json } = await run({
				parameters: { resource: 'location', operation: 'get', locationId: locator('L1') },
				respond: () => ({ data: { id: 'L1', name: 'Boston' } }),
			});
			expect(request(calls[0])).toMatchObject({ method: 'GET', path: '/locations/L1' });
			expect(json).toEqual([{ id: 'L1', name: 'Boston' }]);
		});

		it('turns OpenBoxes\' {"data": null} for an unknown ID into a not-found API error', async () => {
			const { error } = await runExpectingError({
				parameters: { resource: 'location', operation: 'get', locationId: locator('nope', 'id') },
				respond: () => ({ data: null }),
			});
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toBe('No location with ID "nope"');
			expect(error.httpCode).toBe('404');
		});
	});

	describe('Get Many', () => {
		const locations = Array.from({ length: 7 }, (_, i) => ({ id: `L${i}`, name: `Depot ${i}` }));

		it('sends the filters (activity codes repeated) and applies Limit to the unpaged list', async () => {
			const { calls, json } = await run({
				parameters: {
					resource: 'location',
					operation: 'getAll',
					returnAll: false,
					limit: 3,
					filters: { name: ' bos ', locationTypeCode: 'DEPOT', activityCodes: ['MANAGE_INVENTORY', 'RECEIVE_STOCK'] },
				},
				respond: () => ({ data: locations }),
			});
			expect(calls).toHaveLength(1);
			expect(request(calls[0])).toEqual({
				method: 'GET',
				path: '/locations',
				urlQuery: [
					['activityCodes', 'MANAGE_INVENTORY'],
					['activityCodes', 'RECEIVE_STOCK'],
				],
				qs: { name: 'bos', locationTypeCode: 'DEPOT' },
				body: undefined,
			});
			expect(json.map((l) => l.id)).toEqual(['L0', 'L1', 'L2']);
		});

		it('returns the whole list with Return All and no filters', async () => {
			const { calls, json } = await run({
				parameters: { resource: 'location', operation: 'getAll', returnAll: true, filters: {} },
				respond: () => ({ data: locations }),
			});
			expect(request(calls[0])).toMatchObject({ path: '/locations', urlQuery: [], qs: {} });
			expect(json).toHaveLength(7);
		});

		it('refuses a name filter under 3 characters before sending', async () => {
			const { error, calls } = await runExpectingError({
				parameters: { resource: 'location', operation: 'getAll', returnAll: true, filters: { name: 'bo' } },
			});
			expect(error.message).toMatch(/Name "bo" is too short/);
			expect(calls).toHaveLength(0);
		});
	});

	describe('Update', () => {
		it('POSTs the changed fields to /locations/:id and unwraps data', async () => {
			const { calls, json } = await run({
				parameters: {
					resource: 'location',
					operation: 'update',
					locationId: locator('L1'),
					updateFields: { name: 'Boston HQ', locationTypeId: '2', organizationId: 'org1', postalCode: '', active: false },
				},
				respond: () => ({ data: { id: 'L1', name: 'Boston HQ' } }),
			});
			expect(request(calls[0])).toEqual({
				method: 'POST',
				path: '/locations/L1',
				urlQuery: [],
				qs: undefined,
				body: { name: 'Boston HQ', locationType: { id: '2' }, organization: { id: 'org1' }, active: false, address: { postalCode: '' } },
			});
			expect(json).toEqual([{ id: 'L1', name: 'Boston HQ' }]);
		});

		it('refuses empty Update Fields before sending', async () => {
			const { error, calls } = await runExpectingError({
				parameters: { resource: 'location', operation: 'update', locationId: locator('L1'), updateFields: {} },
			});
			expect(error.message).toMatch(/Update Fields is empty/);
			expect(calls).toHaveLength(0);
		});
	});

	it('Delete sends DELETE and outputs {deleted: true, id}', async () => {
		const { calls, json } = await run({
			parameters: { resource: 'location', operation: 'delete', locationId: locator('L9', 'id') },
			respond: () => undefined,
		});
		expect(request(calls[0])).toMatchObject({ method: 'DELETE', path: '/locations/L9' });
		expect(json).toEqual([{ deleted: true, id: 'L9' }]);
	});
});
