import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { positiveInteger } from '../../../shared/parameters';
import { mbxRequest } from '../../transport';
import { MBX_PATHS } from '../../paths';
import { limitedTextParameter, manufacturerSerialField } from '../../forge';

const show = { resource: ['serialData'], operation: ['create'] };

export const description: INodeProperties[] = [
	manufacturerSerialField(show, 'Serial number of the system, as submitted to Forge (at most 256 characters)'),
	{
		displayName: 'Serial Data Type ID',
		name: 'serialDataTypeId',
		type: 'number',
		// No made-up ID: 0 means "not chosen yet" and is refused, so MBX never gets a type the
		// builder did not pick.
		default: 0,
		required: true,
		description: 'MBX ID of the kind of data you record, e.g. a MAC address or a BIOS version. Ask MBX for the IDs.',
		hint: 'An ID from MBX, e.g. 3',
		displayOptions: { show },
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 00:1B:44:11:3A:B7',
		description: 'The data itself (at most 256 characters)',
		displayOptions: { show },
	},
	{
		displayName: 'Metadata',
		name: 'metadata',
		type: 'string',
		default: '',
		description: 'Optional extra information about the value (at most 256 characters)',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const manufacturerSerial = limitedTextParameter(this, 'manufacturerSerial', 'Manufacturer Serial', itemIndex, {
		required: true,
	});
	const rawTypeId = this.getNodeParameter('serialDataTypeId', itemIndex, 0) as unknown;
	if (rawTypeId === 0 || rawTypeId === null || rawTypeId === undefined || String(rawTypeId).trim() === '') {
		throw new NodeOperationError(this.getNode(), 'Serial Data Type ID is required', {
			itemIndex,
			description: 'Fill in the "Serial Data Type ID" field with the ID MBX gave you for this kind of data.',
		});
	}
	const serialDataTypeId = positiveInteger(this, rawTypeId, 'Serial Data Type ID', itemIndex);
	const value = limitedTextParameter(this, 'value', 'Value', itemIndex, { required: true, trim: false });
	const metadata = limitedTextParameter(this, 'metadata', 'Metadata', itemIndex, { required: false, trim: false });
	const body: IDataObject = { manufacturer_serial: manufacturerSerial, serial_data_type_id: serialDataTypeId };
	if (metadata.trim() !== '') body.metadata = metadata;
	body.value = value;
	return (await mbxRequest.call(this, 'POST', MBX_PATHS.serialData, { body, itemIndex })) as IDataObject;
}
