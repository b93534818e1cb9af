import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/router';
import { CUSTOMER_RESOURCES, resourceOperations, resourceProperties, SUPPLIER_RESOURCES } from './actions';

export class Apicbase implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apicbase',
		name: 'apicbase',
		icon: { light: 'file:../../icons/apicbase.svg', dark: 'file:../../icons/apicbase.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Purchase orders, deliveries and stock in Apicbase, for suppliers and food-service teams',
		defaults: { name: 'Apicbase' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'apicbaseSupplierApi', required: true, displayOptions: { show: { resource: SUPPLIER_RESOURCES } } },
			{
				name: 'apicbaseOAuth2Api',
				required: true,
				displayOptions: { show: { resource: CUSTOMER_RESOURCES, authentication: ['oAuth2'] } },
			},
			{
				name: 'apicbaseAccessTokenApi',
				required: true,
				displayOptions: { show: { resource: CUSTOMER_RESOURCES, authentication: ['accessToken'] } },
			},
		],
		properties: resourceProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resourceOperations);
	}
}
