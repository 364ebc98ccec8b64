/** The tables bench/http.mjs prints: the load run per mode side by side, and the latency against history. */
import { availableParallelism } from 'node:os';

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (x) => x.toFixed(2);

export const report = (opts, results, wealth) => {
  const cols = opts.modes;
  const cell = (m, f) => (results[m].error ? 'failed' : f(results[m]));
  const row = (name, f) => `| ${name} | ${cols.map((m) => cell(m, f)).join(' | ')} |`;
  const title = {
    koa: 'bare Koa (ceiling)',
    embedded: 'Placebo embedded',
    cluster: 'Placebo cluster',
    'cluster-kafkajs': 'Placebo cluster, kafkajs',
    'cluster-confluent': 'Placebo cluster, confluent',
  };
  const lines = [
    `## POST /v1/players/:id/purchases — ${opts.connections} connections, ${opts.duration} s, ${opts.players} players`,
    '',
    `| | ${cols.map((m) => title[m]).join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    row('req/s', (r) => r.rps.toFixed(0)),
    row('ratio to bare Koa (same run)', (r) => (results.koa && !results.koa.error ? (r.rps / results.koa.rps).toFixed(2) : '–')),
    row('Kafka client', (r) => r.kafkaClient ?? '–'),
    row('server CPU per request (µs)', (r) => r.cpuPerRequest.toFixed(0)),
    row('server CPU busy (share of one core)', (r) => r.cpuShare.toFixed(2)),
    row('latency p50 (ms)', (r) => String(r.p50)),
    row('latency p99 (ms)', (r) => String(r.p99)),
    row('requests', (r) => String(r.total)),
    row('non-2xx', (r) => String(r.non2xx)),
    row('errors + timeouts', (r) => String(r.errors)),
    row('status codes', (r) => r.statuses),
    row('purchases recorded (sum of inventories)', (r) => (r.recorded === undefined ? '–' : String(r.recorded))),
    row('server peak RSS during load', (r) => mb(r.peakRss)),
    row('server peak RSS, whole run', (r) => mb(r.peakRssAll)),
  ];
  for (const m of cols.filter((c) => results[c].history)) {
    const h = results[m].history;
    lines.push('', `## History (${title[m]}): one purchase at a time, ${opts.samples} per player and column`, '');
    lines.push(
      '| player | events before | inventory items | p50 (ms) | p99 (ms) | mean (ms) | p50 without Idempotency-Key (ms) | p99 without key (ms) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const c of h)
      lines.push(`| ${c.label} | ${c.before} | ${c.items} | ${ms(c.p50)} | ${ms(c.p99)} | ${ms(c.mean)} | ${ms(c.noKey.p50)} | ${ms(c.noKey.p99)} |`);
    const ratio = (c, k) => (k ? c.noKey.p50 / h[0].noKey.p50 : c.p50 / h[0].p50).toFixed(2);
    lines.push(
      '',
      `p50 relative to the 10-event player: with Idempotency-Key ×${ratio(h[1], false)} (views) and ×${ratio(h[2], false)} (purchases); without ×${ratio(h[1], true)} and ×${ratio(h[2], true)}`,
    );
  }
  for (const m of cols.filter((c) => results[c].error)) lines.push('', `**${m} failed:** ${results[m].error}`);
  lines.push(
    '',
    `Node ${process.version}, ${availableParallelism()} CPUs, autocannon in the bench process on the same machine. ` +
      `Placebo: \`placebo api\` only (no sink), PLACEBO_API_WORKERS=${opts.workers}, PLACEBO_LOG_LEVEL=warn, PLACEBO_SCRYPT_COST=1024, players registered with ` +
      `wealth ${wealth}. RSS: VmRSS of the server process sampled every 500 ms.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
};
