import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** The fields both OpenBoxes credentials share: where the server is, the facility, the request budget. */
export const OPENBOXES_BASE_URL: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'https://yourorg.openboxes.cloud/openboxes',
	description: 'Your OpenBoxes address including the /openboxes part, as you see it in the browser',
};

export const OPENBOXES_LOCATION: INodeProperties = {
	displayName: 'Location ID',
	name: 'location',
	type: 'string',
	default: '',
	required: true,
	description:
		'ID of the facility (depot or warehouse) to work in. OpenBoxes answers stock and reorder questions for this location.',
};

export const OPENBOXES_REQUEST_BUDGET: INodeProperties[] = [
	{
		displayName: 'Request Budget',
		name: 'requestBudget',
		type: 'options',
		options: [
			{ name: 'No Limit (Self-Hosted OpenBoxes)', value: 'none' },
			{ name: '60 per Minute (Hosted Shared Plan)', value: '60' },
			{ name: '300 per Minute (Hosted Dedicated Plan)', value: '300' },
			{ name: 'Custom', value: 'custom' },
		],
		default: 'none',
		description: 'Requests are spaced to stay inside your plan, instead of running into "too many requests"',
	},
	{
		displayName: 'Requests per Minute',
		name: 'requestsPerMinute',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		displayOptions: { show: { requestBudget: ['custom'] } },
	},
];

/** Requests per minute allowed by the credential, or undefined for no limit. */
export function requestsPerMinute(credentials: ICredentialDataDecryptedObject): number | undefined {
	const budget = credentials.requestBudget;
	if (budget === '60' || budget === '300') return Number(budget);
	if (budget === 'custom') {
		const custom = Number(credentials.requestsPerMinute);
		return Number.isFinite(custom) && custom >= 1 ? Math.floor(custom) : undefined;
	}
	return undefined;
}
