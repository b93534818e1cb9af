/**
 * A hand-built IExecuteFunctions for unit tests: parameters per item, credentials, and an
 * httpRequestWithAuthentication stub that records requests. Item bookkeeping uses n8n-core's
 * real constructExecutionMetaData and returnJsonArray.
 */
import { constructExecutionMetaData, returnJsonArray } from 'n8n-core';
import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

export interface RecordedCall {
	credentialType: string;
	options: IHttpRequestOptions;
	additional?: IAdditionalCredentialOptions;
}

export interface MockOptions {
	/** Parameters for every item, or one object per item. */
	parameters: IDataObject | IDataObject[];
	items?: INodeExecutionData[];
	credentials?: Record<string, IDataObject>;
	respond?: (call: RecordedCall, index: number) => unknown | Promise<unknown>;
	continueOnFail?: boolean;
	nodeCredentials?: INode['credentials'];
	/** The node's type name; n8n's tool variant of a node ends in "Tool". */
	nodeType?: string;
}

export function mockExecuteFunctions(options: MockOptions) {
	const calls: RecordedCall[] = [];
	/** What the node handed n8n's response-node channel (sendResponse), in order. */
	const responses: unknown[] = [];
	const items = options.items ?? (Array.isArray(options.parameters) ? options.parameters.map(() => ({ json: {} })) : [{ json: {} }]);
	const node: INode = {
		id: 'node-1',
		name: 'Test Node',
		type: options.nodeType ?? 'test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: options.nodeCredentials,
	};
	const parametersFor = (itemIndex: number): IDataObject =>
		Array.isArray(options.parameters) ? (options.parameters[itemIndex] ?? {}) : options.parameters;

	const context = {
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		async sendResponse(response: unknown) {
			responses.push(response);
		},
		getNodeParameter(this: unknown, name: string, itemIndex: number, fallback?: unknown, extra?: { extractValue?: boolean }) {
			// n8n's contexts read parameters through `this`; a detached call fails there, so it fails here too.
			if (this !== context) throw new TypeError('getNodeParameter was called without its context');
			const value = parametersFor(itemIndex)[name];
			if (value === undefined) {
				if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
				return fallback;
			}
			if (extra?.extractValue && value && typeof value === 'object' && '__rl' in value) {
				return (value as { value: unknown }).value;
			}
			return value;
		},
		async getCredentials(type: string) {
			const data = options.credentials?.[type];
			if (!data) throw new Error(`No credentials of type ${type}`);
			return data;
		},
		helpers: {
			constructExecutionMetaData,
			returnJsonArray,
			async httpRequestWithAuthentication(
				credentialType: string,
				requestOptions: IHttpRequestOptions,
				additional?: IAdditionalCredentialOptions,
			) {
				const call = { credentialType, options: requestOptions, additional };
				calls.push(call);
				return await options.respond?.(call, calls.length - 1);
			},
		},
	};
	return { context: context as unknown as IExecuteFunctions, calls, responses, node };
}

/** An error shaped as n8n's request helper throws it for an HTTP error answer. */
export function httpError(status: number, data: unknown = {}, headers: Record<string, string> = {}): Error {
	const clientError = Object.assign(new Error(`Request failed with status code ${status}`), {
		isAxiosError: true,
		config: { headers: { 'MBX-Auth': 'public:SIGNATURE-THAT-MUST-NOT-LEAK', Cookie: 'JSESSIONID=SECRET-COOKIE' } },
		response: { status, headers, data },
	});
	return Object.assign(new Error('wrapped by n8n'), { cause: clientError });
}
