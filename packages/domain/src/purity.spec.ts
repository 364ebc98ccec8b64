import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );

describe('the domain package stays pure', () => {
  it('depends on fp-ts and io-ts only', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}).sort(), ['fp-ts', 'io-ts']);
  });

  // Imports and Node globals are kept out by the compiler (tsconfig.json has `types: []`) and by depcruise; a clock or
  // randomness is standard JavaScript, so only a look at the text finds it.
  it('reads no clock and no randomness', () => {
    const files = sources(join(root, 'src'));
    assert.ok(files.length > 10, 'found the domain sources');
    for (const file of files) assert.doesNotMatch(readFileSync(file, 'utf8'), /Date\.now\(|Math\.random\(/, file);
  });
});
