import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { summarizeErrorLines } from './errorLines';
import { bodyText, readHttpFailure, readNetworkFailure, type HttpFailure } from './httpFailure';
import { findLoginFailure } from './loginFailure';

/**
 * Reads the human messages out of a vendor's error body: one message, or one line per message
 * (`path: message`, see errorLines.ts); undefined when it has none.
 */
export type VendorMessageReader = (failure: HttpFailure) => string | string[] | undefined;

/**
 * An error for a request that got no HTTP answer. Only a network failure (connection refused, DNS,
 * timeout, TLS) says the service could not be reached; a login or token request the vendor
 * answered with a refusal says so in its own words, and anything else keeps its message.
 */
function unansweredError(node: INode, error: unknown, itemIndex?: number): NodeApiError {
	const login = findLoginFailure(error);
	if (login) {
		return new NodeApiError(
			node,
			{ message: login.message },
			{ message: login.message, httpCode: String(login.loginStatus), itemIndex },
		);
	}
	const network = readNetworkFailure(error);
	if (network) {
		return new NodeApiError(
			node,
			{ message: network.message, code: network.code },
			{ message: `Could not reach the service: ${network.message}`, description: network.message, itemIndex },
		);
	}
	const reason = error instanceof Error ? error.message : String(error);
	return new NodeApiError(node, { message: reason }, { message: reason, itemIndex });
}

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
	if (!failure) return unansweredError(node, error, itemIndex);
	const read = readMessage(failure);
	// Nested vendor errors come as many lines: the first ones that fit make the message, the
	// description lists them all.
	const summary = summarizeErrorLines(typeof read === 'string' ? [read] : (read ?? []));
	const errorBody: JsonObject =
		failure.body && typeof failure.body === 'object' && !Buffer.isBuffer(failure.body)
			? (failure.body as JsonObject)
			: { message: bodyText(failure.body).slice(0, 2000) };
	return new NodeApiError(node, errorBody, {
		httpCode: String(failure.status),
		...(summary ? { message: summary.message, description: summary.description } : {}),
		itemIndex,
	});
}
