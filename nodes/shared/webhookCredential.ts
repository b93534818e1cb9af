import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

/** How long a credential read to check webhook calls serves the calls after it. */
export const WEBHOOK_CREDENTIAL_REUSE_MS = 60_000;

const recentlyRead = new Map<string, { credentials: ICredentialDataDecryptedObject; readAt: number }>();

/**
 * Checks a webhook call against the node's credential of `type`: `check` gives a result for a call
 * the credential accepts, undefined otherwise. Reading a credential costs n8n a database query and
 * an expression sandbox, more than the rest of a call, so one read serves the calls of the next
 * minute. A call the remembered credential refuses is checked again against a fresh read, so a
 * changed secret works at once; a secret replaced in n8n is still accepted for at most that minute.
 * The credential is kept in this process's memory only, never written anywhere.
 */
export async function checkedByCredential<T>(
	context: IWebhookFunctions,
	type: string,
	check: (credentials: ICredentialDataDecryptedObject) => T | undefined,
): Promise<T | undefined> {
	const id = context.getNode().credentials?.[type]?.id;
	const key = id ? `${type}:${id}` : undefined;
	const remembered = key ? recentlyRead.get(key) : undefined;
	if (remembered && Date.now() - remembered.readAt < WEBHOOK_CREDENTIAL_REUSE_MS) {
		const result = check(remembered.credentials);
		if (result !== undefined) return result;
	}
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(type).catch(() => undefined);
	if (!key) return credentials ? check(credentials) : undefined;
	if (!credentials) {
		recentlyRead.delete(key);
		return undefined;
	}
	recentlyRead.set(key, { credentials, readAt: Date.now() });
	return check(credentials);
}
