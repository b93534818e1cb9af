import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { mbxList } from '../../transport';
import { MBX_PATHS } from '../../paths';

const show = { resource: ['automationTaskType'], operation: ['getAll'] };

export const description: INodeProperties[] = [...returnAllOrLimit(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await mbxList.call(this, MBX_PATHS.automationTaskTypes, {
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
