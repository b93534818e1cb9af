/**
 * The MBX sandbox's Forge endpoints over real HTTP: automation task types, automation queues
 * (strict create), automation task updates (start / complete / fail / notify), the CSV task
 * report, and serial data.
 */
import { AUTOMATION_TASK_CSV_COLUMNS, MBX_DEMO, MBX_OTHER_ORG, MbxSandbox } from './mbx/server';
import { mbxClient, parseCsv, q } from './mbx/testClient';
import { withoutKeys } from '../../nodes/shared/values';
import type { Json } from '../helpers/json';

const sandbox = new MbxSandbox();
const api = mbxClient(() => sandbox.url, MBX_DEMO);
const otherApi = mbxClient(() => sandbox.url, MBX_OTHER_ORG);

beforeAll(async () => {
	await sandbox.start(0);
});

afterAll(async () => {
	await sandbox.stop();
});

afterEach(() => {
	sandbox.reset();
});

/** The vendor doc's example queue. */
const queueBody = (overrides: Record<string, unknown> = {}) => ({
	manufacturer_serial: '124567',
	ip_address: '8.8.8.8',
	automation_tasks: [
		{ task_type_id: 1, sequence: 1 },
		{ task_type_id: 2, sequence: 2, assignee_id: 123456 },
	],
	...overrides,
});

const update = (sequence: number, messageType: string, extra: Record<string, unknown> = {}) => ({
	manufacturer_serial: '124567',
	ip_address: '8.8.8.8',
	sequence,
	message_type: messageType,
	...extra,
});

async function createQueue(overrides: Record<string, unknown> = {}): Promise<Json> {
	const res = await api('POST', '/v2/automation_queues', queueBody(overrides));
	expect(res.status).toBe(201);
	return res.json;
}

describe('automation_task_types', () => {
	it('lists the 8 task types and gets one by id', async () => {
		const res = await api('GET', '/v2/automation_task_types');
		expect(res.status).toBe(200);
		expect(res.json.total_results).toBe(8);
		expect(res.json.results.map((t: Json) => t.name)).toEqual([
			'Image OS',
			'Burn-In',
			'Run-In',
			'BIOS Update',
			'Firmware Update',
			'Memory Test',
			'Label Print',
			'Final QA',
		]);
		for (const t of res.json.results) expect(Object.keys(t)).toEqual(['id', 'name', 'description']);
		expect((await api('GET', '/v2/automation_task_types/2')).json).toEqual(sandbox.taskTypes()[1]);
		const missing = await api('GET', '/v2/automation_task_types/9');
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ errors: ["Couldn't find AutomationTaskType with 'id'=9"] });
	});
});

