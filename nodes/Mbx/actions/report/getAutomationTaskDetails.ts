import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { CsvParseError, parseCsvRecords } from '../../report/csv';
import { mbxRequest } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['report'], operation: ['getAutomationTaskDetails'] };

export const REPORT_FILE_NAME = 'automation-task-details.csv';

export const description: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'CSV File',
				value: 'binary',
				description: 'One item with the report attached as a CSV file',
			},
			{
				name: 'One Item per Row',
				value: 'rows',
				description: 'One item per task in the report, with numbers and true/false values ready to use',
			},
		],
		default: 'binary',
		description: 'How to hand the report on to the next node',
		displayOptions: { show },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { ...show, output: ['binary'] } },
	},
];

/** Columns the report documents as IDs or counters: read as numbers. */
const NUMBER_COLUMNS = new Set([
	'id',
	'automation_queue_id',
	'automation_task_type_id',
	'sequence',
	'assignee_id',
	'work_order_id',
	'serial_id',
	'item_id',
]);
/** Columns that hold true/false. */
const BOOLEAN_COLUMNS = new Set(['failed']);

const NUMBER = /^-?\d+(\.\d+)?$/;
const TRUE_TEXT = new Set(['true', 't', '1', 'yes', 'y']);
const FALSE_TEXT = new Set(['false', 'f', '0', 'no', 'n']);

/** One CSV value typed by its column: numbers, booleans, null for empty; text otherwise. */
export function typedValue(column: string, raw: string): string | number | boolean | null {
	const value = raw.trim();
	if (value === '') return null;
	if (NUMBER_COLUMNS.has(column) && NUMBER.test(value)) return Number(value);
	if (BOOLEAN_COLUMNS.has(column)) {
		const lower = value.toLowerCase();
		if (TRUE_TEXT.has(lower)) return true;
		if (FALSE_TEXT.has(lower)) return false;
	}
	return raw;
}

/** The CSV text out of whatever the HTTP helper handed back: text, bytes, or a lone number. */
function reportText(context: IExecuteFunctions, response: unknown, itemIndex: number): string {
	if (response === undefined || response === null) return '';
	if (typeof response === 'string') return response;
	if (Buffer.isBuffer(response)) return response.toString('utf8');
	if (response instanceof ArrayBuffer) return Buffer.from(response).toString('utf8');
	if (ArrayBuffer.isView(response)) {
		return Buffer.from(response.buffer, response.byteOffset, response.byteLength).toString('utf8');
	}
	if (typeof response === 'number' || typeof response === 'boolean') return String(response);
	throw new NodeOperationError(context.getNode(), 'MBX did not answer with a CSV report', {
		itemIndex,
		description: `Expected CSV text from ${MBX_PATHS.automationTaskDetailsReport}, got ${Array.isArray(response) ? 'a list' : 'a JSON object'}.`,
	});
}

function binaryFieldName(context: IExecuteFunctions, itemIndex: number): string {
	const name = String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '').trim();
	if (name === '') {
		throw new NodeOperationError(context.getNode(), 'Put Output File in Field is required', {
			itemIndex,
			description: 'Fill in "Put Output File in Field", e.g. with data.',
		});
	}
	return name;
}

function readReport(context: IExecuteFunctions, text: string, itemIndex: number): Array<Record<string, string>> {
	try {
		return parseCsvRecords(text).rows;
	} catch (error) {
		if (error instanceof CsvParseError) {
			throw new NodeOperationError(context.getNode(), `The report from MBX is not valid CSV: ${error.message}`, {
				itemIndex,
			});
		}
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[] | IDataObject[]> {
	const output = this.getNodeParameter('output', itemIndex, 'binary') as string;
	const binaryPropertyName = output === 'binary' ? binaryFieldName(this, itemIndex) : '';
	const response = await mbxRequest.call(this, 'GET', MBX_PATHS.automationTaskDetailsReport, { itemIndex });
	const text = reportText(this, response, itemIndex);
	const rows = readReport(this, text, itemIndex);

	if (output === 'rows') {
		return rows.map(
			(row) => Object.fromEntries(Object.entries(row).map(([column, raw]) => [column, typedValue(column, raw)])) as IDataObject,
		);
	}
	const binary = await this.helpers.prepareBinaryData(Buffer.from(text, 'utf8'), REPORT_FILE_NAME, 'text/csv');
	return [{ json: { fileName: REPORT_FILE_NAME, rows: rows.length }, binary: { [binaryPropertyName]: binary } }];
}
