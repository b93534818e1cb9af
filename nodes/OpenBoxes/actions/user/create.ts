import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldError, requiredStringParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataList, multiValues } from '../../helpers';
import { isObject, trimmed } from '../../../shared/values';
import { isEmail, ROLE_TYPES } from './fields';

const show = { resource: ['user'], operation: ['create'] };

const MIN_PASSWORD_LENGTH = 6;

export const description: INodeProperties[] = [
	{
		displayName:
			"Needs the Manager role or higher. Servers without OpenBoxes' user endpoint (the open-source edition) get the user through the generic API instead.",
		name: 'createNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. jmiranda',
		description: 'The name the person logs in with; it must not be taken yet',
		displayOptions: { show },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'name@email.com',
		displayOptions: { show },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The first password of the user, at least 6 characters',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'boolean',
				default: true,
				description: 'Whether the user can log in',
				hint: 'Add this to decide it yourself. Left out, nothing is sent and OpenBoxes decides: its user endpoint (hosted OpenBoxes) makes the user active, its generic API inactive.',
			},
			{
				displayName: 'Roles',
				name: 'roles',
				type: 'multiOptions',
				options: ROLE_TYPES,
				default: [],
				description: 'Roles the user has at every location',
			},
		],
	},
];

/** Contexts (executions) whose server turned out to have no POST /api/users; items after the first go straight to the generic API. */
const withoutUserEndpoint = new WeakSet<object>();

function isMissingEndpoint(error: unknown): boolean {
	return error instanceof NodeApiError && (error.httpCode === '404' || error.httpCode === '405');
}

/** The name of a role type as the generic API renders it: a plain string or {"enumType","name"}. */
function roleTypeName(raw: unknown): string {
	if (isObject(raw)) return trimmed(raw.name);
	return trimmed(raw);
}

/** The generic API binds roles by record ID, so the role records are looked up by role type. */
async function roleIds(context: IExecuteFunctions, roles: string[], itemIndex: number): Promise<IDataObject[]> {
	if (roles.length === 0) return [];
	const response = await openBoxesRequest.call(context, 'GET', OPENBOXES_PATHS.genericRoles, { itemIndex });
	const byType = new Map(dataList(response).map((role) => [roleTypeName(role.roleType), String(role.id)]));
	const missing = roles.filter((role) => !byType.has(role));
	if (missing.length > 0) {
		throw fieldError(
			context,
			`OpenBoxes has no role ${missing.join(', ')}`,
			'Roles',
			itemIndex,
			'Remove the roles this OpenBoxes does not have from "Roles".',
		);
	}
	return roles.map((role) => ({ id: byType.get(role) as string }));
}

function unwrapUser(response: unknown): IDataObject {
	if (!isObject(response)) return {};
	if (isObject(response.data)) return response.data;
	if (isObject(response.user)) return response.user;
	return response;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const username = requiredStringParameter(this, 'username', 'Username', itemIndex);
	const firstName = requiredStringParameter(this, 'firstName', 'First Name', itemIndex);
	const lastName = requiredStringParameter(this, 'lastName', 'Last Name', itemIndex);
	const email = requiredStringParameter(this, 'email', 'Email', itemIndex);
	if (!isEmail(email)) {
		throw fieldError(this, `Email "${email}" is not an e-mail address`, 'Email', itemIndex, 'Use an address such as name@example.com in the "Email" field.');
	}
	const password = String(this.getNodeParameter('password', itemIndex, '') ?? '');
	if (password.length < MIN_PASSWORD_LENGTH) {
		throw fieldError(
			this,
			password === '' ? 'Password is required' : `Password is too short: OpenBoxes needs at least ${MIN_PASSWORD_LENGTH} characters`,
			'Password',
			itemIndex,
		);
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const roles = multiValues(additional.roles);
	const user: IDataObject = { username, firstName, lastName, email, password };
	// Sent only when the builder added it; otherwise OpenBoxes' own default applies.
	if (additional.active !== undefined && additional.active !== null) user.active = additional.active === true || additional.active === 'true';

	if (!withoutUserEndpoint.has(this)) {
		let missing = false;
		const response = await openBoxesRequest
			.call(this, 'POST', OPENBOXES_PATHS.users, { body: { ...user, ...(roles.length ? { roles } : {}) }, itemIndex })
			.catch(async (error: unknown) => {
				if (!isMissingEndpoint(error)) return await Promise.reject(error);
				missing = true;
				return undefined;
			});
		if (!missing) return unwrapUser(response);
		withoutUserEndpoint.add(this);
	}

	const body: IDataObject = { ...user, passwordConfirm: password };
	const roleRecords = await roleIds(this, roles, itemIndex);
	if (roleRecords.length) body.roles = roleRecords;
	const response = await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.genericUsers, { body, itemIndex });
	return unwrapUser(response);
}
