import { jsonParse, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { credentialLocation } from '../../credentialLocation';
import { dataList, dataObject, multiValues } from '../../helpers';
import { fieldError } from '../../../shared/parameters';
import { isObject, trimmed } from '../../../shared/values';
import { nested, putAwayBinField } from './fields';

const show = { resource: ['putAway'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'The put-away is created as Pending at the location set in the credential. Use Complete once the stock is on the shelves.',
		name: 'createNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Put Away',
		name: 'candidateSource',
		type: 'options',
		options: [
			{
				name: 'Rows I Provide',
				value: 'provided',
				description: 'Rows from a Get Candidates step, e.g. filtered and gathered with an Aggregate node',
			},
			{
				name: 'Stock Waiting in Receiving',
				value: 'waiting',
				description: 'Everything waiting to be put away at the credential’s location, optionally only some products',
			},
		],
		default: 'waiting',
		displayOptions: { show },
	},
	{
		displayName: 'Only Product IDs',
		name: 'productIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. ff80818155df9de40155df9e31000001, ff80818155df9de40155df9e31000002',
		description: 'Put away only these products (IDs separated by commas). Leave empty to put away everything waiting.',
		displayOptions: { show: { ...show, candidateSource: ['waiting'] } },
	},
	{
		displayName: 'Rows',
		name: 'candidates',
		type: 'json',
		default: '[]',
		required: true,
		description: 'A list of rows as Get Candidates outputs them',
		hint: 'E.g. {{ $json.data }} after an Aggregate node that gathered the Get Candidates rows into "data"',
		displayOptions: { show: { ...show, candidateSource: ['provided'] } },
	},
	{
		...putAwayBinField,
		description: 'The bin to put every item into. Leave empty to choose bins later, in OpenBoxes or with Complete.',
		displayOptions: { show },
	},
];

/** The rows typed or mapped into "Rows": a list (or one row), as text or as data. */
function providedRows(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = context.getNodeParameter('candidates', itemIndex, '[]') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = jsonParse(raw.trim() === '' ? '[]' : raw);
		} catch {
			throw fieldError(context, 'Rows is not valid JSON', 'Rows', itemIndex, 'Give the rows as a JSON list, e.g. {{ $json.data }}.');
		}
	}
	const list = Array.isArray(value) ? value : [value];
	if (!list.every(isObject)) {
		throw fieldError(context, 'Rows must be a list of rows from Get Candidates', 'Rows', itemIndex, 'Give the rows as a JSON list of objects, e.g. {{ $json.data }}.');
	}
	return list;
}

function productIdOf(row: IDataObject): string {
	const product = row.product;
	return trimmed(isObject(product) ? product.id : row['product.id']);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const source = this.getNodeParameter('candidateSource', itemIndex, 'waiting') as string;
	const bin = trimmed(this.getNodeParameter('putAwayBinId', itemIndex, ''));
	let rows: IDataObject[];
	if (source === 'provided') {
		rows = providedRows(this, itemIndex);
	} else {
		const wanted = multiValues(this.getNodeParameter('productIds', itemIndex, ''));
		const location = await credentialLocation(this, 'Location', itemIndex);
		const response = await openBoxesRequest.call(this, 'GET', OPENBOXES_PATHS.putaways, { query: { 'location.id': location }, itemIndex });
		rows = dataList(response).filter((row) => wanted.length === 0 || wanted.includes(productIdOf(row)));
	}
	if (rows.length === 0) {
		throw fieldError(
			this,
			source === 'provided' ? 'Rows is empty; there is nothing to put away' : 'No stock is waiting to be put away for these products',
			source === 'provided' ? 'Rows' : 'Only Product IDs',
			itemIndex,
			source === 'provided'
				? 'Give at least one row from Get Candidates in "Rows".'
				: 'Check "Only Product IDs", or receive the stock first: only received stock that sits in a receiving bin can be put away.',
		);
	}

	const putawayItems = rows.map((row) => {
		const item: IDataObject = { ...nested(row), putawayStatus: 'PENDING' };
		if (bin !== '') item.putawayLocation = { id: bin };
		return item;
	});
	const body: IDataObject = { putawayStatus: 'PENDING', putawayItems };
	return nested(dataObject(await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.putaways, { body, itemIndex })));
}
