/**
 * MBX Forge: automation task types (reference data), automation queues (one per queued serial,
 * created with their tasks), the task update addressed by serial and sequence (start, complete,
 * fail, which adds a retry task, or notify), the tasks' CSV report, and serial data. Rows keep
 * their organization beside the API fields; the API never shows it.
 */
import { withoutKeys } from '../../../nodes/shared/values';
import type { SandboxResponse } from '../common/server';
import { errors, type JsonObject } from './http';
import type { MbxOrganization } from './seed';
import {
	ASSIGNEE_NAMES,
	type MbxAutomationQueue,
	type MbxAutomationTask,
	type MbxAutomationTaskType,
	type MbxSerialData,
	type QueueRecord,
	type SerialDataRecord,
} from './seed-operations';
import { tick, type MbxState } from './state';
import { toCsv, validateQueueInput, validateSerialDataInput, validateTaskUpdate } from './validation';

export const TASK_TYPE_FIELDS: ReadonlyArray<keyof MbxAutomationTaskType> = ['id', 'name', 'description'];
export const QUEUE_FIELDS: ReadonlyArray<keyof MbxAutomationQueue> = ['id', 'serial_id', 'work_order_id', 'finished', 'ip_address'];
export const SERIAL_DATA_FIELDS: ReadonlyArray<keyof MbxSerialData> = [
	'id',
	'manufacturer_serial',
	'serial_data_type_id',
	'metadata',
	'value',
	'created_at',
];

/** The exact header row of GET /v2/automation_tasks/details.csv. */
export const AUTOMATION_TASK_CSV_COLUMNS = [
	'id',
	'automation_queue_id',
	'automation_task_type_id',
	'sequence',
	'started_at',
	'completed_at',
	'failed',
	'message',
	'assignee_id',
	'assignee_name',
	'work_order_id',
	'serial_id',
	'item_id',
	'manufacturer_serial',
] as const;

/** A queue as the helper `queues()` gives it: the API row plus its serial and tasks. */
export interface MbxAutomationQueueDetails extends MbxAutomationQueue {
	manufacturer_serial: string;
	automation_tasks: MbxAutomationTask[];
}

export const renderQueue = (queue: QueueRecord): MbxAutomationQueue => withoutKeys(queue, ['organizationId']);
export const renderSerialData = (data: SerialDataRecord): MbxSerialData => withoutKeys(data, ['organizationId']);

export function queuesWithTasks(state: MbxState, organizationId: number): MbxAutomationQueueDetails[] {
	return state.queueRows
		.filter((q) => q.organizationId === organizationId)
		.map((q) => ({
			...renderQueue(q),
			manufacturer_serial: state.serialRows.find((s) => s.id === q.serial_id)?.manufacturerSerial ?? '',
			automation_tasks: state.taskRows.filter((t) => t.automation_queue_id === q.id).map((t) => ({ ...t })),
		}));
}

export function organizationTasks(state: MbxState, organizationId: number): MbxAutomationTask[] {
	const queueIds = new Set(state.queueRows.filter((q) => q.organizationId === organizationId).map((q) => q.id));
	return state.taskRows.filter((t) => queueIds.has(t.automation_queue_id)).map((t) => ({ ...t }));
}

export function createQueue(state: MbxState, organization: MbxOrganization, body: JsonObject): SandboxResponse {
	const { errors: problems, value } = validateQueueInput(body, (id) => state.taskTypeRows.some((t) => t.id === id));
	if (!value) return errors(422, ...problems);
	const organizationId = organization.organizationId;
	let serial = state.serialRows.find(
		(s) => s.organizationId === organizationId && s.manufacturerSerial === value.manufacturer_serial,
	);
	if (!serial) {
		// A system MBX has not built: no item or work order is known for it.
		serial = {
			id: state.nextIds.serial++,
			organizationId,
			manufacturerSerial: value.manufacturer_serial,
			itemId: null,
			workOrderId: null,
		};
		state.serialRows.push(serial);
	}
	const queue: QueueRecord = {
		id: state.nextIds.queue++,
		serial_id: serial.id,
		work_order_id: serial.workOrderId,
		finished: false,
		ip_address: value.ip_address,
		organizationId,
	};
	state.queueRows.push(queue);
	const tasks = value.automation_tasks.map(
		(task): MbxAutomationTask => ({
			id: state.nextIds.task++,
			automation_queue_id: queue.id,
			automation_task_type_id: task.task_type_id,
			sequence: task.sequence,
			started_at: null,
			completed_at: null,
			failed: false,
			message: null,
			assignee_id: task.assignee_id,
		}),
	);
	state.taskRows.push(...tasks);
	return { status: 201, body: { ...renderQueue(queue), automation_tasks: tasks.map((t) => ({ ...t })) } };
}

