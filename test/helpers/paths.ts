import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
/** shared/ sits beside the repository (vendor docs, reference notes, official test vectors). */
export const sharedDir = path.resolve(repoRoot, '../shared');
