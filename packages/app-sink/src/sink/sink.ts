import { readBatch } from './batching.js';
import { commitPartition } from './committing.js';
import { createLakeIndex } from './lakeIndex.js';
import { createHoldings, ownerName, type Holdings } from './holdings.js';
import { holdingHelpers } from './holdingLoops.js';
import { createRegistrations } from './registrations.js';
import { SinkFailure } from './sinkFailure.js';
import type { SinkContext, SinkOptions, SinkStats, TableCommit } from './sinkOptions.js';
import type { SinkPartition } from './sinkPartition.js';

export { SinkFailure } from './sinkFailure.js';
export type { SinkLogger, SinkOptions, SinkStats, TableCommit } from './sinkOptions.js';
export type { SinkPosition } from './holdings.js';

/** The sinks of one process share an owner name: one that fails and starts again takes its leases straight back. */
const processOwner = ownerName();

/**
 * Log → Parquet, exactly once. Rows are buffered per table and committed as one file per table and date that names
 * the source range it covers; the consumer offset moves only after every file of the range is published. After a
 * crash the sink restarts from the committed offset and skips rows whose (table, partition, date) already has a file
 * reaching past them, so no crash point loses or doubles a row. Files are registered with the query engine before the
 * offset moves, so a committed row is queryable.
 *
 * The cluster log may carry a record twice (a write intent re-produced after a producer failure): a record whose
 * player_version is at or below the highest landed for its player in the partition is dropped. The highest versions
 * are committed with the offset, so a copy is recognised whatever its age and across restarts (see playerVersions.ts).
 *
 * Several sinks of one consumer name share the partitions (the log assigns them; see holdings.ts for the leases that
 * keep two sinks off one partition).
 */
export const createSink = (o: SinkOptions) => {
  const now = o.now ?? Date.now;
  const flushBytes = o.flushBytes ?? 64 * 2 ** 20;
  const c: SinkContext = {
    o,
    now,
    batchSize: o.batchSize ?? 5000,
    index: createLakeIndex({ lake: o.lake, now }),
    registrations: createRegistrations(o.registry),
    owner: o.owner ?? processOwner,
    leaseMs: o.leaseMs ?? 20_000,
    stats: { records: 0, handedOver: 0, rows: 0, files: 0, skipped: 0, duplicates: 0 },
    lastCommits: new Map(),
  };
  const holdings: Holdings = createHoldings(c);
  const { onPartition, renewing, claimAll } = holdingHelpers(c, holdings);
  let running = false;
  let loop: Promise<void> | null = null;

  const full = (p: SinkPartition): boolean => p.buffered >= o.flushRows || p.bytes >= flushBytes;

  const due = (p: SinkPartition, caughtUp: boolean): boolean =>
    p.lastRead >= p.committed && (full(p) || (p.startedAt !== null && now() - p.startedAt >= o.flushMs) || (caughtUp && o.flushMs === 0));

  /** Reads until every partition is at the log's end, committing as it goes, then commits the rest and lets go. */
  const drain = (progress?: (done: number, total: number) => void): Promise<SinkStats> =>
    renewing(async () => {
      const partitions = await claimAll();
      const ends = new Map<SinkPartition, number>();
      for (const p of partitions) ends.set(p, await mustEnd(p));
      const total = partitions.reduce((n, p) => n + Math.max(0, (ends.get(p) ?? 0) - p.next), 0);
      for (const p of partitions) {
        await onPartition(
          p,
          async () => {
            while (p.next < (ends.get(p) ?? 0)) {
              if ((await readBatch(c, p)) === 0) break;
              if (full(p)) await commitPartition(c, p);
              progress?.(c.stats.records, total);
            }
          },
          undefined,
        );
      }
      await holdings.releaseAll();
      return { ...c.stats };
    });

  const mustEnd = async (p: SinkPartition): Promise<number> => {
    const r = await o.source.end(p.topic, p.partition)();
    if (r._tag === 'Left') throw new SinkFailure(r.left);
    return r.right;
  };

  const run = (): Promise<void> =>
    renewing(async () => {
      try {
        while (running) {
          let read = 0;
          for (const p of await holdings.reconcile()) {
            const n = await onPartition(p, () => readBatch(c, p), 0);
            read += n;
            if (!p.lost && due(p, n === 0)) await onPartition(p, () => commitPartition(c, p), undefined);
          }
          if (read === 0) await new Promise((r) => setTimeout(r, Math.min(200, Math.max(10, o.flushMs / 10))));
        }
      } finally {
        if (!running) await holdings.releaseAll();
      }
    });

  return {
    drain,
    /** Runs until stop(); the promise rejects with a SinkFailure when a port fails. */
    start: (): Promise<void> => {
      running = true;
      loop = run();
      return loop;
    },
    /** Stops after committing what was read and giving its partitions up. */
    stop: async (): Promise<void> => {
      running = false;
      await loop;
    },
    stats: (): SinkStats => ({ ...c.stats }),
    /** Per table, its newest commit by this sink, tables in name order. */
    commits: (): ReadonlyArray<TableCommit> => [...c.lastCommits.values()].sort((a, b) => a.table.localeCompare(b.table)),
    positions: holdings.positions,
  };
};

export type Sink = ReturnType<typeof createSink>;
