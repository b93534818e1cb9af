import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { limitParameter } from '../../../shared/parameters';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseList } from '../../transport';
import { customerCredentialType } from '../../authentication';

const show = { resource: ['outlet'], operation: ['getAll'] };

export const description: INodeProperties[] = [...returnAllOrLimit(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await apicbaseList.call(this, customerCredentialType(this), APICBASE_PATHS.outlets, {
		limit: limitParameter(this, itemIndex),
		itemIndex,
	});
}
