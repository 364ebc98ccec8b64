import type { Row, StoredEvent, TablePartition, TableSpec } from '@placebo/domain';
import { fileName, generationPartition } from '@placebo/domain';
import { inParallel } from './inParallel.js';
import { checkLease, commitUnderLease } from './lease.js';
import { must } from './sinkFailure.js';
import type { SinkContext } from './sinkOptions.js';
import { markCommitted, type SinkPartition } from './sinkPartition.js';

/** One file of a commit: a table's records of one date. */
interface PendingFile {
  readonly table: TableSpec;
  readonly dt: string;
  readonly records: ReadonlyArray<string>;
}

/**
 * The file's bytes: projected by the encoder's engine from the records' JSON when it has one, else the rows projected
 * here (each record parsed for the file, and let go with it).
 */
const encodeFile = async (c: SinkContext, f: PendingFile): Promise<Uint8Array> => {
  const { encoder } = c.o;
  if (encoder.encodeRecords !== undefined) return must(encoder.encodeRecords(f.table, f.records));
  const rows: Row[] = [];
  for (const json of f.records) {
    const row = f.table.project(JSON.parse(json) as StoredEvent);
    if (row !== null) rows.push(row);
  }
  return must(encoder.encode(f.table.columns, rows));
};

/** Encodes and publishes one file naming the range; answers the partition that makes it queryable. */
const publishFile = async (c: SinkContext, p: SinkPartition, f: PendingFile, from: number, to: number): Promise<TablePartition> => {
  const bytes = await encodeFile(c, f);
  const gen = await c.index.generationOf(f.table.name, f.dt);
  const path = fileName({ table: f.table.name, dt: f.dt, topic: p.topic, partition: p.partition, from, to, gen }, c.o.encoder.extension);
  checkLease(c, p);
  await must(c.o.lake.publish(path, bytes));
  c.index.advance(f.table.name, p.topic, p.partition, f.dt, to);
  // Published: let the records go before the rest of the commit is done (a failure abandons the partition anyway).
  p.buffers.get(f.table.name)?.delete(f.dt);
  c.stats.files++;
  c.stats.rows += f.records.length;
  return generationPartition(f.table.name, f.dt, gen);
};

/** The files a partition's buffers make, table by table in declaration order, dates in order. */
const pendingFiles = (p: SinkPartition): PendingFile[] =>
  p.tables.flatMap((table) => [...(p.buffers.get(table.name) ?? [])].sort(([a], [b]) => a.localeCompare(b)).map(([dt, records]) => ({ table, dt, records })));

/**
 * Commits what a partition read since its last commit: every file of the range published (several at a time), then
 * registered, and only then the consumer offset moved past the range, with the versions landed — each step only while
 * the lease holds.
 */
export const commitPartition = async (c: SinkContext, p: SinkPartition): Promise<void> => {
  if (p.lastRead < p.committed) return;
  const from = p.committed;
  const to = p.lastRead;
  // Rows projected here are held one file at a time; an encoder that projects the records itself gets several files.
  const limit = c.o.encoder.encodeRecords === undefined ? 1 : (c.o.publishConcurrency ?? 4);
  const files = pendingFiles(p);
  const rows = files.reduce((n, f) => n + f.records.length, 0);
  const published = await inParallel(files, limit, (f) => publishFile(c, p, f, from, to));
  await must(c.registrations.fresh(published));
  await commitUnderLease(c, p, to + 1);
  markCommitted(p, to + 1);
  const at = new Date(c.now()).toISOString();
  for (const table of new Set(files.map((f) => f.table.name))) {
    const mine = files.filter((f) => f.table.name === table);
    c.lastCommits.set(table, { table, at, rows: mine.reduce((n, f) => n + f.records.length, 0), files: mine.length });
  }
  c.o.logger.info('sink: committed', {
    topic: p.topic,
    partition: p.partition,
    from,
    to,
    files: files.length,
    rows,
    tables: [...new Set(files.map((f) => f.table.name))],
  });
};
