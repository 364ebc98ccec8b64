import type { PartitionLease, Row, TableSpec, Topic } from '@placebo/domain';
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
  readonly buffers: Map<string, Row[]>;
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

export const bufferRow = (p: SinkPartition, table: string, row: Row): void => {
  const buf = p.buffers.get(table) ?? [];
  buf.push(row);
  p.buffers.set(table, buf);
  p.buffered++;
  p.bytes += rowBytes(row);
};

/** Everything read is committed up to `next`: the buffers start again. */
export const markCommitted = (p: SinkPartition, next: number): void => {
  p.committed = next;
  p.buffers.clear();
  p.buffered = 0;
  p.bytes = 0;
  p.startedAt = null;
};
