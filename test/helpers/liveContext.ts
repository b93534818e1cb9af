/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
/**
 * An IExecuteFunctions that sends real HTTP, for running a node operation against a sandbox
 * without a whole n8n: requests go through n8n-core's own httpRequestWithAuthentication (the
 * preAuthentication run, the retry after a 401, the NodeApiError wrapping, the HTTP client), with
 * a credentials helper that does what n8n's does for our credential types (run preAuthentication
 * when the expirable field is empty or expired and store its output; apply `authenticate`).
 *
 * It also answers a credential's `test` request the way n8n's credential tester words the result
 * (n8n 2.41.0, packages/cli/src/services/credentials-tester.service.ts, runRequestTest).
 */
import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';
import { httpRequestWithAuthentication } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/authentication';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeType,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import { mockExecuteFunctions } from './mockContext';

const httpRequest = async (options: IHttpRequestOptions): Promise<unknown> =>
	await Container.get(OutboundHttp).requests().request(options);

/** `={{$credentials.name}}` and `=Bearer {{$credentials.name}}`: all our credentials' authenticate uses. */
function resolve(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const resolved = value.slice(1).replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, name: string) => String(credentials[name] ?? ''));
	if (resolved.includes('{{')) throw new Error(`liveContext cannot resolve the expression ${value}`);
	return resolved;
}

function credentialsHelper(types: Record<string, ICredentialType>, store: Record<string, IDataObject>) {
	const typeOf = (name: string) => {
		const type = types[name];
		if (!type) throw new Error(`liveContext was given no credential class for ${name}`);
		return type;
	};
	return {
		getParentTypes: (name: string) => (typeOf(name).extends ?? []) as string[],
		async preAuthentication(
			helpers: { helpers: unknown },
			credentials: ICredentialDataDecryptedObject,
			name: string,
			_node: INode,
			expired: boolean,
		) {
			const type = typeOf(name);
			const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
			if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
			if (credentials[expirable.name] !== '' && !expired) return undefined;
			const output = await type.preAuthentication.call({ helpers: { httpRequest } } as never, credentials);
			if (output[expirable.name] === undefined) return undefined;
			// n8n stores the new session or token on the credential, so later requests reuse it.
			Object.assign(store[name], output);
			return Object.assign(credentials, output);
		},
		async authenticate(credentials: ICredentialDataDecryptedObject, name: string, options: IHttpRequestOptions) {
			const { authenticate } = typeOf(name);
			if (typeof authenticate === 'function') return await authenticate(credentials, options);
			if (authenticate?.type === 'generic') {
				const target = options as unknown as Record<string, Record<string, unknown>>;
				target.headers ??= {};
				for (const [outer, entries] of Object.entries(authenticate.properties)) {
					target[outer] ??= {};
					for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
						target[outer][String(resolve(key, credentials))] = resolve(value, credentials);
					}
				}
			}
			return options;
		},
	};
}

export interface LiveOptions {
	/** Parameters for every item, or one object per item. */
	parameters: IDataObject | IDataObject[];
	/** The credential data by type; preAuthentication output is stored back into it. */
	credentials: Record<string, IDataObject>;
	/** The credential classes used, by type name. */
	credentialTypes: Record<string, ICredentialType>;
	continueOnFail?: boolean;
}

/** A context whose requests reach the sandbox, and the node's execute() run with it. */
export function liveExecuteFunctions(options: LiveOptions) {
	const nodeCredentials = Object.fromEntries(Object.keys(options.credentials).map((type) => [type, { id: `${type}-1`, name: type }]));
	const mock = mockExecuteFunctions({
		parameters: options.parameters,
		credentials: options.credentials,
		continueOnFail: options.continueOnFail,
		nodeCredentials,
	});
	const additionalData = { credentialsHelper: credentialsHelper(options.credentialTypes, options.credentials) } as unknown as IWorkflowExecuteAdditionalData;
	const context = mock.context as unknown as Record<string, unknown> & { helpers: Record<string, unknown> };
	context.logger = { debug() {}, info() {}, warn() {}, error() {} };
	context.helpers.httpRequest = httpRequest;
	context.helpers.httpRequestWithAuthentication = async function (
		this: IExecuteFunctions,
		type: string,
		request: IHttpRequestOptions,
		additional?: Parameters<IExecuteFunctions['helpers']['httpRequestWithAuthentication']>[2],
	) {
		return await httpRequestWithAuthentication.call(
			this as never,
			type,
			request,
			{} as Workflow,
			mock.node,
			additionalData,
			additional,
		);
	};
	return { context: mock.context, node: mock.node };
}

/** Runs a node's execute() against the sandbox; the error it throws, or its output. */
export async function runNode(nodeType: INodeType, options: LiveOptions) {
	const { context } = liveExecuteFunctions(options);
	return await nodeType.execute!.call(context);
}

/**
 * A credential's `test` request as n8n's credential tester runs it: a request with the credential
 * (preAuthentication forced, as n8n does when testing), and on failure the tester's wording:
 * the HTTP status text or code for an answered request, the client error code for a network
 * failure, else the error's message. Returns 'OK' when the test passes.
 */
export async function testCredential(type: ICredentialType, data: IDataObject): Promise<string> {
	const test = type.test as ICredentialTestRequest;
	const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
	const credentials = { ...data, ...(expirable ? { [expirable.name]: '' } : {}) };
	const request = test.request as IHttpRequestOptions & { baseURL?: string };
	const baseURL = typeof request.baseURL === 'string' ? baseUrlOf(request.baseURL, credentials) : undefined;
	const { context } = liveExecuteFunctions({ parameters: {}, credentials: { [type.name]: credentials }, credentialTypes: { [type.name]: type } });
	try {
		await context.helpers.httpRequestWithAuthentication.call(context, type.name, {
			...request,
			...(baseURL ? { baseURL } : {}),
			method: request.method ?? 'GET',
			json: true,
		} as IHttpRequestOptions);
		return 'OK';
	} catch (error) {
		const cause = (error as { cause?: { response?: { status?: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const rule = test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === cause.response!.status);
			if (rule) return (rule.properties as { message: string }).message;
			return cause.response.statusText || `Received HTTP status code: ${cause.response.status}`;
		}
		if (cause?.code) return cause.code;
		return (error as Error).message;
	}
}

/** The test requests' baseURL expressions, evaluated for the credential types that have them. */
function baseUrlOf(expression: string, credentials: IDataObject): string {
	if (!expression.startsWith('=')) return expression;
	if (expression.includes('customBaseUrl')) {
		const url = credentials.environment === 'custom' ? credentials.customBaseUrl : credentials.environment;
		return String(url ?? '').replace(/\/+$/, '');
	}
	if (expression.includes('$credentials.baseUrl')) return String(credentials.baseUrl ?? '').replace(/\/+$/, '').replace(/\/api$/, '');
	throw new Error(`liveContext cannot evaluate the test baseURL ${expression}`);
}
