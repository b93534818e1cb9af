import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/router';
import { resourceOperations, resourceProperties, subtitle } from './actions';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import { openBoxesAuthentication, openBoxesCredentials } from './authentication';

export class OpenBoxes implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenBoxes',
		name: 'openBoxes',
		icon: { light: 'file:../../icons/openboxes.svg', dark: 'file:../../icons/openboxes.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Products, stock, purchase orders and stock movements in OpenBoxes',
		defaults: { name: 'OpenBoxes' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: openBoxesCredentials,
		properties: [
			openBoxesAuthentication,
			...resourceProperties,
		],
	};

	methods = { loadOptions: { ...loadOptions }, listSearch: { ...listSearch } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resourceOperations);
	}
}
