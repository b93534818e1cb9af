/**
 * Shared fixtures for the MBX resource unit tests: runs operations through the router (the node
 * does not list these resources yet), pages list answers like MBX, and reads the `q` parameter.
 */
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import * as automationQueue from '../../../nodes/Mbx/actions/automationQueue';
import * as automationTask from '../../../nodes/Mbx/actions/automationTask';
import * as automationTaskType from '../../../nodes/Mbx/actions/automationTaskType';
import * as customerCatalogItem from '../../../nodes/Mbx/actions/customerCatalogItem';
import * as inventory from '../../../nodes/Mbx/actions/inventory';
import * as invoice from '../../../nodes/Mbx/actions/invoice';
import * as item from '../../../nodes/Mbx/actions/item';
import * as report from '../../../nodes/Mbx/actions/report';
import * as serialData from '../../../nodes/Mbx/actions/serialData';
import * as shipMethod from '../../../nodes/Mbx/actions/shipMethod';
import { runOperations } from '../../../nodes/shared/router';
import { mockExecuteFunctions, type MockOptions, type RecordedCall } from '../../helpers/mockContext';

export const credentials = {
	mbxHmacApi: { environment: 'custom', customBaseUrl: 'http://mbx.test/', publicToken: 'p', secretToken: 's' },
};

export const RESOURCES = {
	automationQueue: automationQueue.operations,
	automationTask: automationTask.operations,
	automationTaskType: automationTaskType.operations,
	customerCatalogItem: customerCatalogItem.operations,
	inventory: inventory.operations,
	invoice: invoice.operations,
	item: item.operations,
	report: report.operations,
	serialData: serialData.operations,
	shipMethod: shipMethod.operations,
};

export interface Q {
	limit?: number;
	offset?: number;
	filters?: Record<string, unknown>;
	[key: string]: unknown;
}

/** The decoded `q` of a request URL (undefined when it has none). */
export function qOf(url: string): Q | undefined {
	const [, raw] = url.split('?q=');
	return raw === undefined ? undefined : (JSON.parse(decodeURIComponent(raw)) as Q);
}

export function pathOf(url: string): string {
	return url.split('?')[0];
}

/** Answers list requests from `rows` the way MBX does: q.limit/q.offset and the list envelope. */
export function listResponder(rows: IDataObject[]) {
	return (call: RecordedCall) => {
		const q = qOf(call.options.url) ?? {};
		const offset = q.offset ?? 0;
		const results = rows.slice(offset, offset + (q.limit ?? 25));
		return { count: results.length, total_results: rows.length, offset, results };
	};
}

/** A context whose helpers can also store binary data, as n8n's do. */
export function mockContext(options: Omit<MockOptions, 'credentials'> & { credentials?: MockOptions['credentials'] }) {
	const mock = mockExecuteFunctions({ credentials, ...options });
	const helpers = mock.context.helpers as unknown as Record<string, unknown>;
	helpers.prepareBinaryData = async (buffer: Buffer, fileName?: string, mimeType?: string) => ({
		data: buffer.toString('base64'),
		fileName,
		mimeType,
	});
	return mock;
}

/** Runs one resource/operation for the given parameters through the router. */
export async function run(options: Omit<MockOptions, 'credentials'>) {
	const mock = mockContext(options);
	const [output] = await runOperations.call(mock.context, RESOURCES);
	return { ...mock, output };
}

/** Runs and expects a failure; returns the error and the requests sent (which should be none). */
export async function runExpectingError(options: Omit<MockOptions, 'credentials'>) {
	const mock = mockContext(options);
	let caught: unknown;
	try {
		await runOperations.call(mock.context, RESOURCES);
	} catch (error) {
		caught = error;
	}
	if (!caught) throw new Error('expected the operation to fail');
	return { ...mock, error: caught as Error & { description?: string } };
}

export function asLoadOptions(context: IExecuteFunctions): ILoadOptionsFunctions {
	return context as unknown as ILoadOptionsFunctions;
}

/** A record locator value as n8n stores it. */
export function locator(value: string, mode: 'list' | 'id' = 'list') {
	return { __rl: true, mode, value };
}
