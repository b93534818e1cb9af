import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../shared/descriptions';
import { positiveInteger } from '../shared/parameters';

/** A "From List / By ID" picker for an MBX record, whose IDs are whole numbers. */
export function mbxRecordLocator(options: {
	name: string;
	displayName: string;
	searchMethod: string;
	show: IDisplayOptions['show'];
	description?: string;
}): INodeProperties {
	return recordLocator({
		...options,
		idPlaceholder: 'e.g. 12345',
		idPattern: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'An MBX ID is a whole number' },
	});
}

/** The numeric ID picked in a record locator, checked before anything is sent. */
export function mbxRecordId(context: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const value = context.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as unknown;
	return positiveInteger(context, value, label, itemIndex);
}