export function updateTask(state: MbxState, organization: MbxOrganization, body: JsonObject): SandboxResponse {
	const { errors: problems, value } = validateTaskUpdate(body);
	if (!value) return errors(422, ...problems);
	const serial = state.serialRows.find(
		(s) => s.organizationId === organization.organizationId && s.manufacturerSerial === value.manufacturer_serial,
	);
	// A serial queued more than once is addressed through its latest queue.
	const queue = serial && [...state.queueRows].reverse().find((q) => q.serial_id === serial.id);
	if (!queue) return errors(422, `manufacturer_serial '${value.manufacturer_serial}' has no automation queue`);
	const queueTasks = state.taskRows.filter((t) => t.automation_queue_id === queue.id);
	const task = queueTasks.find((t) => t.sequence === value.sequence);
	if (!task) {
		return errors(
			422,
			`sequence ${value.sequence} is not a task of the automation queue for '${value.manufacturer_serial}'`,
		);
	}
	const refuse = (reason: string) => errors(422, `Task with sequence ${task.sequence} ${reason}`);
	switch (value.message_type) {
		case 'start':
			if (task.failed) return refuse('has failed');
			if (task.completed_at) return refuse('is already completed');
			task.started_at = tick(state);
			break;
		case 'complete':
			if (task.failed) return refuse('has failed');
			if (task.completed_at) return refuse('is already completed');
			if (!task.started_at) return refuse('has not been started');
			task.completed_at = tick(state);
			break;
		case 'fail':
			if (task.failed) return refuse('has already failed');
			if (task.completed_at) return refuse('is already completed');
			task.failed = true;
			state.taskRows.push({
				id: state.nextIds.task++,
				automation_queue_id: queue.id,
				automation_task_type_id: task.automation_task_type_id,
				sequence: Math.max(...queueTasks.map((t) => t.sequence)) + 1,
				started_at: null,
				completed_at: null,
				failed: false,
				message: null,
				assignee_id: task.assignee_id,
			});
			break;
		case 'notify':
			break;
	}
	if (value.message !== undefined) task.message = value.message;
	const open = state.taskRows.filter((t) => t.automation_queue_id === queue.id && !t.failed);
	queue.finished = open.length > 0 && open.every((t) => t.completed_at !== null);
	return { status: 200, body: { ...task } };
}

export function tasksCsv(state: MbxState, organization: MbxOrganization): SandboxResponse {
	const rows: unknown[][] = [];
	for (const task of organizationTasks(state, organization.organizationId)) {
		const queue = state.queueRows.find((q) => q.id === task.automation_queue_id)!;
		const serial = state.serialRows.find((s) => s.id === queue.serial_id);
		rows.push([
			task.id,
			task.automation_queue_id,
			task.automation_task_type_id,
			task.sequence,
			task.started_at,
			task.completed_at,
			task.failed,
			task.message,
			task.assignee_id,
			task.assignee_id === null ? null : ASSIGNEE_NAMES[task.assignee_id],
			queue.work_order_id,
			queue.serial_id,
			serial?.itemId,
			serial?.manufacturerSerial,
		]);
	}
	return {
		status: 200,
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="details.csv"',
		},
		body: toCsv([AUTOMATION_TASK_CSV_COLUMNS, ...rows]),
	};
}

export function createSerialData(state: MbxState, organization: MbxOrganization, body: JsonObject): SandboxResponse {
	const { errors: problems, value } = validateSerialDataInput(body);
	if (!value) return errors(422, ...problems);
	const record: SerialDataRecord = {
		id: state.nextIds.serialData++,
		...value,
		created_at: tick(state),
		organizationId: organization.organizationId,
	};
	state.serialDataRows.push(record);
	return { status: 201, body: renderSerialData(record) };
}
