import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { secureEquals } from './secureCompare';

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
