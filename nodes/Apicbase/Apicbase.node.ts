import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/router';
import * as supplierPurchaseOrder from './actions/supplierPurchaseOrder';

const resources = { supplierPurchaseOrder: supplierPurchaseOrder.operations };

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
		credentials: [{ name: 'apicbaseSupplierApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Supplier Purchase Order', value: 'supplierPurchaseOrder' }],
				default: 'supplierPurchaseOrder',
			},
			...supplierPurchaseOrder.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, resources);
	}
}
