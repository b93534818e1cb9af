import { NodeOperationError } from 'n8n-workflow';

import * as automationQueue from '../../../nodes/Mbx/actions/automationQueue';
import * as automationTask from '../../../nodes/Mbx/actions/automationTask';
import { characterCount, isIPv4, isIPv6 } from '../../../nodes/Mbx/forge';
import { MBX_PAGE_SIZE } from '../../../nodes/Mbx/transport';
import { httpError } from '../../helpers/mockContext';
import { listResponder, qOf, run, runExpectingError } from './resourceHarness';

describe('IP address check', () => {
	it.each(['8.8.8.8', '0.0.0.0', '255.255.255.255', '192.168.1.20', '10.0.0.1'])('accepts IPv4 %s', (ip) => {
		expect(isIPv4(ip)).toBe(true);
	});

	it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', '1..3.4', 'a.b.c.d', '', ' 1.2.3.4', '1.2.3.4 '])(
		'rejects IPv4 %p',
		(ip) => {
			expect(isIPv4(ip)).toBe(false);
		},
	);

	it.each([
		'::',
		'::1',
		'2001:db8::1',
		'2001:0db8:85a3:0000:0000:8a2e:0370:7334',
		'fe80::',
		'FE80::ABCD:1',
		'::ffff:192.0.2.1',
		'64:ff9b::192.0.2.33',
		'1:2:3:4:5:6:7::',
		'1:2:3:4:5:6:1.2.3.4',
	])('accepts IPv6 %s', (ip) => {
		expect(isIPv6(ip)).toBe(true);
	});

	it.each([
		'',
		':',
		':::',
		'1::2::3',
		'2001:db8:::1',
		'12345::1',
		'g::1',
		'1:2:3:4:5:6:7',
		'1:2:3:4:5:6:7:8:9',
		'1:2:3:4:5:6:7:8::',
		':1:2:3:4:5:6:7',
		'1:2:3:4:5:6:7:',
		'1.2.3.4::',
		'::1.2.3.4:1',
		'::256.1.1.1',
		'1:2:3:4:5:6:7:1.2.3.4',
		'fe80::1%eth0',
	])('rejects IPv6 %p', (ip) => {
		expect(isIPv6(ip)).toBe(false);
	});

	it('counts characters as people do (an emoji is one)', () => {
		expect(characterCount('a😀b')).toBe(3);
	});
});

