import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { BASE_GEN, fileName, gensTableOf, parseFileName, parseMarkerName, watermarkKey, type LakeStore, type LogSource, type OffsetStore, type PortError, type Row, type RowFileEncoder, type TablePartition, type TableRegistry, type TableSpec, type Topic } from '@placebo/domain';
import { createPlayerVersions, rememberVersions, type PlayerVersions } from './playerVersions.js';
import { createRegistrations } from './registrations.js';

export interface SinkLogger {
  readonly info: (msg: string, fields?: Record<string, unknown>) => void;
  readonly warn: (msg: string, fields?: Record<string, unknown>) => void;
}

export interface SinkOptions {
  readonly source: LogSource;
  readonly offsets: OffsetStore;
  readonly lake: LakeStore;
  readonly encoder: RowFileEncoder;
  /** Told about every (table, dt) partition before the offset that covers its files is committed. */
  readonly registry: TableRegistry;
  readonly tables: ReadonlyArray<TableSpec>;
  /** Consumer name under which offsets are committed. */
  readonly consumer: string;
  readonly flushRows: number;
  readonly flushMs: number;
  /** Approximate heap bytes of the rows buffered for one source partition that trigger a commit (default 64 MiB). */
  readonly flushBytes?: number;
  /** Players whose highest version the sink remembers to drop duplicates, shared by all partitions (default 1,000,000). */
  readonly dedupPlayers?: number;
  /** How many offsets before the committed one are re-read at start to remember their versions (default 10,000; 0 skips). */
  readonly dedupLookback?: number;
  readonly batchSize?: number;
  readonly now?: () => number;
  readonly logger: SinkLogger;
}

export interface SinkStats {
  readonly records: number;
  readonly rows: number;
  readonly files: number;
  readonly skipped: number;
  /** Records dropped as copies of an earlier record of the same (player_id, player_version). */
  readonly duplicates: number;
}

/** One source partition: where reading stands, what is committed, and the rows read since. */
interface Lane {
  readonly topic: Topic;
  readonly partition: number;
  readonly tables: ReadonlyArray<TableSpec>;
  committed: number;
  next: number;
  lastRead: number;
  startedAt: number | null;
  readonly buffers: Map<string, Row[]>;
  buffered: number;
  bytes: number;
  readonly versions: PlayerVersions;
}

export class SinkFailure extends Error {
  constructor(readonly error: PortError) {
    super(error.message);
  }
}

const must = async <A>(te: () => Promise<E.Either<PortError, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new SinkFailure(r.left);
  return r.right;
};

/**
 * Approximate heap bytes of a buffered row, for the byte bound. V8 holds an analyst row in about twice the characters
 * of its strings (headers, slack of strings built by JSON.stringify and replace) plus some 16 bytes a cell: measured
 * at ~2 kB for an all_events row whose strings hold ~750 characters.
 */
const rowBytes = (row: Row): number => {
  let n = 64;
  for (const k in row) {
    const v = row[k];
    n += typeof v === 'string' ? 16 + 2 * v.length : 16;
  }
  return n;
};

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
 * copy whose original lies further back at a restart, or whose player was evicted (more than `dedupPlayers` / lanes
 * other players seen since), lands twice.
 */
