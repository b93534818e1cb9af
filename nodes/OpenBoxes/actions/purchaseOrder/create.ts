import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, requiredText } from '../../../shared/parameters';
import { dataObject } from '../../helpers';
import { isObject, trimmed } from '../../../shared/values';
import { locationOrCredential } from '../../credentialLocation';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import {
	ORDER_API_NOTICE,
	dateOrdered,
	dateOrderedField,
	destinationPicker,
	explainMissingOrderApi,
	orderLinesField,
	orderNameField,
	orderNumberField,
	orderedByField,
	readOrderItems,
	
	supplierField,
} from './fields';

const show = { resource: ['purchaseOrder'], operation: ['create'] };

export const description: INodeProperties[] = [
	{ displayName: ORDER_API_NOTICE, name: 'orderApiNotice', type: 'notice', default: '', displayOptions: { show } },
	{
		...orderNameField,
		required: true,
		hint: 'OpenBoxes requires a description for every purchase order',
		displayOptions: { show },
	},
	{ ...supplierField, required: true, displayOptions: { show } },
	destinationPicker(show),
	{ ...orderedByField, required: true, displayOptions: { show } },
	{ ...dateOrderedField, description: 'When the order was placed. Leave empty to send no date.', displayOptions: { show } },
	{ ...orderLinesField(), required: true, displayOptions: { show } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [orderNumberField],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Every field is checked before anything is sent.
	const name = trimmed(this.getNodeParameter('name', itemIndex, ''));
	if (name === '') throw fieldError(this, 'Description is required', 'Description', itemIndex, 'Fill in the "Description" field.');
	const origin = requiredText(this, this.getNodeParameter('supplier', itemIndex, ''), 'Supplier', itemIndex);
	const destination = await locationOrCredential(this, 'destination', 'Destination', itemIndex);
	const orderedBy = requiredText(this, this.getNodeParameter('orderedBy', itemIndex, ''), 'Ordered By', itemIndex);
	// OpenBoxes keeps an order without a date (Order.dateOrdered is nullable), so none is made up.
	const ordered = dateOrdered(this, this.getNodeParameter('dateOrdered', itemIndex, ''), itemIndex);
	const orderItems = readOrderItems(this, this.getNodeParameter('lines', itemIndex, {}), itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const body: IDataObject = {
		name,
		origin: { id: origin },
		destination: { id: destination },
		orderedBy: { id: orderedBy },
		...(ordered ? { dateOrdered: ordered } : {}),
		orderItems,
	};
	const orderNumber = trimmed(additional.orderNumber);
	if (orderNumber !== '') body.orderNumber = orderNumber;

	const response = await explainMissingOrderApi(
		this,
		async () => await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.purchaseOrders, { body, itemIndex }),
		{ action: 'create', itemIndex },
	);
	// Hosted OpenBoxes wraps the order in `data`; anything else is passed on as it came.
	const data = dataObject(response);
	return Object.keys(data).length > 0 ? data : isObject(response) ? response : {};
}
