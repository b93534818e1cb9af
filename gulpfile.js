// The one build step n8n's own tool does not do. `n8n-node build` (package.json "build") compiles
// the code and copies every PNG and SVG of the repository into dist/, the README's screenshots in
// docs/images included. This task keeps dist/ to what n8n loads: the compiled credentials and
// nodes, and the icons their `file:` icon paths point at.
const { readdir, rm } = require('node:fs/promises');
const path = require('node:path');

const LOADED_BY_N8N = ['credentials', 'icons', 'nodes'];

async function pruneDist() {
	const entries = await readdir('dist');
	const strays = entries.filter((entry) => !LOADED_BY_N8N.includes(entry));
	await Promise.all(strays.map((entry) => rm(path.join('dist', entry), { recursive: true, force: true })));
}

exports['prune:dist'] = pruneDist;
