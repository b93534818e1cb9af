import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** The "Return All" switch and "Limit" field every Get Many operation shows. */
export function returnAllOrLimit(show: IDisplayOptions['show'], maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** The "Operation" dropdown of one resource. */
export function operationSelector(
	resource: string,
	options: Array<{ name: string; value: string; action: string; description: string }>,
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultValue,
	};
}

/**
 * A "From List / By ID" picker for one record. `searchMethod` names a listSearch method of the
 * node; `idPattern`, when given, checks a typed ID in the editor.
 */
export function recordLocator(options: {
	name: string;
	displayName: string;
	searchMethod: string;
	show: IDisplayOptions['show'];
	description?: string;
	idPlaceholder: string;
	idPattern?: { regex: string; errorMessage: string };
	/** Optional pickers (default: required) leave the value to a fallback, such as the credential's location. */
	required?: boolean;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
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
				placeholder: options.idPlaceholder,
				...(options.idPattern ? { validation: [{ type: 'regex' as const, properties: options.idPattern }] } : {}),
			},
		],
	};
}
