import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/router';
import { supplier } from './actions';

/** Apicbase for a supplier: the purchase orders customers send you, your customers and your assortment. */
export class ApicbaseSupplier implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Apicbase Supplier',
		name: 'apicbaseSupplier',
		icon: { light: 'file:../../icons/apicbase.svg', dark: 'file:../../icons/apicbase.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: supplier.subtitle,
		description: 'Purchase orders your Apicbase customers send you, your customers and your assortment',
		defaults: { name: 'Apicbase Supplier' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'apicbaseSupplierApi',
				required: true,
				// Accept or Refuse answers the trigger's waiting call and needs no sign-in. "hide" rather
				// than "show": n8n's editor would hide the fields a "show" rule names.
				displayOptions: { hide: { operation: ['respond'] } },
			},
		],
		properties: supplier.properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, supplier.operations);
	}
}
