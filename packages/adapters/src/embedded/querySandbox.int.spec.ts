import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { Infrastructure } from '../infrastructure.js';
import { openEmbedded } from './embedded.js';

describe('embedded analyst SQL is sandboxed to the lake', () => {
  let dir: string;
  let infra: Infrastructure;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-sandbox-'));
    infra = openEmbedded({ dataDir: dir });
    const claimed = await infra.accounts.claim('victim', 'p-1', 'scrypt$SECRET-HASH')();
    assert.ok(E.isRight(claimed));
    writeFileSync(join(dir, 'notes.txt'), 'not for analysts');
  });
  after(async () => {
    await infra.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refused = async (sql: string): Promise<string> => {
    const r = await infra.query.query(sql)();
    assert.ok(E.isLeft(r), `${sql} ran: ${E.isRight(r) ? JSON.stringify(r.right.rows).slice(0, 200) : ''}`);
    assert.doesNotMatch(JSON.stringify(r.left), /SECRET-HASH/);
    return 'message' in r.left ? r.left.message : '';
  };

  it('still answers the analyst tables', async () => {
    const r = await infra.query.query('select count(*) as n from all_events')();
    assert.ok(E.isRight(r), JSON.stringify(E.isLeft(r) ? r.left : null));
    assert.deepEqual(r.right.rows, [[0]]);
  });

  it('refuses read_blob and read_text of the accounts database and other files', async () => {
    await refused(`select * from read_blob('${join(dir, 'placebo.db')}')`);
    await refused(`select * from read_text('${join(dir, 'notes.txt')}')`);
    await refused(`select * from read_text('${join(dir, 'lake', '..', 'notes.txt')}')`);
    await refused(`select * from read_csv('${join(dir, 'notes.txt')}')`);
  });

  it('refuses COPY … TO and ATTACH', async () => {
    const out = join(dir, 'stolen.csv');
    await refused(`copy (select 1 as a) to '${out}' (format csv)`);
    assert.equal(existsSync(out), false);
    await refused(`attach '${join(dir, 'placebo.db')}' as accounts (type sqlite)`);
    await refused(`attach '${join(dir, 'other.duckdb')}' as other`);
  });

  it('refuses INSTALL and LOAD of extensions, and turning the sandbox off', async () => {
    await refused('install httpfs');
    await refused('load sqlite_scanner');
    await refused('set enable_external_access = true');
    await refused("set allowed_directories = ['/']");
    await refused('reset lock_configuration');
  });
});
