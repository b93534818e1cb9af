import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { stockMovementIdField } from './fields';
import { toOpenBoxesDateTime } from '../../dates';
import { trimmed } from '../../../shared/values';

const show = { resource: ['stockMovement'], operation: ['updateShipment'] };

export const description: INodeProperties[] = [
	stockMovementIdField(show, 'The OpenBoxes ID of the stock movement whose shipment details to set'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only the fields added here are sent. Dates without a time zone are read in the workflow’s time zone.',
		displayOptions: { show },
		options: [
			{
				displayName: 'Comments',
				name: 'comments',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Notes about the shipment',
			},
			{
				displayName: 'Date Shipped',
				name: 'dateShipped',
				type: 'dateTime',
				default: '',
				description: 'When the shipment leaves (or left) the origin',
			},
			{
				displayName: 'Driver Name',
				name: 'driverName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Expected Delivery Date',
				name: 'expectedDeliveryDate',
				type: 'dateTime',
				default: '',
				description: 'When the shipment should arrive at the destination',
			},
			{
				displayName: 'Shipment Type ID',
				name: 'shipmentTypeId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5',
				description: 'How the stock travels, as an OpenBoxes shipment type ID (5 is the default type)',
			},
			{
				displayName: 'Tracking Number',
				name: 'trackingNumber',
				type: 'string',
				default: '',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'stockMovementId', 'Stock Movement', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	// OpenBoxes reads both dates as `MM/dd/yyyy HH:mm XXX`, e.g. 11/24/2026 14:30 -05:00.
	const dateShipped = toOpenBoxesDateTime(this, fields.dateShipped, 'Date Shipped', itemIndex);
	if (dateShipped) body.dateShipped = dateShipped;
	const shipmentTypeId = trimmed(fields.shipmentTypeId);
	if (shipmentTypeId !== '') body.shipmentType = { id: shipmentTypeId };
	for (const key of ['trackingNumber', 'driverName', 'comments'] as const) {
		// Present text is sent as typed (an empty value clears it); absent fields are left alone.
		if (fields[key] !== undefined) body[key] = trimmed(fields[key]);
	}
	const expectedDeliveryDate = toOpenBoxesDateTime(this, fields.expectedDeliveryDate, 'Expected Delivery Date', itemIndex);
	if (expectedDeliveryDate) body.expectedDeliveryDate = expectedDeliveryDate;
	if (Object.keys(body).length === 0) {
		throw fieldError(
			this,
			'Update Fields is empty; add at least one shipment detail to set',
			'Update Fields',
			itemIndex,
			'Add the details to set under "Update Fields".',
		);
	}
	// OpenBoxes answers 200 with an empty body, so the output repeats what was set.
	await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.stockMovementUpdateShipment(id), { body, itemIndex });
	return { id, success: true, ...body };
}
