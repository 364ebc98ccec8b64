import type { LogRecord } from '@placebo/domain';
import { must } from './sinkFailure.js';
import type { SinkContext } from './sinkOptions.js';
import { bufferRow, type SinkPartition } from './sinkPartition.js';

/** Buffers a record's rows, but neither a copy of an earlier record nor rows a committed file already holds. */
const take = (c: SinkContext, p: SinkPartition, r: LogRecord): void => {
  p.lastRead = r.offset;
  if (!p.versions.admit(r.event.player_id, r.event.player_version)) {
    c.stats.duplicates++;
    return;
  }
  for (const table of p.tables) {
    const row = table.project(r.event);
    if (row === null) continue;
    const mark = c.index.watermark(table.name, p.topic, p.partition, String(row.event_date));
    if (mark !== undefined && r.offset <= mark) {
      c.stats.skipped++;
      continue;
    }
    bufferRow(p, table.name, row);
  }
};

/** Reads the next batch of a partition into its buffers; answers how many records it read. */
export const readBatch = async (c: SinkContext, p: SinkPartition): Promise<number> => {
  const records = await must(c.o.source.read(p.topic, p.partition, p.next, c.batchSize));
  await p.versions.prefetch(records.map((r) => r.event.player_id));
  for (const r of records) take(c, p, r);
  const last = records[records.length - 1];
  p.caughtUp = last === undefined;
  if (last !== undefined) {
    p.next = last.offset + 1;
    p.startedAt ??= c.now();
    c.stats.records += records.length;
  }
  return records.length;
};
