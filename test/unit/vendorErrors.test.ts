/**
 * Issue 12, item 4: vendor error bodies, however nested, read as `path: message` lines, never
 * `[object Object]`, for all three vendors, with a message short enough for n8n's error panel
 * and every line in the description.
 */
import type { INode } from 'n8n-workflow';

import { apicbaseErrorMessage } from '../../nodes/Apicbase/transport';
import { mbxErrorMessage } from '../../nodes/Mbx/transport';
import { openBoxesErrorMessage } from '../../nodes/OpenBoxes/transport';
import { toVendorApiError, type VendorMessageReader } from '../../nodes/shared/apiError';
import { errorLines, errorTexts, MAX_MESSAGE_LENGTH, parsedErrorBody, summarizeErrorLines } from '../../nodes/shared/errorLines';
import { httpError } from '../helpers/mockContext';

const node = { name: 'Vendor' } as INode;
const failure = (body: unknown, status = 400) => ({ status, headers: {}, body });
const panel = (reader: VendorMessageReader, body: unknown, status = 400) => {
	const error = toVendorApiError(node, httpError(status, body), reader);
	return { message: error.message, description: error.description ?? '' };
};
const INVALID_PK = 'Invalid pk "999999999" - object does not exist.';

describe('errorLines: any nesting of lists and objects, one line per message with its path', () => {
	it('reads DRF field errors, one line per message of a field', () => {
		expect(errorTexts({ customer_number: ['This field is required.'], file: ['No file was submitted.', 'Second.'] })).toEqual([
			'customer_number: This field is required.',
			'file: No file was submitted.',
			'file: Second.',
		]);
	});

	it('gives non_field_errors, __all__ and detail to the object that holds them', () => {
		expect(errorTexts({ non_field_errors: ['Expected a list of items but got type "dict".'] })).toEqual([
			'Expected a list of items but got type "dict".',
		]);
		expect(errorTexts({ detail: 'Not found.' })).toEqual(['Not found.']);
		expect(errorTexts({ delivered_packages: [{ non_field_errors: ['Invalid data.'] }] })).toEqual(['delivered_packages[0]: Invalid data.']);
		expect(errorTexts({ __all__: ['Dates overlap.'] })).toEqual(['Dates overlap.']);
	});

	it('indexes per-item lists and skips the items without errors (empty objects)', () => {
		const body = { delivered_packages: [{}, { supplier_package: [INVALID_PK] }, {}, { quantity: ['A valid number is required.'], price: ['Ensure that there are no more than 4 decimal places.'] }] };
		expect(errorTexts(body)).toEqual([
			`delivered_packages[1].supplier_package: ${INVALID_PK}`,
			'delivered_packages[3].quantity: A valid number is required.',
			'delivered_packages[3].price: Ensure that there are no more than 4 decimal places.',
		]);
	});

	it('names a top-level list of per-item errors by the list sent, or by index alone', () => {
		const body = [{}, { id: [INVALID_PK] }];
		expect(errorTexts(body, { root: 'orders' })).toEqual([`orders[1].id: ${INVALID_PK}`]);
		expect(errorTexts(body)).toEqual([`[1].id: ${INVALID_PK}`]);
		// A later batch of a longer list keeps the place in the whole list.
		expect(errorTexts(body, { root: 'orders', offset: 100 })).toEqual([`orders[101].id: ${INVALID_PK}`]);
		expect(errorTexts([{ non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] }], { root: 'orders' })).toEqual([
			'orders[0]: Invalid data. Expected a dictionary, but got str.',
		]);
	});

	it('follows any depth: lists in objects in lists, and DRF ListField dicts keyed by index', () => {
		const body = { file: [{}, { package_description: { package: { quantity: ['A valid integer is required.'] } } }], tags: { '0': ['Not a valid string.'] } };
		expect(errorTexts(body)).toEqual([
			'file[1].package_description.package.quantity: A valid integer is required.',
			'tags[0]: Not a valid string.',
		]);
		expect(errorTexts({ lines: [[{ sku: ['bad'] }]] })).toEqual(['lines[0][0].sku: bad']);
	});

	it('puts the row of an uploaded file into the path instead of its place in the list', () => {
		const body = { file: [{ row: 2, errors: { price: ['A valid number is required.'] } }, { row: 5, message: 'Unknown unit "kgs".' }, { line_number: 7, name: ['This field may not be blank.'] }] };
		expect(errorTexts(body)).toEqual([
			'file[row 2].price: A valid number is required.',
			'file[row 5]: Unknown unit "kgs".',
			'file[line 7].name: This field may not be blank.',
		]);
	});

	it('reads field-error records (Grails, JSON:API, pydantic) as one line about their field', () => {
		const grails = { errors: [{ object: 'org.pih.warehouse.product.Product', field: 'name', 'rejected-value': null, message: 'Property [name] of class [class org.pih.warehouse.product.Product] cannot be null' }] };
		expect(errorTexts(grails)).toEqual(['name: Property [name] of class [class org.pih.warehouse.product.Product] cannot be null']);
		expect(errorTexts({ errors: [{ title: 'Invalid attribute', detail: 'is too long', source: { pointer: '/data/attributes/recipient/address_1' } }] })).toEqual([
			'recipient.address_1: is too long',
		]);
		expect(errorTexts([{ loc: ['body', 'lines', 0, 'qty'], msg: 'value is not a valid integer', type: 'type_error.integer' }])).toEqual([
			'body.lines[0].qty: value is not a valid integer',
		]);
	});

	it('skips codes and statuses, keeps a DRF field that happens to be called "code" or "message"', () => {
		expect(errorTexts({ errorCode: 500, cause: 'java.lang.NullPointerException', errorMessage: 'boom' })).toEqual(['boom']);
		expect(errorTexts({ code: ['This field is required.'], message: ['Ensure this field has no more than 255 characters.'] })).toEqual([
			'code: This field is required.',
			'Ensure this field has no more than 255 characters.',
		]);
	});

	it('never renders an object as [object Object], whatever the shape', () => {
		const shapes: unknown[] = [
			[{}, { id: [INVALID_PK] }],
			{ file: [{ a: { b: [{ c: ['deep'] }] } }, { x: 1 }] },
			{ a: [[[['four deep']]]] },
			[[{ y: { z: true } }]],
			{ errors: [{ code: 'E1', info: { hint: 'h' } }] },
		];
		for (const shape of shapes) {
			const texts = errorTexts(shape);
			expect(texts.length).toBeGreaterThan(0);
			for (const line of texts) expect(line).not.toContain('[object Object]');
		}
		expect(errorLines({ a: [{}, {}], b: {} })).toEqual([]);
	});

	it('parses a JSON body that arrived as text, leaves other text alone', () => {
		expect(parsedErrorBody('[{}, {"id": ["x"]}]')).toEqual([{}, { id: ['x'] }]);
		expect(parsedErrorBody(Buffer.from('{"detail": "Not found."}'))).toEqual({ detail: 'Not found.' });
		expect(parsedErrorBody('Authentication failed')).toBe('Authentication failed');
		expect(parsedErrorBody('{not json')).toBe('{not json');
	});
});

