import { Workflow, type ICredentialsDecrypted, type ICredentialTestFunctions, type IDataObject, type INode, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { ApicbaseAccessTokenApi } from '../../../credentials/ApicbaseAccessTokenApi.credentials';
import { ApicbaseOAuth2Api } from '../../../credentials/ApicbaseOAuth2Api.credentials';
import { ApicbaseWebhookApi } from '../../../credentials/ApicbaseWebhookApi.credentials';
import { ApicbaseSupplierTrigger } from '../../../nodes/Apicbase/ApicbaseSupplierTrigger.node';

/** Resolves a credential's `={{…}}` defaults with n8n's own expression engine, `$self` = the data. */
async function resolve(properties: INodeProperties[], values: IDataObject): Promise<IDataObject> {
	const data: IDataObject = Object.fromEntries(properties.map((p) => [p.name, p.default]));
	Object.assign(data, values);
	const node: INode = { id: '1', name: 'Mock', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodeType = { description: { properties: [] } };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as never,
	});
	const expression = workflow.expression as unknown as { acquireIsolate?: () => Promise<void>; releaseIsolate?: () => Promise<void> };
	await expression.acquireIsolate?.();
	try {
		return workflow.expression.getComplexParameterValue(node, data as INodeParameters, 'internal', {}, undefined, undefined, data) as IDataObject;
	} finally {
		await expression.releaseIsolate?.();
	}
}

describe('Apicbase OAuth2 API credential', () => {
	const credential = new ApicbaseOAuth2Api();

	it('is an authorization-code OAuth2 credential with the client secret in the body', async () => {
		expect(credential.name).toBe('apicbaseOAuth2Api');
		expect(credential.extends).toEqual(['oAuth2Api']);
		const resolved = await resolve(credential.properties, { environment: 'https://api.apicbase.com' });
		expect(resolved).toMatchObject({ grantType: 'authorizationCode', authentication: 'body', authQueryParameters: '' });
		expect(credential.properties.filter((p) => ['grantType', 'authUrl', 'accessTokenUrl', 'scope', 'authentication'].includes(p.name)).every((p) => p.type === 'hidden')).toBe(true);
	});

	it('uses the app host to authorize and the API host for tokens in production', async () => {
		const resolved = await resolve(credential.properties, { environment: 'https://api.apicbase.com' });
		expect(resolved.authUrl).toBe('https://app.apicbase.com/oauth/authorize/');
		expect(resolved.accessTokenUrl).toBe('https://api.apicbase.com/oauth/token/');
	});

	it('uses the custom base URL for both, without a doubled slash', async () => {
		const resolved = await resolve(credential.properties, { environment: 'custom', customBaseUrl: 'http://localhost:4030/' });
		expect(resolved.authUrl).toBe('http://localhost:4030/oauth/authorize/');
		expect(resolved.accessTokenUrl).toBe('http://localhost:4030/oauth/token/');
	});

	it('joins the chosen scopes with spaces', async () => {
		expect((await resolve(credential.properties, { scopes: ['accounts', 'procurement'] })).scope).toBe('accounts procurement');
		expect((await resolve(credential.properties, { scopes: [] })).scope).toBe('');
		expect((await resolve(credential.properties, {})).scope).toBe('accounts inventory library media procurement sales');
		const options = credential.properties.find((p) => p.name === 'scopes')?.options as Array<{ value: string }>;
		expect(options.map((o) => o.value).sort()).toEqual(['accounts', 'inventory', 'library', 'media', 'procurement', 'sales']);
	});
});

describe('Apicbase Access Token API credential', () => {
	const credential = new ApicbaseAccessTokenApi();

	it('sends the token as a bearer header and tests with the user list', () => {
		expect(credential.name).toBe('apicbaseAccessTokenApi');
		expect(credential.authenticate).toEqual({ type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } } });
		expect(credential.test.request).toMatchObject({ url: '/api/v2/accounts/users', method: 'GET' });
		expect(credential.properties.map((p) => p.name)).toEqual(['environment', 'customBaseUrl', 'accessToken', 'testNotice']);
	});

	it('resolves the base URL of the chosen environment for the test', async () => {
		// The test request's base URL reads $credentials; resolve it with the same engine.
		const baseURL = (credential.test.request.baseURL as string).replace(/\$credentials/g, '$self');
		const production = await resolve([], { baseURL, environment: 'https://api.apicbase.com' });
		expect(production.baseURL).toBe('https://api.apicbase.com');
		const custom = await resolve([], { baseURL, environment: 'custom', customBaseUrl: 'http://localhost:4030//' });
		expect(custom.baseURL).toBe('http://localhost:4030');
	});
});

describe('Apicbase Webhook Secret API credential', () => {
	const test = new ApicbaseSupplierTrigger().methods.credentialTest.apicbaseWebhookSecretTest;
	const run = async (secret: unknown) =>
		await test.call({} as ICredentialTestFunctions, { id: '1', name: 'c', type: 'apicbaseWebhookApi', data: { secret } } as ICredentialsDecrypted);

	it('has one password field, tested by the trigger', () => {
		const credential = new ApicbaseWebhookApi();
		expect(credential.name).toBe('apicbaseWebhookApi');
		expect(credential.properties).toEqual([expect.objectContaining({ name: 'secret', typeOptions: { password: true } })]);
		const usage = new ApicbaseSupplierTrigger().description.credentials?.find((c) => c.name === 'apicbaseWebhookApi');
		expect(usage?.testedBy).toBe('apicbaseWebhookSecretTest');
	});

	it.each([
		['', 'Error'],
		[undefined, 'Error'],
		[' demo-supplier-secret', 'Error'],
		['demo-supplier-secret\n', 'Error'],
		['demo-supplier\tsecret', 'Error'],
		['short', 'Error'],
		['demo-supplier-secret', 'OK'],
		['a'.repeat(128), 'OK'],
	])('checks %j → %s', async (secret, status) => {
		expect((await run(secret)).status).toBe(status);
	});
});
