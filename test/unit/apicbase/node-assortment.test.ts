import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import * as assortmentFile from '../../../nodes/Apicbase/actions/supplierAssortmentFile';
import { articleProblems, assortmentProblems, describeProblem, isValidGtin } from '../../../nodes/Apicbase/assortment';
import { runOperations } from '../../../nodes/shared/router';
import { httpError, mockExecuteFunctions } from '../../helpers/mockContext';

const credentials = { apicbaseSupplierApi: { environment: 'custom', customBaseUrl: 'http://ap.test', clientId: 'c', clientSecret: 's' } };
const resources = { supplierAssortmentFile: assortmentFile.operations };

const article = (overrides: IDataObject = {}): IDataObject => ({
	third_party_id: 'A-100',
	name: 'Cola 6 x 33 cl',
	brand: 'Fizz',
	package_type: 'tray',
	price: 4.125,
	price_type_code: 0,
	package_description: { quantity: 6, gtin: '4006381333931', package: { quantity: 33, unit_name: 'cl', gtin: '96385074' } },
	...overrides,
});

/** Splits a multipart body into its parts: name → {headers, content}. */
function parts(body: Buffer, contentType: string) {
	const boundary = /boundary=(.+)$/.exec(contentType)![1];
	const text = body.toString('utf8');
	expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
	return Object.fromEntries(
		text
			.split(`--${boundary}`)
			.slice(1, -1)
			.map((part) => {
				const [head, ...rest] = part.slice(2, -2).split('\r\n\r\n');
				const name = /name="([^"]+)"/.exec(head)![1];
				return [name, { head, content: rest.join('\r\n\r\n') }];
			}),
	);
}

describe('Apicbase assortment validation', () => {
	it.each(['4006381333931', '96385074', '036000291452', '10614141000415', 4006381333931])('accepts the GTIN %s', (gtin) => {
		expect(isValidGtin(gtin)).toBe(true);
	});

	it.each(['4006381333932', '1234567', '123456789', 'ABCDEFGH', '', null])('rejects the GTIN %j', (gtin) => {
		expect(isValidGtin(gtin)).toBe(false);
	});

	it('accepts a complete article with a nested multipack', () => {
		expect(articleProblems(article(), 1)).toEqual([]);
	});

	it('names the article number and field of every problem', () => {
		const problems = assortmentProblems([
			article(),
			article({
				third_party_id: 'B-7',
				name: 'x'.repeat(301),
				brand: 'b'.repeat(151),
				package_type: 'p'.repeat(51),
				price: 1.2345,
				price_type_code: 1,
				package_description: { quantity: 6, package: { quantity: 1.5, gtin: '12345670' } },
			}),
			{ name: 'No number', package_description: { quantity: 1, unit_name: 'kg' } },
		]);
		const lines = problems.map(describeProblem);
		expect(lines).toEqual([
			'Article 2 ("B-7"): name must be at most 300 characters (has 301)',
			'Article 2 ("B-7"): brand must be at most 150 characters (has 151)',
			'Article 2 ("B-7"): package_type must be at most 50 characters (has 51)',
			'Article 2 ("B-7"): price must have at most 3 decimals, got "1.2345"',
			'Article 2 ("B-7"): price_unit is required when price_type_code is 1 (price per unit)',
			'Article 2 ("B-7"): package_description.package.quantity must be a whole number, got "1.5"',
			'Article 2 ("B-7"): package_description.package.unit_name is required on the innermost package (for example "cl", "kg" or "piece")',
			'Article 3: third_party_id is required',
		]);
	});

	it.each([
		[{ third_party_id: 'x'.repeat(51) }, 'third_party_id', 'must be at most 50 characters'],
		[{ price_type_code: 2 }, 'price_type_code', 'must be 0 (price per package) or 1'],
		[{ price_type_code: 0, price_unit: 'kg' }, 'price_unit', 'only allowed when price_type_code is 1'],
		[{ price: -1 }, 'price', 'must be 0 or more'],
		[{ price: 'abc' }, 'price', 'must be a number'],
		[{ package_description: undefined }, 'package_description or package_description_str', 'is required'],
		[{ package_description: undefined, package_description_str: '' }, 'package_description or package_description_str', 'is required'],
		[{ package_description: undefined, package_description_str: 6 }, 'package_description_str', 'must be text'],
		[{ package_description: undefined, package_description_str: '   ' }, 'package_description_str', 'must not be only spaces'],
		[{ package_description_str: { text: '6 x 33 cl' } }, 'package_description_str', 'must be text'],
		[{ package_description: { quantity: 1.1234567, package: { quantity: 1, unit_name: 'l' } } }, 'package_description.quantity', 'at most 6 decimals'],
		[{ package_description: { quantity: 1, unit_name: 'l', gtin: '4006381333932' } }, 'package_description.gtin', 'not a valid GTIN'],
		[{ package_description: { quantity: 0, unit_name: 'l' } }, 'package_description.quantity', 'greater than 0'],
		[{ gtin: '123' }, 'gtin', 'not a valid GTIN'],
		[{ orderable: 'yes' }, 'orderable', 'must be true or false'],
		[{ lead_time: 'two days' }, 'lead_time', 'must look like'],
	])('reports %j on %s', (overrides, field, message) => {
		const problems = articleProblems(article(overrides as IDataObject), 1);
		expect(problems).toHaveLength(1);
		expect(problems[0].field).toBe(field);
		expect(problems[0].message).toContain(message);
	});

	it('accepts an article described only by package_description_str (free text), or by both', () => {
		expect(articleProblems(article({ package_description: undefined, package_description_str: '6 x 33 cl' }), 1)).toEqual([]);
		expect(articleProblems(article({ package_description_str: '6 x 33 cl' }), 1)).toEqual([]);
	});

	it('still checks package_description when package_description_str is given too', () => {
		const problems = articleProblems(article({ package_description_str: '6 x 33 cl', package_description: { quantity: 0, unit_name: 'l' } }), 1);
		expect(problems.map((p) => p.field)).toEqual(['package_description.quantity']);
	});

	it('names both package fields when an article has neither', () => {
		const [problem] = articleProblems(article({ package_description: undefined }), 1);
		expect(describeProblem(problem)).toMatch(
			/^Article 1 \("A-100"\): package_description or package_description_str is required: a structured package such as \{.*\}, or a text such as "6 x 33 cl"$/,
		);
	});

	it('accepts a per-unit price with its unit and a lead time', () => {
		expect(articleProblems(article({ price_type_code: 1, price_unit: 'kg', lead_time: '2 00:00:00', weighted: true }), 1)).toEqual([]);
	});
});

