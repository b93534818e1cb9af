import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
/** shared/ sits beside the repository (vendor docs, reference notes, official test vectors). */
/** Data the tests read, kept in the repository (e.g. MBX's official signature vectors). */
export const fixturesDir = path.join(repoRoot, 'test/fixtures');
