/**
 * Once before the tests: when the run includes tests that need a real n8n, start installing the
 * supported n8n versions in the background (test/e2e/support/prewarm.ts), so the installs overlap
 * the unit and sandbox tests instead of adding to them. Nothing happens when they are installed.
 */
const { spawn } = require('node:child_process');
const { mkdirSync, openSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NEED_N8N = ['reliability', 'e2e', 'browser'];

module.exports = async (globalConfig) => {
	const projects = globalConfig.selectProjects;
	if (projects && !projects.some((name) => NEED_N8N.includes(name))) return;
	const paths = globalConfig.nonFlagArgs ?? [];
	if (paths.length && !paths.some((arg) => /e2e|browser|reliability/.test(arg))) return;

	const cacheRoot = process.env.N8N_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-supply-chain');
	mkdirSync(cacheRoot, { recursive: true });
	const logFile = path.join(cacheRoot, 'prewarm.log');
	const log = openSync(logFile, 'a');
	const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, '../e2e/support/prewarm.ts')], {
		detached: true,
		stdio: ['ignore', log, log],
	});
	child.unref();
	process.stderr.write(`n8n runtimes: checked and, if missing, installed in the background (log: ${logFile})\n`);
};
