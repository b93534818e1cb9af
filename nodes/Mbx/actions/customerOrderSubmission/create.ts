import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { positiveIntegerParameter, requiredStringParameter } from '../../../shared/parameters';
import { mbxRequest } from '../../transport';
import {
	ORDERS_PATH,
	customerOrderField,
	dutiesAndTaxesAccountField,
	importerOfRecordField,
	linesField,
	notesField,
	orderFieldsBody,
	organizationIdField,
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
	{ ...linesField('lines'), required: true, displayOptions: { show } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			dutiesAndTaxesAccountField,
			importerOfRecordField('importer_of_record'),
			notesField,
			rmaCaseField,
			shipAccountField,
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Every field is checked here, in the order the node shows them, before anything is sent.
	const body: IDataObject = {
		organization_id: positiveIntegerParameter(this, 'organizationId', 'Organization ID', itemIndex),
		purchase_order: requiredStringParameter(this, 'purchaseOrder', 'Purchase Order', itemIndex),
		customer_order: requiredStringParameter(this, 'customerOrder', 'Customer Order', itemIndex),
		ship_method_id: shipMethodId(this, this.getNodeParameter('shipMethodId', itemIndex, '') as unknown, itemIndex),
		recipient: readAddress(this, this.getNodeParameter('recipient', itemIndex, {}) as unknown, 'Recipient', itemIndex),
		lines: readLines(this, this.getNodeParameter('lines', itemIndex, {}) as unknown, itemIndex),
	};
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	Object.assign(
		body,
		orderFieldsBody(
			this,
			{
				ship_account: additional.ship_account,
				notes: additional.notes,
				customer_rma_case: additional.customer_rma_case,
				importer_of_record: additional.importer_of_record,
				duties_and_taxes_account: additional.duties_and_taxes_account,
			},
			itemIndex,
			{ keepEmpty: false },
		),
	);
	return (await mbxRequest.call(this, 'POST', ORDERS_PATH, { body, itemIndex })) as IDataObject;
}
