import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { jsonParameter, positiveIntegerParameter, requiredStringParameter } from '../../../shared/parameters';
import { mbxRequest } from '../../transport';
import { MBX_PATHS } from '../../paths';
import {
	customerDataField,
	customerOrderField,
	dutiesAndTaxesAccountField,
	endUserNameField,
	endUserOrderDateField,
	endUserPoField,
	importerOfRecordField,
	linesField,
	notesField,
	orderFieldsBody,
	organizationIdField,
	promiseDateField,
	purchaseOrderField,
	readAddress,
	readLines,
	recipientField,
	rmaCaseField,
	shipAccountField,
	shipMethodField,
	shipMethodId,
} from './fields';

const show = { resource: ['customerOrderSubmission'], operation: ['create'] };

export const description: INodeProperties[] = [
	{ ...organizationIdField('organizationId'), required: true, displayOptions: { show } },
	{ ...purchaseOrderField('purchaseOrder'), required: true, displayOptions: { show } },
	{ ...customerOrderField('customerOrder'), required: true, displayOptions: { show } },
	{ ...shipMethodField('shipMethodId'), required: true, displayOptions: { show } },
	{ ...recipientField('recipient'), required: true, displayOptions: { show } },
	{
		displayName: 'Lines From',
		name: 'linesFrom',
		type: 'options',
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Type each line in the Lines field' },
			{ name: 'JSON List', value: 'json', description: 'A list of lines from an expression, for orders built by earlier nodes' },
		],
		default: 'fields',
		displayOptions: { show },
	},
	{ ...linesField('lines'), required: true, displayOptions: { show: { ...show, linesFrom: ['fields'] } } },
	{
		displayName: 'Lines (JSON)',
		name: 'linesJson',
		type: 'json',
		required: true,
		default: '[]',
		placeholder: '[{ "product_code": "ABC-1", "quantity": 2, "customs_declared_value": 12.5 }]',
		description: 'A list of lines, each with product_code, quantity and customs_declared_value (the value of one unit)',
		displayOptions: { show: { ...show, linesFrom: ['json'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			customerDataField,
			dutiesAndTaxesAccountField,
			endUserNameField,
			endUserOrderDateField,
			endUserPoField,
			importerOfRecordField('importer_of_record'),
			notesField,
			promiseDateField,
			rmaCaseField,
			shipAccountField,
		],
	},
];

/** The Lines field as { line: [...] }, whichever way the user gave it. */
function linesParameter(context: IExecuteFunctions, itemIndex: number): unknown {
	if (context.getNodeParameter('linesFrom', itemIndex, 'fields') !== 'json') return context.getNodeParameter('lines', itemIndex, {});
	const lines = jsonParameter(context, 'linesJson', 'Lines (JSON)', itemIndex, 'a list of lines');
	if (!Array.isArray(lines)) {
		throw new NodeOperationError(context.getNode(), 'Lines (JSON) must be a list of lines', {
			itemIndex,
			description: 'Check the "Lines (JSON)" field.',
		});
	}
	return { line: lines };
}

/** Customer Data takes an object from an expression and sends it as JSON text. */
export const acceptsObjects = ['customer_data'];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Every field is checked here, in the order the node shows them, before anything is sent.
	const body: IDataObject = {
		organization_id: positiveIntegerParameter(this, 'organizationId', 'Organization ID', itemIndex),
		purchase_order: requiredStringParameter(this, 'purchaseOrder', 'Purchase Order', itemIndex),
		customer_order: requiredStringParameter(this, 'customerOrder', 'Customer Order', itemIndex),
		ship_method_id: shipMethodId(this, this.getNodeParameter('shipMethodId', itemIndex, '') as unknown, itemIndex),
		recipient: readAddress(this, this.getNodeParameter('recipient', itemIndex, {}) as unknown, 'Recipient', itemIndex),
		lines: readLines(
			this,
			linesParameter(this, itemIndex),
			itemIndex,
			this.getNodeParameter('linesFrom', itemIndex, 'fields') === 'json' ? 'Lines (JSON)' : 'Lines',
		),
	};
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	Object.assign(
		body,
		orderFieldsBody(
			this,
			{
				ship_account: additional.ship_account,
				end_user_po: additional.end_user_po,
				end_user_name: additional.end_user_name,
				end_user_order_dt: additional.end_user_order_dt,
				promise_date: additional.promise_date,
				notes: additional.notes,
				customer_rma_case: additional.customer_rma_case,
				customer_data: additional.customer_data,
				importer_of_record: additional.importer_of_record,
				duties_and_taxes_account: additional.duties_and_taxes_account,
			},
			itemIndex,
			{ keepEmpty: false },
		),
	);
	return (await mbxRequest.call(this, 'POST', MBX_PATHS.orders, { body, itemIndex })) as IDataObject;
}
