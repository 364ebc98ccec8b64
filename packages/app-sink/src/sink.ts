import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { LakeStore, LogSource, OffsetStore, PortError, Row, RowFileEncoder, TableSpec, Topic } from '@placebo/domain';
import { fileName, parseFileName, watermarkKey } from './fileNames.js';

export interface SinkLogger {
  readonly info: (msg: string, fields?: Record<string, unknown>) => void;
  readonly warn: (msg: string, fields?: Record<string, unknown>) => void;
}

export interface SinkOptions {
  readonly source: LogSource;
  readonly offsets: OffsetStore;
  readonly lake: LakeStore;
  readonly encoder: RowFileEncoder;
  readonly tables: ReadonlyArray<TableSpec>;
  /** Consumer name under which offsets are committed. */
  readonly consumer: string;
  readonly flushRows: number;
  readonly flushMs: number;
  readonly batchSize?: number;
  readonly now?: () => number;
  readonly logger: SinkLogger;
}

export interface SinkStats {
  readonly records: number;
  readonly rows: number;
  readonly files: number;
  readonly skipped: number;
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
 * Log → Parquet, exactly once. Rows are buffered per table and committed as one file per table and date that names
 * the source range it covers; the consumer offset moves only after every file of the range is published. After a
 * crash the sink restarts from the committed offset and skips rows whose (table, partition, date) already has a file
 * reaching past them, so no crash point loses or doubles a row.
 */
export const createSink = (o: SinkOptions) => {
  const now = o.now ?? Date.now;
  const batchSize = o.batchSize ?? 5000;
  const watermarks = new Map<string, number>();
  const lanes: Lane[] = [];
  const stats = { records: 0, rows: 0, files: 0, skipped: 0 };
  let running = false;
  let loop: Promise<void> | null = null;

  const init = async (): Promise<void> => {
    lanes.length = 0;
    watermarks.clear();
    for (const table of o.tables) {
      for (const path of await must(o.lake.list(table.name))) {
        const f = parseFileName(path);
        if (f === null || f.table !== table.name) continue;
        const key = watermarkKey(f.table, f.topic, f.partition, f.dt);
        watermarks.set(key, Math.max(watermarks.get(key) ?? -1, f.to));
      }
    }
    const topics = [...new Set(o.tables.map((t) => t.source))];
    for (const topic of topics) {
      for (const partition of await must(o.source.partitions(topic))) {
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
        });
      }
    }
  };

  const poll = async (lane: Lane): Promise<number> => {
    const records = await must(o.source.read(lane.topic, lane.partition, lane.next, batchSize));
    for (const r of records) {
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
      }
      lane.lastRead = r.offset;
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
        const path = fileName({ table: table.name, dt, topic: lane.topic, partition: lane.partition, from, to }, o.encoder.extension);
        await must(o.lake.publish(path, bytes));
        const key = watermarkKey(table.name, lane.topic, lane.partition, dt);
        watermarks.set(key, Math.max(watermarks.get(key) ?? -1, to));
        stats.files++;
        stats.rows += dateRows.length;
      }
    }
    await must(o.offsets.commit(o.consumer, lane.topic, lane.partition, to + 1));
    lane.committed = to + 1;
    lane.buffers.clear();
    lane.buffered = 0;
    lane.startedAt = null;
  };

  const due = (lane: Lane, caughtUp: boolean): boolean =>
    lane.lastRead >= lane.committed &&
    (lane.buffered >= o.flushRows || (lane.startedAt !== null && now() - lane.startedAt >= o.flushMs) || (caughtUp && o.flushMs === 0));

  /** Reads until every lane is at the log's end, committing as it goes, then commits the rest. */
  const drain = async (progress?: (done: number, total: number) => void): Promise<SinkStats> => {
    await init();
    const ends = new Map<Lane, number>();
    for (const lane of lanes) ends.set(lane, await must(o.source.end(lane.topic, lane.partition)));
    const total = lanes.reduce((n, l) => n + Math.max(0, (ends.get(l) ?? 0) - l.next), 0);
    for (const lane of lanes) {
      while (lane.next < (ends.get(lane) ?? 0)) {
        if ((await poll(lane)) === 0) break;
        if (lane.buffered >= o.flushRows) await flush(lane);
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
