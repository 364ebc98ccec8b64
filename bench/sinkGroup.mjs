// Sinks in a consumer group on the local stack, as real `placebo sink` processes: how fast 1 and 2 of them commit a
// backlog to Parquet on HDFS (records/s from their start to every partition committed, peak RSS of each), and how
// fresh the lake is at a steady load (an event produced → counted by Presto, p50/p95, one sink).
// Usage: npm run build && deploy/local/stack.sh up && node bench/sinkGroup.mjs [--events 300000] [--processes 1,2]
//        [--rate 5000] [--seconds 30] [--flush-ms 1000]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import * as E from 'fp-ts/lib/Either.js';
import { Catalogue, analystTables, analystViews, createDecider, topics } from '@placebo/domain';
import { createKafka, createLogger, createPrestoQueryEngine, endOffsets, ensureTopics, topicName } from '@placebo/adapters';
import { fillKafka } from './lib/clusterFill.mjs';
import { listOption, log, parseOptions, percentile, sleep } from './lib/options.mjs';
import { rssSampler } from './lib/servers.mjs';

const { o: opts } = parseOptions(process.argv.slice(2), { events: '300000', processes: '1,2', rate: '5000', seconds: '30', 'flush-ms': '1000' });
const processes = listOption('processes', opts.processes, ['1', '2', '3', '4']).map(Number);
const run = `sg${randomUUID().replaceAll('-', '').slice(0, 8)}`;
const logger = createLogger({ level: 'error' });
const decider = createDecider(Catalogue.decode(JSON.parse(readFileSync('config/catalogue.json', 'utf8'))).right);
const redis = new Redis('redis://127.0.0.1:6379/0');
const kafkaSettings = (prefix) => ({
  brokers: ['127.0.0.1:9092'],
  clientId: 'placebo-bench',
  topicPrefix: prefix,
  partitions: 6,
  replication: 1,
  timeoutMs: 30_000,
});

/** A deployment's settings for `placebo sink`: the topics given, its own Redis keys, lake folder and Presto schema. */
const sinkEnv = (topicPrefix, name, flushMs) => ({
  ...process.env,
  PLACEBO_MODE: 'cluster',
  PLACEBO_TOPIC_PREFIX: topicPrefix,
  PLACEBO_REDIS_PREFIX: `${run}-${name}:`,
  PLACEBO_LAKE_ROOT: `/placebo-bench/${run}-${name}`,
  PLACEBO_PRESTO_SCHEMA: `${run}_${name}`,
  PLACEBO_KAFKA_PARTITIONS: '6',
  PLACEBO_KAFKA_SESSION_TIMEOUT_MS: '10000',
  PLACEBO_SINK_FLUSH_MS: String(flushMs),
  PLACEBO_SINK_FLUSH_ROWS: '200000',
  PLACEBO_LOG_LEVEL: 'warn',
});

