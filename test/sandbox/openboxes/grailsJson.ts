/**
 * The JSON text OpenBoxes' ApiClientService sends: `new org.grails.web.json.JSONObject(map).toString()`
 * of Grails 3.3.16 (OpenBoxes 0.9.x). That class does not convert nested maps: a value that is a
 * plain Map (not a JSONObject) is written as the quoted text of Java's `Map.toString()`, e.g.
 * `"{id=abc, quantity=5}"`. Lists become JSON arrays, null `null`, numbers as Java prints them.
 * Checked against the Grails class compiled with OpenJDK.
 */

/** A Groovy value: a plain object stands for a LinkedHashMap (keys in insertion order). */
export type JavaValue = string | number | boolean | null | JavaValue[] | { [key: string]: JavaValue };

const isMap = (value: JavaValue): value is { [key: string]: JavaValue } => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `String.valueOf(value)` in Java: AbstractMap "{k=v, k=v}", AbstractCollection "[a, b]". */
export function javaToString(value: JavaValue): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
	if (isMap(value)) return `{${Object.entries(value).map(([key, inner]) => `${key}=${javaToString(inner)}`).join(', ')}}`;
	return String(value);
}

/** JSONObject.quote: backslash escapes, "/" escaped only after "<", other control characters as \u00XX. */
export function grailsQuote(text: string): string {
	if (text.length === 0) return '""';
	const simple: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
	let out = '"';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (simple[c]) out += simple[c];
		else if (c === '/' && text[i - 1] === '<') out += '\\/';
		else if (c < ' ') out += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
		else out += c;
	}
	return `${out}"`;
}

/** JSONObject.valueToString: numbers, booleans and null bare, collections as arrays, anything else quoted toString(). */
function grailsValue(value: JavaValue): string {
	if (value === null) return 'null';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return `[${value.map(grailsValue).join(',')}]`;
	return grailsQuote(isMap(value) ? javaToString(value) : value);
}

/** JSONObject.toString of a map whose entries come in `entries` order (the caller gives Java's HashMap order). */
export function grailsJsonObject(entries: Array<[string, JavaValue]>): string {
	return `{${entries.map(([key, value]) => `${grailsQuote(key)}:${grailsValue(value)}`).join(',')}}`;
}
