import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { Redis } from 'ioredis';
import type { StoredEvent } from '@placebo/domain';
import { storedEvent, unique } from '@placebo/testkit/contracts';
import { createLogger } from '../runtime/logger.js';
import { openClusterLog, type ClusterLog } from './clusterLog.js';
import { ensureStack, testClusterSettings } from '@placebo/testkit/stack';

const quiet = createLogger({ level: 'error' });

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

const registered = (p: string, name: string): StoredEvent =>
  storedEvent(p, 1, { type: 'PlayerRegistered', name: name as never, wealth: 100 as never, health: 100 });

/** Every (version, event_id) of the player in topic all_events, read from Kafka itself. */
const versionsInKafka = async (c: ClusterLog, p: string): Promise<Array<[number, string]>> => {
  const out: Array<[number, string]> = [];
  for (const part of await ok(c.log.partitions('all_events'))) {
    const end = await ok(c.log.end('all_events', part));
    for (let next = 0; next < end;) {
      const records = await ok(c.log.read('all_events', part, next, 1000));
      for (const r of records) if (r.event.player_id === p) out.push([r.event.player_version, r.event.event_id]);
      next = (records[records.length - 1]?.offset ?? end) + 1;
    }
  }
  return out.sort(([a], [b]) => a - b);
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** A Redis server of this test's own, persisting to `dir` (Debian's redis-server). */
const startRedis = async (dir: string, port: number): Promise<ChildProcess> => {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on 127.0.0.1:${port}`);
};

describe('cluster log: Redis losing its newest writes (Kafka + Redis)', function () {
  this.timeout(300_000);
  before(async () => ensureStack(['redis', 'kafka']));

  it('puts back the events Kafka holds beyond the heads Redis kept, so their versions are never handed out again', async () => {
    const settings = testClusterSettings();
    const c = await openClusterLog(settings, quiet);
    try {
      const p = unique('p');
      const name = unique('n');
      await ok(c.log.append(p, 0, [registered(p, name)]));
      await ok(c.accounts.claim(name, p, 'hash'));
      await c.markIndexed();
      // What Redis held at the last write it persisted.
      const keys = await c.redis.keys(`${settings.redisPrefix}*`);
      const saved = await Promise.all(keys.map(async (k) => [k, await c.redis.dumpBuffer(k)] as const));
      await ok(c.log.append(p, 1, [storedEvent(p, 2), storedEvent(p, 3, { type: 'ProfileViewed' }, `cmd-${p}-2`)]));
      // The crash: Redis comes back with what it had persisted, and the acknowledged write is only in Kafka.
      await c.redis.del(...(await c.redis.keys(`${settings.redisPrefix}*`)));
      for (const [k, dump] of saved) if (dump !== null) await c.redis.restore(k, 0, dump);
      assert.deepEqual(
        (await ok(c.log.readPlayer(p, 0))).map((e) => e.player_version),
        [1],
        'the index forgot versions 2 and 3',
      );

      const repair = await c.verifyIndex();
      assert.equal(repair.players, 1);
      assert.equal(repair.events, 2);
      assert.deepEqual(repair.accountsWithoutPassword, [], 'the account was persisted before the loss');
      assert.deepEqual(
        (await ok(c.log.readPlayer(p, 1))).map((e) => e.player_version),
        [2, 3],
      );
      const stale = await c.log.append(p, 1, [storedEvent(p, 2)])();
      assert.ok(E.isLeft(stale) && stale.left._tag === 'VersionConflict', 'version 2 is taken');
      assert.deepEqual(
        (await ok(c.log.findByCommand(p, `cmd-${p}-2`))).map((e) => e.player_version),
        [2, 3],
        'a retry of the lost command finds it',
      );
      await ok(c.log.append(p, 3, [storedEvent(p, 4)]));
      assert.deepEqual(
        (await versionsInKafka(c, p)).map(([v]) => v),
        [1, 2, 3, 4],
        'each version once in Kafka',
      );
      const again = await c.verifyIndex();
      assert.equal(again.players, 0, 'a second verification finds nothing to put back');
      // At most the record written since (none when the periodic checkpoint stored the watermarks after it): the
      // watermarks moved past what was verified, so the second verification does not read the log again.
      assert.ok(again.scanned <= 1, `only what was written since is read again (${again.scanned} records)`);
    } finally {
      await c.close();
    }
  });

  it('holds a registration name for its player when Redis lost the account', async () => {
    const settings = testClusterSettings();
    const c = await openClusterLog(settings, quiet);
    try {
      await c.markIndexed();
      const p = unique('p');
      const name = unique('n');
      await ok(c.log.append(p, 0, [registered(p, name)]));
      await c.redis.del(...(await c.redis.keys(`${settings.redisPrefix}[ptsac]:*`)));
      const repair = await c.verifyIndex();
      assert.deepEqual(repair.accountsWithoutPassword, [p]);
      const other = await c.accounts.claim(name, unique('q'), 'hash')();
      assert.ok(E.isLeft(other) && other.left._tag === 'NameTaken', 'the name is not given to another player');
    } finally {
      await c.close();
    }
  });

  it('refuses writes when Redis restarts without its newest writes, until the index is verified', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placebo-redis-'));
    const port = await freePort();
    let redis = await startRedis(dir, port);
    const c = await openClusterLog(testClusterSettings({ redisUrl: `redis://127.0.0.1:${port}/0` }), quiet);
    try {
      const p = unique('p');
      await ok(c.log.append(p, 0, [storedEvent(p, 1)]));
      await c.markIndexed();
      await c.redis.save();
      await ok(c.log.append(p, 1, [storedEvent(p, 2)]));
      // A restart from the last persisted state: version 2 is in Kafka only.
      await c.redis.shutdown('NOSAVE').catch(() => undefined);
      await new Promise<void>((r) => (redis.exitCode !== null ? r() : redis.once('exit', () => r())));
      const during = await c.log.append(p, 2, [storedEvent(p, 3)])();
      assert.ok(E.isLeft(during) && during.left._tag === 'PortError' && during.left.retriable, 'no write while Redis is away');
      redis = await startRedis(dir, port);
      // Until the guard has verified the new server, every append is refused or, once verified, sees version 2.
      let answer = await c.log.append(p, 1, [storedEvent(p, 2)])();
      for (let i = 0; i < 300 && E.isLeft(answer) && answer.left._tag === 'PortError'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        answer = await c.log.append(p, 1, [storedEvent(p, 2)])();
      }
      assert.ok(E.isLeft(answer) && answer.left._tag === 'VersionConflict', `a stale version is refused, got ${JSON.stringify(answer)}`);
      await ok(c.log.append(p, 2, [storedEvent(p, 3)]));
      assert.deepEqual(
        (await versionsInKafka(c, p)).map(([v]) => v),
        [1, 2, 3],
      );
    } finally {
      await c.close();
      redis.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
