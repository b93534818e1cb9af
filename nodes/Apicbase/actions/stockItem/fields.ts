import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function outletIdField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Outlet ID',
		name: 'outletId',
		type: 'string',
		required: true,
		default: '',
		description: 'The API ID of the outlet, from Outlet > Get Many',
		displayOptions: { show },
	};
}