describe('automation_queues', () => {
	it('lists the seeded queues with the documented fields, per organization', async () => {
		const res = await api('GET', '/v2/automation_queues');
		expect(res.status).toBe(200);
		expect(res.json.total_results).toBe(4);
		for (const row of res.json.results) {
			expect(Object.keys(row)).toEqual(['id', 'serial_id', 'work_order_id', 'finished', 'ip_address']);
		}
		expect(res.json.results.map((r: Json) => r.finished)).toEqual([true, false, false, false]);
		const unfinished = await api('GET', '/v2/automation_queues' + q({ finished: false }));
		expect(unfinished.json.total_results).toBe(3);

		const other = await otherApi('GET', '/v2/automation_queues');
		expect(other.json.total_results).toBe(1);
		expect((await otherApi('GET', `/v2/automation_queues/${res.json.results[0].id}`)).status).toBe(404);
	});

	it('creates a queue with its tasks (201) from the vendor example', async () => {
		const queue = await createQueue();
		expect(queue).toEqual({
			id: expect.any(Number),
			serial_id: expect.any(Number),
			work_order_id: null,
			finished: false,
			ip_address: '8.8.8.8',
			automation_tasks: [
				{
					id: expect.any(Number),
					automation_queue_id: queue.id,
					automation_task_type_id: 1,
					sequence: 1,
					started_at: null,
					completed_at: null,
					failed: false,
					message: null,
					assignee_id: null,
				},
				{
					id: queue.automation_tasks[0].id + 1,
					automation_queue_id: queue.id,
					automation_task_type_id: 2,
					sequence: 2,
					started_at: null,
					completed_at: null,
					failed: false,
					message: null,
					assignee_id: 123456,
				},
			],
		});
		const row = withoutKeys(queue, ['automation_tasks']);
		expect((await api('GET', `/v2/automation_queues/${queue.id}`)).json).toEqual(row);
		expect(sandbox.queues().at(-1)).toMatchObject({ ...row, manufacturer_serial: '124567' });
	});

	it('reuses the serial record of a known system (its work order comes along) and accepts IPv6', async () => {
		const known = sandbox.queues()[0];
		const queue = await createQueue({ manufacturer_serial: known.manufacturer_serial, ip_address: '2001:db8::7' });
		expect(queue.serial_id).toBe(known.serial_id);
		expect(queue.work_order_id).toBe(known.work_order_id);
		expect(queue.ip_address).toBe('2001:db8::7');
	});

	it.each<[string, Record<string, unknown>, string[]]>([
		[
			'a duplicate sequence',
			{ automation_tasks: [{ task_type_id: 1, sequence: 1 }, { task_type_id: 2, sequence: 1 }] },
			['automation_tasks[1].sequence has already been taken'],
		],
		['an invalid IPv4 address', { ip_address: '999.1.1.1' }, ['ip_address is not a valid IP address']],
		['a host name as ip_address', { ip_address: 'forge-node-7' }, ['ip_address is not a valid IP address']],
		['a missing ip_address', { ip_address: undefined }, ["ip_address can't be blank"]],
		[
			'an unknown task type',
			{ automation_tasks: [{ task_type_id: 99, sequence: 1 }] },
			['automation_tasks[0].task_type_id must be the id of an existing automation task type'],
		],
		['no tasks', { automation_tasks: [] }, ["automation_tasks can't be blank"]],
		['tasks that are not an array', { automation_tasks: { task_type_id: 1 } }, ['automation_tasks must be an array']],
		[
			'a negative sequence',
			{ automation_tasks: [{ task_type_id: 1, sequence: -1 }] },
			['automation_tasks[0].sequence must be a whole number of 0 or more'],
		],
		[
			'a missing sequence',
			{ automation_tasks: [{ task_type_id: 1 }] },
			["automation_tasks[0].sequence can't be blank"],
		],
		[
			'a fractional assignee',
			{ automation_tasks: [{ task_type_id: 1, sequence: 0, assignee_id: 1.5 }] },
			['automation_tasks[0].assignee_id must be a whole number of 1 or more'],
		],
		['a missing serial', { manufacturer_serial: undefined }, ["manufacturer_serial can't be blank"]],
		[
			'a 257-character serial',
			{ manufacturer_serial: 's'.repeat(257) },
			['manufacturer_serial is too long (maximum is 256 characters)'],
		],
		['an unknown attribute', { serial: 'x' }, ['serial is not a known attribute']],
	])('rejects %s with 422', async (_name, overrides, expected) => {
		const before = sandbox.queues();
		const res = await api('POST', '/v2/automation_queues', queueBody(overrides));
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ errors: expected });
		expect(sandbox.queues()).toEqual(before);
	});

	it('accepts a 256-character serial and answers 400 for a body that is not an object', async () => {
		const long = await api('POST', '/v2/automation_queues', queueBody({ manufacturer_serial: 's'.repeat(256) }));
		expect(long.status).toBe(201);
		const bad = await api('POST', '/v2/automation_queues', '[1]');
		expect(bad.status).toBe(400);
		expect(bad.json).toEqual({ errors: ['Request body must be a JSON object'] });
	});
});

