import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/router';
import { resourceOperations, resourceProperties, subtitle } from './actions';
import { listSearch, loadOptions } from './methods';

export class Mbx implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MBX Systems',
		name: 'mbx',
		icon: { light: 'file:../../icons/mbx.svg', dark: 'file:../../icons/mbx.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Fulfillment orders, inventory, invoices and items at MBX Systems (now AHEAD)',
		defaults: { name: 'MBX Systems' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'mbxHmacApi', required: true, displayOptions: { show: { authentication: ['hmac'] } } },
			{ name: 'mbxOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'HMAC Signature (Recommended by MBX)', value: 'hmac' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'hmac',
			},
			...resourceProperties,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resourceOperations);
	}
}
