import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { nonNegativeInteger, positiveInteger } from '../../../shared/parameters';
import { mbxRequest } from '../../transport';
import { MBX_PATHS } from '../../paths';
import { ipAddressField, ipAddressParameter, limitedTextParameter, manufacturerSerialField } from '../../forge';

const show = { resource: ['automationQueue'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'For systems tested or imaged outside Forge: lists the tasks the system must run. Report progress with Automation Task.',
		name: 'forgeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	manufacturerSerialField(show, 'Serial number of the system the tasks are for (at most 256 characters)'),
	ipAddressField(show),
	{
		displayName: 'Tasks',
		name: 'tasks',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Task',
		default: {},
		required: true,
		description: 'The tasks the system must run. Add at least one.',
		displayOptions: { show },
		options: [
			{
				displayName: 'Task',
				name: 'task',
				values: [
					{
						displayName: 'Task Type Name or ID',
						name: 'taskTypeId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getAutomationTaskTypes' },
						default: '',
						required: true,
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Sequence',
						name: 'sequence',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 1,
						required: true,
						description:
							'Number of this task in the queue. Every task needs a different number; use it later to report progress on the task.',
					},
					{
						displayName: 'Assignee ID',
						name: 'assigneeId',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'MBX organization ID of who runs this task, when some tasks run in Forge and others outside it. Leave 0 to not set it.',
					},
				],
			},
		],
	},
];

interface TaskInput {
	taskTypeId?: unknown;
	sequence?: unknown;
	assigneeId?: unknown;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '' || value === 0;

/** The tasks as MBX expects them, checked field by field before anything is sent. */
function automationTasks(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const collection = context.getNodeParameter('tasks', itemIndex, {}) as { task?: TaskInput[] };
	const tasks = collection.task ?? [];
	if (tasks.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Tasks needs at least one task', {
			itemIndex,
			description: 'Add a task under "Tasks" with its Task Type and Sequence.',
		});
	}
	const firstBySequence = new Map<number, number>();
	return tasks.map((task, index) => {
		const position = index + 1;
		if (task.taskTypeId === undefined || task.taskTypeId === null || task.taskTypeId === '') {
			throw new NodeOperationError(context.getNode(), `Task Type is required (task ${position})`, {
				itemIndex,
				description: `Choose a Task Type for task ${position} under "Tasks".`,
			});
		}
		const taskTypeId = positiveInteger(context, task.taskTypeId, `Task Type (task ${position})`, itemIndex);
		const sequence = nonNegativeInteger(context, task.sequence, `Sequence (task ${position})`, itemIndex);
		const earlier = firstBySequence.get(sequence);
		if (earlier !== undefined) {
			throw new NodeOperationError(
				context.getNode(),
				`Sequence must be unique within Tasks: tasks ${earlier} and ${position} both use ${sequence}`,
				{ itemIndex, description: 'Give every task under "Tasks" its own Sequence number.' },
			);
		}
		firstBySequence.set(sequence, position);
		const body: IDataObject = { task_type_id: taskTypeId, sequence };
		if (!isBlank(task.assigneeId)) {
			body.assignee_id = positiveInteger(context, task.assigneeId, `Assignee ID (task ${position})`, itemIndex);
		}
		return body;
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const manufacturerSerial = limitedTextParameter(this, 'manufacturerSerial', 'Manufacturer Serial', itemIndex, {
		required: true,
	});
	const ipAddress = ipAddressParameter(this, 'ipAddress', 'IP Address', itemIndex);
	const body: IDataObject = {
		manufacturer_serial: manufacturerSerial,
		ip_address: ipAddress,
		automation_tasks: automationTasks(this, itemIndex),
	};
	return (await mbxRequest.call(this, 'POST', MBX_PATHS.automationQueues, { body, itemIndex })) as IDataObject;
}
