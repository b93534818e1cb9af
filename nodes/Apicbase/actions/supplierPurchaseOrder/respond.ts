import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

const show = { resource: ['supplierPurchaseOrder'], operation: ['respond'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Answers the Apicbase Supplier Trigger that started this run. Set that trigger\'s Respond to "When the Workflow Finishes".',
		name: 'respondNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Answer',
		name: 'answer',
		type: 'options',
		options: [
			{ name: 'Accept the Order', value: 'accept', description: 'Answer 200: the order counts as sent to you' },
			{ name: 'Refuse the Order', value: 'refuse', description: 'Answer with an error code: the customer sees an error and the order stays unsent' },
		],
		default: 'accept',
		displayOptions: { show },
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Article 10442 is out of stock until Monday',
		description: 'Why the order is refused, sent in the answer to Apicbase. Apicbase shows the customer that the order failed; whether it shows this text is not documented.',
		displayOptions: { show: { ...show, answer: ['refuse'] } },
	},
	{
		displayName: 'Status Code',
		name: 'statusCode',
		type: 'options',
		options: [
			{ name: '400 Bad Request (the Order Is Wrong)', value: 400 },
			{ name: '409 Conflict (the Order Clashes With Another)', value: 409 },
			{ name: '422 Unprocessable (Cannot Be Fulfilled)', value: 422 },
		],
		default: 422,
		description: 'Apicbase treats every non-2xx answer as a refusal; pick the one that fits best',
		displayOptions: { show: { ...show, answer: ['refuse'] } },
	},
];

/** Answers the waiting Apicbase call (n8n's response-node channel) and passes the item on. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	// n8n's tool variant of a node has its type name ending in "Tool": an AI agent has no Apicbase call to answer.
	if (this.getNode().type.endsWith('Tool')) {
		throw new NodeOperationError(this.getNode(), 'Accept or Refuse cannot be used as a tool: it answers the Apicbase call that started the workflow', {
			itemIndex,
			description: 'Use it after an Apicbase Supplier Trigger whose Respond is "When the Workflow Finishes".',
		});
	}
	const item = this.getInputData()[itemIndex];
	const answer = this.getNodeParameter('answer', itemIndex, 'accept') as string;
	let statusCode = 200;
	let body: { status: string; reason?: string } = { status: 'accepted' };
	if (answer === 'refuse') {
		const reason = String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
		if (reason === '') {
			throw new NodeOperationError(this.getNode(), 'Reason is required when refusing an order', {
				itemIndex,
				description: 'Check the "Reason" field.',
			});
		}
		const rawStatus = this.getNodeParameter('statusCode', itemIndex, 422) as unknown;
		statusCode = typeof rawStatus === 'string' && rawStatus.trim() !== '' ? Number(rawStatus.trim()) : (rawStatus as number);
		// An expression may give another refusal code; anything but a 4xx or 5xx would not refuse.
		if (!Number.isInteger(statusCode) || statusCode < 400 || statusCode > 599) {
			throw new NodeOperationError(this.getNode(), `Status Code must be an HTTP error code from 400 to 599, got "${String(rawStatus)}"`, {
				itemIndex,
				description: 'Check the "Status Code" field.',
			});
		}
		body = { status: 'refused', reason };
	}
	await this.sendResponse({ body, headers: { 'content-type': 'application/json' }, statusCode });
	return [{ json: { ...item.json, _apicbaseAnswer: { statusCode, ...body } }, binary: item.binary }];
}
