import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { PartitionLease, TablePartition, Topic } from '@placebo/domain';
import { commitPartition } from './committing.js';
import { LeaseLost, renewLease } from './lease.js';
import { createPlayerVersions } from './playerVersions.js';
import { must, SinkFailure } from './sinkFailure.js';
import type { SinkContext } from './sinkOptions.js';
import { openSinkPartition, type SinkPartition } from './sinkPartition.js';

/** Reads the lake's files back into the index (watermarks, generations) and registers every partition found. */
const relearnLake = async (c: SinkContext): Promise<void> => {
  c.index.clear();
  const found: TablePartition[] = [];
  for (const table of c.o.tables) {
    for (const path of await must(c.o.lake.list(table.name))) found.push(...c.index.learn(table.name, path));
  }
  await must(c.registrations.all(found));
};

/** The source partitions the log assigns this sink now: all of them, or its share when other sinks of its group run. */
const assigned = async (c: SinkContext): Promise<{ topic: Topic; partition: number }[]> => {
  const out: { topic: Topic; partition: number }[] = [];
  for (const topic of new Set(c.o.tables.map((t) => t.source))) {
    for (const partition of await must(c.o.source.partitions(topic))) out.push({ topic, partition });
  }
  return out;
};

export interface SinkPosition {
  readonly topic: Topic;
  readonly partition: number;
  readonly committed: number;
  readonly next: number;
  /** Everything read is committed and the last read found nothing more. */
  readonly settled: boolean;
}

const keyOf = (topic: string, partition: number): string => `${topic}:${partition}`;

/** A sink's name in the leases: host, process and a random part (see sink.ts). */
export const ownerName = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Whether an owner named by ownerName ran on this machine in a process that no longer exists. */
const deadHere = (owner: string): boolean => {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || pid === undefined || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

/**
 * The partitions a sink holds. Each is held under a lease in the offset store, so that sinks of one group (each
 * assigned its share of the partitions by the log) never work a partition at once: a partition assigned elsewhere is
 * committed and let go, one assigned here is claimed once its lease is free (released, or lapsed after its holder
 * died), and worked from where its last holder committed — offset, landed versions, and the lake's files read again.
 */
export const createHoldings = (c: SinkContext) => {
  const held = new Map<string, SinkPartition>();
  let claimedAt = 0;

  const letGo = async (p: SinkPartition, flush: boolean): Promise<void> => {
    held.delete(keyOf(p.topic, p.partition));
    c.stats.handedOver++;
    if (flush && !p.lost) await commitPartition(c, p).catch((e: unknown) => (e instanceof LeaseLost ? undefined : Promise.reject(e)));
    if (!p.lost) await c.o.offsets.release(c.o.consumer, p.topic, p.partition, p.lease)();
    c.o.logger.info('sink: partition let go', { topic: p.topic, partition: p.partition, committed: p.committed, lost: p.lost });
  };

  /** Claims a free partition, or one whose holder is a process of this machine that is gone (killed). */
  const claim = async (topic: Topic, partition: number): Promise<O.Option<PartitionLease>> => {
    const lease = await must(c.o.offsets.claim(c.o.consumer, topic, partition, c.owner, c.leaseMs));
    if (O.isSome(lease)) return lease;
    const holder = await must(c.o.offsets.holder(c.o.consumer, topic, partition));
    if (O.isNone(holder) || !deadHere(holder.value)) return O.none;
    c.o.logger.info('sink: taking over from a sink that is gone', { topic, partition, holder: holder.value });
    return must(c.o.offsets.claim(c.o.consumer, topic, partition, c.owner, c.leaseMs, holder.value));
  };

  const open = async (topic: Topic, partition: number, share: number): Promise<SinkPartition | null> => {
    const lease = await claim(topic, partition);
    if (O.isNone(lease)) return null;
    const committed = O.getOrElse(() => 0)(await must(c.o.offsets.get(c.o.consumer, topic, partition)));
    const lookup = async (players: ReadonlyArray<string>): Promise<ReadonlyMap<string, number>> => {
      const r = await c.o.offsets.landed(c.o.consumer, topic, partition, players)();
      if (E.isLeft(r)) throw new SinkFailure(r.left);
      return r.right;
    };
    const versions = createPlayerVersions({ capacity: share, lookup });
    return openSinkPartition({ topic, partition, tables: c.o.tables, committed, versions, lease: lease.value });
  };

  /** Lets go of what is no longer this sink's; claims (at most every second) what is assigned and free. */
  const reconcile = async (): Promise<SinkPartition[]> => {
    const mine = await assigned(c);
    const wanted = new Set(mine.map((a) => keyOf(a.topic, a.partition)));
    for (const p of [...held.values()]) if (p.lost || !wanted.has(keyOf(p.topic, p.partition))) await letGo(p, true);
    const free = mine.filter((a) => !held.has(keyOf(a.topic, a.partition)));
    if (free.length > 0 && Date.now() - claimedAt >= 1000) {
      claimedAt = Date.now();
      const share = Math.ceil((c.o.dedupPlayers ?? 1_000_000) / Math.max(1, mine.length));
      const claimed: SinkPartition[] = [];
      for (const a of free) {
        const p = await open(a.topic, a.partition, share);
        if (p !== null) claimed.push(p);
      }
      // Another sink may have published files past the offset it committed (it died in between): learn them.
      if (claimed.length > 0) await relearnLake(c);
      for (const p of claimed) held.set(keyOf(p.topic, p.partition), p);
      if (claimed.length > 0) c.o.logger.info('sink: partitions claimed', { partitions: claimed.map((p) => keyOf(p.topic, p.partition)) });
    }
    return [...held.values()];
  };

  return {
    reconcile,
    /** Where each partition held stands: committed (in the lake) and read. */
    positions: (): ReadonlyArray<SinkPosition> =>
      [...held.values()].map((p) => ({
        topic: p.topic,
        partition: p.partition,
        committed: p.committed,
        next: p.next,
        settled: p.caughtUp && p.buffered === 0,
      })),
    /** Whether every partition assigned is held. */
    complete: async (): Promise<boolean> => (await assigned(c)).every((a) => held.has(keyOf(a.topic, a.partition))),
    renewAll: async (): Promise<void> => {
      for (const p of [...held.values()]) await renewLease(c, p);
    },
    /** Commits what was read and gives every lease up. */
    releaseAll: async (): Promise<void> => {
      for (const p of [...held.values()]) await letGo(p, true);
    },
    /** Drops a partition whose lease was lost, publishing nothing more. */
    drop: (p: SinkPartition): Promise<void> => letGo(p, false),
  };
};

export type Holdings = ReturnType<typeof createHoldings>;
