/**
 * The four Automation Task operations send the same PUT /v2/automation_tasks update and differ
 * only in message_type, so their fields and request are built here once.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mbxRequest } from '../../transport';
import { MBX_PATHS } from '../../paths';
import { ipAddressField, ipAddressParameter, limitedTextParameter, manufacturerSerialField } from '../../forge';
import { nonNegativeInteger } from '../../../shared/parameters';

export type TaskMessageType = 'start' | 'complete' | 'fail' | 'notify';

const MESSAGE_HELP: Record<TaskMessageType, string> = {
	start: 'Optional note for the MBX operator, e.g. "Started Run-In" (at most 256 characters)',
	complete: 'Optional note for the MBX operator, e.g. "All tests passed" (at most 256 characters)',
	fail: 'Optional note for the MBX operator on why the task failed (at most 256 characters)',
	notify: 'The status update the MBX operator sees for the task, e.g. "Copying image: 40%" (at most 256 characters)',
};

/** The fields of one message type: Manufacturer Serial, IP Address, Sequence and Message. */
export function taskUpdateDescription(messageType: TaskMessageType): INodeProperties[] {
	const show = { resource: ['automationTask'], operation: [messageType] };
	return [
		manufacturerSerialField(show, 'Serial number of the system, as given when its automation queue was created'),
		ipAddressField(show),
		{
			displayName: 'Sequence',
			name: 'sequence',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
			required: true,
			description: 'Which task this is about: the Sequence the task was given when the queue was created',
			displayOptions: { show },
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			required: messageType === 'notify',
			description: MESSAGE_HELP[messageType],
			displayOptions: { show },
		},
	];
}

/** Sends the update; the body is {manufacturer_serial, ip_address, sequence, message_type, message}. */
export async function sendTaskUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
	messageType: TaskMessageType,
): Promise<IDataObject> {
	const manufacturerSerial = limitedTextParameter(this, 'manufacturerSerial', 'Manufacturer Serial', itemIndex, {
		required: true,
	});
	const ipAddress = ipAddressParameter(this, 'ipAddress', 'IP Address', itemIndex);
	const sequence = nonNegativeInteger(this, this.getNodeParameter('sequence', itemIndex) as unknown, 'Sequence', itemIndex);
	const message = limitedTextParameter(this, 'message', 'Message', itemIndex, {
		required: messageType === 'notify',
		trim: false,
	});
	const body: IDataObject = {
		manufacturer_serial: manufacturerSerial,
		ip_address: ipAddress,
		sequence,
		message_type: messageType,
	};
	if (message.trim() !== '') body.message = message;
	const response = await mbxRequest.call(this, 'PUT', MBX_PATHS.automationTasks, { body, itemIndex });
	return response && typeof response === 'object' && !Array.isArray(response)
		? (response as IDataObject)
		: { success: true, message_type: messageType, sequence, ...(response ? { response } : {}) };
}
