/**
 * The MBX sandbox's options: what each one switches, their defaults, and the check every value
 * passes before the constructor or configure() takes it (an unknown key or a wrong type throws).
 */
export interface MbxSandboxOptions {
	/** Reject X-Date values further than this from the server clock; null = no check (default). */
	maxClockSkewSeconds: number | null;
	/** Also accept a signature computed over the path without the query string (default false). */
	acceptPathOnlySignature: boolean;
	/** Lifetime of issued bearer tokens; MBX documents 3 hours (default 10800). */
	bearerTtlSeconds: number;
	/** Lifetime of authorization codes from /oauth/authorize (default 600). */
	authCodeTtlSeconds: number;
	/**
	 * What a list does with filter keys (a field of the list as a top-level key of `q`, beside
	 * `limit` and `offset`): `honour` (default) returns only the rows whose field equals the value;
	 * `ignore` accepts the keys of known fields and returns every row; `refuse` answers 400 to any
	 * key besides `limit` and `offset`. A key that is not a field of the list is a 400 in all three.
	 */
	filterBehaviour: MbxFilterBehaviour;
	/**
	 * Refuse a second order with the same purchase order number in one organization (default true).
	 * MBX documents no such rule; false lets tests check that workflows do not rely on it.
	 */
	uniquePurchaseOrders: boolean;
	/**
	 * Requests a minute each organization may make to /v2 (null = no limit, the default: MBX
	 * documents none). Over it: 429 with Retry-After until the fixed one-minute window ends.
	 */
	rateLimitPerMinute: number | null;
}

/** The three ways a server may treat filter keys in `q`; MBX documents none of them. */
export const MBX_FILTER_BEHAVIOURS = ['honour', 'ignore', 'refuse'] as const;
export type MbxFilterBehaviour = (typeof MBX_FILTER_BEHAVIOURS)[number];

export const DEFAULT_OPTIONS: MbxSandboxOptions = {
	maxClockSkewSeconds: null,
	acceptPathOnlySignature: false,
	bearerTtlSeconds: 3 * 3600,
	authCodeTtlSeconds: 600,
	filterBehaviour: 'honour',
	uniquePurchaseOrders: true,
	rateLimitPerMinute: null,
};

export function validateOptions(options: Partial<MbxSandboxOptions>): Partial<MbxSandboxOptions> {
	const known = Object.keys(DEFAULT_OPTIONS);
	for (const [key, value] of Object.entries(options)) {
		if (!known.includes(key)) throw new Error(`Unknown MBX sandbox option '${key}'`);
		if (value === undefined) continue;
		const nonNegative = typeof value === 'number' && Number.isFinite(value) && value >= 0;
		const valid =
			key === 'acceptPathOnlySignature' || key === 'uniquePurchaseOrders'
				? typeof value === 'boolean'
				: key === 'maxClockSkewSeconds'
					? value === null || nonNegative
					: key === 'rateLimitPerMinute'
						? value === null || (Number.isInteger(value) && (value as number) > 0)
						: key === 'filterBehaviour'
							? (MBX_FILTER_BEHAVIOURS as readonly unknown[]).includes(value)
							: nonNegative;
		if (!valid) throw new Error(`Invalid value for MBX sandbox option '${key}': ${JSON.stringify(value)}`);
	}
	// Drop undefined values so they never overwrite a default.
	return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}
