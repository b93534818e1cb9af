#!/usr/bin/env node
/**
 * The checks of n8n's community-package scanner (`npx @n8n/scan-community-package`), run here
 * without the registry: its analyser over this repository's sources (the rules for .ts nodes and
 * credentials) and over the packed package's compiled JavaScript and package.json, the two legs
 * the scanner runs after its provenance check. Usage: node scripts/scan-package.mjs <unpacked package folder>
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packedDir = process.argv[2];
if (!packedDir) {
	console.error('Usage: node scripts/scan-package.mjs <unpacked package folder>');
	process.exit(2);
}

const legs = [
	['sources', repoRoot, SOURCE_FILE_PATTERNS],
	['package', path.resolve(packedDir), ['**/*.js', 'package.json']],
];
let passed = true;
for (const [name, dir, patterns] of legs) {
	const result = await analyzePackage(dir, patterns);
	console.log(`${name}: ${result.passed ? 'passed' : `failed (${result.message})`}`);
	if (result.details) console.log(result.details);
	passed &&= result.passed;
}
process.exit(passed ? 0 : 1);
