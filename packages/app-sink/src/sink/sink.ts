import { readBatch } from './batching.js';
import { commitPartition } from './committing.js';
import { createLakeIndex } from './lakeIndex.js';
import { recoverSink } from './recovery.js';
import { createRegistrations } from './registrations.js';
import { must } from './sinkFailure.js';
import type { SinkContext, SinkOptions, SinkStats } from './sinkOptions.js';
import type { SinkPartition } from './sinkPartition.js';

export { SinkFailure } from './sinkFailure.js';
export type { SinkLogger, SinkOptions, SinkStats } from './sinkOptions.js';

/**
 * Log → Parquet, exactly once. Rows are buffered per table and committed as one file per table and date that names
 * the source range it covers; the consumer offset moves only after every file of the range is published. After a
 * crash the sink restarts from the committed offset and skips rows whose (table, partition, date) already has a file
 * reaching past them, so no crash point loses or doubles a row. Files are registered with the query engine before the
 * offset moves, so a committed row is queryable (init registers every partition again after a crash).
 *
 * The cluster log may carry a record twice (a write intent re-produced after a producer failure): a record whose
 * player_version is at or below the highest seen for its player in the partition is dropped. What is remembered
 * lives in memory only; at start it is rebuilt from the records in the `dedupLookback` offsets before the committed
 * one (the log survives a crash; re-reading the committed files would be too slow), so a copy is still recognised
 * after a restart when its original is at most that far before the committed offset, or after it. Residual window: a
 * copy whose original lies further back at a restart, or whose player was evicted (more than `dedupPlayers` / partitions
 * other players seen since), lands twice.
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
    stats: { records: 0, rows: 0, files: 0, skipped: 0, duplicates: 0 },
  };
  let partitions: SinkPartition[] = [];
  let running = false;
  let loop: Promise<void> | null = null;

  const init = async (): Promise<void> => {
    partitions = await recoverSink(c);
  };

  const full = (p: SinkPartition): boolean => p.buffered >= o.flushRows || p.bytes >= flushBytes;

  const due = (p: SinkPartition, caughtUp: boolean): boolean =>
    p.lastRead >= p.committed && (full(p) || (p.startedAt !== null && now() - p.startedAt >= o.flushMs) || (caughtUp && o.flushMs === 0));

  /** Reads until every partition is at the log's end, committing as it goes, then commits the rest. */
  const drain = async (progress?: (done: number, total: number) => void): Promise<SinkStats> => {
    await init();
    const ends = new Map<SinkPartition, number>();
    for (const p of partitions) ends.set(p, await must(o.source.end(p.topic, p.partition)));
    const total = partitions.reduce((n, p) => n + Math.max(0, (ends.get(p) ?? 0) - p.next), 0);
    for (const p of partitions) {
      while (p.next < (ends.get(p) ?? 0)) {
        if ((await readBatch(c, p)) === 0) break;
        if (full(p)) await commitPartition(c, p);
        progress?.(c.stats.records, total);
      }
      await commitPartition(c, p);
    }
    return { ...c.stats };
  };

  const run = async (): Promise<void> => {
    await init();
    while (running) {
      let read = 0;
      for (const p of partitions) {
        const n = await readBatch(c, p);
        read += n;
        if (due(p, n === 0)) await commitPartition(c, p);
      }
      if (read === 0) await new Promise((r) => setTimeout(r, Math.min(200, Math.max(10, o.flushMs / 10))));
    }
    for (const p of partitions) await commitPartition(c, p);
  };

  return {
    drain,
    /** Runs until stop(); the promise rejects with a SinkFailure when a port fails. */
    start: (): Promise<void> => {
      running = true;
      loop = run();
      return loop;
    },
    /** Stops after committing what was read. */
    stop: async (): Promise<void> => {
      running = false;
      await loop;
    },
    stats: (): SinkStats => ({ ...c.stats }),
  };
};

export type Sink = ReturnType<typeof createSink>;
