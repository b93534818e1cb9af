import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { secureEquals } from './secureCompare';
import { checkedByCredential } from './webhookCredential';

/** Header names a vendor's configuration can carry: letters, digits and dashes. */
const HEADER_NAME = /^[A-Za-z0-9-]+$/;

/**
 * Whether a webhook call carries the credential's header with exactly its secret (compared in
 * constant time). n8n hands over header names in lower case. Without a credential: never.
 */
export function carriesSharedSecret(headers: IDataObject, credentials: ICredentialDataDecryptedObject | undefined): boolean {
	if (!credentials) return false;
	const sent = headers[String(credentials.headerName ?? '').toLowerCase()];
	return secureEquals(typeof sent === 'string' ? sent : undefined, String(credentials.secret ?? ''));
}

/** What is wrong with a shared-secret credential's header name or secret, in plain words; undefined when nothing. */
export function sharedSecretProblem(data: ICredentialDataDecryptedObject | undefined): string | undefined {
	const { headerName, secret } = data ?? {};
	if (!HEADER_NAME.test(String(headerName ?? ''))) return 'The header name may contain only letters, digits and dashes';
	if (String(secret ?? '').length < 16) return 'Use a secret of at least 16 characters';
	return undefined;
}

/** The credential test of a shared-secret credential: checks its header name and secret; `ready` says what to do next. */
export function sharedSecretCredentialTest(ready: string) {
	return async function (this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		const problem = sharedSecretProblem(credential.data);
		return problem ? { status: 'Error', message: problem } : { status: 'OK', message: ready };
	};
}

/**
 * Answers 401 when a webhook call lacks the secret of the trigger's credential, and returns what
 * the trigger then returns to n8n; undefined when the call carries the secret.
 */
export async function refusedWithoutSharedSecret(context: IWebhookFunctions, credentialType: string): Promise<IWebhookResponseData | undefined> {
	const headers = context.getHeaderData();
	if (await checkedByCredential(context, credentialType, (credentials) => carriesSharedSecret(headers, credentials) || undefined)) return undefined;
	context.getResponseObject().status(401).json({ error: 'Missing or wrong webhook secret' });
	return { noWebhookResponse: true };
}
