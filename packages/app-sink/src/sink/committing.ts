import type { Row, TablePartition, TableSpec } from '@placebo/domain';
import { fileName, generationPartition } from '@placebo/domain';
import { checkLease, commitUnderLease } from './lease.js';
import { must } from './sinkFailure.js';
import type { SinkContext } from './sinkOptions.js';
import { markCommitted, type SinkPartition } from './sinkPartition.js';

const byDate = (rows: ReadonlyArray<Row>): [string, Row[]][] => {
  const dates = new Map<string, Row[]>();
  for (const row of rows) {
    const dt = String(row.event_date);
    const group = dates.get(dt);
    if (group === undefined) dates.set(dt, [row]);
    else group.push(row);
  }
  return [...dates].sort(([a], [b]) => a.localeCompare(b));
};

/** Encodes and publishes one table's buffered rows, one file per date naming the range; answers the partitions. */
const publishTable = async (c: SinkContext, p: SinkPartition, table: TableSpec, from: number, to: number): Promise<TablePartition[]> => {
  const published: TablePartition[] = [];
  for (const [dt, rows] of byDate(p.buffers.get(table.name) ?? [])) {
    const bytes = await must(c.o.encoder.encode(table.columns, rows));
    const gen = await c.index.generationOf(table.name, dt);
    const path = fileName({ table: table.name, dt, topic: p.topic, partition: p.partition, from, to, gen }, c.o.encoder.extension);
    checkLease(c, p);
    await must(c.o.lake.publish(path, bytes));
    c.index.advance(table.name, p.topic, p.partition, dt, to);
    published.push(generationPartition(table.name, dt, gen));
    c.stats.files++;
    c.stats.rows += rows.length;
  }
  return published;
};

/**
 * Commits what a partition read since its last commit: every file of the range published, then registered, and only
 * then the consumer offset moved past the range, with the versions landed — each step only while the lease holds.
 */
export const commitPartition = async (c: SinkContext, p: SinkPartition): Promise<void> => {
  if (p.lastRead < p.committed) return;
  const from = p.committed;
  const to = p.lastRead;
  const published: TablePartition[] = [];
  for (const table of p.tables) {
    published.push(...(await publishTable(c, p, table, from, to)));
    // Encoded and published: let the rows go before the next table is encoded (a failure abandons the partition anyway).
    p.buffers.delete(table.name);
  }
  await must(c.registrations.fresh(published));
  await commitUnderLease(c, p, to + 1);
  markCommitted(p, to + 1);
};
