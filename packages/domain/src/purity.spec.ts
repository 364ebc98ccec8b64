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

  it('imports nothing but fp-ts, io-ts and its own modules, and reads no clock, randomness or environment', () => {
    const files = sources(join(root, 'src'));
    assert.ok(files.length > 10, 'found the domain sources');
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
        assert.ok(spec!.startsWith('.') || /^(fp-ts|io-ts)(\/|$)/.test(spec!), `${file} imports ${spec}`);
      }
      assert.doesNotMatch(text, /Date\.now\(|Math\.random\(|process\.|require\(/, file);
    }
  });
});
