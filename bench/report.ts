/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a benchmark, never published: n8n's rules for node code do not apply */
/** One line per case: ours, the comparison measured in the same run, and their ratio. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { repoRoot } from '../test/helpers/paths';

export interface Measured {
	case: string;
	ours: number;
	comparison: number;
	against: string;
	unit: string;
	/** The ratio ours / comparison aimed for: at most this, or at least this when higherIsBetter. */
	target?: number;
	/** Whether a bigger figure is better (a rate): the ratio must then be at least the target. */
	higherIsBetter?: boolean;
	note?: string;
	extra?: Record<string, unknown>;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** ours / comparison: below 1 is better for times and sizes, above 1 for rates. */
export function ratio(measured: Measured): number {
	return measured.comparison === 0 ? NaN : measured.ours / measured.comparison;
}

function meetsTarget(measured: Measured): boolean | undefined {
	if (measured.target === undefined) return undefined;
	const value = ratio(measured);
	return measured.higherIsBetter ? value >= measured.target : value <= measured.target;
}

const figure = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1));

export function printLine(measured: Measured): void {
	const met = meetsTarget(measured);
	const target = measured.target === undefined ? '' : ` target ${measured.higherIsBetter ? '≥' : '≤'} ${measured.target}×${met ? ' ✓' : ' ✗'}`;
	console.log(
		`${measured.case}\n    ours ${figure(measured.ours)} ${measured.unit} · ${measured.against} ${figure(measured.comparison)} ${measured.unit} · ratio ${ratio(measured).toFixed(2)}×${target}${measured.note ? `\n    ${measured.note}` : ''}`,
	);
}

/** The raw figures of this run, for comparing runs (bench/results/ is not committed). */
export function writeResults(results: Measured[], settings: Record<string, unknown>): string {
	const folder = path.join(repoRoot, 'bench', 'results');
	mkdirSync(folder, { recursive: true });
	const file = path.join(folder, 'latest.json');
	const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
	writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, settings, results: results.map((r) => ({ ...r, ratio: ratio(r) })) }, null, '\t')}\n`);
	return file;
}
