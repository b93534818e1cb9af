/**
 * Checks assortment-file articles (Apicbase "Create Assortment File") before they are sent, so a
 * bad row is reported with its article number and field instead of failing later, asynchronously,
 * inside Apicbase.
 */
import { isObject } from '../shared/values';

export interface ArticleProblem {
	/** 1-based position of the article in the file. */
	article: number;
	/** The article's third_party_id, when it has one. */
	articleNumber?: string;
	field: string;
	message: string;
}

const MAX_NESTING = 10;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** True when a GTIN (EAN-8, UPC-12, EAN-13 or GTIN-14) has the right length and check digit. */
export function isValidGtin(value: unknown): boolean {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || !/^(\d{8}|\d{12,14})$/.test(text)) return false;
	const digits = text.split('').map(Number);
	const check = digits.pop() as number;
	// From the right, excluding the check digit, weights alternate 3, 1, 3, ...
	const sum = digits.reverse().reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
	return (10 - (sum % 10)) % 10 === check;
}

function decimals(value: number | string): number | undefined {
	const text = typeof value === 'number' ? String(value) : value.trim();
	const match = /^-?\d+(?:\.(\d+))?$/.exec(text);
	return match ? (match[1]?.length ?? 0) : undefined;
}

/** A non-negative number (or numeric text) with at most `places` decimals; a message otherwise. */
function numberProblem(value: unknown, places: number, options: { integer?: boolean; positive?: boolean } = {}) {
	if (typeof value !== 'number' && typeof value !== 'string') return 'must be a number';
	const count = decimals(value);
	const numeric = Number(value);
	if (count === undefined || !Number.isFinite(numeric)) return `must be a number, got "${String(value)}"`;
	if (options.integer && count > 0) return `must be a whole number, got "${String(value)}"`;
	if (count > places) return `must have at most ${places} decimals, got "${String(value)}"`;
	if (options.positive ? numeric <= 0 : numeric < 0) {
		return `must be ${options.positive ? 'greater than 0' : '0 or more'}, got "${String(value)}"`;
	}
	return undefined;
}

function textProblem(value: unknown, max: number, required: boolean) {
	if (isBlank(value)) return required ? 'is required' : undefined;
	if (typeof value !== 'string' && typeof value !== 'number') return 'must be text';
	if (String(value).length > max) return `must be at most ${max} characters (has ${String(value).length})`;
	return undefined;
}

function checkPackageDescription(value: unknown, field: string, depth: number, report: (field: string, message: string) => void) {
	if (!isObject(value)) {
		report(field, 'must be an object with a quantity and either a unit_name or a nested package');
		return;
	}
	if (!isBlank(value.gtin) && !isValidGtin(value.gtin)) {
		report(`${field}.gtin`, `"${String(value.gtin)}" is not a valid GTIN (8, 12, 13 or 14 digits with a correct check digit)`);
	}
	if (!isBlank(value.package)) {
		// An outer level: a multipack of `quantity` inner packages (for example 6 in 6 x 33 cl).
		const problem = isBlank(value.quantity) ? 'is required' : numberProblem(value.quantity, 6, { positive: true });
		if (problem) report(`${field}.quantity`, problem);
		if (!isBlank(value.unit_name)) report(`${field}.unit_name`, 'belongs only on the innermost package');
		if (depth >= MAX_NESTING) report(`${field}.package`, `is nested more than ${MAX_NESTING} levels deep`);
		else checkPackageDescription(value.package, `${field}.package`, depth + 1, report);
		return;
	}
	// The innermost level: a whole quantity of a unit (for example 33 cl).
	const problem = isBlank(value.quantity) ? 'is required' : numberProblem(value.quantity, 0, { integer: true, positive: true });
	if (problem) report(`${field}.quantity`, problem);
	if (isBlank(value.unit_name)) report(`${field}.unit_name`, 'is required on the innermost package (for example "cl", "kg" or "piece")');
	else if (typeof value.unit_name !== 'string') report(`${field}.unit_name`, 'must be text');
}

