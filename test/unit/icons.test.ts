/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
import fs from 'node:fs';
import path from 'node:path';

import { repoRoot } from '../helpers/paths';

const iconsDir = path.join(repoRoot, 'icons');
const svgFiles = fs.readdirSync(iconsDir).filter((name) => name.endsWith('.svg')).sort();
const read = (name: string): string => fs.readFileSync(path.join(iconsDir, name), 'utf8');

/** Any href that points outside the document (only same-document "#id" fragments are allowed). */
const externalHref = /\b(?:xlink:)?href\s*=\s*["'](?!#)[^"']*["']/i;

describe('node icons', () => {
	it('has icons to check', () => {
		expect(svgFiles.length).toBeGreaterThan(0);
	});

	describe.each(svgFiles)('%s', (name) => {
		const svg = read(name);

		it('is an <svg> document with a viewBox', () => {
			const body = svg.replace(/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*/, '');
			expect(body.startsWith('<svg')).toBe(true);
			expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
			const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
			expect(root).toMatch(/\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
			expect(root).toMatch(/\sviewBox="[\d.\s-]+"/);
		});

		it('uses shapes only: no text, fonts, images, scripts or external references', () => {
			expect(svg).not.toMatch(/<text\b/i);
			expect(svg).not.toMatch(/<image\b/i);
			expect(svg).not.toMatch(/<script\b/i);
			expect(svg).not.toMatch(/<foreignObject\b/i);
			expect(svg).not.toMatch(/font-family/i);
			expect(svg).not.toMatch(externalHref);
		});

		it('has balanced tags', () => {
			const opened = (svg.match(/<[a-zA-Z][^>]*[^/]>|<[a-zA-Z]+>/g) ?? []).length;
			const closed = (svg.match(/<\/[a-zA-Z]+\s*>/g) ?? []).length;
			expect(opened).toBe(closed);
		});
	});

	const pairs = svgFiles.filter((name) => !name.endsWith('.dark.svg')).map((name) => name.replace(/\.svg$/, ''));

	it.each(pairs)('%s has a dark variant that differs from the light one', (base) => {
		const dark = `${base}.dark.svg`;
		expect(svgFiles).toContain(dark);
		expect(read(dark)).not.toBe(read(`${base}.svg`));
	});
});
