import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { mbxList } from '../../transport';

const show = { resource: ['automationTaskType'], operation: ['getAll'] };

export const description: INodeProperties[] = [...returnAllOrLimit(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await mbxList.call(this, '/v2/automation_task_types', {
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