describe('MBX automationQueue', () => {
	const task = (taskTypeId: unknown, sequence: unknown, assigneeId?: unknown) => ({
		taskTypeId,
		sequence,
		...(assigneeId === undefined ? {} : { assigneeId }),
	});
	const createParams = (overrides: Record<string, unknown> = {}) => ({
		resource: 'automationQueue',
		operation: 'create',
		manufacturerSerial: ' 124567 ',
		ipAddress: ' 8.8.8.8 ',
		tasks: { task: [task(1, 1, 0), task('2', 2, 123456)] },
		...overrides,
	});

	it('explains the Forge integration and lists task types from getAutomationTaskTypes', () => {
		const create = automationQueue.description[0].options?.find((o) => (o as { value: string }).value === 'create');
		expect(create).toMatchObject({ description: expect.stringContaining('Forge') });
		expect((create as { description: string }).description).toContain('list of tasks a system must run');
		const tasks = automationQueue.operations.create.description.find((p) => p.name === 'tasks');
		const values = (tasks?.options?.[0] as { values: Array<{ name: string; displayName: string; typeOptions?: object }> })
			.values;
		expect(values.map((v) => v.name)).toEqual(['taskTypeId', 'sequence', 'assigneeId']);
		expect(values[0]).toMatchObject({
			displayName: 'Task Type Name or ID',
			typeOptions: { loadOptionsMethod: 'getAutomationTaskTypes' },
		});
	});

	it('Create POSTs /v2/automation_queues with the serial, IP and tasks', async () => {
		const answer = { id: 77, manufacturer_serial: '124567', finished: false };
		const { calls, output } = await run({ parameters: createParams(), respond: () => answer });
		expect(calls).toHaveLength(1);
		expect(calls[0].options).toMatchObject({ method: 'POST', url: '/v2/automation_queues', json: true });
		expect(calls[0].options.body).toEqual({
			manufacturer_serial: '124567',
			ip_address: '8.8.8.8',
			automation_tasks: [
				{ task_type_id: 1, sequence: 1 },
				{ task_type_id: 2, sequence: 2, assignee_id: 123456 },
			],
		});
		expect(Object.keys(calls[0].options.body as object)).toEqual(['manufacturer_serial', 'ip_address', 'automation_tasks']);
		expect(output).toEqual([{ json: answer, pairedItem: { item: 0 } }]);
	});

	it('Create accepts an IPv6 address and sequence 0', async () => {
		const { calls } = await run({
			parameters: createParams({ ipAddress: '2001:db8::1', tasks: { task: [task(3, 0)] } }),
			respond: () => ({}),
		});
		expect(calls[0].options.body).toMatchObject({
			ip_address: '2001:db8::1',
			automation_tasks: [{ task_type_id: 3, sequence: 0 }],
		});
	});

	it.each([
		[{ ipAddress: '300.1.1.1' }, 'IP Address must be a valid IPv4 or IPv6 address (e.g. 192.168.1.20 or 2001:db8::1), got "300.1.1.1"'],
		[{ ipAddress: 'localhost' }, 'IP Address must be a valid IPv4 or IPv6 address (e.g. 192.168.1.20 or 2001:db8::1), got "localhost"'],
		[{ ipAddress: '' }, 'IP Address is required'],
		[{ manufacturerSerial: '  ' }, 'Manufacturer Serial is required'],
		[{ manufacturerSerial: 'S'.repeat(257) }, 'Manufacturer Serial can be at most 256 characters long, got 257'],
		[{ tasks: {} }, 'Tasks needs at least one task'],
		[{ tasks: { task: [] } }, 'Tasks needs at least one task'],
		[{ tasks: { task: [task(1, 1), task('', 2)] } }, 'Task Type is required (task 2)'],
		[{ tasks: { task: [task('abc', 1)] } }, 'Task Type (task 1) must be a whole number of 1 or more, got "abc"'],
		[{ tasks: { task: [task(1, -1)] } }, 'Sequence (task 1) must be a whole number of 0 or more, got "-1"'],
		[{ tasks: { task: [task(1, 1.5)] } }, 'Sequence (task 1) must be a whole number of 0 or more, got "1.5"'],
		[
			{ tasks: { task: [task(1, 1), task(2, 2), task(3, '1')] } },
			'Sequence must be unique within Tasks: tasks 1 and 3 both use 1',
		],
		[{ tasks: { task: [task(1, 1, -5)] } }, 'Assignee ID (task 1) must be a whole number of 1 or more, got "-5"'],
	])('Create rejects %p before any request', async (overrides, message) => {
		const { error, calls } = await runExpectingError({ parameters: createParams(overrides) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(calls).toHaveLength(0);
	});

	it('names the IP Address field in the error description', async () => {
		const { error } = await runExpectingError({ parameters: createParams({ ipAddress: '1.2.3' }) });
		expect(error.description).toBe('Check the "IP Address" field.');
	});

	it('Get Many pages and sends the Finished and Work Order ID filters as keys of q', async () => {
		// One full MBX page and part of a second.
		const queues = Array.from({ length: MBX_PAGE_SIZE + 20 }, (_, i) => ({ id: i + 1, finished: true, work_order_id: 55 }));
		const { calls, output } = await run({
			parameters: {
				resource: 'automationQueue',
				operation: 'getAll',
				returnAll: true,
				filters: { finished: true, work_order_id: 55 },
			},
			respond: listResponder(queues),
		});
		expect(output).toHaveLength(queues.length);
		expect(calls.map((c) => [c.options.method, c.options.url.split('?')[0], qOf(c.options.url)])).toEqual([
			['GET', '/v2/automation_queues', { limit: MBX_PAGE_SIZE, offset: 0, finished: true, work_order_id: 55 }],
			['GET', '/v2/automation_queues', { limit: MBX_PAGE_SIZE, offset: MBX_PAGE_SIZE, finished: true, work_order_id: 55 }],
		]);
	});

	it('Get Many sends finished: false when asked for unfinished queues', async () => {
		const { calls } = await run({
			parameters: { resource: 'automationQueue', operation: 'getAll', returnAll: false, limit: 10, filters: { finished: false } },
			respond: listResponder([]),
		});
		expect(qOf(calls[0].options.url)).toEqual({ limit: MBX_PAGE_SIZE, offset: 0, finished: false });
	});
});

describe('MBX automationTask', () => {
	const params = (operation: string, overrides: Record<string, unknown> = {}) => ({
		resource: 'automationTask',
		operation,
		manufacturerSerial: '124567',
		ipAddress: '8.8.8.8',
		sequence: 0,
		message: 'Started Run-In',
		...overrides,
	});

	it('offers one operation per message type, described in plain words', () => {
		const options = automationTask.description[0].options as Array<{ value: string; description: string }>;
		expect(options.map((o) => o.value)).toEqual(['complete', 'fail', 'notify', 'start']);
		expect(options.find((o) => o.value === 'fail')?.description).toContain(
			'Marks the task failed and queues a fresh copy of it',
		);
		const messageFields = automationTask.description.filter((p) => p.name === 'message');
		expect(messageFields.map((p) => [p.displayOptions?.show?.operation?.[0], p.required])).toEqual([
			['complete', false],
			['fail', false],
			['notify', true],
			['start', false],
		]);
	});

	it.each(['start', 'complete', 'fail', 'notify'])('%s PUTs /v2/automation_tasks with its message type', async (operation) => {
		const { calls, output } = await run({ parameters: params(operation), respond: () => ({ id: 9, status: 'ok' }) });
		expect(calls).toHaveLength(1);
		expect(calls[0].options).toMatchObject({ method: 'PUT', url: '/v2/automation_tasks' });
		expect(calls[0].options.body).toEqual({
			manufacturer_serial: '124567',
			ip_address: '8.8.8.8',
			sequence: 0,
			message_type: operation,
			message: 'Started Run-In',
		});
		expect(Object.keys(calls[0].options.body as object)).toEqual([
			'manufacturer_serial',
			'ip_address',
			'sequence',
			'message_type',
			'message',
		]);
		expect(output).toEqual([{ json: { id: 9, status: 'ok' }, pairedItem: { item: 0 } }]);
	});

	it.each(['start', 'complete', 'fail'])('%s leaves an empty message out', async (operation) => {
		const { calls } = await run({ parameters: params(operation, { message: '' }), respond: () => ({}) });
		expect(calls[0].options.body).toEqual({
			manufacturer_serial: '124567',
			ip_address: '8.8.8.8',
			sequence: 0,
			message_type: operation,
		});
	});

	it('answers with a summary when MBX replies with an empty body', async () => {
		const { output } = await run({ parameters: params('complete', { sequence: 3 }), respond: () => '' });
		expect(output[0].json).toEqual({ success: true, message_type: 'complete', sequence: 3 });
	});

	it('keeps a message of exactly 256 characters', async () => {
		const message = 'm'.repeat(256);
		const { calls } = await run({ parameters: params('notify', { message }), respond: () => ({}) });
		expect((calls[0].options.body as { message: string }).message).toBe(message);
	});

	it.each([
		['notify', { message: '' }, 'Message is required'],
		['notify', { message: '   ' }, 'Message is required'],
		['notify', { message: 'x'.repeat(257) }, 'Message can be at most 256 characters long, got 257'],
		['start', { message: 'x'.repeat(300) }, 'Message can be at most 256 characters long, got 300'],
		['fail', { ipAddress: '8.8.8' }, 'IP Address must be a valid IPv4 or IPv6 address (e.g. 192.168.1.20 or 2001:db8::1), got "8.8.8"'],
		['complete', { sequence: -1 }, 'Sequence must be a whole number of 0 or more, got "-1"'],
		['complete', { sequence: '' }, 'Sequence must be a whole number of 0 or more, got ""'],
		['start', { manufacturerSerial: '' }, 'Manufacturer Serial is required'],
	])('%s rejects %p before any request', async (operation, overrides, message) => {
		const { error, calls } = await runExpectingError({ parameters: params(operation, overrides) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(calls).toHaveLength(0);
	});

	it('reports the MBX message when the task is unknown', async () => {
		const { error } = await runExpectingError({
			parameters: params('start', { sequence: 42 }),
			respond: () => Promise.reject(httpError(422, { errors: ['No task with sequence 42 for serial 124567'] })),
		});
		expect(error.message).toBe('No task with sequence 42 for serial 124567');
	});
});

describe('MBX serialData', () => {
	const params = (overrides: Record<string, unknown> = {}) => ({
		resource: 'serialData',
		operation: 'create',
		manufacturerSerial: '124567',
		serialDataTypeId: 4,
		value: '00:1B:44:11:3A:B7',
		metadata: 'eth0',
		...overrides,
	});

	it('Create POSTs /v2/serial_data in MBX field order', async () => {
		const { calls, output } = await run({ parameters: params(), respond: () => ({ id: 5 }) });
		expect(calls[0].options).toMatchObject({ method: 'POST', url: '/v2/serial_data' });
		expect(calls[0].options.body).toEqual({
			manufacturer_serial: '124567',
			serial_data_type_id: 4,
			metadata: 'eth0',
			value: '00:1B:44:11:3A:B7',
		});
		expect(Object.keys(calls[0].options.body as object)).toEqual([
			'manufacturer_serial',
			'serial_data_type_id',
			'metadata',
			'value',
		]);
		expect(output[0].json).toEqual({ id: 5 });
	});

	it('Create leaves out empty metadata', async () => {
		const { calls } = await run({ parameters: params({ metadata: '' }), respond: () => ({}) });
		expect(calls[0].options.body).toEqual({ manufacturer_serial: '124567', serial_data_type_id: 4, value: '00:1B:44:11:3A:B7' });
	});

	it.each([
		[{ value: 'v'.repeat(257) }, 'Value can be at most 256 characters long, got 257'],
		[{ value: '' }, 'Value is required'],
		[{ metadata: 'm'.repeat(257) }, 'Metadata can be at most 256 characters long, got 257'],
		[{ serialDataTypeId: 0 }, 'Serial Data Type ID is required'],
		[{ serialDataTypeId: '' }, 'Serial Data Type ID is required'],
		[{ serialDataTypeId: -2 }, 'Serial Data Type ID must be a whole number of 1 or more, got "-2"'],
		[{ manufacturerSerial: '' }, 'Manufacturer Serial is required'],
	])('Create rejects %p before any request', async (overrides, message) => {
		const { error, calls } = await runExpectingError({ parameters: params(overrides) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(calls).toHaveLength(0);
	});

	it('Get Many filters by manufacturer serial and pages', async () => {
		const records = Array.from({ length: 3 }, (_, i) => ({ id: i + 1, manufacturer_serial: '124567' }));
		const { calls, output } = await run({
			parameters: {
				resource: 'serialData',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
				filters: { manufacturer_serial: ' 124567 ' },
			},
			respond: listResponder(records),
		});
		expect(output.map((o) => o.json.id)).toEqual([1, 2]);
		expect(calls.map((c) => [c.options.method, c.options.url.split('?')[0], qOf(c.options.url)])).toEqual([
			['GET', '/v2/serial_data', { limit: MBX_PAGE_SIZE, offset: 0, manufacturer_serial: '124567' }],
		]);
	});
});
