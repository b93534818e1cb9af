/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- a benchmark tool, never published: n8n's rules for node code do not apply */
/**
 * Where a V8 CPU profile of n8n spent its time (from `npm run bench -- --cpu-prof <dir>`): self time
 * by package, and the busiest functions, over the last `--last-ms` of the profile (with `--only P1`,
 * the bench prints how long P1 took: n8n stops right after it, so that skips its start-up).
 *
 *   npx tsx bench/profileSummary.ts <dir>/CPU.<...>.cpuprofile --last-ms 20000
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** "our package", a node_modules package name, "node" for Node's own code, or "(program)"-style V8 entries. */
function packageOf(url: string, functionName: string): string {
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	if (url.includes('n8n-nodes-supply-chain')) return 'n8n-nodes-supply-chain (ours)';
	const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
	if (match) return match[1];
	if (url.startsWith('node:')) return 'node (built-in)';
	return url;
}

function main(): void {
	const [file] = process.argv.slice(2).filter((arg, index, all) => !arg.startsWith('--') && all[index - 1] !== '--last-ms');
	const lastIndex = process.argv.indexOf('--last-ms');
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const spanUs = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
	const afterMs = lastIndex >= 0 ? Math.max(0, spanUs / 1000 - Number(process.argv[lastIndex + 1])) : 0;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const byPackage = new Map<string, number>();
	const byFunction = new Map<string, number>();
	let elapsedUs = 0;
	let totalUs = 0;
	profile.samples.forEach((id, index) => {
		const delta = profile.timeDeltas[index] ?? 0;
		elapsedUs += delta;
		if (elapsedUs < afterMs * 1000) return;
		const node = byId.get(id);
		if (!node) return;
		const { functionName, url, lineNumber } = node.callFrame;
		if (functionName === '(idle)') return;
		totalUs += delta;
		const name = packageOf(url, functionName);
		byPackage.set(name, (byPackage.get(name) ?? 0) + delta);
		const where = `${functionName || '(anonymous)'} ${name}${url ? `:${lineNumber + 1}` : ''}`;
		byFunction.set(where, (byFunction.get(where) ?? 0) + delta);
	});
	const top = (map: Map<string, number>, count: number) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, count)
			.map(([name, us]) => `  ${((us / totalUs) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`)
			.join('\n');
	console.log(`Busy time in the last ${((spanUs / 1000 - afterMs) / 1000).toFixed(1)} s of ${(spanUs / 1e6).toFixed(1)} s: ${(totalUs / 1000).toFixed(0)} ms\n\nSelf time by package:\n${top(byPackage, 15)}\n\nBusiest functions:\n${top(byFunction, 25)}`);
}

main();
