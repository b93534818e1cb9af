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
		credentials: [
			{ name: 'openBoxesApi', required: true, displayOptions: { show: { authentication: ['session'] } } },
			{ name: 'openBoxesApiKeyApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Login (Username and Password)', value: 'session' },
					{ name: 'API Key (Hosted Dedicated Plan)', value: 'apiKey' },
				],
				default: 'session',
			},
			...resourceProperties,
		],
	};

	methods = { loadOptions: { ...loadOptions }, listSearch: { ...listSearch } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resourceOperations);
	}
}
