import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { assertSomethingToUpdate } from '../../../shared/parameters';
import { mbxRecordId, mbxRecordLocator } from '../../descriptions';
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
	recipientField,
	rmaCaseField,
	shipAccountField,
	shipMethodField,
} from './fields';

const show = { resource: ['customerOrderSubmission'], operation: ['update'] };

export const description: INodeProperties[] = [
	{
		displayName: 'MBX accepts changes only while the order is Pending. Once it is released or shipped, MBX refuses them.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	mbxRecordLocator({
		name: 'orderId',
		displayName: 'Order',
		searchMethod: 'searchOrders',
		show,
		description: 'The order to change. Search the list by purchase order, or give its MBX ID.',
	}),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; one added but left empty clears the value. Recipient, Importer of Record and Lines replace the whole address or all lines.',
		displayOptions: { show },
		options: [
			customerDataField,
			customerOrderField('customer_order'),
			dutiesAndTaxesAccountField,
			endUserNameField,
			endUserOrderDateField,
			endUserPoField,
			importerOfRecordField('importer_of_record'),
			linesField('lines'),
			notesField,
			organizationIdField('organization_id'),
			promiseDateField,
			purchaseOrderField('purchase_order'),
			recipientField('recipient'),
			rmaCaseField,
			shipAccountField,
			shipMethodField('ship_method_id'),
		],
	},
];

/** Customer Data takes an object from an expression and sends it as JSON text. */
export const acceptsObjects = ['customer_data'];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = mbxRecordId(this, 'orderId', 'Order ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = orderFieldsBody(this, fields, itemIndex, { keepEmpty: true });
	assertSomethingToUpdate(this, body, itemIndex);
	return (await mbxRequest.call(this, 'PUT', MBX_PATHS.order(id), { body, itemIndex })) as IDataObject;
}
