import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { fieldError, limitParameter } from '../../../shared/parameters';
import { openBoxesRequest } from '../../transport';
import { OPENBOXES_PATHS } from '../../paths';
import { applyLimit, dataList } from '../../helpers';
import { isObject, trimmed } from '../../../shared/values';
import { checkedResourceName, resourceNameField } from './fields';

const show = { resource: ['genericApi'], operation: ['search'] };

const OPERATORS = ['eq', 'ilike', 'like'];

export const description: INodeProperties[] = [
	{
		displayName:
			'OpenBoxes ignores paging here and sends every match at once; Limit is applied afterwards. Use % in Value as a wildcard with the Like operators.',
		name: 'searchNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	resourceNameField(show),
	{
		displayName: 'Search Attributes',
		name: 'searchAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		required: true,
		description: 'Conditions on fields of the record; a record must meet all of them',
		displayOptions: { show },
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Equals', value: 'eq', description: 'The field is exactly the value' },
							{
								name: 'Like (Ignore Case)',
								value: 'ilike',
								description: 'The field matches the pattern, upper and lower case alike',
							},
							{ name: 'Like (Match Case)', value: 'like', description: 'The field matches the pattern, with the same case' },
						],
						default: 'eq',
					},
					{
						displayName: 'Property',
						name: 'property',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. name',
						description: 'Field of the record to compare, e.g. name or lotNumber. A path through a linked record, such as product.name, also works.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. Ibu%',
						description: 'Text to compare with. With a Like operator, % stands for any text.',
					},
				],
			},
		],
	},
	...returnAllOrLimit(show),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const resourceName = checkedResourceName(this, itemIndex);
	const raw = this.getNodeParameter('searchAttributes', itemIndex, {}) as IDataObject;
	const entries = isObject(raw) ? raw.attribute : undefined;
	const list = (Array.isArray(entries) ? entries : isObject(entries) ? [entries] : []).filter(isObject);
	if (list.length === 0) {
		throw fieldError(this, 'Search Attributes is empty; add at least one condition', 'Search Attributes', itemIndex,
			'Add a condition under "Search Attributes", e.g. Property name, Operator Like, Value Ibu%.');
	}
	const searchAttributes = list.map((entry, index) => {
		const label = `Search Attributes ${index + 1}`;
		const property = trimmed(entry.property);
		if (!/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/.test(property)) {
			throw fieldError(
				this,
				property === '' ? `${label}: Property is required` : `${label}: Property "${property}" is not a field name`,
				label,
				itemIndex,
				'Give the field name as OpenBoxes writes it, e.g. name, lotNumber or product.id.',
			);
		}
		const operator = trimmed(entry.operator) || 'eq';
		if (!OPERATORS.includes(operator)) {
			throw fieldError(this, `${label}: Operator "${operator}" is not one of eq, like, ilike`, label, itemIndex);
		}
		// OpenBoxes compares with text only; numbers or booleans from expressions are sent as text. It
		// needs a value (none is a server error), and an empty one is not sent as if it were given.
		const value = entry.value === undefined || entry.value === null ? '' : String(entry.value);
		if (value.trim() === '') {
			throw fieldError(this, `${label}: Value is required`, label, itemIndex, 'Give the text to compare with, e.g. Ibu% with a Like operator.');
		}
		return { property, operator, value };
	});
	// Checked before the search is sent, like every other field.
	const limit = limitParameter(this, itemIndex);
	const response = await openBoxesRequest.call(this, 'POST', OPENBOXES_PATHS.genericSearch(resourceName), { body: { searchAttributes }, itemIndex });
	return applyLimit(dataList(response), limit);
}