const startSinks = (n, env) =>
  Array.from({ length: n }, () => {
    const child = spawn(process.execPath, ['packages/cli/bin/placebo.js', 'sink'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (d) => (errors = `${errors}${d}`.slice(-4000)));
    return { child, rss: rssSampler(child.pid), errors: () => errors, exited: new Promise((r) => child.on('exit', r)) };
  });

const stopSinks = async (sinks) => {
  for (const s of sinks) s.child.kill('SIGTERM');
  await Promise.all(sinks.map((s) => Promise.race([s.exited, sleep(30_000).then(() => s.child.kill('SIGKILL'))])));
  for (const s of sinks) s.rss.stop();
};

/** Every partition's end offset, per topic. */
const endsOf = async (admin, prefix) => {
  const ends = [];
  for (const topic of topics)
    for (const [partition, end] of await endOffsets(admin, topicName({ topicPrefix: prefix }, topic))) ends.push({ topic, partition, end });
  return ends;
};

/** Waits until the sinks of `env` committed every partition up to its end (their offsets in Redis). */
const committedAll = async (env, ends, sinks) => {
  for (;;) {
    const keys = ends.map((e) => `${env.PLACEBO_REDIS_PREFIX}k:{placebo-sink:${e.topic}:${e.partition}}:o`);
    const got = await redis.mget(...keys);
    if (got.every((v, i) => Number(v ?? -1) >= ends[i].end)) return;
    const dead = sinks.find((s) => s.child.exitCode !== null);
    if (dead !== undefined) throw new Error(`a sink exited (${dead.child.exitCode}):\n${dead.errors()}`);
    await sleep(250);
  }
};

// 1. A backlog, then 1 and 2 sinks (each on a fresh lake and offsets) commit all of it.
const backlog = kafkaSettings(`${run}-b.`);
const kafka = createKafka(backlog, logger);
const admin = kafka.admin();
await admin.connect();
await ensureTopics(admin, backlog);
const fill = await fillKafka({
  kafka,
  settings: backlog,
  total: Number(opts.events),
  perPlayer: 100,
  decider,
  progress: (d, t) => process.stderr.write(`\rfill ${d}/${t}`),
});
process.stderr.write('\n');
const ends = await endsOf(admin, backlog.topicPrefix);
const records = ends.reduce((n, e) => n + e.end, 0);
const catchUps = [];
for (const n of processes) {
  const env = sinkEnv(backlog.topicPrefix, `${n}p`, 5000);
  log(`${n} sink process(es) over ${records} records`);
  const t0 = performance.now();
  const sinks = startSinks(n, env);
  await committedAll(env, ends, sinks);
  const seconds = (performance.now() - t0) / 1000;
  const peaks = sinks.map((s) => s.rss.peak());
  await stopSinks(sinks);
  catchUps.push({ n, seconds, peaks });
}

// 2. Freshness: fresh topics, one sink flushing every --flush-ms, events produced at --rate with the time they are
// produced; every 500 ms one marker player registers, and Presto is asked every 250 ms which markers it counts.
const steady = kafkaSettings(`${run}-f.`);
await ensureTopics(admin, steady);
const freshEnv = sinkEnv(steady.topicPrefix, 'fresh', Number(opts['flush-ms']));
const [freshSink] = startSinks(1, freshEnv);
const engine = createPrestoQueryEngine({
  url: 'http://127.0.0.1:8090',
  user: 'placebo',
  catalog: 'hive',
  schema: freshEnv.PLACEBO_PRESTO_SCHEMA,
  location: `hdfs://127.0.0.1:8020${freshEnv.PLACEBO_LAKE_ROOT}`,
  tables: analystTables,
  views: analystViews,
});
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();
const now = () => new Date().toISOString();
const sent = new Map();
const seen = new Map();
let produced = 0;
let polling = true;
const poller = (async () => {
  while (polling || seen.size < sent.size) {
    const r = await engine.query("select distinct player_id from all_events where player_id like 'fresh-%'")();
    if (E.isRight(r)) for (const [id] of r.right.rows) if (!seen.has(id)) seen.set(id, performance.now());
    if (!polling && performance.now() - stoppedAt > 60_000) break;
    await sleep(250);
  }
})();
let stoppedAt = 0;
await sleep(5000); // the sink joins its group and claims its partitions
const perTick = Number(opts.rate) / 10;
const started = performance.now();
for (let tick = 0; performance.now() - started < Number(opts.seconds) * 1000; tick++) {
  const due = started + tick * 100;
  await sleep(Math.max(0, due - performance.now()));
  produced += (await fillKafka({ kafka, settings: steady, total: perTick, perPlayer: 50, decider, idPrefix: `load-${tick}-`, at: now, producer })).events;
  if (tick % 5 === 0) {
    const id = `fresh-${tick}-0`;
    sent.set(id, performance.now());
    await fillKafka({ kafka, settings: steady, total: 1, perPlayer: 1, decider, idPrefix: `fresh-${tick}-`, at: now, producer });
  }
}
const rate = produced / ((performance.now() - started) / 1000);
polling = false;
stoppedAt = performance.now();
await poller;
await producer.disconnect();
await stopSinks([freshSink]);
const ages = [...sent]
  .filter(([id]) => seen.has(id))
  .map(([id, at]) => (seen.get(id) - at) / 1000)
  .sort((a, b) => a - b);

console.log(`## Sinks in one group: a backlog of ${records} records (${fill.events} events in 3 topics × 6 partitions), Kafka → committed Parquet on HDFS\n`);
console.log('| sink processes | seconds (start → every partition committed) | records/s | peak RSS per process |\n|---:|---:|---:|---|');
for (const c of catchUps)
  console.log(`| ${c.n} | ${c.seconds.toFixed(1)} | ${Math.round(records / c.seconds)} | ${c.peaks.map((b) => `${(b / 2 ** 20).toFixed(0)} MB`).join(', ')} |`);
console.log(`\n## Freshness: ${Math.round(rate)} events/s for ${opts.seconds} s, one sink flushing every ${opts['flush-ms']} ms, Presto asked every 250 ms\n`);
console.log('| markers | counted | p50 (s) | p95 (s) | max (s) |\n|---:|---:|---:|---:|---:|');
console.log(
  `| ${sent.size} | ${ages.length} | ${ages.length ? percentile(ages, 0.5).toFixed(2) : '–'} | ${ages.length ? percentile(ages, 0.95).toFixed(2) : '–'} | ${ages.length ? ages.at(-1).toFixed(2) : '–'} |`,
);
console.log(
  `\nNode ${process.version}; the sinks are \`placebo sink\` processes (cluster mode, encoder duckdb); the time includes their start and group join.`,
);
await engine.close();
await admin.disconnect();
redis.disconnect();
