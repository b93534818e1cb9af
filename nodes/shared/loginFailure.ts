/**
 * What a credential's preAuthentication (the OpenBoxes login, the Apicbase supplier token) throws
 * when the vendor answered but gave no session or token. n8n wraps it in its own error on the way
 * to the node, so the transports find it again by walking the `cause` chain; a login the vendor
 * refused must never read as a service that could not be reached.
 *
 * It deliberately has no `code`, `status` or `response` property: n8n's credential test shows a
 * wrapped error's `cause.code` instead of its message, and NodeApiError would turn a `status` into
 * its generic "Authorization failed" wording.
 */
export class LoginFailedError extends Error {
	/** The HTTP status the vendor answered the login or token request with. */
	readonly loginStatus: number;

	/** True when the vendor refused the credential itself (wrong secret), not just failed. */
	readonly refused: boolean;

	constructor(message: string, loginStatus: number, refused: boolean) {
		super(message);
		this.name = 'LoginFailedError';
		this.loginStatus = loginStatus;
		this.refused = refused;
	}
}

/** The LoginFailedError somewhere in an error's `cause` chain (n8n wraps it once or twice). */
export function findLoginFailure(error: unknown): LoginFailedError | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		const candidate = current as Partial<LoginFailedError>;
		// By shape, not instanceof: the error may come from another copy of this module.
		if (candidate.name === 'LoginFailedError' && typeof candidate.loginStatus === 'number') {
			return current as LoginFailedError;
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/**
 * The text with every secret replaced by `***`, also as it would appear URL- or JSON-encoded, for
 * vendor answers quoted in an error: a server that echoes the submitted form must not leak it.
 */
export function withoutSecrets(text: string, secrets: unknown[]): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret === '') continue;
		const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)]);
		for (const form of [...forms].sort((a, b) => b.length - a.length)) {
			if (form) result = result.split(form).join('***');
		}
	}
	return result;
}
