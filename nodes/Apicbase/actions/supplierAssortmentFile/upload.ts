import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { jsonParameter, requiredStringParameter } from '../../../shared/parameters';
import { assortmentProblems, describeProblem } from '../../assortment';
import { APICBASE_PATHS } from '../../paths';
import { apicbaseRequest } from '../../transport';
import { isObject } from '../../../shared/values';

const show = { resource: ['supplierAssortmentFile'], operation: ['upload'] };
const MAX_LISTED_PROBLEMS = 20;

export const description: INodeProperties[] = [
	{
		displayName:
			'Apicbase processes the file in the background; articles may take a while to appear for the customer.',
		name: 'uploadNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Customer Number',
		name: 'customerNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CUST-001',
		description:
			'The assortment ID the file is for: a customer number from Customer > Get Many, or one shared number you agreed with Apicbase for all customers',
		displayOptions: { show },
	},
	{
		displayName: 'Articles From',
		name: 'articlesFrom',
		type: 'options',
		options: [
			{
				name: 'All Input Items as One File',
				value: 'inputItems',
				description:
					'Each input item is one article; the node uploads a single file with all of them and outputs one result',
			},
			{
				name: 'JSON Field',
				value: 'json',
				description: 'Each input item holds a list of articles; the node uploads one file per item',
			},
		],
		default: 'inputItems',
		description: 'Where the articles come from',
		displayOptions: { show },
	},
	{
		displayName: 'Articles',
		name: 'articles',
		type: 'json',
		required: true,
		default: '[]',
		description:
			'A list of articles, usually an expression pointing at a field of the input item. Each needs third_party_id, name, and package_description (structured) or package_description_str (text such as "6 x 33 cl").',
		displayOptions: { show: { ...show, articlesFrom: ['json'] } },
	},
];

/** Numbers are accepted for text identifiers (spreadsheets often give them) and sent as text. */
function normalizeArticle(article: unknown): unknown {
	if (typeof article !== 'object' || article === null || Array.isArray(article)) return article;
	const copy = { ...(article as IDataObject) };
	for (const field of ['third_party_id', 'shared_id', 'gtin']) {
		if (typeof copy[field] === 'number') copy[field] = String(copy[field]);
	}
	return copy;
}

function articlesFromJson(context: IExecuteFunctions, itemIndex: number): unknown[] {
	const value = jsonParameter(context, 'articles', 'Articles', itemIndex, 'a list of article objects');
	if (Array.isArray(value)) return value;
	if (typeof value === 'object' && value !== null) return [value];
	throw new NodeOperationError(context.getNode(), 'Articles must be a list of article objects', {
		itemIndex,
		description: 'Check the "Articles" field.',
	});
}

/** A multipart/form-data body with the fields customer_number and file (assortment.json). */
export function buildAssortmentMultipart(customerNumber: string, articles: unknown[]): { body: Buffer; contentType: string } {
	const json = JSON.stringify(articles);
	let boundary = '';
	do {
		boundary = `----n8nApicbaseBoundary${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	} while (json.includes(boundary) || customerNumber.includes(boundary));
	const body = Buffer.concat([
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="customer_number"\r\n\r\n${customerNumber}\r\n` +
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="assortment.json"\r\n` +
				'Content-Type: application/json\r\n\r\n',
			'utf8',
		),
		Buffer.from(json, 'utf8'),
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const source = this.getNodeParameter('articlesFrom', itemIndex, 'inputItems') as string;
	// "All input items as one file": the first item uploads everything; the others add nothing.
	if (source === 'inputItems' && itemIndex > 0) return [];
	const customerNumber = requiredStringParameter(this, 'customerNumber', 'Customer Number', itemIndex);
	if (/[\r\n]/.test(customerNumber)) {
		throw new NodeOperationError(this.getNode(), 'Customer Number must be on one line', {
			itemIndex,
			description: 'Check the "Customer Number" field.',
		});
	}
	const articles = (
		source === 'inputItems' ? this.getInputData().map((item) => item.json as unknown) : articlesFromJson(this, itemIndex)
	).map(normalizeArticle);
	if (articles.length === 0) {
		throw new NodeOperationError(this.getNode(), 'There are no articles to upload', {
			itemIndex,
			description: source === 'json' ? 'The "Articles" field is an empty list.' : 'The node received no input items.',
		});
	}
	const problems = assortmentProblems(articles);
	if (problems.length > 0) {
		const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map(describeProblem);
		if (problems.length > MAX_LISTED_PROBLEMS) lines.push(`…and ${problems.length - MAX_LISTED_PROBLEMS} more problems`);
		throw new NodeOperationError(
			this.getNode(),
			`${problems.length} problem${problems.length === 1 ? '' : 's'} in the articles; nothing was uploaded. ${describeProblem(problems[0])}`,
			{ itemIndex, description: lines.join('\n') },
		);
	}

	let response = await apicbaseRequest.call(this, 'apicbaseSupplierApi', 'POST', APICBASE_PATHS.supplierAssortmentFiles, {
		raw: buildAssortmentMultipart(customerNumber, articles),
		itemIndex,
	});
	if (typeof response === 'string' || Buffer.isBuffer(response)) {
		const text = response.toString();
		try {
			response = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
		} catch {
			response = { response: text };
		}
	}
	const result = isObject(response) ? response : { response: response as IDataObject };
	return [{ ...result, customerNumber, articleCount: articles.length }];
}