describe('automation_tasks', () => {
	it('refuses to complete a task that has not started, then runs start -> complete', async () => {
		await createQueue();
		const early = await api('PUT', '/v2/automation_tasks', update(1, 'complete'));
		expect(early.status).toBe(422);
		expect(early.json).toEqual({ errors: ['Task with sequence 1 has not been started'] });

		const started = await api('PUT', '/v2/automation_tasks', update(1, 'start', { message: 'Imaging' }));
		expect(started.status).toBe(200);
		expect(started.json).toMatchObject({
			sequence: 1,
			started_at: expect.any(String),
			completed_at: null,
			message: 'Imaging',
		});

		const done = await api('PUT', '/v2/automation_tasks', update(1, 'complete'));
		expect(done.status).toBe(200);
		expect(done.json.message).toBe('Imaging');
		expect(Date.parse(done.json.completed_at)).toBeGreaterThan(Date.parse(started.json.started_at));

		const restart = await api('PUT', '/v2/automation_tasks', update(1, 'start'));
		expect(restart.status).toBe(422);
		expect(restart.json).toEqual({ errors: ['Task with sequence 1 is already completed'] });
		const again = await api('PUT', '/v2/automation_tasks', update(1, 'complete'));
		expect(again.json).toEqual({ errors: ['Task with sequence 1 is already completed'] });
	});

	it('fail marks the task failed and adds an unstarted task of the same type at the next sequence', async () => {
		const queue = await createQueue();
		await api('PUT', '/v2/automation_tasks', update(2, 'start'));
		const failed = await api('PUT', '/v2/automation_tasks', update(2, 'fail', { message: 'Burn-In: CPU1 over 95C' }));
		expect(failed.status).toBe(200);
		expect(failed.json).toMatchObject({
			sequence: 2,
			failed: true,
			completed_at: null,
			message: 'Burn-In: CPU1 over 95C',
		});

		const tasks = sandbox.queues().find((x) => x.id === queue.id)!.automation_tasks;
		expect(tasks).toHaveLength(3);
		expect(tasks[2]).toEqual({
			id: expect.any(Number),
			automation_queue_id: queue.id,
			automation_task_type_id: 2,
			sequence: 3,
			started_at: null,
			completed_at: null,
			failed: false,
			message: null,
			assignee_id: 123456,
		});
		const refail = await api('PUT', '/v2/automation_tasks', update(2, 'fail'));
		expect(refail.json).toEqual({ errors: ['Task with sequence 2 has already failed'] });
		expect((await api('PUT', '/v2/automation_tasks', update(2, 'start'))).json).toEqual({
			errors: ['Task with sequence 2 has failed'],
		});

		// The queue is finished once every task that has not failed is complete.
		for (const sequence of [1, 3]) {
			await api('PUT', '/v2/automation_tasks', update(sequence, 'start'));
			expect((await api('GET', `/v2/automation_queues/${queue.id}`)).json.finished).toBe(false);
			await api('PUT', '/v2/automation_tasks', update(sequence, 'complete'));
		}
		expect((await api('GET', `/v2/automation_queues/${queue.id}`)).json.finished).toBe(true);
	});

	it('notify only updates the message, and needs one', async () => {
		await createQueue();
		const before = sandbox.tasks().at(-2)!;
		const res = await api('PUT', '/v2/automation_tasks', update(1, 'notify', { message: 'Reticulating splines' }));
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ ...before, message: 'Reticulating splines' });
		const empty = await api('PUT', '/v2/automation_tasks', update(1, 'notify'));
		expect(empty.status).toBe(422);
		expect(empty.json).toEqual({ errors: ["message can't be blank"] });
	});

	it.each<[string, Record<string, unknown>, string]>([
		['an unknown serial', { manufacturer_serial: 'NOPE-1' }, "manufacturer_serial 'NOPE-1' has no automation queue"],
		['an unknown sequence', { sequence: 9 }, "sequence 9 is not a task of the automation queue for '124567'"],
		['an unknown message type', { message_type: 'pause' }, 'message_type must be one of start, complete, fail, notify'],
		['an invalid IP address', { ip_address: '8.8.8' }, 'ip_address is not a valid IP address'],
		['a 257-character message', { message: 'm'.repeat(257) }, 'message is too long (maximum is 256 characters)'],
		['a missing sequence', { sequence: undefined }, "sequence can't be blank"],
	])('rejects %s with 422', async (_name, overrides, expected) => {
		await createQueue();
		const res = await api('PUT', '/v2/automation_tasks', { ...update(1, 'start'), ...overrides });
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ errors: [expected] });
	});

	it("cannot touch another organization's tasks", async () => {
		const body = update(1, 'start', { manufacturer_serial: 'MBX24K7Q2N2' });
		const res = await otherApi('PUT', '/v2/automation_tasks', body);
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ errors: ["manufacturer_serial 'MBX24K7Q2N2' has no automation queue"] });
	});

	it('addresses sequence 0 of a seeded queue', async () => {
		const res = await api('PUT', '/v2/automation_tasks', {
			manufacturer_serial: 'MBX24K7Q2N2',
			ip_address: '10.20.30.44',
			sequence: 0,
			message: 'Started Run-In',
			message_type: 'start',
		});
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ sequence: 0, automation_task_type_id: 3, message: 'Started Run-In' });
	});
});

