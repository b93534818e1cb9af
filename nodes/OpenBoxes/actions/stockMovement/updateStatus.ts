import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, requiredIdParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { stockMovementIdField } from './fields';
import { trimmed } from '../../../shared/values';

const show = { resource: ['stockMovement'], operation: ['updateStatus'] };

/** The value that rolls the movement back one step instead of moving it forward. */
export const ROLLBACK = 'ROLLBACK';

/** The codes OpenBoxes accepts for a requisition-based movement, in workflow order (§6.2). */
export const STATUS_CODES = ['REQUESTED', 'PICKING', 'PICKED', 'CHECKING', 'DISPATCHED'] as const;

export const description: INodeProperties[] = [
	{
		displayName:
			'A movement goes through its statuses in order: Requested, Picking, Picked, Checking, then Dispatched.',
		name: 'statusNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	stockMovementIdField(show, 'The OpenBoxes ID of the stock movement to move on'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		// Numbered so that the alphabetical order n8n asks for is also the order of the steps.
		hint: 'Inbound movements you create start at Checking. OpenBoxes ignores a step backwards: use Roll Back Last Step.',
		options: [
			{
				name: '1. Requested',
				value: 'REQUESTED',
				description: 'Submit the request: the lines are final and the stock can be picked',
			},
			{
				name: '2. Picking',
				value: 'PICKING',
				description: 'Start picking; OpenBoxes checks that enough stock is available',
			},
			{
				name: '3. Picked',
				value: 'PICKED',
				description: 'Picking is done; OpenBoxes prepares the shipment',
			},
			{
				name: '4. Checking (Packing)',
				value: 'CHECKING',
				description: 'Check and pack the shipment before it leaves',
			},
			{
				name: '5. Dispatched (Shipped)',
				value: 'DISPATCHED',
				description: 'Send the shipment: the stock leaves the origin’s inventory',
			},
			{
				name: 'Roll Back Last Step',
				value: ROLLBACK,
				description: 'Undo the most recent step, e.g. to edit lines again after Requested',
			},
		],
		default: 'REQUESTED',
		displayOptions: { show },
	},
	{
		displayName: 'Create Picklist',
		name: 'createPicklist',
		type: 'boolean',
		default: true,
		description: 'Whether OpenBoxes should choose the lots and bins to pick from automatically',
		displayOptions: { show: { ...show, status: ['PICKING'] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredIdParameter(this, 'stockMovementId', 'Stock Movement', itemIndex);
	const status = trimmed(this.getNodeParameter('status', itemIndex, '')).toUpperCase();
	let body: IDataObject;
	if (status === ROLLBACK) {
		body = { rollback: true };
	} else if ((STATUS_CODES as readonly string[]).includes(status)) {
		body = { status };
		if (status === 'PICKING' && (this.getNodeParameter('createPicklist', itemIndex, true) as boolean)) {
			body.createPicklist = true;
		}
	} else {
		throw fieldError(
			this,
			status === '' ? 'Status is required' : `Status "${status}" is not one OpenBoxes can move a stock movement to`,
			'Status',
			itemIndex,
			`Use one of ${STATUS_CODES.join(', ')} or ${ROLLBACK} in the "Status" field.`,
		);
	}
	// OpenBoxes answers 200 with an empty body, so the output says what was done.
	await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.stockMovementStatus(id), { body, itemIndex });
	return { id, status, success: true };
}
