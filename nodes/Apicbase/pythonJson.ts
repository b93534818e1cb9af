/**
 * Serialises a JSON value byte-for-byte as CPython's `json.dumps(value)` does with its defaults:
 * separators ", " and ": ", ensure_ascii (non-ASCII as lowercase \uXXXX, astral characters as
 * surrogate pairs), keys in insertion order and floats as Python's repr.
 *
 * Apicbase signs webhook bodies produced by Python, so this is how a body re-parsed by n8n can be
 * turned back into the bytes that were signed.
 */

const SHORT_ESCAPES: Record<string, string> = {
	'"': '\\"',
	'\\': '\\\\',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\b': '\\b',
	'\f': '\\f',
};

function pythonString(value: string): string {
	let out = '"';
	for (let i = 0; i < value.length; i++) {
		const ch = value[i];
		const code = value.charCodeAt(i);
		const short = SHORT_ESCAPES[ch];
		if (short) out += short;
		else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).padStart(4, '0');
		else out += ch;
	}
	return out + '"';
}

/** Python's float repr: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
function pythonFloat(value: number): string {
	if (Number.isNaN(value)) return 'NaN';
	if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
	if (Number.isInteger(value) && Math.abs(value) < 1e16) return value.toFixed(1);
	const abs = Math.abs(value);
	if (abs >= 1e-4 && abs < 1e16) return String(value);
	const [mantissa, exponent] = value.toExponential().split('e');
	const exp = Number(exponent);
	const sign = exp < 0 ? '-' : '+';
	return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
}

export interface PythonDumpsOptions {
	/** Numbers that must render as Python floats even when integral (e.g. `1.0`), by JSON path. */
	floatPaths?: Set<string>;
}

function dump(value: unknown, path: string, options: PythonDumpsOptions): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') {
		if (Number.isInteger(value) && !options.floatPaths?.has(path)) return String(value);
		return pythonFloat(value);
	}
	if (typeof value === 'string') return pythonString(value);
	if (Array.isArray(value)) {
		return '[' + value.map((v, i) => dump(v, `${path}[${i}]`, options)).join(', ') + ']';
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).map(
			([key, v]) => `${pythonString(key)}: ${dump(v, path ? `${path}.${key}` : key, options)}`,
		);
		return '{' + entries.join(', ') + '}';
	}
	return pythonString(String(value));
}

export function pythonJsonDumps(value: unknown, options: PythonDumpsOptions = {}): string {
	return dump(value, '', options);
}
