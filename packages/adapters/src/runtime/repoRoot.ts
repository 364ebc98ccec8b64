import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root: the nearest folder above this module that holds `lerna.json`. */
export const repoRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'lerna.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (no lerna.json above this module)');
    dir = up;
  }
  return dir;
};
