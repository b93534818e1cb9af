import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/router';
import * as country from './actions/country';

const resources = { country: country.operations };

export class Mbx implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MBX Systems',
		name: 'mbx',
		icon: { light: 'file:../../icons/mbx.svg', dark: 'file:../../icons/mbx.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Fulfillment orders, inventory, invoices and items at MBX Systems',
		defaults: { name: 'MBX Systems' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mbxHmacApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Country', value: 'country' }],
				default: 'country',
			},
			...country.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resources);
	}
}