describe('automation task CSV report', () => {
	it('answers text/csv with the exact header and one row per task of the organization', async () => {
		const res = await api('GET', '/v2/automation_tasks/details.csv');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const firstLine = res.text.slice(0, res.text.indexOf('\r\n'));
		expect(firstLine).toBe(
			'id,automation_queue_id,automation_task_type_id,sequence,started_at,completed_at,failed,message,' +
				'assignee_id,assignee_name,work_order_id,serial_id,item_id,manufacturer_serial',
		);
		expect([...AUTOMATION_TASK_CSV_COLUMNS].join(',')).toBe(firstLine);
		expect(res.text.endsWith('\r\n')).toBe(true);

		const [header, ...rows] = parseCsv(res.text);
		expect(header).toEqual([...AUTOMATION_TASK_CSV_COLUMNS]);
		const tasks = sandbox.tasks();
		expect(rows).toHaveLength(tasks.length);
		for (const [i, task] of tasks.entries()) {
			expect(rows[i]).toHaveLength(14);
			expect(rows[i].slice(0, 9)).toEqual([
				String(task.id),
				String(task.automation_queue_id),
				String(task.automation_task_type_id),
				String(task.sequence),
				task.started_at ?? '',
				task.completed_at ?? '',
				String(task.failed),
				task.message ?? '',
				task.assignee_id === null ? '' : String(task.assignee_id),
			]);
		}
		// RFC 4180: a field with a comma or quotes is quoted and its quotes doubled.
		expect(res.text).toContain(',"Burn-In at 45%, fan ""FAN2"" noisy",');
		const row = rows.find((r) => r[7] === 'Burn-In at 45%, fan "FAN2" noisy')!;
		expect(row.slice(10)).toEqual(['880001', '770002', expect.stringMatching(/^\d+$/), 'MBX24K7Q2N0']);
		expect(rows.find((r) => r[8] === String(MBX_DEMO.organizationId))![9]).toBe(MBX_DEMO.organizationName);
	});

	it('round-trips messages with commas, quotes and line breaks, and shows only the caller\'s tasks', async () => {
		await createQueue();
		const message = 'Step 2, "fast" mode\nline two';
		expect((await api('PUT', '/v2/automation_tasks', update(1, 'notify', { message }))).status).toBe(200);
		const res = await api('GET', '/v2/automation_tasks/details.csv');
		const rows = parseCsv(res.text).slice(1);
		const mine = rows.find((r) => r[13] === '124567' && r[3] === '1')!;
		expect(mine[7]).toBe(message);
		expect(mine[10]).toBe('');
		expect(mine[12]).toBe('');

		const other = await otherApi('GET', '/v2/automation_tasks/details.csv');
		const otherRows = parseCsv(other.text).slice(1);
		expect(otherRows).toHaveLength(sandbox.tasks(MBX_OTHER_ORG.organizationId).length);
		for (const r of otherRows) expect(r[13]).toBe('OTH25A00001');
	});
});

