// Cluster replay and sink throughput on the local stack (Kafka, Redis, HDFS, Presto): produces N realistic events
// to fresh topics, then times `replay` (Kafka -> Redis snapshots) and the sink (Kafka -> Parquet on HDFS, committed
// and registered in Presto), and how long a new event takes to become queryable with the sink running. Replay runs
// in this thread and in 2 worker threads (`--workers`).
// Usage: npm run build && deploy/local/stack.sh up && node bench/cluster.mjs [events=1000000] [encoder=duckdb|duckdb-rows|parquetjs]
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { Catalogue, analystTables, analystViews, createDecider, envelop, initialState } from '@placebo/domain';
import {
  createDuckDbParquetEncoder,
  createKafka,
  createLogger,
  createParquetEncoder,
  createPrestoQueryEngine,
  createWebHdfsLakeStore,
  ensureTopics,
  loadConfig,
  openClusterLog,
  openReplaySide,
} from '@placebo/adapters';
import { createSink, replayLog } from '@placebo/app-sink';
import { fillKafka } from './lib/clusterFill.mjs';
import { portTable, timeSinkPorts } from './lib/sinkPorts.mjs';

const total = Number(process.argv[2] ?? 1_000_000);
const encoderName = process.argv[3] ?? 'duckdb';
const perPlayer = 100;
const run = `b${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const logger = createLogger({ level: 'error' });
const settings = {
  kafka: { brokers: ['127.0.0.1:9092'], clientId: 'placebo-bench', topicPrefix: `${run}.`, partitions: 6, replication: 1, timeoutMs: 30_000 },
  redisUrl: 'redis://127.0.0.1:6379/0',
  redisPrefix: `${run}:`,
  leaseMs: 10_000,
  commandTtlSeconds: 600,
};
const catalogue = Catalogue.decode(JSON.parse(readFileSync('config/catalogue.json', 'utf8'))).right;
const decider = createDecider(catalogue);
const request = { host: 'bench.local', user_agent: 'bench', accept: '*/*' };
const peak = { rss: 0 };
const sample = () => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss));
const sampler = setInterval(sample, 100);
const progress = (label) => (done, all) => process.stderr.write(`\r${label}: ${done}/${all}`);

// 1. Fill: decided events straight into the topics (one producer, big batches).
const kafka = createKafka(settings.kafka, logger);
const admin = kafka.admin();
await admin.connect();
await ensureTopics(admin, settings.kafka);
let t0 = performance.now();
const { events, seconds: fillSeconds } = await fillKafka({ kafka, settings: settings.kafka, total, perPlayer, decider, progress: progress('fill') });
process.stderr.write('\n');

// 2. Replay: Kafka -> Redis snapshots, folded in this thread and by 2 worker threads (each run replaces every snapshot).
const replayConfig = loadConfig({
  PLACEBO_MODE: 'cluster',
  PLACEBO_TOPIC_PREFIX: settings.kafka.topicPrefix,
  PLACEBO_REDIS_PREFIX: settings.redisPrefix,
  PLACEBO_KAFKA_PARTITIONS: String(settings.kafka.partitions),
  PLACEBO_LOG_LEVEL: 'error',
}).right;
const replays = [];
for (const workers of [1, 2]) {
  const side = await openReplaySide(replayConfig, logger);
  t0 = performance.now();
  const report = await replayLog({
    source: side.source,
    snapshots: side.snapshots,
    verify: false,
    workers: { count: workers, config: replayConfig },
    progress: progress(`replay, ${workers} worker(s)`),
  });
  replays.push({ workers, report, seconds: (performance.now() - t0) / 1000 });
  process.stderr.write('\n');
  await side.close();
}
const replay = replays[0].report;
const replaySeconds = replays[0].seconds;

// 3. Sink catch-up: Kafka -> Parquet on HDFS, committed and registered in Presto.
const sinkSide = await openClusterLog({ ...settings, consumerGroup: `${run}.sink` }, logger);
const lake = createWebHdfsLakeStore({ url: 'http://127.0.0.1:9870', user: 'placebo', root: `/placebo-bench/${run}` });
const engine = createPrestoQueryEngine({
  url: 'http://127.0.0.1:8090',
  user: 'placebo',
  catalog: 'hive',
  schema: run,
  location: `hdfs://127.0.0.1:8020/placebo-bench/${run}`,
  tables: analystTables,
  views: analystViews,
});
const duckdb = createDuckDbParquetEncoder();
// duckdb-rows: DuckDB's encoder fed rows projected in JavaScript (the path without encodeRecords), for comparison.
const encoder =
  encoderName === 'parquetjs' ? createParquetEncoder() : encoderName === 'duckdb-rows' ? { extension: duckdb.extension, encode: duckdb.encode } : duckdb;
