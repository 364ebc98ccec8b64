import * as O from 'fp-ts/lib/Option.js';
import type { TablePartition, Topic } from '@placebo/domain';
import { createPlayerVersions, rememberVersions } from './playerVersions.js';
import { must } from './sinkFailure.js';
import type { SinkContext } from './sinkOptions.js';
import { openSinkPartition, type SinkPartition } from './sinkPartition.js';

/** Reads the lake's files back into the index (watermarks, generations) and registers every partition found. */
const relearnLake = async (c: SinkContext): Promise<void> => {
  c.index.clear();
  const found: TablePartition[] = [];
  for (const table of c.o.tables) {
    for (const path of await must(c.o.lake.list(table.name))) found.push(...c.index.learn(table.name, path));
  }
  await must(c.registrations.all(found));
};

/** Every partition of the tables' source topics, from its committed offset. */
const openPartitions = async (c: SinkContext): Promise<SinkPartition[]> => {
  const sources: { topic: Topic; partition: number }[] = [];
  for (const topic of new Set(c.o.tables.map((t) => t.source))) {
    for (const partition of await must(c.o.source.partitions(topic))) sources.push({ topic, partition });
  }
  const playersPerPartition = Math.ceil((c.o.dedupPlayers ?? 1_000_000) / Math.max(1, sources.length));
  const partitions: SinkPartition[] = [];
  for (const { topic, partition } of sources) {
    const committed = O.getOrElse(() => 0)(await must(c.o.offsets.get(c.o.consumer, topic, partition)));
    partitions.push(openSinkPartition({ topic, partition, tables: c.o.tables, committed, versions: createPlayerVersions(playersPerPartition) }));
  }
  return partitions;
};

/** Remembers the versions of the records just before each committed offset, so copies of them that follow are dropped. */
const rememberRecent = async (c: SinkContext, partitions: ReadonlyArray<SinkPartition>): Promise<void> => {
  const lookback = c.o.dedupLookback ?? 10_000;
  for (const p of partitions) {
    const failed = await rememberVersions({
      source: c.o.source,
      topic: p.topic,
      partition: p.partition,
      before: p.committed,
      lookback,
      batchSize: c.batchSize,
      versions: p.versions,
    });
    // Records gone from the log (retention) only shorten what deduplication remembers: start anyway.
    if (failed !== null)
      c.o.logger.warn('sink: cannot re-read the records before the committed offset', { topic: p.topic, partition: p.partition, error: failed.message });
  }
};

/** Where the sink stands at start, after a crash as after a clean stop: all of it is read back from the lake and the log. */
export const recoverSink = async (c: SinkContext): Promise<SinkPartition[]> => {
  await relearnLake(c);
  const partitions = await openPartitions(c);
  await rememberRecent(c, partitions);
  return partitions;
};
