import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot } from '@placebo/adapters';
import { expectedAnswers } from './simulate/simulateExpected.js';
import { CatalogueError, checkQuery, loadCatalogue } from '@placebo/app-api';

describe('the business-question catalogue (queries/*.sql)', () => {
  it('parses every file, with unique names, a question, a chart and one statement', async () => {
    const queries = await loadCatalogue(join(repoRoot(), 'queries'));
    assert.ok(queries.length >= 26, `only ${queries.length} queries`);
    assert.equal(new Set(queries.map((q) => q.name)).size, queries.length);
    for (const q of queries) {
      assert.ok(q.question.length > 0 && q.sql.length > 0, q.file);
      assert.ok(!q.sql.includes(';'), q.file);
    }
  });

  it('holds the numbered questions and every seed query, and the simulator models each of them', async () => {
    const names = new Set((await loadCatalogue(join(repoRoot(), 'queries'))).map((q) => q.name));
    const modelled = [...expectedAnswers([]).keys()];
    for (const n of modelled) assert.ok(names.has(n), `no file for ${n}`);
    assert.ok(modelled.filter((n) => n.startsWith('seed000_')).length >= 5);
    assert.ok(modelled.filter((n) => n.startsWith('seed001_')).length >= 9);
  });

  it('reads the header: x and y on one line, continued descriptions, a trailing semicolon', () => {
    const q = checkQuery(
      '09_items.sql',
      '-- name: items\n-- question: How many?\n-- description: first part\n--   second part\n-- chart: bar\n-- x: type   -- y: items\nselect 1 as items;\n',
    );
    assert.deepEqual(q, {
      file: '09_items.sql',
      name: 'items',
      question: 'How many?',
      description: 'first part second part',
      chart: 'bar',
      x: 'type',
      y: ['items'],
      sql: 'select 1 as items',
      problem: null,
    });
    assert.equal(checkQuery('t.sql', '-- name: t\n-- question: q\n-- chart: table\nselect 1').x, '');
  });

  it('names what is wrong with a bad file', () => {
    assert.throws(
      () => checkQuery('a.sql', '-- question: q\n-- chart: bar\nselect 1'),
      (e: unknown) => e instanceof CatalogueError && /name/.test(e.message),
    );
    assert.throws(() => checkQuery('a.sql', '-- name: a\n-- question: q\n-- chart: pie\nselect 1'), /chart pie/);
    assert.throws(() => checkQuery('b.sql', '-- name: a\n-- question: q\n-- chart: bar\nselect 1'), /file name/);
    assert.throws(() => checkQuery('a.sql', '-- name: a\n-- question: q\n-- chart: bar\nselect 1; select 2'), /one statement/);
    assert.throws(() => checkQuery('a.sql', '-- name: a\n-- question: q\n-- chart: bar\n'), /no SQL/);
  });
});
