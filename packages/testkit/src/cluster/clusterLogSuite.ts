import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { initialState, type PlayerState } from '@placebo/domain';
import {
  BEGIN_WRITE,
  COMMIT_WRITE,
  createLogger,
  openClusterLog,
  pendingEntry,
  redisKeys,
  redisScript,
  type ClusterLog,
  type ClusterLogSettings,
} from '@placebo/adapters';
import { ensureStack, type StackService } from '../stack.js';
import { eventLogContract } from '../contracts/eventLogContract.js';
import { storedEvent, unique } from '../contracts/fixtures.js';
import { storesContract } from '../contracts/storeContracts.js';

const quiet = createLogger({ level: 'error' });

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

/**
 * The cluster log (Kafka + its Redis index) and the Redis stores, against the servers `settings` names: the port
 * contracts, then the write intents' own guarantees (a dead writer completed, a stale token fenced, the pending list,
 * turns, a live intent waited for, the tail folded by a snapshot, the index flag). `settings` gives a fresh, isolated
 * deployment each call (own topics, keys, group).
 */
export const clusterLogSuite = (
  label: string,
  settingsOf: (overrides?: Partial<ClusterLogSettings>) => ClusterLogSettings,
  services: ReadonlyArray<StackService>,
): void => {
  const open = async (s: ClusterLogSettings = settingsOf()): Promise<ClusterLog> => openClusterLog(s, quiet);
  describe(`cluster log and stores (${label})`, function () {
    this.timeout(300_000);
    before(async () => ensureStack(services));

    eventLogContract('cluster (Kafka + Redis index)', async () => {
      const c = await open();
      return { log: c.log, snapshots: c.snapshots, close: c.close };
    });

    storesContract('cluster (Redis)', async () => {
      const c = await open();
      return { ...c, close: c.close };
    });

    describe('write intents', () => {
      let c: ClusterLog;
      let settings: ClusterLogSettings;
      before(async () => {
        settings = settingsOf({ leaseMs: 300 });
        c = await open(settings);
      });
      after(async () => c.close());

      it('a writer that died after deciding is completed by the next writer: its events reach Kafka once, versions stay gapless', async () => {
        const p = unique('p');
        await ok(c.log.append(p, 0, [storedEvent(p, 1)]));
        // A writer opens an intent for version 2 and dies before producing it.
        const orphan = [storedEvent(p, 2, undefined, 'cmd-orphan')];
        const begin = redisScript(c.redis, BEGIN_WRITE);
        const keys = redisKeys(settings.redisPrefix);
        await c.redis.zadd(keys.pending(p), Date.now(), pendingEntry('dead-writer', p));
        assert.deepEqual(await begin([keys.player(p)], [1, 1, 'dead-writer', 300, JSON.stringify(orphan), p, '']), ['ok']);
        const start = new Map(
          await Promise.all((await ok(c.log.partitions('all_events'))).map(async (n) => [n, await ok(c.log.end('all_events', n))] as const)),
        );

        // The next writer, still at version 1, finds the intent: completes it, then learns it is behind.
        const stale = await c.log.append(p, 1, [storedEvent(p, 2, undefined, 'cmd-next')])();
        assert.ok(E.isLeft(stale) && stale.left._tag === 'VersionConflict');
        assert.deepEqual(
          (await ok(c.log.readPlayer(p, 0))).map((e) => e.command_id),
          [`cmd-${p}-1`, 'cmd-orphan'],
        );
        assert.deepEqual(
          (await ok(c.log.findByCommand(p, 'cmd-orphan'))).map((e) => e.player_version),
          [2],
        );
        await ok(c.log.append(p, 2, [storedEvent(p, 3, undefined, 'cmd-next')]));

        const landed = [];
        for (const [n, from] of start) landed.push(...(await ok(c.log.read('all_events', n, from, 1000))).filter((r) => r.event.player_id === p));
        assert.deepEqual(
          landed.map((r) => [r.event.player_version, r.event.command_id]),
          [
            [2, 'cmd-orphan'],
            [3, 'cmd-next'],
          ],
        );
      });

      it('a writer whose intent was taken over cannot commit: its stale fencing token changes nothing', async () => {
        const p = unique('p');
        const keys = redisKeys(settings.redisPrefix);
        const begin = redisScript(c.redis, BEGIN_WRITE);
        const commit = redisScript(c.redis, COMMIT_WRITE);
        const slow = [storedEvent(p, 1, undefined, 'cmd-slow')];
        assert.deepEqual(await begin([keys.player(p)], [0, 1, 'slow-writer', 300, JSON.stringify(slow), p, '']), ['ok']);
        await new Promise((r) => setTimeout(r, 400));
        // The lease ran out: another process completes the intent (produces it, indexes it, under its own token).
        await ok(() => c.completeIntent(p));
        await ok(c.snapshots.put([{ ...initialState(p), registered: true, version: 1 }]));
        const before = await c.redis.hgetall(keys.player(p));
        // The slow writer comes back and tries to commit with its old token, a snapshot and another command's index.
        const late = { ...initialState(p), registered: true, name: 'late', version: 1 };
        const commandKeys = [keys.command(p, 'cmd-slow'), keys.command(p, 'cmd-late')];
        const answer = await commit(
          [keys.player(p), keys.tail(p), keys.snapshot(p), ...commandKeys],
          ['slow-writer', 600, 2, JSON.stringify({ ...late, version: 2 }), '', JSON.stringify(slow)],
        );
        assert.equal(answer, 0);
        assert.deepEqual(await c.redis.hgetall(keys.player(p)), before, 'head, floor and intent fields untouched');
        assert.equal(await c.redis.exists(keys.command(p, 'cmd-late')), 0, 'no index entry written');
        assert.equal(O.toNullable(await ok(c.snapshots.get(p)))?.version, 1, 'the snapshot is not replaced');
        assert.deepEqual(
          (await ok(c.log.findByCommand(p, 'cmd-slow'))).map((e) => e.player_version),
          [1],
        );
      });

      it('a cut-off write is listed as pending once its lease is over, and completing it needs no new command', async () => {
        const p = unique('p');
        await ok(c.log.append(p, 0, [storedEvent(p, 1)]));
        await ok(c.snapshots.put([{ ...initialState(p), registered: true, version: 1 }]));
        const keys = redisKeys(settings.redisPrefix);
        const begin = redisScript(c.redis, BEGIN_WRITE);
        // A writer lists its write, begins it and dies before producing it.
        await c.redis.zadd(keys.pending(p), Date.now(), pendingEntry('dead-writer', p));
        await begin([keys.player(p)], [1, 1, 'dead-writer', 300, JSON.stringify([storedEvent(p, 2, undefined, 'cmd-cut')]), p, '']);
        await new Promise((r) => setTimeout(r, 400));
        assert.ok((await ok(c.pending(300, 10_000))).includes(p));
        await ok(() => c.completeIntent(p));
        assert.deepEqual(
          (await ok(c.log.readPlayer(p, 1))).map((e) => e.command_id),
          ['cmd-cut'],
        );
        // Once its snapshot caught up, the sweeper says it settled it: the player leaves the pending list.
        await ok(c.snapshots.put([{ ...initialState(p), registered: true, version: 2 }]));
        await c.settled(p);
        assert.ok(!(await ok(c.pending(0, 10_000))).includes(p));
      });

      it('two processes writing one player take turns: each command needs at most a few attempts', async () => {
        const other = await open(settings);
        try {
          const p = unique('p');
          /** A process's serialized writer: read the head, decide the next version, retry on a conflict (as the handler does). */
          const writerLoop = async (log: ClusterLog['log'], n: number): Promise<number> => {
            let worst = 0;
            for (let i = 0; i < n; i++) {
              for (let attempt = 1; ; attempt++) {
                assert.ok(attempt <= 8, 'a command ran out of attempts');
                const head = (await ok(log.readPlayer(p, 0))).length;
                const r = await log.append(p, head, [storedEvent(p, head + 1)])();
                if (E.isRight(r)) {
                  worst = Math.max(worst, attempt);
                  break;
                }
                assert.equal(r.left._tag, 'VersionConflict');
              }
            }
            return worst;
          };
          const worst = await Promise.all([writerLoop(c.log, 40), writerLoop(other.log, 40)]);
          assert.ok(Math.max(...worst) <= 8);
          assert.deepEqual(
            (await ok(c.log.readPlayer(p, 0))).map((e) => e.player_version),
            Array.from({ length: 80 }, (_, i) => i + 1),
          );
        } finally {
          await other.close();
        }
      });

      it('a second writer waits for a live intent instead of failing', async () => {
        const p = unique('p');
        const results = await Promise.all([c.log.append(p, 0, [storedEvent(p, 1)])(), c.log.append(p, 0, [storedEvent(p, 1)])()]);
        assert.equal(results.filter(E.isRight).length, 1);
        const loser = results.find(E.isLeft);
        assert.equal(loser?.left._tag, 'VersionConflict');
      });

      it('a snapshot takes the tail in; a reader whose base is older is told to read the snapshot again', async () => {
        const p = unique('p');
        await ok(c.log.append(p, 0, [storedEvent(p, 1), storedEvent(p, 2)]));
        const s: PlayerState = { ...initialState(p), registered: true, version: 2 };
        await ok(c.snapshots.put([s]));
        assert.deepEqual(await ok(c.snapshots.get(p)), O.some(s));
        assert.deepEqual(await ok(c.log.readPlayer(p, 2)), []);
        const behind = await c.log.readPlayer(p, 1)();
        assert.ok(E.isLeft(behind) && behind.left._tag === 'VersionConflict');
        await ok(c.log.append(p, 2, [storedEvent(p, 3)]));
        assert.deepEqual(
          (await ok(c.log.readPlayer(p, 2))).map((e) => e.player_version),
          [3],
        );
      });

      it('knows whether Redis still indexes the whole log', async () => {
        const own = settingsOf();
        const fresh = await open(own);
        try {
          assert.equal(await fresh.indexed(), true, 'an empty log needs no index');
          const p = unique('p');
          await ok(fresh.log.append(p, 0, [storedEvent(p, 1)]));
          assert.equal(await fresh.indexed(), false, 'records in Kafka that no start or replay vouched for');
          await fresh.markIndexed();
          assert.equal(await fresh.indexed(), true);
          await fresh.redis.del(redisKeys(own.redisPrefix).meta);
          assert.equal(await fresh.indexed(), false, 'Redis lost its keys');
        } finally {
          await fresh.close();
        }
      });
    });
  });
};
