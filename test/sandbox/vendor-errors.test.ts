/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * Issue 12, items 4 and 5, end to end against the sandboxes: the real node operations, their
 * requests sent through n8n-core's own httpRequestWithAuthentication (test/helpers/liveContext.ts).
 *
 * 4. Nested vendor errors reach the error panel as `path: message` lines, never `[object Object]`.
 * 5. A refused login says so and names the credential fields to check; only a request that got
 *    no answer says the service could not be reached. No secret ever appears in an error.
 */
import { createServer, type AddressInfo } from 'node:net';

import type { IDataObject, INodeType } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ApicbaseAccessTokenApi } from '../../credentials/ApicbaseAccessTokenApi.credentials';
import { ApicbaseSupplierApi } from '../../credentials/ApicbaseSupplierApi.credentials';
import { MbxHmacApi } from '../../credentials/MbxHmacApi.credentials';
import { OpenBoxesApi } from '../../credentials/OpenBoxesApi.credentials';
import { OpenBoxesApiKeyApi } from '../../credentials/OpenBoxesApiKeyApi.credentials';
import { Apicbase } from '../../nodes/Apicbase/Apicbase.node';
import { ApicbaseSupplier } from '../../nodes/Apicbase/ApicbaseSupplier.node';
import { Mbx } from '../../nodes/Mbx/Mbx.node';
import { OpenBoxes } from '../../nodes/OpenBoxes/OpenBoxes.node';
import { runNode, testCredential, type LiveOptions } from '../helpers/liveContext';
import { APICBASE_DEMO, ApicbaseSandbox } from './apicbase/server';
import { MbxSandbox } from './mbx/server';
import { MBX_DEMO } from './mbx/seed';
import { OPENBOXES_DEMO, OpenBoxesSandbox } from './openboxes/server';

const apicbase = new ApicbaseSandbox();
const mbx = new MbxSandbox();
const openBoxes = new OpenBoxesSandbox();
/** A port nothing listens on: a real connection refusal. */
let closedPort = 0;

beforeAll(async () => {
	await Promise.all([apicbase.start(0), mbx.start(0), openBoxes.start(0)]);
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	closedPort = (probe.address() as AddressInfo).port;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
	await Promise.all([apicbase.stop(), mbx.stop(), openBoxes.stop()]);
});
beforeEach(() => {
	apicbase.reset();
	mbx.reset();
	openBoxes.reset();
});

const INVALID_PK = (id: string) => `Invalid pk "${id}" - object does not exist.`;

