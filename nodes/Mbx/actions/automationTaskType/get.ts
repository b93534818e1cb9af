import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { positiveIntegerParameter } from '../../../shared/parameters';
import { mbxRequest } from '../../transport';

const show = { resource: ['automationTaskType'], operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Automation Task Type ID',
		name: 'automationTaskTypeId',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		required: true,
		description: 'MBX ID of the task type. Use Get Many to look IDs up.',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = positiveIntegerParameter(this, 'automationTaskTypeId', 'Automation Task Type ID', itemIndex);
	return (await mbxRequest.call(this, 'GET', `/v2/automation_task_types/${id}`, { itemIndex })) as IDataObject;
}
