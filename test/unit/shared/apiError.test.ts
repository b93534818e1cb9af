import { NodeApiError, type INode } from 'n8n-workflow';

import { toVendorApiError } from '../../../nodes/shared/apiError';
import { apicbaseErrorMessage } from '../../../nodes/Apicbase/transport';
import { mbxErrorMessage } from '../../../nodes/Mbx/transport';
import { openBoxesErrorMessage } from '../../../nodes/OpenBoxes/transport';
import { httpError } from '../../helpers/mockContext';

const node = { name: 'Vendor' } as INode;

function serialised(error: NodeApiError): string {
	return JSON.stringify({ message: error.message, description: error.description, context: error.context, cause: error.cause, messages: error.messages });
}

describe('toVendorApiError', () => {
	it('carries the vendor message and status, and none of the request headers', () => {
		const error = toVendorApiError(node, httpError(401, { errors: ['Signature does not match'] }), mbxErrorMessage, 2);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Signature does not match');
		expect(error.httpCode).toBe('401');
		expect(error.context.itemIndex).toBe(2);
		expect(serialised(error)).not.toContain('SIGNATURE-THAT-MUST-NOT-LEAK');
		expect(serialised(error)).not.toContain('SECRET-COOKIE');
	});

	it('reads each vendor error shape', () => {
		expect(toVendorApiError(node, httpError(404, { errorCode: 404, errorMessage: 'Resource not found' }), openBoxesErrorMessage).message).toBe('Resource not found');
		expect(toVendorApiError(node, httpError(400, { errorMessages: ['Direction parameter is required.'] }), openBoxesErrorMessage).message).toBe('Direction parameter is required.');
		expect(toVendorApiError(node, httpError(429, { detail: 'Request was throttled. Expected available in 12 seconds.' }), apicbaseErrorMessage).message).toBe('Request was throttled. Expected available in 12 seconds.');
		expect(toVendorApiError(node, httpError(400, { status: ['Select a valid choice.'] }), apicbaseErrorMessage).message).toBe('status: Select a valid choice.');
		expect(toVendorApiError(node, httpError(401, 'Invalid client_id'), mbxErrorMessage).message).toBe('Invalid client_id');
	});

	it('falls back to n8n\'s status message when the vendor gave none', () => {
		const error = toVendorApiError(node, httpError(503, '<html>down</html>'), openBoxesErrorMessage);
		expect(error.httpCode).toBe('503');
		expect(error.message).toMatch(/Service unavailable/);
	});

	it('reports network failures without the original error object', () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
			code: 'ECONNREFUSED',
			config: { headers: { Authorization: 'Bearer TOKEN-THAT-MUST-NOT-LEAK' } },
		});
		const error = toVendorApiError(node, refused, mbxErrorMessage);
		// n8n words connection errors itself; the address stays in the description.
		expect(error.message).toBe('The service refused the connection - perhaps it is offline');
		expect(error.description).toBe('connect ECONNREFUSED 127.0.0.1:1');
		expect(serialised(error)).not.toContain('TOKEN-THAT-MUST-NOT-LEAK');
	});
});
