import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { assertSomethingToUpdate, requiredIdParameter, requiredText } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { dataObject } from '../../helpers';
import { isObject, trimmed } from '../../../shared/values';
import {
	ORDER_API_NOTICE,
	dateOrdered,
	dateOrderedField,
	explainMissingOrderApi,
	orderLinesField,
	orderNameField,
	orderNumberField,
	orderedByField,
	purchaseOrderIdField,
	readOrderItems,
	
	supplierField,
} from './fields';

const show = { resource: ['purchaseOrder'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ displayName: ORDER_API_NOTICE, name: 'orderApiNotice', type: 'notice', default: '', displayOptions: { show } },
	purchaseOrderIdField(show, 'The OpenBoxes ID of the purchase order to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent. Lines replace all lines of the order.',
		displayOptions: { show },
		options: [
			dateOrderedField,
			orderNameField,
			{
				displayName: 'Destination Name or ID',
				name: 'destination',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLocations' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				hint: 'The location the goods are delivered to',
			},
			orderLinesField(),
			orderNumberField,
			orderedByField,
			supplierField,
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'purchaseOrderId', 'Purchase Order', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.supplier !== undefined) body.origin = { id: requiredText(this, fields.supplier, 'Supplier', itemIndex) };
	if (fields.destination !== undefined) body.destination = { id: requiredText(this, fields.destination, 'Destination', itemIndex) };
	if (fields.orderedBy !== undefined) body.orderedBy = { id: requiredText(this, fields.orderedBy, 'Ordered By', itemIndex) };
	const ordered = dateOrdered(this, fields.dateOrdered, itemIndex);
	if (ordered) body.dateOrdered = ordered;
	// Text that was added but left empty is sent empty, which clears it.
	if (fields.orderNumber !== undefined) body.orderNumber = trimmed(fields.orderNumber);
	if (fields.name !== undefined) body.name = trimmed(fields.name);
	if (fields.lines !== undefined) body.orderItems = readOrderItems(this, fields.lines, itemIndex);
	assertSomethingToUpdate(this, body, itemIndex);

	const response = await explainMissingOrderApi(
		this,
		async () => await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.purchaseOrder(id), { body, itemIndex }),
		{ action: 'update', itemIndex },
	);
	const data = dataObject(response);
	return Object.keys(data).length > 0 ? data : { id, ...(isObject(response) ? response : {}) };
}
