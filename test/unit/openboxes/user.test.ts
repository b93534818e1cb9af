import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { httpError, type RecordedCall } from '../../helpers/mockContext';
import { request, run, runExpectingError } from './harness';

const user = { username: 'jdoe', firstName: 'Jane', lastName: 'Doe', email: 'jane@example.org', password: 'secret1' };
const roles = [
	{ id: 'r1', roleType: { enumType: 'org.pih.warehouse.core.RoleType', name: 'ROLE_MANAGER' }, name: 'Manager' },
	{ id: 'r2', roleType: 'ROLE_BROWSER', name: 'Browser' },
];

/** A server without POST /api/users: 404 there, the generic API answers. */
const genericOnly = (status = 404) => (call: RecordedCall) => {
	const { method, path } = request(call);
	if (method === 'POST' && path === '/users') return Promise.reject(httpError(status, { errorCode: status, errorMessage: 'Resource not found' }));
	if (path === '/generic/role') return { data: roles };
	return { data: { id: 'u1', username: (call.options.body as { username: string }).username } };
};

describe('OpenBoxes User resource', () => {
	describe('Create', () => {
		it('uses the vendor POST /users endpoint first and unwraps its answer; Active is sent only when added', async () => {
			const { calls, json } = await run({
				parameters: { resource: 'user', operation: 'create', ...user, additionalFields: { roles: ['ROLE_MANAGER'] } },
				respond: () => ({ data: { id: 'u1', username: 'jdoe' } }),
			});
			expect(calls).toHaveLength(1);
			expect(request(calls[0])).toEqual({
				method: 'POST',
				path: '/users',
				urlQuery: [],
				qs: undefined,
				body: { ...user, roles: ['ROLE_MANAGER'] },
			});
			expect(json).toEqual([{ id: 'u1', username: 'jdoe' }]);
		});

		it('falls back to POST /generic/user on 404, with roles looked up by role type and the password confirmed', async () => {
			const { calls, json } = await run({
				parameters: { resource: 'user', operation: 'create', ...user, additionalFields: { roles: ['ROLE_MANAGER', 'ROLE_BROWSER'], active: false } },
				respond: genericOnly(),
			});
			expect(calls.map((c) => `${request(c).method} ${request(c).path}`)).toEqual(['POST /users', 'GET /generic/role', 'POST /generic/user']);
			expect(calls[2].options.body).toEqual({
				...user,
				active: false,
				passwordConfirm: 'secret1',
				roles: [{ id: 'r1' }, { id: 'r2' }],
			});
			expect(json).toEqual([{ id: 'u1', username: 'jdoe' }]);
		});

		it('goes straight to the generic API for later items once the vendor endpoint answered 404', async () => {
			const { calls, json } = await run({
				parameters: [
					{ resource: 'user', operation: 'create', ...user, additionalFields: {} },
					{ resource: 'user', operation: 'create', ...user, username: 'jroe', additionalFields: {} },
				],
				respond: genericOnly(),
			});
			expect(calls.map((c) => `${request(c).method} ${request(c).path}`)).toEqual([
				'POST /users',
				'POST /generic/user',
				'POST /generic/user',
			]);
			expect(json.map((u) => u.username)).toEqual(['jdoe', 'jroe']);
		});

		it('also falls back when the server answers 405 Method not allowed', async () => {
			const { calls } = await run({
				parameters: { resource: 'user', operation: 'create', ...user, additionalFields: {} },
				respond: genericOnly(405),
			});
			expect(calls.map((c) => request(c).path)).toEqual(['/users', '/generic/user']);
			expect(calls[1].options.body).toEqual({ ...user, passwordConfirm: 'secret1' });
		});

		it('does not fall back on other errors', async () => {
			const { error, calls } = await runExpectingError({
				parameters: { resource: 'user', operation: 'create', ...user, additionalFields: {} },
				respond: () => Promise.reject(httpError(400, { errorCode: 400, errorMessage: 'Validation error. username must be unique' })),
			});
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toMatch(/username must be unique/);
			expect(calls).toHaveLength(1);
		});

		it('refuses a role this OpenBoxes does not have before creating the user', async () => {
			const { error, calls } = await runExpectingError({
				parameters: { resource: 'user', operation: 'create', ...user, additionalFields: { roles: ['ROLE_FINANCE'] } },
				respond: genericOnly(),
			});
			expect(error.message).toBe('OpenBoxes has no role ROLE_FINANCE');
			expect(calls.map((c) => request(c).path)).toEqual(['/users', '/generic/role']);
		});

		it.each([
			[{ username: ' ' }, /Username is required/],
			[{ firstName: '' }, /First Name is required/],
			[{ lastName: '' }, /Last Name is required/],
			[{ email: 'jane.example.org' }, /Email "jane.example.org" is not an e-mail address/],
			[{ password: '' }, /Password is required/],
			[{ password: '12345' }, /Password is too short/],
		])('refuses bad input %# before sending anything', async (override, message) => {
			const { error, calls } = await runExpectingError({
				parameters: { resource: 'user', operation: 'create', ...user, ...override, additionalFields: {} },
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(message);
			expect(calls).toHaveLength(0);
		});
	});

	describe('Get Many', () => {
		const users = Array.from({ length: 6 }, (_, i) => ({ id: `u${i}`, username: `user${i}` }));

		it('sends the filters (role types repeated) and applies Limit to the unpaged list', async () => {
			const { calls, json } = await run({
				parameters: {
					resource: 'user',
					operation: 'getAll',
					returnAll: false,
					limit: 4,
					filters: { searchTerm: ' jane doe ', active: false, roleTypes: ['ROLE_ADMIN', 'ROLE_MANAGER'], location: 'L1' },
				},
				respond: () => ({ data: users }),
			});
			expect(request(calls[0])).toEqual({
				method: 'GET',
				path: '/users',
				urlQuery: [
					['roleTypes', 'ROLE_ADMIN'],
					['roleTypes', 'ROLE_MANAGER'],
				],
				qs: { searchTerm: 'jane doe', active: false, location: 'L1' },
				body: undefined,
			});
			expect(json.map((u) => u.id)).toEqual(['u0', 'u1', 'u2', 'u3']);
		});

		it('returns every user with Return All and no filters', async () => {
			const { calls, json } = await run({
				parameters: { resource: 'user', operation: 'getAll', returnAll: true, filters: {} },
				respond: () => ({ data: users }),
			});
			expect(request(calls[0])).toMatchObject({ path: '/users', urlQuery: [], qs: {} });
			expect(json).toHaveLength(6);
		});
	});
});
