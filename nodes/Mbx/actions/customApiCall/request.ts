import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeProperties,
} from 'n8n-workflow';

import { mbxRequest } from '../../transport';

const show = { resource: ['customApiCall'], operation: ['request'] };

const METHODS: IHttpRequestMethods[] = ['DELETE', 'GET', 'POST', 'PUT'];

export const description: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
		description: 'The HTTP method: GET reads, POST creates, PUT updates, DELETE removes',
		displayOptions: { show },
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /v2/items/123',
		description: 'The MBX endpoint, starting with /v2/. Put list options in Query, not in the path.',
		displayOptions: { show },
	},
	{
		displayName: 'Query',
		name: 'query',
		type: 'json',
		default: '',
		placeholder: '{"limit": 5, "offset": 0, "filters": {"stocked": true}}',
		description:
			'Optional JSON object sent as MBX\'s "q" parameter, e.g. limit, offset and filters. Leave empty to send none.',
		displayOptions: { show },
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'The JSON object to send',
		displayOptions: { show: { ...show, method: ['POST', 'PUT'] } },
	},
];

function invalid(context: IExecuteFunctions, label: string, message: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex, description: `Check the "${label}" field.` });
}

/** A json parameter as a plain object; undefined when it is empty and `optional`. */
function jsonObjectParameter(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	optional: boolean,
): IDataObject | undefined {
	const raw = context.getNodeParameter(name, itemIndex, optional ? '' : '{}') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') {
			if (optional) return undefined;
			value = {};
		} else {
			try {
				value = JSON.parse(raw);
			} catch (error) {
				throw invalid(context, label, `${label} is not valid JSON: ${(error as Error).message}`, itemIndex);
			}
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw invalid(context, label, `${label} must be a JSON object, like {"key": "value"}`, itemIndex);
	}
	return value as IDataObject;
}

function pathParameter(context: IExecuteFunctions, itemIndex: number): string {
	const path = String(context.getNodeParameter('path', itemIndex, '') ?? '').trim();
	if (!path.startsWith('/v2/') || path.length === '/v2/'.length) {
		throw invalid(context, 'Path', `Path must start with /v2/ and name an endpoint, e.g. /v2/items, got "${path}"`, itemIndex);
	}
	if (/[\s?#]/.test(path)) {
		throw invalid(
			context,
			'Path',
			'Path cannot contain spaces, "?" or "#": put list options in the Query field instead',
			itemIndex,
		);
	}
	if (path.split('/').some((segment) => segment === '..' || segment === '.')) {
		throw invalid(context, 'Path', 'Path cannot contain "." or ".." segments', itemIndex);
	}
	return path;
}

/** The answer as items: objects as they are, lists one item per object, anything else wrapped. */
function toResult(response: unknown): IDataObject | IDataObject[] {
	if (response === undefined || response === null || response === '') return { success: true };
	if (Array.isArray(response)) {
		return response.every((entry) => entry !== null && typeof entry === 'object' && !Array.isArray(entry))
			? (response as IDataObject[])
			: { data: response };
	}
	if (typeof response === 'object' && !Buffer.isBuffer(response)) return response as IDataObject;
	return { data: Buffer.isBuffer(response) ? response.toString('utf8') : (response as string | number | boolean) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const method = String(this.getNodeParameter('method', itemIndex, 'GET')).toUpperCase() as IHttpRequestMethods;
	if (!METHODS.includes(method)) {
		throw invalid(this, 'Method', `Method must be one of ${METHODS.join(', ')}, got "${method}"`, itemIndex);
	}
	const path = pathParameter(this, itemIndex);
	const q = jsonObjectParameter(this, 'query', 'Query', itemIndex, true);
	const body = method === 'POST' || method === 'PUT' ? jsonObjectParameter(this, 'body', 'Body', itemIndex, false) : undefined;
	const response = await mbxRequest.call(this, method, path, { q, body, itemIndex });
	return toResult(response);
}