describe('serial_data', () => {
	it('lists the seeded serial data with the documented fields', async () => {
		const res = await api('GET', '/v2/serial_data');
		expect(res.status).toBe(200);
		expect(res.json.results).toEqual(sandbox.serialData());
		expect(res.json.total_results).toBe(6);
		for (const row of res.json.results) {
			expect(Object.keys(row)).toEqual([
				'id',
				'manufacturer_serial',
				'serial_data_type_id',
				'metadata',
				'value',
				'created_at',
			]);
		}
		const bySerial = await api('GET', '/v2/serial_data' + q({ manufacturer_serial: 'MBX24K7Q2N0' }));
		expect(bySerial.json.total_results).toBe(2);
	});

	it('creates serial data (201) that then shows in the list, with metadata optional', async () => {
		const created = await api('POST', '/v2/serial_data', {
			manufacturer_serial: '124567',
			serial_data_type_id: 1,
			metadata: 'eth0',
			value: '3c:ec:ef:00:00:01',
		});
		expect(created.status).toBe(201);
		expect(created.json).toEqual({
			id: expect.any(Number),
			manufacturer_serial: '124567',
			serial_data_type_id: 1,
			metadata: 'eth0',
			value: '3c:ec:ef:00:00:01',
			created_at: expect.any(String),
		});
		const bareBody = { manufacturer_serial: '124567', serial_data_type_id: 2, value: '2.4a' };
		const bare = await api('POST', '/v2/serial_data', bareBody);
		expect(bare.status).toBe(201);
		expect(bare.json.metadata).toBeNull();

		const list = await api('GET', '/v2/serial_data' + q({ manufacturer_serial: '124567' }));
		expect(list.json.results).toEqual([created.json, bare.json]);
		expect((await api('GET', `/v2/serial_data/${created.json.id}`)).json).toEqual(created.json);
		expect((await otherApi('GET', `/v2/serial_data/${created.json.id}`)).json).toEqual({
			errors: [`Couldn't find SerialDatum with 'id'=${created.json.id}`],
		});
		expect((await otherApi('GET', '/v2/serial_data')).json.total_results).toBe(1);
	});

	it('rejects invalid serial data with every problem listed', async () => {
		const res = await api('POST', '/v2/serial_data', {
			serial_data_type_id: 0,
			metadata: 'x'.repeat(257),
			value: '',
			kind: 'mac',
		});
		expect(res.status).toBe(422);
		expect(res.json).toEqual({
			errors: [
				"manufacturer_serial can't be blank",
				'serial_data_type_id must be a whole number of 1 or more',
				'metadata is too long (maximum is 256 characters)',
				"value can't be blank",
				'kind is not a known attribute',
			],
		});
		expect(sandbox.serialData()).toHaveLength(6);
	});

	it('reset restores the seeded Forge data', async () => {
		const queues = sandbox.queues();
		const data = sandbox.serialData();
		await createQueue();
		await api('PUT', '/v2/automation_tasks', update(1, 'start'));
		await api('POST', '/v2/serial_data', { manufacturer_serial: 'x', serial_data_type_id: 1, value: 'y' });
		sandbox.reset();
		expect(sandbox.queues()).toEqual(queues);
		expect(sandbox.serialData()).toEqual(data);
		expect(new MbxSandbox().queues()).toEqual(queues);
	});
});