/** package_description_str: a free-text package description such as "6 x 33 cl". */
function packageTextProblem(value: unknown) {
	if (typeof value !== 'string') return 'must be text, such as "6 x 33 cl"';
	if (value.trim() === '') return 'must not be only spaces';
	return undefined;
}

/** Every problem of one article (position is 1-based). */
export function articleProblems(article: unknown, position: number): ArticleProblem[] {
	const problems: ArticleProblem[] = [];
	if (!isObject(article)) {
		return [{ article: position, field: '(article)', message: 'must be an object with the article fields' }];
	}
	const articleNumber = isBlank(article.third_party_id) ? undefined : String(article.third_party_id);
	const report = (field: string, message: string) => problems.push({ article: position, articleNumber, field, message });
	const text = (field: string, max: number, required = false) => {
		const problem = textProblem(article[field], max, required);
		if (problem) report(field, problem);
	};
	text('third_party_id', 50, true);
	text('shared_id', 50);
	text('name', 300, true);
	text('brand', 150);
	text('package_type', 50);
	if (!isBlank(article.description) && typeof article.description !== 'string') report('description', 'must be text');

	if (!isBlank(article.price)) {
		const problem = numberProblem(article.price, 3);
		if (problem) report('price', problem);
	}
	const code = isBlank(article.price_type_code) ? 0 : Number(article.price_type_code);
	if (code !== 0 && code !== 1) {
		report('price_type_code', `must be 0 (price per package) or 1 (price per unit), got "${String(article.price_type_code)}"`);
	} else if (code === 1 && isBlank(article.price_unit)) {
		report('price_unit', 'is required when price_type_code is 1 (price per unit)');
	} else if (code === 0 && !isBlank(article.price_unit)) {
		report('price_unit', 'is only allowed when price_type_code is 1 (price per unit)');
	}
	for (const flag of ['orderable', 'weighted']) {
		if (!isBlank(article[flag]) && typeof article[flag] !== 'boolean') report(flag, 'must be true or false');
	}
	if (!isBlank(article.lead_time) && !/^(\d+ )?(\d{1,2}:){0,2}\d+(\.\d{1,6})?$/.test(String(article.lead_time))) {
		report('lead_time', `must look like "[DD] [HH:[MM:]]ss[.uuuuuu]", for example "2 00:00:00", got "${String(article.lead_time)}"`);
	}
	if (!isBlank(article.gtin) && !isValidGtin(article.gtin)) {
		report('gtin', `"${String(article.gtin)}" is not a valid GTIN (8, 12, 13 or 14 digits with a correct check digit)`);
	}
	// The package is described either structured (package_description) or, as Apicbase's older
	// support article allows, as free text (package_description_str); at least one is needed.
	const hasStructured = !isBlank(article.package_description);
	const hasText = !isBlank(article.package_description_str);
	if (!hasStructured && !hasText) {
		report(
			'package_description or package_description_str',
			'is required: a structured package such as {"quantity": 6, "package": {"quantity": 33, "unit_name": "cl"}}, or a text such as "6 x 33 cl"',
		);
	}
	if (hasStructured) checkPackageDescription(article.package_description, 'package_description', 1, report);
	if (hasText) {
		const problem = packageTextProblem(article.package_description_str);
		if (problem) report('package_description_str', problem);
	}
	return problems;
}

/** Every problem of a list of articles; empty when all are valid. */
export function assortmentProblems(articles: unknown[]): ArticleProblem[] {
	return articles.flatMap((article, index) => articleProblems(article, index + 1));
}

/** One readable line per problem, such as: Article 2 ("A-100"): price must have at most 3 decimals. */
export function describeProblem(problem: ArticleProblem): string {
	const label = problem.articleNumber === undefined ? `Article ${problem.article}` : `Article ${problem.article} ("${problem.articleNumber}")`;
	return `${label}: ${problem.field} ${problem.message}`;
}
