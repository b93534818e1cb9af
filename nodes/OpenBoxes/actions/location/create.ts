import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldError, requiredStringParameter } from '../../../shared/parameters';
import { trimmed, withoutKeys } from '../../../shared/values';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { locationFieldOptions, locationFieldsBody, locationTypeField, organizationIdField, TYPES_NEEDING_ORGANIZATION } from './fields';
import { dataList, dataObject } from '../../helpers';

const show = { resource: ['location'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Boston Warehouse',
		description: 'Name of the location; it must differ from the other locations at the same level',
		displayOptions: { show },
	},
	{ ...locationTypeField(true), displayOptions: { show } },
	{
		...organizationIdField(
			'OpenBoxes ID of the organization that runs the location. Required for Depot and Supplier locations; the node checks this before creating anything.',
		),
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: locationFieldOptions,
	},
];

/** The code (DEPOT, SUPPLIER, …) of a location type, looked up by its ID; undefined when unknown. */
async function locationTypeCode(context: IExecuteFunctions, typeId: string, itemIndex: number): Promise<string | undefined> {
	const response = await openBoxesRequest.call(context, 'GET', OPENBOXES_PATHS.locationTypes, { itemIndex });
	const type = dataList(response).find((candidate) => String(candidate.id) === typeId);
	return type ? trimmed(type.locationTypeCode).toUpperCase() : undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredStringParameter(this, 'name', 'Name', itemIndex);
	const typeId = requiredStringParameter(this, 'locationTypeId', 'Location Type', itemIndex);
	const organizationId = trimmed(this.getNodeParameter('organizationId', itemIndex, ''));
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const extra = withoutKeys(additional, ['name', 'locationTypeId', 'organizationId']);
	const body: IDataObject = {
		name,
		locationType: { id: typeId },
		...(organizationId ? { organization: { id: organizationId } } : {}),
		...locationFieldsBody(this, extra, itemIndex, { keepEmpty: false }),
	};

	if (!organizationId) {
		// The chosen type is an ID; its code is looked up so that a Depot or Supplier without an
		// organization is refused, naming the field, before anything is created.
		const code = await locationTypeCode(this, typeId, itemIndex);
		if (code && TYPES_NEEDING_ORGANIZATION.includes(code)) {
			throw fieldError(
				this,
				`Organization ID is required for a location of type ${code}`,
				'Organization ID',
				itemIndex,
				'OpenBoxes saves Depot and Supplier locations only with the organization that runs them. Fill in "Organization ID".',
			);
		}
	}

	const response = await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.locations, { body, itemIndex });
	return dataObject(response);
}
