import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { bodyText, readHttpFailure, type HttpFailure } from './httpFailure';

/** Reads the human message out of a vendor's error body; undefined when it has none. */
export type VendorMessageReader = (failure: HttpFailure) => string | undefined;

/**
 * Turns whatever a request threw into a NodeApiError built only from what the vendor answered.
 * The original error is dropped on purpose: it holds the request's headers (signatures, cookies,
 * bearer tokens), which must never reach an execution log.
 */
export function toVendorApiError(
	node: INode,
	error: unknown,
	readMessage: VendorMessageReader,
	itemIndex?: number,
): NodeApiError {
	const failure = readHttpFailure(error);
	if (!failure) {
		const reason = error instanceof Error ? error.message : String(error);
		const code = (error as { code?: unknown })?.code;
		return new NodeApiError(
			node,
			{ message: reason, ...(typeof code === 'string' ? { code } : {}) },
			{ message: `Could not reach the service: ${reason}`, description: reason, itemIndex },
		);
	}
	const message = readMessage(failure);
	const errorBody: JsonObject =
		failure.body && typeof failure.body === 'object' && !Buffer.isBuffer(failure.body)
			? (failure.body as JsonObject)
			: { message: bodyText(failure.body).slice(0, 2000) };
	return new NodeApiError(node, errorBody, {
		httpCode: String(failure.status),
		...(message ? { message } : {}),
		itemIndex,
	});
}
