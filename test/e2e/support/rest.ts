/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * A logged-in client for a running n8n's own REST API (what the editor uses): owner setup and
 * the OAuth2 connect flow a user clicks through in the credential dialog.
 */
export const OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-only-Passw0rd' };

export class N8nRest {
	private cookie = '';
	private readonly browserId = 'e2e-browser';

	constructor(readonly baseUrl: string) {}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		return { 'browser-id': this.browserId, ...(this.cookie ? { Cookie: this.cookie } : {}), ...extra };
	}

	async setupOwner(): Promise<void> {
		const post = async () =>
			await fetch(`${this.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: this.headers({ 'Content-Type': 'application/json' }),
				body: JSON.stringify(OWNER),
			});
		// A busy n8n can answer /rest/settings before it has mounted the owner routes (404), and until its
		// database is migrated it answers every request 200 "n8n is starting up. Please wait" (HTML, no cookie).
		const notMountedYet = (response: Response) =>
			response.status === 404 || (response.ok && !response.headers.getSetCookie().some((c) => c.startsWith('n8n-auth=')) && !String(response.headers.get('content-type')).includes('json'));
		let response = await post();
		for (let attempt = 0; notMountedYet(response) && attempt < 120; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			response = await post();
		}
		if (!response.ok) throw new Error(`Owner setup failed: ${response.status} ${await response.text()}`);
		const auth = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (!auth) {
			const headers = [...response.headers.keys()].join(', ');
			throw new Error(`Owner setup answered ${response.status} without an n8n-auth cookie (headers: ${headers}): ${(await response.text()).slice(0, 500)}`);
		}
		this.cookie = auth.split(';')[0];
	}

	async get(path: string): Promise<unknown> {
		const response = await fetch(`${this.baseUrl}${path}`, { headers: this.headers() });
		if (!response.ok) throw new Error(`GET ${path} failed: ${response.status} ${await response.text()}`);
		const body = (await response.json()) as { data?: unknown };
		return body.data ?? body;
	}

	async post(path: string, body: unknown): Promise<unknown> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method: 'POST',
			headers: this.headers({ 'Content-Type': 'application/json' }),
			body: JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`POST ${path} failed: ${response.status} ${await response.text()}`);
		const answer = (await response.json()) as { data?: unknown };
		return answer.data ?? answer;
	}

	/**
	 * Clicks "Connect my account": asks n8n for the authorization URL, follows it to the vendor's
	 * authorize endpoint (which redirects back with a code), and delivers that redirect to n8n's
	 * callback, where n8n exchanges the code for tokens and stores them in the credential.
	 */
	async connectOAuth2(credentialId: string): Promise<{ authorizeUrl: string; callbackStatus: number; callbackBody: string }> {
		const authorizeUrl = String(await this.get(`/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`));
		const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
		const location = authorize.headers.get('location');
		if (authorize.status !== 302 || !location) {
			throw new Error(`Authorize did not redirect: ${authorize.status} ${await authorize.text()}`);
		}
		const callback = await fetch(location, { headers: this.headers(), redirect: 'manual' });
		return { authorizeUrl, callbackStatus: callback.status, callbackBody: await callback.text() };
	}
}

/** n8n stores run data with `flatted` (objects as indexes into one array); this reads it back. */
export function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const revived = new Set<object>();
	const resolve = (value: unknown): unknown => {
		if (typeof value !== 'string') return value;
		const target = table[Number(value)];
		return typeof target === 'object' && target !== null ? revive(target) : target;
	};
	const revive = (node: object): object => {
		if (revived.has(node)) return node;
		revived.add(node);
		const record = node as Record<string, unknown>;
		for (const key of Object.keys(record)) record[key] = resolve(record[key]);
		return node;
	};
	return revive(table[0] as object);
}
