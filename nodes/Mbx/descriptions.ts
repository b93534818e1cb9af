import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { positiveInteger } from '../shared/parameters';

/**
 * A "From list / By ID" picker for an MBX record. `searchMethod` names a listSearch method
 * registered on the node (nodes/Mbx/methods).
 */
export function mbxRecordLocator(options: {
	name: string;
	displayName: string;
	searchMethod: string;
	show: IDisplayOptions['show'];
	description?: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		displayOptions: { show: options.show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchMethod, searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12345',
				validation: [{ type: 'regex', properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'An MBX ID is a whole number' } }],
			},
		],
	};
}

/** The numeric ID picked in a record locator, checked before anything is sent. */
export function mbxRecordId(context: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const value = context.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as unknown;
	return positiveInteger(context, value, label, itemIndex);
}
