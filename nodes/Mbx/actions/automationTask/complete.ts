import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sendTaskUpdate, taskUpdateDescription } from './taskUpdate';

export const description: INodeProperties[] = taskUpdateDescription('complete');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendTaskUpdate.call(this, itemIndex, 'complete');
}