describe('summarizeErrorLines: short message, full description', () => {
	it('keeps a few short lines whole in the message', () => {
		expect(summarizeErrorLines(['a: one', 'b: two'])).toEqual({ message: 'a: one; b: two', description: 'a: one\nb: two' });
	});

	it('stops the message at the panel length and counts the rest; the description has them all', () => {
		const lines = Array.from({ length: 30 }, (_, i) => `delivered_packages[${i}].supplier_package: ${INVALID_PK.replace('999999999', String(1000 + i))}`);
		const summary = summarizeErrorLines(lines)!;
		expect(summary.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
		expect(summary.message).toMatch(/^delivered_packages\[0\]\.supplier_package: Invalid pk "1000".*\(\+\d+ more\)$/);
		expect(summary.description.split('\n')).toEqual(lines);
	});

	it('clips a single overlong line in the message only', () => {
		const long = `file: ${'x'.repeat(500)}`;
		const summary = summarizeErrorLines([long, 'second'])!;
		expect(summary.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
		expect(summary.message).toMatch(/…\s\(\+1 more\)$/);
		expect(summary.description).toBe(`${long}\nsecond`);
	});

	it('drops repeats and blanks; nothing to say is undefined', () => {
		expect(summarizeErrorLines(['same', 'same', ' '])).toEqual({ message: 'same', description: 'same' });
		expect(summarizeErrorLines([])).toBeUndefined();
	});
});

describe('Apicbase: apicbaseErrorMessage over the shapes Apicbase answers', () => {
	it('Mark as Viewed with an unknown id: the list-of-objects body, named after the orders sent', () => {
		const body = [{}, { id: [INVALID_PK] }];
		expect(apicbaseErrorMessage(failure(body), { root: 'orders' })).toEqual([`orders[1].id: ${INVALID_PK}`]);
		const shown = toVendorApiError(node, httpError(400, body), (f) => apicbaseErrorMessage(f, { root: 'orders' }));
		expect(shown.message).toBe(`orders[1].id: ${INVALID_PK}`);
		expect(shown.httpCode).toBe('400');
		// Without a name the index alone still points at the item.
		expect(panel(apicbaseErrorMessage, body).message).toBe(`[1].id: ${INVALID_PK}`);
	});

	it('a delivery draft: nested delivered_packages errors with their paths', () => {
		const body = { delivered_packages: [{}, { supplier_package: [INVALID_PK] }], purchase_order: ['This field is required.'] };
		const { message, description } = panel(apicbaseErrorMessage, body);
		expect(message).toBe(`delivered_packages[1].supplier_package: ${INVALID_PK}; purchase_order: This field is required.`);
		expect(description).toBe(`delivered_packages[1].supplier_package: ${INVALID_PK}\npurchase_order: This field is required.`);
		expect(message).not.toContain('[object Object]');
	});

	it('an assortment upload: per-article objects under file, as JSON text (the upload is not sent as json)', () => {
		const body = JSON.stringify({ file: [{ row: 2, price: ['A valid number is required.'] }, { row: 3, unit_name: ['"kgs" is not a valid choice.'] }] });
		expect(panel(apicbaseErrorMessage, body).message).toBe(
			'file[row 2].price: A valid number is required.; file[row 3].unit_name: "kgs" is not a valid choice.',
		);
		expect(panel(apicbaseErrorMessage, { file: [{}, { name: ['This field is required.'] }] }).message).toBe('file[1].name: This field is required.');
	});

	it('detail, non_field_errors, OAuth errors and text', () => {
		expect(panel(apicbaseErrorMessage, { detail: 'Not found.' }, 404).message).toBe('Not found.');
		expect(panel(apicbaseErrorMessage, { non_field_errors: ['Expected a list of items but got type "dict".'] }).message).toBe(
			'Expected a list of items but got type "dict".',
		);
		expect(panel(apicbaseErrorMessage, { error: 'invalid_grant', error_description: 'Invalid refresh token' }).message).toBe('Invalid refresh token');
		expect(panel(apicbaseErrorMessage, { error: 'invalid_client' }, 401).message).toBe('invalid_client');
		expect(panel(apicbaseErrorMessage, 'Bad Request', 400).message).toBe('Bad Request');
		expect(apicbaseErrorMessage(failure('<html>oops</html>', 500))).toBeUndefined();
	});

	it('a long list of per-item errors: a short message, every path in the description', () => {
		const body = Array.from({ length: 40 }, (_, i) => (i % 2 ? { id: [`Invalid pk "${i}" - object does not exist.`] } : {}));
		const { message, description } = panel((f) => apicbaseErrorMessage(f, { root: 'orders' }), body);
		expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
		expect(message).toMatch(/^orders\[1\]\.id: Invalid pk "1" - object does not exist\..*\(\+\d+ more\)$/);
		const lines = description.split('\n');
		expect(lines).toHaveLength(20);
		expect(lines[19]).toBe('orders[39].id: Invalid pk "39" - object does not exist.');
	});
});

describe('OpenBoxes: openBoxesErrorMessage over the shapes of openboxes-api.md §0.1', () => {
	it('errorCode/errorMessage', () => {
		expect(panel(openBoxesErrorMessage, { errorCode: 404, errorMessage: 'Resource not found' }, 404).message).toBe('Resource not found');
		expect(panel(openBoxesErrorMessage, { errorCode: 500, cause: 'java.lang.IllegalArgumentException', errorMessage: 'Unable to find shipment with ID x' }, 500).message).toBe(
			'Unable to find shipment with ID x',
		);
	});

	it('a ValidationException: every localized message, not the Spring dump in errorMessage', () => {
		const body = {
			errorCode: 400,
			errorMessage: "Validation error. Validation Error(s) occurred during save():\n- Field error in object 'org.pih.warehouse.product.Product' on field 'name': rejected value [null]; codes [...]",
			errorMessages: ['Property [name] of class [class org.pih.warehouse.product.Product] cannot be null', 'Property [category] of class [class org.pih.warehouse.product.Product] cannot be null'],
		};
		const { message, description } = panel(openBoxesErrorMessage, body);
		expect(message).toBe(body.errorMessages.join('; '));
		expect(description).toBe(body.errorMessages.join('\n'));
		expect(description).not.toContain('Field error in object');
	});

	it('errorMessages alone, and an errorMessage that is not a validation summary comes first', () => {
		expect(panel(openBoxesErrorMessage, { errorMessages: ['Direction parameter is required. Origin and destination cannot be the same.'] }).message).toBe(
			'Direction parameter is required. Origin and destination cannot be the same.',
		);
		expect(openBoxesErrorMessage(failure({ errorMessage: 'Could not save', errorMessages: ['a', 'b'] }))).toEqual(['Could not save', 'a', 'b']);
	});

	it('Grails field errors: under errors, and the older {"data": [FieldError]} of the API guide', () => {
		const record = (field: string, message: string) => ({ object: 'org.pih.warehouse.core.Location', field, 'rejected-value': null, message });
		expect(openBoxesErrorMessage(failure({ errors: [record('name', 'Property [name] cannot be null'), record('locationType', 'Property [locationType] cannot be null')] }))).toEqual([
			'name: Property [name] cannot be null',
			'locationType: Property [locationType] cannot be null',
		]);
		expect(openBoxesErrorMessage(failure({ errorCode: 400, errorMessage: 'Validation errors', data: [record('lineItems[1].quantity', 'must be positive')] }))).toEqual([
			'lineItems[1].quantity: must be positive',
		]);
	});

	it('plain text, not HTML', () => {
		expect(panel(openBoxesErrorMessage, 'Purchase order ff80 not found', 404).message).toBe('Purchase order ff80 not found');
		expect(openBoxesErrorMessage(failure('<html><body>Error</body></html>', 500))).toBeUndefined();
	});
});

describe('MBX: mbxErrorMessage over the {"errors": …} envelope', () => {
	it('the list of messages MBX sends (paths inside the messages), one line each', () => {
		const errors = ['recipient.address_1 is too long (maximum is 35 characters)', 'lines[0].quantity must be a whole number of 1 or more'];
		expect(mbxErrorMessage(failure({ errors }, 422))).toEqual(errors);
		expect(panel(mbxErrorMessage, { errors }, 422).message).toBe(errors.join('; '));
	});

	it('Rails field maps and nested per-line errors', () => {
		const body = { errors: { recipient: { address_1: ['is too long (maximum is 35 characters)'] }, lines: [{}, { quantity: ["can't be blank"] }] } };
		expect(mbxErrorMessage(failure(body, 422))).toEqual(['recipient.address_1: is too long (maximum is 35 characters)', "lines[1].quantity: can't be blank"]);
		expect(mbxErrorMessage(failure({ ship_method_id: ['is not included in the list'] }, 422))).toEqual(['ship_method_id: is not included in the list']);
	});

	it('records in the list, not JSON text', () => {
		const body = { errors: [{ field: 'lines[0].item_id', message: 'is not a catalog item' }, { message: 'Order is locked' }] };
		expect(mbxErrorMessage(failure(body, 422))).toEqual(['lines[0].item_id: is not a catalog item', 'Order is locked']);
	});

	it('OAuth errors, text, and an empty envelope', () => {
		expect(mbxErrorMessage(failure({ error: 'invalid_grant', error_description: 'The authorization code has expired' }))).toBe('MBX: The authorization code has expired');
		expect(mbxErrorMessage(failure('Invalid client_id', 401))).toBe('Invalid client_id');
		expect(mbxErrorMessage(failure({ count: 0, total_results: 0, offset: 0, results: [], errors: null }, 500))).toBeUndefined();
	});
});
