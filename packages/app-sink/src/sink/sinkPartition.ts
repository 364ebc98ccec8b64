import type { PartitionLease, TableSpec, Topic } from '@placebo/domain';
import type { PlayerVersions } from './playerVersions.js';

/** One source partition as the sink works it: where reading stands, what is committed, and the rows read since. */
export interface SinkPartition {
  readonly topic: Topic;
  readonly partition: number;
  readonly tables: ReadonlyArray<TableSpec>;
  committed: number;
  next: number;
  lastRead: number;
  startedAt: number | null;
  /** Per table, per date: the JSON of the records read since the last commit that go to that file. */
  readonly buffers: Map<string, Map<string, string[]>>;
  /** Rows buffered (a record counts once per table it goes to). */
  buffered: number;
  bytes: number;
  readonly versions: PlayerVersions;
  /** The hold on the partition under which its files are published and its offset committed. */
  lease: PartitionLease;
  /** The last read found nothing more in the log. */
  caughtUp: boolean;
  /** The lease was lost (taken after a lapse, or no longer renewable): publish nothing more. */
  lost: boolean;
}

export const openSinkPartition = (o: {
  readonly topic: Topic;
  readonly partition: number;
  readonly tables: ReadonlyArray<TableSpec>;
  readonly committed: number;
  readonly versions: PlayerVersions;
  readonly lease: PartitionLease;
}): SinkPartition => ({
  topic: o.topic,
  partition: o.partition,
  tables: o.tables.filter((t) => t.source === o.topic),
  committed: o.committed,
  next: o.committed,
  lastRead: o.committed - 1,
  startedAt: null,
  buffers: new Map(),
  buffered: 0,
  bytes: 0,
  versions: o.versions,
  lease: o.lease,
  lost: false,
  caughtUp: false,
});

/** Characters past Latin-1: V8 then holds the string in two bytes a character. */
const wide = /[^\u0000-\u00ff]/;

/**
 * Heap bytes of the row a record becomes when it is projected in JavaScript at commit (a file's rows are all held while
 * it is encoded): about twice the characters of its strings, the record's text among them, plus some 16 bytes a cell
 * (measured at ~2 kB for an all_events row whose strings hold ~750 characters).
 */
const rowBytes = (json: string, columns: number): number => 64 + 16 * columns + 2 * json.length;

/**
 * Adds a record's JSON to the file of a table and date: one array slot (the text itself is counted once by
 * countRecord), and, when `columns` is given, the row it will become at commit.
 */
export const bufferRecord = (p: SinkPartition, table: string, dt: string, json: string, columns?: number): void => {
  let dates = p.buffers.get(table);
  if (dates === undefined) p.buffers.set(table, (dates = new Map()));
  const records = dates.get(dt);
  if (records === undefined) dates.set(dt, [json]);
  else records.push(json);
  p.buffered++;
  p.bytes += 8 + (columns === undefined ? 0 : rowBytes(json, columns));
};

/**
 * Counts a buffered record's text once, whatever the files it goes to, for the byte bound: one byte a character, two
 * when it holds a character past Latin-1 (V8 then stores the string two bytes a character), plus V8's header.
 */
export const countRecord = (p: SinkPartition, json: string): void => {
  p.bytes += 32 + (wide.test(json) ? 2 : 1) * json.length;
};

/** Everything read is committed up to `next`: the buffers start again. */
export const markCommitted = (p: SinkPartition, next: number): void => {
  p.committed = next;
  p.buffers.clear();
  p.buffered = 0;
  p.bytes = 0;
  p.startedAt = null;
};