const quiet = { info: () => undefined, warn: () => undefined };
const sinkOptions = {
  source: sinkSide.log,
  offsets: sinkSide.offsets,
  lake,
  registry: engine,
  encoder,
  tables: analystTables,
  consumer: 'bench',
  flushRows: 200_000,
  flushBytes: 64 * 2 ** 20,
  flushMs: 60_000,
  logger: quiet,
};
const timedSink = timeSinkPorts(sinkOptions);
const rssBeforeSink = process.memoryUsage().rss;
const peakBeforeSink = peak.rss;
peak.rss = 0;
const cpuBeforeSink = process.cpuUsage();
t0 = performance.now();
const stats = await createSink(timedSink.options).drain(progress('sink'));
const sinkSeconds = (performance.now() - t0) / 1000;
const sinkCpu = process.cpuUsage(cpuBeforeSink);
sample();
const sinkPeakRss = peak.rss;
peak.rss = Math.max(peakBeforeSink, sinkPeakRss);
process.stderr.write('\n');

// 4. Freshness: one more event with the sink running (flush every 5 s): how long until Presto counts it?
const live = createSink({ ...sinkOptions, flushMs: 5000 });
const running = live.start();
const writer = await openClusterLog({ ...settings, consumerGroup: `${run}.writer` }, logger);
const marker = `fresh-${randomUUID()}`;
const registered = decider.decide({ type: 'RegisterPlayer', name: marker, wealth: 10, origin: 'seed' }, initialState(marker));
const stored = envelop(initialState(marker), registered.right, { command_id: marker, request, occurred_at: new Date().toISOString() }, randomUUID).stored;
const produced = performance.now();
const appended = await writer.log.append(marker, 0, stored)();
if (E.isLeft(appended)) throw new Error(JSON.stringify(appended.left));
let freshness = null;
while (performance.now() - produced < 120_000) {
  const r = await engine.query(`select count(*) from all_events where player_id = '${marker}'`)();
  if (E.isRight(r) && Number(r.right.rows[0][0]) === 1) {
    freshness = (performance.now() - produced) / 1000;
    break;
  }
  await new Promise((r) => setTimeout(r, 250));
}
await live.stop();
await running.catch(() => undefined);
clearInterval(sampler);
sample();

const rows = [
  ['fill Kafka (decide + produce, acks=all)', events, fillSeconds],
  ['replay: Kafka -> Redis snapshots', replay.events, replaySeconds],
  [`sink: Kafka -> committed Parquet on HDFS (${encoderName}), records`, stats.records, sinkSeconds],
  ['sink: Parquet rows written (4 tables)', stats.rows, sinkSeconds],
];
console.log(`| step | count | seconds | per second |\n|---|---:|---:|---:|`);
for (const [name, n, s] of rows) console.log(`| ${name} | ${n} | ${s.toFixed(2)} | ${Math.round(n / s)} |`);
console.log(`\n| replay: Kafka -> Redis snapshots, ${settings.kafka.partitions} partitions | events | seconds | events/s |\n|---|---:|---:|---:|`);
for (const r of replays)
  console.log(
    `| ${r.workers === 1 ? '1 (this thread)' : `${r.workers} worker threads`} | ${r.report.events} | ${r.seconds.toFixed(2)} | ${Math.round(r.report.events / r.seconds)} |`,
  );
console.log(`\nSink alone (PLACEBO_SINK_FLUSH_BYTES ${sinkOptions.flushBytes / 2 ** 20} MiB, flush rows ${sinkOptions.flushRows}, encoder ${encoderName}):\n`);
console.log(
  '| records | rows | files | seconds | records/s | CPU per record (all threads) | peak RSS during the sink | RSS before it |\n|---:|---:|---:|---:|---:|---:|---:|---:|',
);
console.log(
  `| ${stats.records} | ${stats.rows} | ${stats.files} | ${sinkSeconds.toFixed(2)} | ${Math.round(stats.records / sinkSeconds)} | ${((sinkCpu.user + sinkCpu.system) / stats.records).toFixed(1)} µs | ${(sinkPeakRss / 2 ** 20).toFixed(0)} MB | ${(rssBeforeSink / 2 ** 20).toFixed(0)} MB |`,
);
console.log(`\nWhere the sink waited (wall time of each port's calls, summed):\n\n${portTable(timedSink.totals, sinkSeconds)}`);
console.log(`\nfreshness (append -> counted by Presto, sink flushing every 5 s): ${freshness === null ? 'not within 120 s' : `${freshness.toFixed(1)} s`}`);
console.log(`peak RSS of this process ${(peak.rss / 2 ** 20).toFixed(0)} MB; ${replay.players} players; ${stats.files} files; node ${process.version}`);
await writer.close();
await sinkSide.close();
await engine.close();
await admin.disconnect();
