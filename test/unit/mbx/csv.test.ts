import { CsvParseError, parseCsv, parseCsvRecords } from '../../../nodes/Mbx/report/csv';

describe('parseCsv (RFC 4180)', () => {
	it('reads plain records with CRLF line ends', () => {
		expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([
			['a', 'b', 'c'],
			['1', '2', '3'],
		]);
	});

	it('accepts LF and lone CR line ends, and a last record without a line end', () => {
		expect(parseCsv('a,b\n1,2\r3,4')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4'],
		]);
	});

	it('keeps commas, CRLF, LF and doubled quotes inside quoted fields', () => {
		const text = 'id,message\r\n1,"Hello, world"\r\n2,"line one\r\nline two\nline three"\r\n3,"She said ""done"""\r\n';
		expect(parseCsv(text)).toEqual([
			['id', 'message'],
			['1', 'Hello, world'],
			['2', 'line one\r\nline two\nline three'],
			['3', 'She said "done"'],
		]);
	});

	it('reads empty fields, quoted or not', () => {
		expect(parseCsv(',,\r\n"",x,""\r\n')).toEqual([
			['', '', ''],
			['', 'x', ''],
		]);
	});

	it('reads a field that is only a doubled quote', () => {
		expect(parseCsv('""""')).toEqual([['"']]);
	});

	it('keeps a trailing empty field', () => {
		expect(parseCsv('a,\r\nb,')).toEqual([
			['a', ''],
			['b', ''],
		]);
	});

	it('keeps spaces around fields as they are', () => {
		expect(parseCsv(' a , b \r\n')).toEqual([[' a ', ' b ']]);
	});

	it('drops a leading byte order mark', () => {
		expect(parseCsv('\uFEFFid,name\r\n1,x')).toEqual([
			['id', 'name'],
			['1', 'x'],
		]);
	});

	it('gives no records for empty text, and one empty record for a lone line break', () => {
		expect(parseCsv('')).toEqual([]);
		expect(parseCsv('\r\n')).toEqual([['']]);
	});

	it('keeps a quote inside an unquoted field as text', () => {
		expect(parseCsv('5" disk,x')).toEqual([['5" disk', 'x']]);
	});

	it('keeps text after a closing quote as part of the field', () => {
		expect(parseCsv('"ab"c,d')).toEqual([['abc', 'd']]);
	});

	it('keeps non-ASCII text', () => {
		expect(parseCsv('name\r\n"Zürich, 東京 😀"')).toEqual([['name'], ['Zürich, 東京 😀']]);
	});

	it('refuses a quoted field that never ends, giving the line it starts on', () => {
		const read = () => parseCsv('a,b\r\n1,"two\r\nthree\r\n');
		expect(read).toThrow(CsvParseError);
		expect(read).toThrow('The CSV has a quoted field that never ends (it starts on line 2)');
	});

	it('counts lines inside quoted fields when reporting a later problem', () => {
		expect(() => parseCsv('"a\nb"\n"c')).toThrow('starts on line 3');
	});
});

describe('parseCsvRecords', () => {
	it('keys each record by the header and skips blank lines', () => {
		expect(parseCsvRecords('id,name\r\n1,a\r\n\r\n2,b\r\n')).toEqual({
			columns: ['id', 'name'],
			rows: [
				{ id: '1', name: 'a' },
				{ id: '2', name: 'b' },
			],
		});
	});

	it('reads missing trailing fields as empty and names extra fields', () => {
		expect(parseCsvRecords('a,b\r\n1\r\n1,2,3')).toEqual({
			columns: ['a', 'b', 'column3'],
			rows: [
				{ a: '1', b: '', column3: '' },
				{ a: '1', b: '2', column3: '3' },
			],
		});
	});

	it('makes empty and repeated column names unique', () => {
		expect(parseCsvRecords(' id ,,id\r\n1,2,3').columns).toEqual(['id', 'column2', 'id_2']);
	});

	it('gives nothing for an empty report and no rows for a header alone', () => {
		expect(parseCsvRecords('')).toEqual({ columns: [], rows: [] });
		expect(parseCsvRecords('id,name\r\n')).toEqual({ columns: ['id', 'name'], rows: [] });
	});
});
