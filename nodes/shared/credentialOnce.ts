import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

/**
 * Hands a credential already read to n8n's authenticated request helper. Without it, n8n loads the
 * credential from its database and decrypts it again for every request, which costs more than the
 * request itself when a list is read page by page. What the credential's pre-authentication
 * returns (a session, a token) n8n writes into `data`, so the next request of the read uses it too.
 */
export function credentialAlreadyRead(node: INode, type: string, data: ICredentialDataDecryptedObject): IAdditionalCredentialOptions {
	const stored = node.credentials?.[type];
	return { credentialsDecrypted: { id: stored?.id ?? '', name: stored?.name ?? '', type, data } };
}
