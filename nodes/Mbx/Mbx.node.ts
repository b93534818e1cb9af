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
import { mbxAuthentication, mbxCredentials } from './authentication';

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
		credentials: mbxCredentials,
		properties: [
			mbxAuthentication,
			...resourceProperties,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resourceOperations);
	}
}
