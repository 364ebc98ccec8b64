import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analystTables, analystViews } from '@placebo/domain';
import { repoRoot } from '@placebo/adapters';

describe('docs/tables.md', () => {
  const generated = (): string => execFileSync(process.execPath, [join(repoRoot(), 'scripts', 'tables-doc.mjs'), '--stdout'], { encoding: 'utf8' });

  it('is what scripts/tables-doc.mjs generates from the declarations (run `npm run docs:tables` after changing them)', () => {
    assert.equal(readFileSync(join(repoRoot(), 'docs', 'tables.md'), 'utf8'), generated(), 'docs/tables.md is stale: run `npm run docs:tables`');
  });

  it('documents every analyst table, column and view', () => {
    const doc = generated();
    for (const t of analystTables) {
      assert.match(doc, new RegExp(`^## ${t.name}$`, 'm'));
      for (const c of t.columns) assert.ok(doc.includes(`| \`${c.name}\` |`), `${t.name}.${c.name}`);
    }
    for (const v of analystViews) assert.ok(doc.includes(`## ${v.name} (view)`) && doc.includes(v.sql), v.name);
  });
});
