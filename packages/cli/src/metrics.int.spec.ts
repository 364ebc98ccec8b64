import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callJson, eventually, placebo, startServer, stop } from '@placebo/testkit/cli';

/** The value of the series of `name` whose labels include `labels`, summed; 0 when there is none. */
const sum = (text: string, name: string, labels: Record<string, string> = {}): number =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .filter((l) => Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)))
    .reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);

const scrape = async (url: string): Promise<string> => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  assert.equal(res.status, 200);
  return res.text();
};

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe('metrics of the sink (embedded, real processes)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-metrics-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('placebo start: the API /metrics counts the sink’s records, files and lag once a flush committed the commands', async () => {
    const env = { PLACEBO_DATA_DIR: dir, PLACEBO_SINK_FLUSH_MS: '200', PLACEBO_SCRYPT_COST: '1024' };
    const server = await startServer('start', env);
    try {
      const reg = await callJson(`${server.url}/v1/players`, 'POST', { name: 'metrics-player', password: 'a long password' });
      assert.equal(reg.status, 201);
      const login = await callJson(`${server.url}/v1/sessions`, 'POST', { name: 'metrics-player', password: 'a long password' });
      const { token, player_id: id } = login.body as { token: string; player_id: string };
      let buys = 0;
      for (let i = 0; i < 5; i++) if ((await callJson(`${server.url}/v1/players/${id}/purchases`, 'POST', { kind: 'potion' }, token)).status === 201) buys++;
      assert.equal(buys, 5);
      // Registered, logged in, 5 purchases: 7 records in all_events and 5 in buy_events.
      const text = await eventually(
        'the sink to commit every record',
        async () => {
          const t = await scrape(`${server.url}/metrics`);
          return sum(t, 'placebo_sink_records_total') >= 12 && sum(t, 'placebo_sink_lag_records') === 0 ? t : undefined;
        },
        60_000,
      );
      assert.equal(sum(text, 'placebo_sink_records_total'), 12);
      assert.equal(sum(text, 'placebo_sink_partitions_held'), 3, 'the embedded log: one partition per topic');
      assert.ok(sum(text, 'placebo_sink_files_total') > 0);
      assert.equal(sum(text, 'placebo_sink_duplicates_total'), 0);
      assert.equal(sum(text, 'placebo_commands_total', { outcome: 'accepted' }), 7, 'register, login and 5 purchases');
      assert.ok(sum(text, 'placebo_port_duration_seconds_count', { port: 'event_log', op: 'append' }) >= 6, 'log appends timed');
      assert.ok(sum(text, 'placebo_port_duration_seconds_count', { port: 'lake', op: 'publish' }) > 0, 'lake publishes timed');
    } finally {
      await stop(server);
    }
  });

  it('placebo sink: serves its own /metrics on PLACEBO_SINK_METRICS_PORT, and nothing else there', async () => {
    const port = await freePort();
    const sink = placebo(['sink'], { PLACEBO_DATA_DIR: dir, PLACEBO_SINK_METRICS_PORT: String(port) });
    try {
      const text = await eventually('the sink metrics', async () => scrape(`http://127.0.0.1:${port}/metrics`).catch(() => undefined), 60_000);
      assert.equal(sum(text, 'placebo_sink_partitions_held'), 3);
      assert.ok(text.includes('placebo_process_resident_memory_bytes'));
      assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 404);
    } finally {
      await stop(sink);
    }
  });
});
