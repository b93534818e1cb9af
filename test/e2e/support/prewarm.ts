/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, never published: n8n's rules for node code do not apply */
/**
 * Installs every supported n8n version's runtime, oldest first (the one most tests need), one
 * after another. Started in the background by test/helpers/globalSetup.js so the installs overlap
 * the unit and sandbox tests; a test that needs a runtime still being installed waits for it.
 */
import { ensureN8nRuntime, SUPPORTED_N8N_VERSIONS } from './runtime';

async function main(): Promise<void> {
	for (const version of SUPPORTED_N8N_VERSIONS) {
		const started = Date.now();
		await ensureN8nRuntime((line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`), version);
		process.stdout.write(`${new Date().toISOString()} n8n ${version} ready (${Math.round((Date.now() - started) / 1000)} s)\n`);
	}
}

main().catch((error: Error) => {
	process.stdout.write(`${new Date().toISOString()} ${error.stack ?? error.message}\n`);
	process.exitCode = 1;
});