describe('Apicbase node: Assortment File > Upload', () => {
	it('uploads all input items as one multipart file and outputs one result', async () => {
		const items = [{ json: article() }, { json: article({ third_party_id: 200, name: 'Café crème' }) }, { json: article({ third_party_id: 'C' }) }];
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'supplierAssortmentFile', operation: 'upload', customerNumber: 'ASSORT-1', articlesFrom: 'inputItems' },
			items,
			credentials,
			respond: () => JSON.stringify({ id: 'file-1', status: 'PENDING' }),
		});
		const [output] = await runOperations.call(context, resources);
		expect(calls).toHaveLength(1);
		const { options, credentialType } = calls[0];
		expect(credentialType).toBe('apicbaseSupplierApi');
		expect(options.method).toBe('POST');
		expect(options.url).toBe('http://ap.test/api/v2/integrations/suppliers/files/');
		const contentType = (options.headers as IDataObject)['Content-Type'] as string;
		expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
		const form = parts(options.body as Buffer, contentType);
		expect(form.customer_number.content).toBe('ASSORT-1');
		expect(form.file.head).toContain('filename="assortment.json"');
		expect(form.file.head).toContain('Content-Type: application/json');
		const sent = JSON.parse(form.file.content) as IDataObject[];
		expect(sent.map((a) => a.third_party_id)).toEqual(['A-100', '200', 'C']);
		expect(sent[1].name).toBe('Café crème');
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({ id: 'file-1', status: 'PENDING', customerNumber: 'ASSORT-1', articleCount: 3 });
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('uploads one file per item from a JSON field', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: [
				{ resource: 'supplierAssortmentFile', operation: 'upload', customerNumber: 'C1', articlesFrom: 'json', articles: JSON.stringify([article()]) },
				{ resource: 'supplierAssortmentFile', operation: 'upload', customerNumber: 'C2', articlesFrom: 'json', articles: [article(), article({ third_party_id: 'Z' })] },
			],
			credentials,
			respond: () => ({ id: 'f' }),
		});
		const [output] = await runOperations.call(context, resources);
		expect(calls).toHaveLength(2);
		expect(output.map((i) => i.json.articleCount)).toEqual([1, 2]);
		const second = parts(calls[1].options.body as Buffer, (calls[1].options.headers as IDataObject)['Content-Type'] as string);
		expect(second.customer_number.content).toBe('C2');
	});

	it.each([
		[{ articlesFrom: 'json', articles: '[{' }, 'Articles is not valid JSON'],
		[{ articlesFrom: 'json', articles: '[]' }, 'There are no articles to upload'],
		[{ articlesFrom: 'json', articles: 5 }, 'Articles must be a list of article objects'],
		[{ articlesFrom: 'json', articles: [article({ price: 1.0001 })] }, 'Article 1 ("A-100"): price must have at most 3 decimals'],
		[{ customerNumber: '' }, 'Customer Number is required'],
	])('rejects %j before any request', async (overrides, message) => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'supplierAssortmentFile', operation: 'upload', customerNumber: 'C1', articlesFrom: 'inputItems', ...overrides } as IDataObject,
			items: [{ json: article() }],
			credentials,
		});
		await expect(runOperations.call(context, resources)).rejects.toThrow(message);
		expect(calls).toHaveLength(0);
	});

	it('uploads an article with only package_description_str exactly as given', async () => {
		const textOnly: IDataObject = { third_party_id: 'T-1', name: 'Cola', package_description_str: ' 6 x 33 cl tray ' };
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'supplierAssortmentFile', operation: 'upload', customerNumber: 'C1', articlesFrom: 'inputItems' },
			items: [{ json: textOnly }],
			credentials,
			respond: () => ({ id: 'f' }),
		});
		await runOperations.call(context, resources);
		expect(calls).toHaveLength(1);
		const form = parts(calls[0].options.body as Buffer, (calls[0].options.headers as IDataObject)['Content-Type'] as string);
		// Nothing added (no package_description), nothing trimmed.
		expect(JSON.parse(form.file.content)).toEqual([textOnly]);
	});

	it('refuses an article with neither package field, naming both, before any request', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'supplierAssortmentFile', operation: 'upload', customerNumber: 'C1', articlesFrom: 'inputItems' },
			items: [{ json: article({ package_description: undefined }) }],
			credentials,
		});
		const error = await runOperations.call(context, resources).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(
			/^1 problem in the articles; nothing was uploaded\. Article 1 \("A-100"\): package_description or package_description_str is required/,
		);
		expect(calls).toHaveLength(0);
	});

	it('lists every problem in the error description', async () => {
		const { context, calls } = mockExecuteFunctions({
			parameters: { resource: 'supplierAssortmentFile', operation: 'upload', customerNumber: 'C1', articlesFrom: 'inputItems' },
			items: [{ json: article({ name: '' }) }, { json: article({ third_party_id: 'B', brand: 'b'.repeat(200) }) }],
			credentials,
		});
		const error = await runOperations.call(context, resources).catch((e: Error & { description?: string }) => e);
		expect((error as Error).message).toMatch(/^2 problems in the articles; nothing was uploaded\. Article 1 \("A-100"\): name is required/);
		expect((error as { description?: string }).description).toContain('Article 2 ("B"): brand must be at most 150 characters');
		expect(calls).toHaveLength(0);
	});

	it('reports an Apicbase field error as an API error', async () => {
		const { context } = mockExecuteFunctions({
			parameters: { resource: 'supplierAssortmentFile', operation: 'upload', customerNumber: 'C1', articlesFrom: 'inputItems' },
			items: [{ json: article() }],
			credentials,
			respond: () => {
				throw httpError(400, { customer_number: ['Unknown customer number.'] });
			},
		});
		await expect(runOperations.call(context, resources)).rejects.toThrow(/Unknown customer number/);
	});
});
