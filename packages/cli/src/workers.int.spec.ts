import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callJson, eventually, placeboRun, startServer, stop } from '@placebo/testkit/cli';

/** Pids of the live processes whose parent is `pid` (from /proc). */
const childrenOf = (pid: number): number[] =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${d}/status`, 'utf8'))?.[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);

// Every request on its own connection, so the primary hands them to both workers.
const call = (url: string, method: string, body?: unknown, token?: string) => callJson(url, method, body, token, { connection: 'close' });

describe('PLACEBO_API_WORKERS: several API processes on one port (embedded, real processes)', function () {
  this.timeout(180_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-workers-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves one player from two workers without overspending, starts a killed worker again, and stops cleanly', async () => {
    const env = { PLACEBO_DATA_DIR: dir, PLACEBO_API_WORKERS: '2', PLACEBO_SCRYPT_COST: '1024' };
    const server = await startServer('start', env);
    try {
      const primary = server.child.pid ?? -1;
      const workers = await eventually('two api workers', async () => (childrenOf(primary).length === 2 ? childrenOf(primary) : undefined));

      const reg = await call(`${server.url}/v1/players`, 'POST', { name: 'worker-player', password: 'a long password' });
      assert.equal(reg.status, 201, JSON.stringify(reg.body));
      const login = await call(`${server.url}/v1/sessions`, 'POST', { name: 'worker-player', password: 'a long password' });
      assert.equal(login.status, 201, JSON.stringify(login.body));
      const { token, player_id: id } = login.body as { token: string; player_id: string };
      const before = await call(`${server.url}/v1/players/${id}`, 'GET', undefined, token);
      const wealth = Number(before.body.wealth);
      const price = 999;
      const buyers = Math.floor(wealth / price) + 20;

      // Every request on its own connection, so the primary hands them to both workers; they race for one player.
      const answers = await Promise.all(
        Array.from({ length: buyers }, () => call(`${server.url}/v1/players/${id}/purchases`, 'POST', { kind: 'sword', type: 'saber' }, token)),
      );
      const approved = answers.filter((a) => a.status === 201).length;
      assert.deepEqual(
        answers.filter((a) => a.status !== 201 && a.status !== 402),
        [],
        'only purchases or refusals',
      );
      assert.equal(approved, Math.floor(wealth / price), 'exactly what the wallet affords, whichever worker decided');
      const after = await call(`${server.url}/v1/players/${id}`, 'GET', undefined, token);
      assert.equal(after.body.wealth, wealth - approved * price);

      // A worker killed after it served is replaced; the port keeps answering.
      await new Promise((r) => setTimeout(r, 5_500));
      process.kill(workers[0] ?? -1, 'SIGKILL');
      await eventually('a replacement worker', async () => {
        const now = childrenOf(primary);
        return now.length === 2 && !now.includes(workers[0] ?? -1) ? now : undefined;
      });
      const again = await call(`${server.url}/v1/players/${id}`, 'GET', undefined, token);
      assert.equal(again.status, 200);
      assert.equal(again.body.wealth, wealth - approved * price);
    } finally {
      await stop(server);
    }
    assert.equal(server.child.exitCode, 0, server.output());
    const verify = await placeboRun(['replay', '--verify'], { PLACEBO_DATA_DIR: dir });
    assert.equal(verify.code, 0, verify.output);
  });
});
