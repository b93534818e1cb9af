import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
import { mbxGet } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['automationTaskType'], operation: ['get'] };

export const description: INodeProperties[] = [
	mbxRecordLocator({
		name: 'automationTaskTypeId',
		displayName: 'Automation Task Type',
		searchMethod: 'searchAutomationTaskTypes',
		show,
		description:
			'The Forge task type to get: pick it from the list (type part of its name to narrow it) or enter its MBX ID, the "id" of Automation Task Type > Get Many',
	}),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'automationTaskTypeId', 'Automation Task Type', itemIndex);
	return await mbxGet.call(this, MBX_PATHS.automationTaskType(id), itemIndex);
}
