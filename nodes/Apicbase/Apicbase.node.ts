import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/router';
import { kitchen } from './actions';
import { kitchenAuthentication, kitchenCredentials } from './authentication';
import * as listSearch from './methods/listSearch';

/** Apicbase for the kitchen: purchase orders it sent, deliveries, outlets and stock. */
export class Apicbase implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apicbase',
		name: 'apicbase',
		icon: { light: 'file:../../icons/apicbase.svg', dark: 'file:../../icons/apicbase.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: kitchen.subtitle,
		description: 'Purchase orders, deliveries, outlets and stock in your Apicbase library',
		defaults: { name: 'Apicbase' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: kitchenCredentials,
		properties: [kitchenAuthentication, ...kitchen.properties],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, kitchen.operations);
	}
}
