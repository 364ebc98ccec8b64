import { recordHead, type LogRecord } from '@placebo/domain';
import { must } from './sinkFailure.js';
import type { SinkContext } from './sinkOptions.js';
import { bufferRecord, countRecord, type SinkPartition } from './sinkPartition.js';

/**
 * Buffers a record's JSON for the tables it belongs to, but neither a copy of an earlier record nor rows a committed
 * file already holds. Only the record's head is read here; its rows are made when its files are encoded.
 */
const take = (c: SinkContext, p: SinkPartition, r: LogRecord): void => {
  p.lastRead = r.offset;
  const head = recordHead(r);
  if (!p.versions.admit(head.player_id, head.player_version)) {
    c.stats.duplicates++;
    return;
  }
  const json = r.json ?? JSON.stringify(r.event);
  // Rows projected here at commit are held a file at a time: the bound counts them too.
  const rowsHere = c.o.encoder.encodeRecords === undefined;
  let files = 0;
  for (const table of p.tables) {
    if (!table.types.includes(head.event_type as never)) continue;
    const mark = c.index.watermark(table.name, p.topic, p.partition, head.event_date);
    if (mark !== undefined && r.offset <= mark) {
      c.stats.skipped++;
      continue;
    }
    bufferRecord(p, table.name, head.event_date, json, rowsHere ? table.columns.length : undefined);
    files++;
  }
  if (files > 0) countRecord(p, json);
};

/** Reads the next batch of a partition into its buffers; answers how many records it read. */
export const readBatch = async (c: SinkContext, p: SinkPartition): Promise<number> => {
  const records = await must(c.o.source.read(p.topic, p.partition, p.next, c.batchSize));
  await p.versions.prefetch(records.map((r) => recordHead(r).player_id));
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
