import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import { checkedByCredential, WEBHOOK_CREDENTIAL_REUSE_MS } from '../../../nodes/shared/webhookCredential';

/** A webhook context whose credential (ID `id`) holds `store.secret`; counts the reads. */
function webhook(id: string | undefined, store: { secret?: string; reads: number }) {
	return {
		getNode: () => ({ name: 'Trigger', credentials: id ? { secretApi: { id, name: 'Secret' } } : {} }),
		getCredentials: async () => {
			store.reads++;
			if (store.secret === undefined) throw new Error('Node does not have any credentials set');
			return { secret: store.secret } as ICredentialDataDecryptedObject;
		},
	} as unknown as IWebhookFunctions;
}

const accepts = (sent: string) => (credentials: ICredentialDataDecryptedObject) => (credentials.secret === sent ? 'ok' : undefined);

describe('checkedByCredential', () => {
	afterEach(() => jest.restoreAllMocks());

	it('reads the credential once for the calls of the next minute', async () => {
		const store = { secret: 'first-secret', reads: 0 };
		const context = webhook('cred-1', store);
		for (let i = 0; i < 5; i++) expect(await checkedByCredential(context, 'secretApi', accepts('first-secret'))).toBe('ok');
		expect(store.reads).toBe(1);
	});

	it('refuses a wrong secret after a fresh read, and accepts a changed secret at once', async () => {
		const store = { secret: 'old-secret', reads: 0 };
		const context = webhook('cred-2', store);
		expect(await checkedByCredential(context, 'secretApi', accepts('old-secret'))).toBe('ok');
		expect(await checkedByCredential(context, 'secretApi', accepts('forged'))).toBeUndefined();
		expect(store.reads).toBe(2);
		// The builder changes the secret in n8n: the next call signed with the new one is accepted.
		store.secret = 'new-secret';
		expect(await checkedByCredential(context, 'secretApi', accepts('new-secret'))).toBe('ok');
		expect(store.reads).toBe(3);
	});

	it('accepts a replaced secret for at most a minute', async () => {
		const store = { secret: 'replaced-secret', reads: 0 };
		const context = webhook('cred-3', store);
		const now = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(now);
		expect(await checkedByCredential(context, 'secretApi', accepts('replaced-secret'))).toBe('ok');
		store.secret = 'its-successor';
		jest.spyOn(Date, 'now').mockReturnValue(now + WEBHOOK_CREDENTIAL_REUSE_MS - 1);
		expect(await checkedByCredential(context, 'secretApi', accepts('replaced-secret'))).toBe('ok');
		jest.spyOn(Date, 'now').mockReturnValue(now + WEBHOOK_CREDENTIAL_REUSE_MS);
		expect(await checkedByCredential(context, 'secretApi', accepts('replaced-secret'))).toBeUndefined();
	});

	it('fails closed without a credential, and forgets one that was removed', async () => {
		const store: { secret?: string; reads: number } = { secret: 'removed-secret', reads: 0 };
		const context = webhook('cred-4', store);
		expect(await checkedByCredential(context, 'secretApi', accepts('removed-secret'))).toBe('ok');
		store.secret = undefined;
		expect(await checkedByCredential(context, 'secretApi', accepts('other'))).toBeUndefined();
		expect(await checkedByCredential(context, 'secretApi', accepts('removed-secret'))).toBeUndefined();
	});

	it('keeps nothing for a credential without an ID, and keeps credentials of different IDs apart', async () => {
		const store = { secret: 'no-id-secret', reads: 0 };
		const context = webhook(undefined, store);
		await checkedByCredential(context, 'secretApi', accepts('no-id-secret'));
		await checkedByCredential(context, 'secretApi', accepts('no-id-secret'));
		expect(store.reads).toBe(2);
		const a = { secret: 'secret-a', reads: 0 };
		const b = { secret: 'secret-b', reads: 0 };
		expect(await checkedByCredential(webhook('cred-a', a), 'secretApi', accepts('secret-a'))).toBe('ok');
		expect(await checkedByCredential(webhook('cred-b', b), 'secretApi', accepts('secret-a'))).toBeUndefined();
	});
});
