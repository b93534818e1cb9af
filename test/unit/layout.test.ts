/**
 * The layout rules of ARCHITECTURE.md, read from the imports: one home for each thing. A vendor's
 * code stays in its folder, `nodes/shared/` holds only what two or more vendors use, an action
 * imports no other resource's folder, and triggers import no action.
 */
/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import { repoRoot as ROOT } from '../helpers/paths';
const VENDORS = ['Mbx', 'OpenBoxes', 'Apicbase'];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** The repository-relative files a source file imports (relative imports only). */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]);
	return specifiers.map((specifier) => {
		const target = resolve(dirname(file), specifier);
		const candidates = [`${target}.ts`, join(target, 'index.ts')];
		const found = candidates.find((candidate) => {
			try {
				return statSync(candidate).isFile();
			} catch {
				return false;
			}
		});
		return relative(ROOT, found ?? target).split(sep).join('/');
	});
}

const files = [...sourceFiles(join(ROOT, 'nodes')), ...sourceFiles(join(ROOT, 'credentials'))].map((file) => ({
	path: relative(ROOT, file).split(sep).join('/'),
	imports: importsOf(file),
}));

/** The vendor a file belongs to: its folder under nodes/, or the vendor its credential is named after. */
function vendorOf(path: string): string | undefined {
	const folder = /^nodes\/([^/]+)\//.exec(path)?.[1];
	if (folder && VENDORS.includes(folder)) return folder;
	const credential = /^credentials\/(Mbx|OpenBoxes|Apicbase)/.exec(path)?.[1];
	return credential;
}

describe('layout', () => {
	it('finds the source files', () => {
		expect(files.length).toBeGreaterThan(100);
	});

	it('keeps in nodes/shared/ only what two or more vendors use', () => {
		const shared = files.filter((file) => file.path.startsWith('nodes/shared/'));
		const usedBy = (path: string, seen = new Set<string>()): Set<string> => {
			const vendors = new Set<string>();
			for (const file of files.filter((candidate) => candidate.imports.includes(path))) {
				const vendor = vendorOf(file.path);
				if (vendor) vendors.add(vendor);
				else if (file.path.startsWith('nodes/shared/') && !seen.has(file.path)) {
					seen.add(file.path);
					for (const indirect of usedBy(file.path, seen)) vendors.add(indirect);
				}
			}
			return vendors;
		};
		const singleVendor = shared
			.map((file) => ({ path: file.path, vendors: [...usedBy(file.path)] }))
			.filter(({ vendors }) => vendors.length < 2);
		expect(singleVendor).toEqual([]);
	});

	it('lets no vendor import another vendor', () => {
		const crossings = files.flatMap((file) => {
			const vendor = vendorOf(file.path);
			return file.imports
				.filter((target) => vendor && vendorOf(target) && vendorOf(target) !== vendor)
				.map((target) => `${file.path} → ${target}`);
		});
		expect(crossings).toEqual([]);
	});

	it("lets no action import another resource's folder", () => {
		const resourceOf = (path: string) => /^nodes\/[^/]+\/actions\/([^/]+)\//.exec(path)?.[1];
		const crossings = files.flatMap((file) => {
			const resource = resourceOf(file.path);
			if (!resource) return [];
			return file.imports
				.filter((target) => resourceOf(target) !== undefined && resourceOf(target) !== resource)
				.map((target) => `${file.path} → ${target}`);
		});
		expect(crossings).toEqual([]);
	});

	it('lets no trigger import an action file', () => {
		const isTrigger = (path: string) => /Trigger\.node\.ts$/.test(path) || /^nodes\/[^/]+\/trigger\//.test(path);
		const crossings = files
			.filter((file) => isTrigger(file.path))
			.flatMap((file) => file.imports.filter((target) => /\/actions\//.test(target)).map((target) => `${file.path} → ${target}`));
		expect(crossings).toEqual([]);
	});

	it('sends HTTP only from a transport', () => {
		// Besides the transports: the logins that credentials run before a request (n8n's preAuthentication).
		const ALLOWED_SENDERS = [
			'nodes/Mbx/transport.ts',
			'nodes/OpenBoxes/transport.ts',
			'nodes/OpenBoxes/session.ts',
			'nodes/Apicbase/transport.ts',
			'nodes/Apicbase/supplierToken.ts',
		];
		const senders = files
			.filter((file) => /httpRequest(WithAuthentication)?\b|requestWithAuthentication|helpers\.request\b/.test(readFileSync(join(ROOT, file.path), 'utf8')))
			.map((file) => file.path)
			.filter((path) => !ALLOWED_SENDERS.includes(path) && !path.startsWith('credentials/'));
		expect(senders).toEqual([]);
	});
});
