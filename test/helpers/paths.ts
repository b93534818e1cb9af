/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, never published: n8n's rules for node code do not apply */
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
/** Data the tests read, kept in the repository (e.g. MBX's official signature vectors). */
export const fixturesDir = path.join(repoRoot, 'test/fixtures');
