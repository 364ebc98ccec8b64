import * as E from 'fp-ts/lib/Either.js';
import type { LogSource } from '@placebo/domain';
import type { Metrics } from '@placebo/adapters';
import type { Sink, SinkStats } from './sink/sink.js';

const tallies: ReadonlyArray<readonly [keyof SinkStats, string, string]> = [
  ['records', 'placebo_sink_records_total', 'Log records read by the sink (since it last started).'],
  ['rows', 'placebo_sink_rows_total', 'Analyst rows committed to the lake.'],
  ['files', 'placebo_sink_files_total', 'Parquet files committed to the lake.'],
  ['duplicates', 'placebo_sink_duplicates_total', 'Records dropped as copies of a landed (player, version).'],
  ['skipped', 'placebo_sink_skipped_total', 'Rows not written again because a committed file holds them (after a crash).'],
  ['handedOver', 'placebo_sink_partitions_let_go_total', 'Partitions the sink let go (assigned to another sink, lease lost, or stopping).'],
];

/**
 * The sink's metrics, read at scrape time from the running sink (`current`: the supervisor makes a new one after a
 * failure, whose tallies start at 0 — a counter reset to Prometheus): its tallies, and per partition held how far the
 * lake is behind the log.
 */
export const registerSinkMetrics = (metrics: Metrics, current: () => Sink | null, log: LogSource): void => {
  for (const [key, name, help] of tallies) metrics.tally(name, help, () => current()?.stats()[key] ?? 0);
  metrics.gauge(
    'placebo_sink_lag_records',
    "Offsets between the log's end and what the sink committed, per partition it holds (0 once its last read found nothing more: the embedded log's offsets skip other topics' records).",
    ['topic', 'partition'],
    async (g) => {
      g.reset();
      for (const p of current()?.positions() ?? []) {
        if (p.settled) {
          g.set({ topic: p.topic, partition: String(p.partition) }, 0);
          continue;
        }
        const end = await log.end(p.topic, p.partition)();
        if (E.isRight(end)) g.set({ topic: p.topic, partition: String(p.partition) }, Math.max(0, end.right - p.committed));
      }
    },
  );
  metrics.gauge('placebo_sink_partitions_held', 'Source partitions this sink holds now.', [], (g) => g.set(current()?.positions().length ?? 0));
};
