/**
 * A small RFC 4180 CSV reader: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes (""), records end in CRLF, LF or CR. A leading byte order mark
 * is dropped, and a line break at the very end of the text does not make an extra record.
 *
 * It is lenient where RFC 4180 leaves files "invalid" but the intent is clear (a quote inside an
 * unquoted field is kept as text) and strict only where data would be lost: a quoted field that
 * never ends.
 */

export class CsvParseError extends Error {
	constructor(
		message: string,
		/** 1-based line on which the problem starts. */
		readonly line: number,
	) {
		super(message);
		this.name = 'CsvParseError';
	}
}

/** Every record of the text as an array of field values, in order. */
export function parseCsv(input: string): string[][] {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let inQuotes = false;
	let quoted = false; // the current field started with a quote
	let line = 1;
	let quoteLine = 1;

	const endField = () => {
		record.push(field);
		field = '';
		quoted = false;
	};
	const endRecord = () => {
		endField();
		records.push(record);
		record = [];
	};

	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inQuotes) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else {
					inQuotes = false;
				}
			} else {
				if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
				field += ch;
			}
			continue;
		}
		if (ch === '"' && field === '' && !quoted) {
			inQuotes = true;
			quoted = true;
			quoteLine = line;
		} else if (ch === ',') {
			endField();
		} else if (ch === '\r' || ch === '\n') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			endRecord();
			line++;
		} else {
			field += ch;
		}
	}

	if (inQuotes) {
		throw new CsvParseError(`The CSV has a quoted field that never ends (it starts on line ${quoteLine})`, quoteLine);
	}
	// Text after the last line break is a final record; a trailing line break is not.
	if (field !== '' || quoted || record.length > 0) endRecord();
	return records;
}

/** A record that is only a blank line. */
export function isBlankRecord(record: string[]): boolean {
	return record.length === 1 && record[0] === '';
}

/**
 * The records of a CSV with a header line, as objects keyed by column name. Blank lines are
 * skipped, missing trailing fields are read as empty, and fields beyond the header are named
 * column<N>. Empty or repeated column names get a unique name too.
 */
export function parseCsvRecords(input: string): { columns: string[]; rows: Array<Record<string, string>> } {
	const records = parseCsv(input).filter((record) => !isBlankRecord(record));
	if (records.length === 0) return { columns: [], rows: [] };
	const [header, ...body] = records;
	const columns: string[] = [];
	const used = new Set<string>();
	const uniqueName = (base: string) => {
		let name = base;
		for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
		used.add(name);
		return name;
	};
	header.forEach((raw, index) => columns.push(uniqueName(raw.trim() || `column${index + 1}`)));
	const width = body.reduce((widest, record) => Math.max(widest, record.length), columns.length);
	for (let index = columns.length; index < width; index++) columns.push(uniqueName(`column${index + 1}`));
	const rows = body.map((record) =>
		Object.fromEntries(columns.map((column, index) => [column, record[index] ?? ''])),
	);
	return { columns, rows };
}