/** Runs the node; it must fail with a NodeApiError, which is returned with everything it would log. */
async function failure(nodeType: INodeType, options: LiveOptions) {
	let thrown: unknown;
	try {
		await runNode(nodeType, options);
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(NodeApiError);
	const error = thrown as NodeApiError;
	const shown = `${error.message}\n${error.description ?? ''}`;
	// Everything n8n could store or show about the error, for the secret checks.
	const logged = JSON.stringify({ message: error.message, description: error.description, context: error.context, messages: error.messages, cause: error.cause, errorResponse: (error as { errorResponse?: unknown }).errorResponse });
	expect(shown).not.toContain('[object Object]');
	return { error, shown, logged };
}

const apicbaseSupplier = (overrides: IDataObject = {}): IDataObject => ({
	environment: 'custom',
	customBaseUrl: apicbase.url,
	clientId: APICBASE_DEMO.supplierClientId,
	clientSecret: APICBASE_DEMO.supplierClientSecret,
	accessToken: '',
	...overrides,
});
const supplierRun = (parameters: IDataObject, credentials = apicbaseSupplier()): LiveOptions => ({
	parameters,
	credentials: { apicbaseSupplierApi: credentials },
	credentialTypes: { apicbaseSupplierApi: new ApicbaseSupplierApi() },
});

const openBoxesLogin = (overrides: IDataObject = {}): IDataObject => ({
	baseUrl: `${openBoxes.url}/openboxes/`,
	username: OPENBOXES_DEMO.username,
	password: OPENBOXES_DEMO.password,
	location: OPENBOXES_DEMO.locationId,
	sessionCookie: '',
	...overrides,
});
const openBoxesRun = (parameters: IDataObject, credentials = openBoxesLogin()): LiveOptions => ({
	parameters: { authentication: 'session', ...parameters },
	credentials: { openBoxesApi: credentials },
	credentialTypes: { openBoxesApi: new OpenBoxesApi() },
});

const mbxRun = (parameters: IDataObject, baseUrl = mbx.url): LiveOptions => ({
	parameters: { authentication: 'hmac', ...parameters },
	credentials: { mbxHmacApi: { environment: 'custom', customBaseUrl: baseUrl, publicToken: MBX_DEMO.publicToken, secretToken: MBX_DEMO.secretToken } },
	credentialTypes: { mbxHmacApi: new MbxHmacApi() },
});

describe('item 4: nested vendor errors, every message with its path', () => {
	it('Apicbase Mark as Viewed with an unknown id: the per-order error list, named after the orders', async () => {
		const known = apicbase.purchaseOrders()[0].id;
		const { error, shown } = await failure(
			new ApicbaseSupplier(),
			supplierRun({ resource: 'supplierPurchaseOrder', operation: 'markViewed', orderIds: `${known}, 999999999` }),
		);
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe(`orders[1].id: ${INVALID_PK('999999999')}`);
		// Nothing was flagged: DRF saves a list all or nothing.
		expect(apicbase.purchaseOrders().find((o) => o.id === known)?.viewed_by_supplier).toBeFalsy();
		expect(shown).not.toContain('[object Object]');
	});

	it('Apicbase Mark as Fetched with several unknown ids: each one, with its place in the list', async () => {
		const known = apicbase.purchaseOrders()[0].id;
		const { error } = await failure(
			new ApicbaseSupplier(),
			supplierRun({ resource: 'supplierPurchaseOrder', operation: 'markFetched', orderIds: `404-a, ${known}, 404-b` }),
		);
		expect(error.message).toBe(`orders[0].id: ${INVALID_PK('404-a')}; orders[2].id: ${INVALID_PK('404-b')}`);
		expect(error.description).toBe(`orders[0].id: ${INVALID_PK('404-a')}\norders[2].id: ${INVALID_PK('404-b')}`);
	});

	it('Apicbase delivery draft with an unknown supplier package: delivered_packages[1].supplier_package', async () => {
		const order = apicbase.customerPurchaseOrders().find((o) => o.id === APICBASE_DEMO.orderedPurchaseOrderId) as { packages: Array<{ supplier_package: { id: number } }> };
		const known = String(order.packages[0].supplier_package.id);
		const { error } = await failure(new Apicbase(), {
			parameters: {
				authentication: 'accessToken',
				resource: 'delivery',
				operation: 'createDraft',
				purchaseOrderId: String(APICBASE_DEMO.orderedPurchaseOrderId),
				deliveredPackages: { package: [{ packageId: known, quantity: 1 }, { packageId: '999999', quantity: 2 }] },
			},
			credentials: { apicbaseAccessTokenApi: { environment: 'custom', customBaseUrl: apicbase.url, accessToken: apicbase.issueAccessToken(['procurement']) } },
			credentialTypes: { apicbaseAccessTokenApi: new ApicbaseAccessTokenApi() },
		});
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe(`delivered_packages[1].supplier_package: ${INVALID_PK('999999')}`);
		expect(apicbase.customerDeliveries()).toHaveLength(0);
	});

	it('OpenBoxes validation: every GORM message of the record, not the Spring summary', async () => {
		const { error } = await failure(
			new OpenBoxes(),
			openBoxesRun({
				resource: 'genericApi',
				operation: 'create',
				resourceName: 'orderItem',
				jsonBody: JSON.stringify({ order: { id: 'no-such-order' }, product: { id: 'no-such-product' }, quantity: 0, unitPrice: -1 }),
			}),
		);
		expect(error.httpCode).toBe('400');
		const lines = (error.description ?? '').split('\n');
		expect(lines).toHaveLength(4);
		for (const field of ['order', 'product', 'quantity', 'unitPrice']) {
			expect(lines.some((line) => line.includes(`Property [${field}]`))).toBe(true);
		}
		expect(error.message.length).toBeLessThanOrEqual(200);
		expect(error.message).toMatch(/^Property \[order\] of class \[class org\.pih\.warehouse\.order\.OrderItem\] cannot be null; .*\(\+\d more\)$/);
	});

	it('OpenBoxes field errors in the Grails shape of older servers ({"data": [FieldError]}): each with its field', async () => {
		// openboxes-api.md §0.1: the API guide's older format, still what some servers send.
		const fieldError = (field: string, message: string) => ({ object: 'org.pih.warehouse.core.Location', field, 'rejected-value': null, message });
		openBoxes.injectFault({
			kind: 'status',
			status: 400,
			method: 'POST',
			pathPrefix: '/openboxes/api/generic/location',
			body: { errorCode: 400, errorMessage: 'Validation errors', data: [fieldError('name', 'Property [name] cannot be blank'), fieldError('locationType', 'Property [locationType] cannot be null')] },
		});
		const { error } = await failure(
			new OpenBoxes(),
			openBoxesRun({ resource: 'genericApi', operation: 'create', resourceName: 'location', jsonBody: '{"name": ""}' }),
		);
		expect(error.message).toBe('name: Property [name] cannot be blank; locationType: Property [locationType] cannot be null');
	});

	it('MBX validation: every message of the errors list, each naming its path', async () => {
		const { error } = await failure(
			new Mbx(),
			mbxRun({
				resource: 'automationQueue',
				operation: 'create',
				manufacturerSerial: 'SN-ERRORS-1',
				ipAddress: '10.0.0.9',
				tasks: { task: [{ taskTypeId: 999998, sequence: 1 }, { taskTypeId: 999999, sequence: 2 }] },
			}),
		);
		expect(error.httpCode).toBe('422');
		expect(error.description?.split('\n')).toEqual([
			'automation_tasks[0].task_type_id must be the id of an existing automation task type',
			'automation_tasks[1].task_type_id must be the id of an existing automation task type',
		]);
	});

	it('MBX Rails-style nested errors (not documented by MBX, answered as Rails would): flattened with paths', async () => {
		mbx.injectFault({
			kind: 'status',
			status: 422,
			method: 'POST',
			pathPrefix: '/v2/automation_queues',
			body: { errors: { automation_tasks: [{}, { task_type_id: ['is not a known task type'], sequence: ['has already been taken'] }], ip_address: ['is invalid'] } },
		});
		const { error } = await failure(
			new Mbx(),
			mbxRun({ resource: 'automationQueue', operation: 'create', manufacturerSerial: 'SN-1', ipAddress: '10.0.0.9', tasks: { task: [{ taskTypeId: 1, sequence: 1 }, { taskTypeId: 2, sequence: 2 }] } }),
		);
		expect(error.description?.split('\n')).toEqual([
			'automation_tasks[1].task_type_id: is not a known task type',
			'automation_tasks[1].sequence: has already been taken',
			'ip_address: is invalid',
		]);
	});
});

describe('item 5: a refused login is not an unreachable service', () => {
	it('OpenBoxes, wrong password: the node says OpenBoxes refused the login and which fields to check', async () => {
		const password = 'Wr0ng-Passw0rd-ZX81';
		const { error, logged } = await failure(
			new OpenBoxes(),
			openBoxesRun({ resource: 'genericApi', operation: 'get', resourceName: 'product', recordId: 'x' }, openBoxesLogin({ password })),
		);
		expect(error.message).toBe(
			'OpenBoxes refused the login: Authentication failed. Check the Username and Password of the OpenBoxes Login API credential.',
		);
		expect(error.httpCode).toBe('401');
		expect(logged).not.toMatch(/Could not reach/);
		expect(logged).not.toContain(password);
	});

	it('OpenBoxes, the credential test words the same refusal the same way, and passes with the right password', async () => {
		const password = 'Wr0ng-Passw0rd-ZX81';
		const said = await testCredential(new OpenBoxesApi(), openBoxesLogin({ password }));
		expect(said).toBe('OpenBoxes refused the login: Authentication failed. Check the Username and Password of the OpenBoxes Login API credential.');
		expect(said).not.toContain(password);
		expect(await testCredential(new OpenBoxesApi(), openBoxesLogin())).toBe('OK');
	});

	it('OpenBoxes, a Base URL without /openboxes: the server answered, so it says what it answered', async () => {
		const { error } = await failure(
			new OpenBoxes(),
			openBoxesRun({ resource: 'genericApi', operation: 'get', resourceName: 'product', recordId: 'x' }, openBoxesLogin({ baseUrl: openBoxes.url })),
		);
		expect(error.message).toMatch(/^OpenBoxes answered the login with HTTP 404.*Check that the Base URL of the credential ends in \/openboxes\.$/);
	});

	it('Apicbase, wrong client secret: the node says Apicbase refused the client ID or secret', async () => {
		const clientSecret = 'not-the-secret-QX7734';
		const { error, logged } = await failure(
			new ApicbaseSupplier(),
			supplierRun({ resource: 'supplierPurchaseOrder', operation: 'markViewed', orderIds: 'x' }, apicbaseSupplier({ clientSecret })),
		);
		expect(error.message).toBe(
			'Apicbase refused the client ID or secret: invalid_client. Check the Client ID and Client Secret of the Apicbase Supplier API credential.',
		);
		expect(error.httpCode).toBe('401');
		expect(logged).not.toMatch(/Could not reach/);
		expect(logged).not.toContain(clientSecret);
	});

	it('Apicbase, the credential test words the same refusal the same way, and passes with the right secret', async () => {
		const clientSecret = 'not-the-secret-QX7734';
		const said = await testCredential(new ApicbaseSupplierApi(), apicbaseSupplier({ clientSecret }));
		expect(said).toBe('Apicbase refused the client ID or secret: invalid_client. Check the Client ID and Client Secret of the Apicbase Supplier API credential.');
		expect(said).not.toContain(clientSecret);
		expect(await testCredential(new ApicbaseSupplierApi(), apicbaseSupplier())).toBe('OK');
	});

	it('the credential tests of the token and API-key credentials say which key was refused', async () => {
		const apiKey = await testCredential(new OpenBoxesApiKeyApi(), { baseUrl: `${openBoxes.url}/openboxes`, apiKey: 'wrong-key-55', headerName: 'X-API-Key', location: OPENBOXES_DEMO.locationId });
		expect(apiKey).toBe('OpenBoxes refused the API key. Check the API Key and Header Name of the OpenBoxes API Key API credential.');
		expect(await testCredential(new OpenBoxesApiKeyApi(), { baseUrl: `${openBoxes.url}/openboxes`, apiKey: OPENBOXES_DEMO.apiKey, headerName: 'X-API-Key', location: OPENBOXES_DEMO.locationId })).toBe('OK');
		const token = await testCredential(new ApicbaseAccessTokenApi(), { environment: 'custom', customBaseUrl: apicbase.url, accessToken: 'wrong-token-55' });
		expect(token).toBe('Apicbase refused the access token. Check the Access Token (and Environment) of the Apicbase Access Token API credential.');
	});

	describe('a host that cannot be reached still says so', () => {
		const unreachable = (shown: string) =>
			expect(shown).toMatch(/Could not reach the service|The service refused the connection/);

		it('OpenBoxes login to a closed port', async () => {
			const { error, shown } = await failure(
				new OpenBoxes(),
				openBoxesRun({ resource: 'genericApi', operation: 'get', resourceName: 'product', recordId: 'x' }, openBoxesLogin({ baseUrl: `http://127.0.0.1:${closedPort}/openboxes` })),
			);
			unreachable(error.message);
			expect(shown).toContain(`ECONNREFUSED 127.0.0.1:${closedPort}`);
			expect(shown).not.toMatch(/refused the login/);
		});

		it('Apicbase token request to a closed port', async () => {
			const { error, shown } = await failure(
				new ApicbaseSupplier(),
				supplierRun({ resource: 'supplierPurchaseOrder', operation: 'markViewed', orderIds: 'x' }, apicbaseSupplier({ customBaseUrl: `http://127.0.0.1:${closedPort}` })),
			);
			unreachable(error.message);
			expect(shown).toContain('ECONNREFUSED');
			expect(shown).not.toMatch(/refused the client/);
		});

		it('MBX request over TLS to a server that speaks plain HTTP', async () => {
			const { error } = await failure(
				new Mbx(),
				mbxRun({ resource: 'automationQueue', operation: 'create', manufacturerSerial: 'SN-1', ipAddress: '10.0.0.9', tasks: { task: [{ taskTypeId: 1, sequence: 1 }] } }, mbx.url.replace('http://', 'https://')),
			);
			expect(error.message).toMatch(/^Could not reach the service: .*(EPROTO|wrong version number|SSL)/);
		});
	});
});
