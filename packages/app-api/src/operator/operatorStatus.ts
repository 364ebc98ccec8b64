import type { Metrics } from '@placebo/adapters';
import type { ConsoleDeps } from '../consoleDeps.js';

interface LabelledValue {
  readonly value: number;
  readonly labels: Readonly<Record<string, string | number>>;
  readonly metricName?: string;
}

/** Requests answered by this process, from the HTTP histogram's counts: all, 5xx, and 503 of them. */
const requestCounts = async (metrics: Metrics): Promise<{ total: number; errors: number; unavailable: number; error_rate: number }> => {
  const { values } = (await metrics.http.get()) as { values: ReadonlyArray<LabelledValue> };
  let total = 0;
  let errors = 0;
  let unavailable = 0;
  for (const v of values) {
    if (v.metricName !== 'placebo_http_request_duration_seconds_count') continue;
    const status = Number(v.labels.status);
    total += v.value;
    if (status >= 500) errors += v.value;
    if (status === 503) unavailable += v.value;
  }
  return { total, errors, unavailable, error_rate: total === 0 ? 0 : Math.round((errors / total) * 1e6) / 1e6 };
};

/** Lag per partition, as the sink's gauge computes it for /metrics (the same numbers a scrape would see). */
const lagPerPartition = async (metrics: Metrics): Promise<ReadonlyArray<{ topic: string; partition: number; lag: number }>> => {
  const gauge = metrics.registry.getSingleMetric('placebo_sink_lag_records');
  if (gauge === undefined) return [];
  const { values } = (await gauge.get()) as { values: ReadonlyArray<LabelledValue> };
  return values
    .map((v) => ({ topic: String(v.labels.topic), partition: Number(v.labels.partition), lag: v.value }))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
};

/** What the operator's view shows: only what this process already knows, no query over the lake. */
export const operatorStatus = async (deps: ConsoleDeps, metrics: Metrics) => {
  const services = await deps.services().catch(() => [{ service: 'stores', ok: false }]);
  const sink = deps.sink();
  return {
    mode: deps.mode,
    ready: services.every((s) => s.ok),
    services: [...services],
    sink:
      sink === null
        ? null
        : {
            partitions: [...(await lagPerPartition(metrics))],
            tables: [...sink.commits()],
            records: sink.stats().records,
            rows: sink.stats().rows,
            files: sink.stats().files,
          },
    requests: await requestCounts(metrics),
    recent_failures: [...deps.failures.list()],
  };
};
