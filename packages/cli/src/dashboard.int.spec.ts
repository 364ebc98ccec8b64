import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { createMetrics, repoRoot } from '@placebo/adapters';
import { registerSinkMetrics } from '@placebo/app-sink';

interface Panel {
  readonly title: string;
  readonly targets: ReadonlyArray<{ readonly expr: string }>;
}

/** Every metric name the code exports: the API's, the ports', the sink's and the process'. */
const exported = async (): Promise<Set<string>> => {
  const metrics = createMetrics();
  const none = { partitions: () => TE.right([]), read: () => TE.right([]), end: () => TE.right(0) };
  registerSinkMetrics(metrics, () => null, none);
  const names = new Set<string>();
  for (const m of await metrics.registry.getMetricsAsJSON()) {
    names.add(m.name);
    if (String(m.type) === 'histogram') for (const s of ['_bucket', '_count', '_sum']) names.add(`${m.name}${s}`);
  }
  return names;
};

describe('deploy/monitoring: the Grafana dashboard and the Prometheus scrape config', () => {
  it('every panel queries only metrics the code exports, and the main families each have a panel', async () => {
    const names = await exported();
    const dashboard = JSON.parse(readFileSync(join(repoRoot(), 'deploy', 'monitoring', 'grafana-dashboard.json'), 'utf8')) as { panels: Panel[] };
    assert.ok(dashboard.panels.length >= 10);
    const used = new Set<string>();
    for (const panel of dashboard.panels) {
      assert.ok(panel.targets.length > 0, `${panel.title} has a query`);
      for (const t of panel.targets) {
        const referenced = t.expr.match(/placebo_[a-z0-9_]+/g) ?? [];
        assert.ok(referenced.length > 0, `${panel.title}: ${t.expr} names a Placebo metric`);
        for (const name of referenced) {
          assert.ok(names.has(name), `${panel.title}: ${name} is not exported by the code`);
          used.add(name.replace(/_(bucket|count|sum)$/, ''));
        }
      }
    }
    const families = [
      'placebo_http_request_duration_seconds',
      'placebo_commands_total',
      'placebo_port_duration_seconds',
      'placebo_sink_lag_records',
      'placebo_sink_records_total',
    ];
    for (const f of families) assert.ok(used.has(f), `a panel shows ${f}`);
  });

  it('the scrape config reads /metrics of the API and of a sink on its metrics port', () => {
    const text = readFileSync(join(repoRoot(), 'deploy', 'monitoring', 'prometheus.yml'), 'utf8');
    assert.match(text, /job_name: placebo-api[\s\S]*metrics_path: \/metrics[\s\S]*127\.0\.0\.1:8080/);
    assert.match(text, /job_name: placebo-sink[\s\S]*127\.0\.0\.1:9464/);
  });
});
