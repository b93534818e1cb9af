/**
 * Each sandbox names every secret it knows or handed out (secretsIssued), which the e2e leak check
 * (test/e2e/support/leaks.ts) looks for in everything n8n wrote; a reset forgets none of them.
 */
import { APICBASE_DEMO } from './apicbase/server';
import { MBX_DEMO } from './mbx/server';
import { OPENBOXES_DEMO } from './openboxes/server';
import { openBoxesClient } from './openboxes/testClient';
import { startSandboxes, type Sandboxes } from './start';

let s: Sandboxes;

beforeAll(async () => {
	s = await startSandboxes({ mbx: 0, openBoxes: 0, apicbase: 0 }, { openBoxes: { passwords: { admin: 'changed-admin-password' } } });
});

afterAll(async () => {
	await s.stop();
});

const sourceOf = (secrets: Array<{ source: string; value: string }>, value: string) => secrets.find((secret) => secret.value === value)?.source;

it('MBX: the HMAC secret tokens, the OAuth2 client secret, and every code, bearer and refresh token issued', async () => {
	const authorize = await fetch(s.mbx.authorizeUrl({ redirectUri: 'http://127.0.0.1/callback' }), { redirect: 'manual' });
	const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
	const form = { grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1/callback', client_id: MBX_DEMO.clientId, client_secret: MBX_DEMO.clientSecret };
	const tokens = (await (await fetch(`${s.mbx.url}/oauth/token`, { method: 'POST', body: new URLSearchParams(form) })).json()) as Record<string, string>;
	s.mbx.reset();
	const secrets = s.mbx.secretsIssued();
	expect(sourceOf(secrets, MBX_DEMO.secretToken)).toBe('mbx HMAC secret token of Demo Hardware Co');
	expect(sourceOf(secrets, MBX_DEMO.clientSecret)).toBe('mbx OAuth2 client secret of demo-client-id');
	expect(sourceOf(secrets, code)).toBe('mbx OAuth2 authorization code');
	expect(sourceOf(secrets, tokens.access_token)).toBe('mbx OAuth2 access token #1');
	expect(sourceOf(secrets, tokens.refresh_token)).toBe('mbx OAuth2 refresh token #1');
	expect(sourceOf(secrets, MBX_DEMO.publicToken)).toBeUndefined();
});

it('OpenBoxes: the seeded passwords (as changed), the API key, webhook header values and every session cookie', async () => {
	const { login } = openBoxesClient(s.openBoxes);
	// The changed password is the admin's now; the seeded one no longer logs in.
	await expect(login({ username: OPENBOXES_DEMO.username, password: OPENBOXES_DEMO.password })).rejects.toThrow(/login failed: 401/);
	const cookie = await login();
	s.openBoxes.configure({ webhookHeaders: { 'X-Secret': 'shared-webhook-value' } });
	s.openBoxes.reset();
	const secrets = s.openBoxes.secretsIssued();
	expect(sourceOf(secrets, 'changed-admin-password')).toBe('openboxes password of admin');
	expect(sourceOf(secrets, OPENBOXES_DEMO.password)).toBeUndefined();
	expect(sourceOf(secrets, 'manager-password')).toBe('openboxes password of jmiranda');
	expect(sourceOf(secrets, OPENBOXES_DEMO.apiKey)).toBe('openboxes API key');
	expect(sourceOf(secrets, 'shared-webhook-value')).toBe('openboxes webhook header X-Secret');
	expect(sourceOf(secrets, cookie.replace('JSESSIONID=', ''))).toBe('openboxes session cookie JSESSIONID');
});

it('Apicbase: the client secrets, a webhook secret set later, and every access token issued', async () => {
	const form = { grant_type: 'client_credentials', scope: 'supplier', client_id: APICBASE_DEMO.supplierClientId, client_secret: APICBASE_DEMO.supplierClientSecret };
	const token = ((await (await fetch(`${s.apicbase.url}/oauth/token/`, { method: 'POST', body: new URLSearchParams(form) })).json()) as Record<string, string>).access_token;
	s.apicbase.configure({ webhookSecret: 'dedicated-webhook-secret' });
	s.apicbase.reset();
	const secrets = s.apicbase.secretsIssued();
	expect(sourceOf(secrets, APICBASE_DEMO.supplierClientSecret)).toBe('apicbase client secret of demo-supplier-client');
	expect(sourceOf(secrets, APICBASE_DEMO.customerClientSecret)).toBe('apicbase client secret of demo-customer-client');
	expect(sourceOf(secrets, 'dedicated-webhook-secret')).toBe('apicbase webhook secret');
	expect(sourceOf(secrets, token)).toBe('apicbase access token of demo-supplier-client');
});
