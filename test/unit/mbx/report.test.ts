import { NodeOperationError } from 'n8n-workflow';

import * as report from '../../../nodes/Mbx/actions/report';
import { typedValue } from '../../../nodes/Mbx/actions/report/getAutomationTaskDetails';
import { httpError } from '../../helpers/mockContext';
import { run, runExpectingError } from './resourceHarness';

const HEADER =
	'id,automation_queue_id,automation_task_type_id,sequence,started_at,completed_at,failed,message,assignee_id,assignee_name,work_order_id,serial_id,item_id,manufacturer_serial';
const CSV = [
	HEADER,
	'101,7,1,1,2024-05-01T10:00:00Z,2024-05-01T10:30:00Z,false,"Run-In, pass 1",1234,Demo Hardware Co,555,900,127188,0012345',
	'102,7,2,2,2024-05-01T10:31:00Z,,true,"Disk ""sdb"" failed\nreplace it",,,555,900,127188,0012345',
	'',
].join('\r\n');

const params = (overrides: Record<string, unknown> = {}) => ({
	resource: 'report',
	operation: 'getAutomationTaskDetails',
	...overrides,
});

describe('MBX report: Get Automation Task Details', () => {
	it('has one operation and shows the binary field only for CSV file output', () => {
		const [selector, output, binaryField] = report.description;
		expect((selector.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['getAutomationTaskDetails']);
		expect(output).toMatchObject({ name: 'output', default: 'binary' });
		expect((output.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['binary', 'rows']);
		expect(binaryField).toMatchObject({
			name: 'binaryPropertyName',
			default: 'data',
			displayOptions: { show: { output: ['binary'] } },
		});
	});

	it('by default returns one item with the CSV as a binary file and the row count', async () => {
		const { calls, output } = await run({ parameters: params(), respond: () => CSV });
		expect(calls).toHaveLength(1);
		expect(calls[0].options).toMatchObject({ method: 'GET', url: '/v2/automation_tasks/details.csv' });
		expect(calls[0].options.body).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({ fileName: 'automation-task-details.csv', rows: 2 });
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].binary?.data).toEqual({
			data: Buffer.from(CSV, 'utf8').toString('base64'),
			fileName: 'automation-task-details.csv',
			mimeType: 'text/csv',
		});
	});

	it('puts the file in the field the user names', async () => {
		const { output } = await run({
			parameters: params({ output: 'binary', binaryPropertyName: 'report' }),
			respond: () => CSV,
		});
		expect(Object.keys(output[0].binary ?? {})).toEqual(['report']);
	});

	it('accepts the CSV as a Buffer', async () => {
		const { output } = await run({ parameters: params(), respond: () => Buffer.from(CSV, 'utf8') });
		expect(output[0].binary?.data.data).toBe(Buffer.from(CSV, 'utf8').toString('base64'));
		expect(output[0].json.rows).toBe(2);
	});

	it('returns a file with 0 rows for an empty report', async () => {
		const { output } = await run({ parameters: params(), respond: () => `${HEADER}\r\n` });
		expect(output[0].json).toEqual({ fileName: 'automation-task-details.csv', rows: 0 });
	});

	it('with Output "rows" returns one item per task with typed values', async () => {
		const { output } = await run({ parameters: params({ output: 'rows' }), respond: () => CSV });
		expect(output).toHaveLength(2);
		expect(output[0]).toEqual({
			json: {
				id: 101,
				automation_queue_id: 7,
				automation_task_type_id: 1,
				sequence: 1,
				started_at: '2024-05-01T10:00:00Z',
				completed_at: '2024-05-01T10:30:00Z',
				failed: false,
				message: 'Run-In, pass 1',
				assignee_id: 1234,
				assignee_name: 'Demo Hardware Co',
				work_order_id: 555,
				serial_id: 900,
				item_id: 127188,
				manufacturer_serial: '0012345',
			},
			pairedItem: { item: 0 },
		});
		expect(output[1].json).toMatchObject({
			id: 102,
			completed_at: null,
			failed: true,
			message: 'Disk "sdb" failed\nreplace it',
			assignee_id: null,
			assignee_name: null,
		});
		expect(output[1].binary).toBeUndefined();
	});

	it('with Output "rows" and an empty report returns no items', async () => {
		const { output } = await run({ parameters: params({ output: 'rows' }), respond: () => HEADER });
		expect(output).toEqual([]);
	});

	it('types values by column', () => {
		expect(typedValue('sequence', '0')).toBe(0);
		expect(typedValue('id', ' 12 ')).toBe(12);
		expect(typedValue('id', 'abc')).toBe('abc');
		expect(typedValue('failed', 'TRUE')).toBe(true);
		expect(typedValue('failed', 't')).toBe(true);
		expect(typedValue('failed', '0')).toBe(false);
		expect(typedValue('failed', 'maybe')).toBe('maybe');
		expect(typedValue('manufacturer_serial', '0012')).toBe('0012');
		expect(typedValue('message', '')).toBeNull();
		expect(typedValue('message', '  ')).toBeNull();
	});

	it('refuses a report that is not CSV text', async () => {
		const { error } = await runExpectingError({ parameters: params(), respond: () => ({ errors: null }) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('MBX did not answer with a CSV report');
	});

	it('refuses a malformed CSV with the reason', async () => {
		const { error } = await runExpectingError({ parameters: params(), respond: () => `${HEADER}\r\n1,"open` });
		expect(error.message).toBe(
			'The report from MBX is not valid CSV: The CSV has a quoted field that never ends (it starts on line 2)',
		);
	});

	it('refuses an empty binary field name before any request', async () => {
		const { error, calls } = await runExpectingError({ parameters: params({ binaryPropertyName: ' ' }) });
		expect(error.message).toBe('Put Output File in Field is required');
		expect(calls).toHaveLength(0);
	});

	it('reports the MBX message of a failed download', async () => {
		const { error } = await runExpectingError({
			parameters: params(),
			respond: () => Promise.reject(httpError(403, { errors: ['Reports are not enabled for your organization'] })),
		});
		expect(error.message).toBe('Reports are not enabled for your organization');
	});
});
