/**
 * Shared fixtures for the OpenBoxes resource unit tests: runs operations through the router (the
 * lead wires these resources into the node), builds load-options contexts and splits request URLs.
 */
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import * as genericApi from '../../../nodes/OpenBoxes/actions/genericApi';
import * as location from '../../../nodes/OpenBoxes/actions/location';
import * as product from '../../../nodes/OpenBoxes/actions/product';
import * as user from '../../../nodes/OpenBoxes/actions/user';
import { runOperations } from '../../../nodes/shared/router';
import { mockExecuteFunctions, type MockOptions, type RecordedCall } from '../../helpers/mockContext';
import { withoutKeys } from '../../../nodes/shared/values';

export const BASE = 'http://ob.test/openboxes/api';

export const credentials = {
	openBoxesApi: { baseUrl: 'http://ob.test/openboxes/', username: 'u', password: 'p', location: 'L1', sessionCookie: 'JSESSIONID=A' },
};

export const RESOURCES = {
	genericApi: genericApi.operations,
	location: location.operations,
	product: product.operations,
	user: user.operations,
};

export type RunOptions = Omit<MockOptions, 'credentials'>;

/** Runs one resource/operation for the given parameters through the router. */
export async function run(options: RunOptions) {
	const mock = mockExecuteFunctions({ credentials, ...options });
	const [output] = await runOperations.call(mock.context, RESOURCES);
	return { ...mock, output, json: output.map((item) => item.json) };
}

/** Runs and expects a failure; returns the error and the requests sent. */
export async function runExpectingError(options: RunOptions) {
	const mock = mockExecuteFunctions({ credentials, ...options });
	let caught: unknown;
	try {
		await runOperations.call(mock.context, RESOURCES);
	} catch (error) {
		caught = error;
	}
	if (!caught) throw new Error('expected the operation to fail');
	return { ...mock, error: caught as Error & { description?: string; httpCode?: string } };
}

/** A load-options context: getNodeParameter(name, fallback), no input items. */
export function loadOptionsContext(respond: (call: RecordedCall, index: number) => unknown) {
	const { context, calls } = mockExecuteFunctions({ parameters: {}, credentials, respond });
	const rest = withoutKeys(context as unknown as IDataObject, ['getInputData']);
	const loadOptions = { ...rest, getNodeParameter: (_name: string, fallback?: unknown) => fallback };
	return { context: loadOptions as unknown as ILoadOptionsFunctions, calls };
}

/** A record locator value as n8n stores it. */
export function locator(value: string, mode: 'list' | 'id' = 'list') {
	return { __rl: true, mode, value };
}

/** Method, path (after /api, without the query in the URL) and the URL's own query pairs. */
export function request(call: RecordedCall) {
	const url = new URL(call.options.url);
	const path = url.pathname.replace(/^\/openboxes\/api/, '');
	return {
		method: call.options.method,
		path,
		urlQuery: [...url.searchParams.entries()],
		qs: call.options.qs,
		body: call.options.body,
	};
}
