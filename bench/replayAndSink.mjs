// Embedded replay and sink throughput: fills a fresh log with realistic events, then times
// `replay` (log -> snapshots) and the sink (log -> committed Parquet). Prints a table.
// Usage: npm run build && node bench/replayAndSink.mjs [events=200000]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalogue, analystTables, createDecider, envelop, initialState } from '@placebo/domain';
import { createParquetEncoder, openEmbedded } from '@placebo/adapters';
import { createSink, replayLog } from '@placebo/app-sink';

const total = Number(process.argv[2] ?? 200_000);
const perPlayer = 100;
const catalogue = Catalogue.decode(JSON.parse(readFileSync('config/catalogue.json', 'utf8'))).right;
const decider = createDecider(catalogue);
const dir = mkdtempSync(join(tmpdir(), 'placebo-bench-'));
const infra = openEmbedded({ dataDir: dir });
const request = { host: 'bench.local', user_agent: 'bench', accept: '*/*' };
const kinds = ['sword', 'knife', 'potion', 'arrow', 'spell'];
let seq = 0;
const peak = { rss: 0 };
const sample = () => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss));
const timer = setInterval(sample, 100);

let t0 = performance.now();
const appends = [];
for (let p = 0; p * perPlayer < total; p++) {
  const id = `bench-${p}`;
  let state = initialState(id);
  const events = [];
  const cmds = [{ type: 'RegisterPlayer', name: id, wealth: 1_000_000 }];
  for (let i = 1; i < perPlayer; i++) {
    cmds.push(i % 7 === 0
      ? { type: 'Fight', enemy: 'goblin', roll: (i % 10) / 10 }
      : { type: 'BuyItem', kind: kinds[i % kinds.length], item_type: null, quantity: 1, offer_id: null, client_cost: null });
  }
  for (const c of cmds) {
    const d = decider.decide(c, state);
    const next = envelop(state, d.right, { command_id: `c${seq}`, request, occurred_at: new Date(Date.UTC(2026, 10, 23) + seq).toISOString() }, () => `e${++seq}`);
    state = next.state;
    events.push(...next.stored);
  }
  appends.push(infra.log.append(id, 0, events)());
}
await Promise.all(appends);
const fill = (performance.now() - t0) / 1000;
const events = seq;

t0 = performance.now();
const replay = await replayLog({ source: infra.log, snapshots: infra.snapshots, verify: false });
const replaySeconds = (performance.now() - t0) / 1000;

const quiet = { info: () => undefined, warn: () => undefined };
t0 = performance.now();
const sink = createSink({ source: infra.log, offsets: infra.offsets, lake: infra.lake, encoder: createParquetEncoder(), tables: analystTables, consumer: 'bench', flushRows: 100_000, flushMs: 60_000, logger: quiet });
const stats = await sink.drain();
const sinkSeconds = (performance.now() - t0) / 1000;
clearInterval(timer);
sample();

const rows = [
  ['fill log (decide + append, group commit)', events, fill],
  ['replay: log -> snapshots', replay.events, replaySeconds],
  ['sink: log -> committed Parquet (records)', stats.records, sinkSeconds],
  ['sink: Parquet rows written (4 tables)', stats.rows, sinkSeconds],
];
console.log(`| step | count | seconds | per second |\n|---|---:|---:|---:|`);
for (const [name, n, s] of rows) console.log(`| ${name} | ${n} | ${s.toFixed(2)} | ${Math.round(n / s)} |`);
console.log(`\npeak RSS ${(peak.rss / 2 ** 20).toFixed(0)} MB; ${replay.players} players; node ${process.version}`);
await infra.close();
rmSync(dir, { recursive: true, force: true });
