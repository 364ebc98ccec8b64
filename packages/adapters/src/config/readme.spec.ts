import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../runtime/repoRoot.js';
import { settings } from './config.js';

describe('README configuration table', () => {
  it('lists every setting with its default, and nothing else', () => {
    const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `(PLACEBO_[A-Z_0-9]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(
      rows,
      Object.entries(settings).map(([k, s]) => [k, s.default]),
    );
  });
});