export const createSink = (o: SinkOptions) => {
  const now = o.now ?? Date.now;
  const batchSize = o.batchSize ?? 5000;
  const flushBytes = o.flushBytes ?? 64 * 2 ** 20;
  const lookback = o.dedupLookback ?? 10_000;
  const watermarks = new Map<string, number>();
  /** The newest committed compaction generation of each `<table>|<dt>`, where the sink writes that date's rows. */
  const generations = new Map<string, string>();
  const registrations = createRegistrations(o.registry);
  const lanes: Lane[] = [];
  const stats = { records: 0, rows: 0, files: 0, skipped: 0, duplicates: 0 };
  let running = false;
  let loop: Promise<void> | null = null;

  const init = async (): Promise<void> => {
    lanes.length = 0;
    watermarks.clear();
    generations.clear();
    const found: TablePartition[] = [];
    for (const table of o.tables) {
      for (const path of await must(o.lake.list(table.name))) found.push(...learn(table.name, path));
    }
    await must(registrations.all(found));
    const sources: { topic: Topic; partition: number }[] = [];
    for (const topic of new Set(o.tables.map((t) => t.source))) {
      for (const partition of await must(o.source.partitions(topic))) sources.push({ topic, partition });
    }
    const playersPerLane = Math.ceil((o.dedupPlayers ?? 1_000_000) / Math.max(1, sources.length));
    for (const { topic, partition } of sources) {
      const committed = O.getOrElse(() => 0)(await must(o.offsets.get(o.consumer, topic, partition)));
      lanes.push({
        topic,
        partition,
        tables: o.tables.filter((t) => t.source === topic),
        committed,
        next: committed,
        lastRead: committed - 1,
        startedAt: null,
        buffers: new Map(),
        buffered: 0,
        bytes: 0,
        versions: createPlayerVersions(playersPerLane),
      });
    }
    for (const lane of lanes) {
      const failed = await rememberVersions({ source: o.source, topic: lane.topic, partition: lane.partition, before: lane.committed, lookback, batchSize, versions: lane.versions });
      // Records gone from the log (retention) only shorten what deduplication remembers: start anyway.
      if (failed !== null) o.logger.warn('sink: cannot re-read the records before the committed offset', { topic: lane.topic, partition: lane.partition, error: failed.message });
    }
  };

  /** Takes in a file or marker of the lake: its watermark or generation, and the partition that makes it queryable. */
  const learn = (table: string, path: string): TablePartition[] => {
    const marker = parseMarkerName(path);
    if (marker !== null && marker.table === table) {
      const key = `${table}|${marker.dt}`;
      if (marker.gen > (generations.get(key) ?? BASE_GEN)) generations.set(key, marker.gen);
      return [{ table: gensTableOf({ name: table }), dt: marker.dt, gen: marker.gen }];
    }
    const f = parseFileName(path);
    if (f === null || f.table !== table) return [];
    const key = watermarkKey(f.table, f.topic, f.partition, f.dt);
    watermarks.set(key, Math.max(watermarks.get(key) ?? -1, f.to));
    return [f.gen === undefined || f.gen === BASE_GEN ? { table: f.table, dt: f.dt } : { table: f.table, dt: f.dt, gen: f.gen }];
  };

  /**
   * The generation a date's rows go to. A date before today may have been compacted since init (late rows are rare),
   * so its markers are looked up again; today's is compacted only on demand (`--older-than-days 0`).
   */
  const generationOf = async (table: string, dt: string): Promise<string> => {
    if (dt < new Date(now()).toISOString().slice(0, 10)) {
      for (const path of await must(o.lake.list(`${table}/dt=${dt}`))) {
        const marker = parseMarkerName(path);
        if (marker !== null && marker.table === table && marker.gen > (generations.get(`${table}|${dt}`) ?? BASE_GEN)) generations.set(`${table}|${dt}`, marker.gen);
      }
    }
    return generations.get(`${table}|${dt}`) ?? BASE_GEN;
  };

  const poll = async (lane: Lane): Promise<number> => {
    const records = await must(o.source.read(lane.topic, lane.partition, lane.next, batchSize));
    for (const r of records) {
      lane.lastRead = r.offset;
      if (!lane.versions.admit(r.event.player_id, r.event.player_version)) {
        stats.duplicates++;
        continue;
      }
      for (const table of lane.tables) {
        const row = table.project(r.event);
        if (row === null) continue;
        const mark = watermarks.get(watermarkKey(table.name, lane.topic, lane.partition, String(row.event_date)));
        if (mark !== undefined && r.offset <= mark) {
          stats.skipped++;
          continue;
        }
        const buf = lane.buffers.get(table.name) ?? [];
        buf.push(row);
        lane.buffers.set(table.name, buf);
        lane.buffered++;
        lane.bytes += rowBytes(row);
      }
    }
    const last = records[records.length - 1];
    if (last !== undefined) {
      lane.next = last.offset + 1;
      lane.startedAt ??= now();
      stats.records += records.length;
    }
    return records.length;
  };

  const flush = async (lane: Lane): Promise<void> => {
    if (lane.lastRead < lane.committed) return;
    const from = lane.committed;
    const to = lane.lastRead;
    const published: TablePartition[] = [];
    for (const table of lane.tables) {
      const rows = lane.buffers.get(table.name) ?? [];
      const byDate = new Map<string, Row[]>();
      for (const row of rows) {
        const dt = String(row.event_date);
        const group = byDate.get(dt);
        if (group === undefined) byDate.set(dt, [row]);
        else group.push(row);
      }
      for (const [dt, dateRows] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
        const bytes = await must(o.encoder.encode(table.columns, dateRows));
        const gen = await generationOf(table.name, dt);
        const path = fileName({ table: table.name, dt, topic: lane.topic, partition: lane.partition, from, to, gen }, o.encoder.extension);
        await must(o.lake.publish(path, bytes));
        const key = watermarkKey(table.name, lane.topic, lane.partition, dt);
        watermarks.set(key, Math.max(watermarks.get(key) ?? -1, to));
        published.push(gen === BASE_GEN ? { table: table.name, dt } : { table: table.name, dt, gen });
        stats.files++;
        stats.rows += dateRows.length;
      }
      // Encoded and published: let the rows go before the next table is encoded (a failure abandons the lane anyway).
      lane.buffers.delete(table.name);
    }
    await must(registrations.fresh(published));
    await must(o.offsets.commit(o.consumer, lane.topic, lane.partition, to + 1));
    lane.committed = to + 1;
    lane.buffers.clear();
    lane.buffered = 0;
    lane.bytes = 0;
    lane.startedAt = null;
  };

  const full = (lane: Lane): boolean => lane.buffered >= o.flushRows || lane.bytes >= flushBytes;

  const due = (lane: Lane, caughtUp: boolean): boolean =>
    lane.lastRead >= lane.committed &&
    (full(lane) || (lane.startedAt !== null && now() - lane.startedAt >= o.flushMs) || (caughtUp && o.flushMs === 0));

  /** Reads until every lane is at the log's end, committing as it goes, then commits the rest. */
  const drain = async (progress?: (done: number, total: number) => void): Promise<SinkStats> => {
    await init();
    const ends = new Map<Lane, number>();
    for (const lane of lanes) ends.set(lane, await must(o.source.end(lane.topic, lane.partition)));
    const total = lanes.reduce((n, l) => n + Math.max(0, (ends.get(l) ?? 0) - l.next), 0);
    for (const lane of lanes) {
      while (lane.next < (ends.get(lane) ?? 0)) {
        if ((await poll(lane)) === 0) break;
        if (full(lane)) await flush(lane);
        progress?.(stats.records, total);
      }
      await flush(lane);
    }
    return { ...stats };
  };

  const run = async (): Promise<void> => {
    await init();
    while (running) {
      let read = 0;
      for (const lane of lanes) {
        const n = await poll(lane);
        read += n;
        if (due(lane, n === 0)) await flush(lane);
      }
      if (read === 0) await new Promise((r) => setTimeout(r, Math.min(200, Math.max(10, o.flushMs / 10))));
    }
    for (const lane of lanes) await flush(lane);
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
    stats: (): SinkStats => ({ ...stats }),
  };
};

export type Sink = ReturnType<typeof createSink>;
