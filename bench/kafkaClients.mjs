// Kafka producer clients side by side on the event log's workload: an idempotent producer, acks=all, ~600-byte JSON
// events keyed by player id, to a 6-partition topic. Three phases per client, each for --duration seconds:
//   concurrent — --concurrency callers each awaiting `send` of one message in a loop (like concurrent HTTP commands);
//   serial     — one caller, one message per `send` (the latency of a lone command);
//   batch      — one caller, --batch messages per `send`.
// Clients: kafkajs (plain producer), kafkajs through the adapter's coalescing createBatchProducer (what cluster mode
// runs), and @confluentinc/kafka-javascript's KafkaJS API (librdkafka) with linger.ms=0 and with its default of 5 ms.
// Each client runs in its own child process, so CPU (process.cpuUsage, every thread) and RSS are that client's own.
// Prints markdown tables on stdout; progress goes to stderr. Exits 1 when a client fails.
//
// Usage: node bench/kafkaClients.mjs [--clients kafkajs,kafkajs-coalescing,confluent,confluent-linger5]
//          [--duration 10] [--concurrency 50] [--batch 100] [--players 1000] [--brokers 127.0.0.1:9092]
// Topics are created under a prefix unique to the run (bench-clients-<id>.) and deleted afterwards.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { listOption, log, parseOptions, percentile } from './lib/options.mjs';

const self = fileURLToPath(import.meta.url);
const require = createRequire(new URL('../packages/adapters/package.json', import.meta.url));
const clientNames = ['kafkajs', 'kafkajs-coalescing', 'confluent', 'confluent-linger5'];
const partitions = 6;

const parseArgs = (argv) => {
  const { o, int } = parseOptions(argv, {
    clients: clientNames.join(','),
    duration: '10',
    concurrency: '50',
    batch: '100',
    players: '1000',
    brokers: process.env.PLACEBO_KAFKA_BROKERS ?? '127.0.0.1:9092',
    child: '',
    topic: '',
  });
  return {
    ...o,
    clients: listOption('clients', o.clients, clientNames),
    brokers: o.brokers.split(','),
    duration: int('duration', 1),
    concurrency: int('concurrency', 1),
    batch: int('batch', 1),
    players: int('players', 1),
  };
};

/** An ItemPurchased event as the event log stores it, padded to 600 bytes of JSON (ids and numbers vary a little). */
const eventFactory = (players) => {
  const ids = Array.from({ length: players }, () => randomUUID());
  let n = 0;
  return () => {
    const i = n++;
    const playerId = ids[i % ids.length];
    const event = {
      event_id: randomUUID(),
      player_id: playerId,
      version: Math.floor(i / ids.length) + 1,
      recorded_at: new Date().toISOString(),
      type: 'ItemPurchased',
      data: {
        type: 'ItemPurchased',
        kind: 'sword',
        item_type: 'cutlass',
        quantity: 1,
        price: 777,
        paid: 777,
        offer_id: null,
        wealth_after: 999_223 - i,
        power: 12,
      },
      meta: {
        command_id: randomUUID(),
        client_ip: '203.0.113.7',
        user_agent: 'ApacheBench/2.3',
        host: 'user1.comcast.com',
        request_path: '/v1/players/purchases',
        api_version: 'v1',
      },
      schema: 1,
    };
    const bare = JSON.stringify(event);
    const value = bare.length + 10 < 600 ? JSON.stringify({ ...event, pad: 'x'.repeat(600 - bare.length - 10) }) : bare;
    return { key: playerId, value };
  };
};

const connectClient = async (name, brokers) => {
  if (name.startsWith('kafkajs')) {
    const { Kafka, logLevel, Partitioners } = require('kafkajs');
    const kafka = new Kafka({ clientId: 'bench-clients', brokers, logLevel: logLevel.NOTHING });
    const options = { timeoutMs: 30_000 };
    if (name === 'kafkajs-coalescing') {
      const { createBatchProducer } = await import('../packages/adapters/dist/kafka/batchProducer.js');
      const producer = createBatchProducer(kafka, options);
      return { send: (topic, messages) => producer.send([{ topic, messages }]), close: () => producer.close() };
    }
    // The adapter's producer settings (batchProducer.ts), without its coalescing.
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    return { send: (topic, messages) => producer.send({ topic, messages, acks: -1, timeout: options.timeoutMs }), close: () => producer.disconnect() };
  }
  let KafkaJS;
  try {
    ({ KafkaJS } = require('@confluentinc/kafka-javascript'));
  } catch (e) {
    // An optional dependency: where no prebuilt binary can be downloaded, npm skips it when librdkafka fails to build.
    throw new Error(
      `@confluentinc/kafka-javascript cannot be loaded (${e.message.split('\n')[0]}); build it from source with the system's ` +
        'OpenSSL, zlib, zstd, lz4 and SASL headers and the local Node headers: ' +
        'CKJS_LINKING=dynamic npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")" npm install -w @placebo/adapters',
    );
  }
  const kafka = new KafkaJS.Kafka({ kafkaJS: { clientId: 'bench-clients', brokers, logLevel: KafkaJS.logLevel.NOTHING } });
  // acks and idempotence are producer settings here, not per send; librdkafka batches for linger.ms before sending.
  const producer = kafka.producer({
    kafkaJS: { idempotent: true, acks: -1, allowAutoTopicCreation: false },
    ...(name === 'confluent' ? { 'linger.ms': 0 } : {}),
  });
  await producer.connect();
  return { send: (topic, messages) => producer.send({ topic, messages }), close: () => producer.disconnect() };
};

/** Runs `callers` loops of `send` for `seconds`; returns messages, sends, latencies and this process's CPU and RSS. */
const phase = async (client, topic, next, { callers, perSend, seconds }) => {
  const latencies = [];
  let messages = 0;
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 200);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < end) {
        const batch = Array.from({ length: perSend }, next);
        const s = performance.now();
        await client.send(topic, batch);
        latencies.push(performance.now() - s);
        messages += perSend;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    messages,
    sends: latencies.length,
    rate: messages / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuPerMessage: (cpu.user + cpu.system) / messages,
    cpuShare: (cpu.user + cpu.system) / 1e6 / elapsed,
    peakRss: Math.max(peakRss, process.memoryUsage.rss()),
  };
};

const runChild = async (opts) => {
  const next = eventFactory(opts.players);
  const size = Buffer.byteLength(next().value);
  const client = await connectClient(opts.child, opts.brokers);
  try {
    // Warm-up: connections, metadata, producer id.
    await phase(client, opts.topic, next, { callers: opts.concurrency, perSend: 1, seconds: 1 });
    const results = {
      size,
      concurrent: await phase(client, opts.topic, next, { callers: opts.concurrency, perSend: 1, seconds: opts.duration }),
      serial: await phase(client, opts.topic, next, { callers: 1, perSend: 1, seconds: opts.duration }),
      batch: await phase(client, opts.topic, next, { callers: 1, perSend: opts.batch, seconds: opts.duration }),
    };
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } finally {
    await client.close();
  }
};

const runClient = (name, topic, opts) =>
  new Promise((resolve, reject) => {
    const args = [
      self,
      '--child',
      name,
      '--topic',
      topic,
      '--brokers',
      opts.brokers.join(','),
      '--duration',
      String(opts.duration),
      '--concurrency',
      String(opts.concurrency),
      '--batch',
      String(opts.batch),
      '--players',
      String(opts.players),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-5000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), (opts.duration * 3 + 120) * 1000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      if (code === 0 && line) resolve(JSON.parse(line));
      else reject(new Error(`${name}: exited ${signal ?? code}: ${err.trim().split('\n').slice(-8).join(' — ')}`));
    });
  });

const versions = () => {
  const v = (p) => {
    try {
      return require(`${p}/package.json`).version;
    } catch {
      return 'not installed';
    }
  };
  let librdkafka = 'not loaded';
  try {
    librdkafka = require('@confluentinc/kafka-javascript').librdkafkaVersion;
  } catch (e) {
    librdkafka = `cannot load: ${e.message.split('\n')[0]}`;
  }
  return { kafkajs: v('kafkajs'), confluent: v('@confluentinc/kafka-javascript'), librdkafka };
};

const report = (opts, results, broker) => {
  const cols = opts.clients;
  const title = {
    kafkajs: 'kafkajs',
    'kafkajs-coalescing': 'kafkajs + createBatchProducer',
    confluent: 'confluent (linger.ms=0)',
    'confluent-linger5': 'confluent (linger.ms=5, default)',
  };
  const cell = (c, f) => (results[c].error ? 'failed' : f(results[c]));
  const head = [`| | ${cols.map((c) => title[c]).join(' | ')} |`, `|---|${cols.map(() => '---:').join('|')}|`];
  const table = (key, caption) => [
    '',
    `### ${caption}`,
    '',
    ...head,
    ...[
      ['messages/s', (r) => r[key].rate.toFixed(0)],
      ['send latency p50 (ms)', (r) => r[key].p50.toFixed(2)],
      ['send latency p99 (ms)', (r) => r[key].p99.toFixed(2)],
      ['sends', (r) => String(r[key].sends)],
      ['bench CPU per message (µs)', (r) => r[key].cpuPerMessage.toFixed(1)],
      ['bench CPU busy (share of one core)', (r) => r[key].cpuShare.toFixed(2)],
      ['peak RSS (MB)', (r) => (r[key].peakRss / 2 ** 20).toFixed(0)],
    ].map(([name, f]) => `| ${name} | ${cols.map((c) => cell(c, f)).join(' | ')} |`),
  ];
  const size = cols.map((c) => results[c].size).find((s) => s !== undefined);
  const v = versions();
  const lines = [
    `## Kafka producers: idempotent, acks=all, ${size ?? '?'}-byte JSON events keyed by ${opts.players} player ids, one ${partitions}-partition topic, ${opts.duration} s per phase`,
    ...table('concurrent', `(a) ${opts.concurrency} concurrent callers, 1 message per send`),
    ...table('serial', '(b) one send at a time, 1 message per send'),
    ...table('batch', `(c) one send at a time, ${opts.batch} messages per send (latency is per send)`),
  ];
  for (const c of cols.filter((x) => results[x].error)) lines.push('', `**${title[c]} failed:** ${results[c].error}`);
  lines.push(
    '',
    `kafkajs ${v.kafkajs}; @confluentinc/kafka-javascript ${v.confluent} (librdkafka ${v.librdkafka}); broker ${broker}; ` +
      `Node ${process.version}, ${availableParallelism()} CPUs, broker on the same machine. Each client in its own process; ` +
      'CPU is process.cpuUsage (all threads) of that process, RSS sampled every 200 ms.',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
};

const main = async () => {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.child) return runChild(opts);
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({ clientId: 'bench-clients-admin', brokers: opts.brokers, logLevel: logLevel.NOTHING }).admin();
  const prefix = `bench-clients-${randomBytes(4).toString('hex')}.`;
  const results = {};
  let broker = 'unknown';
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    broker = `${cluster.brokers.length} broker(s) at ${opts.brokers.join(',')}`;
    for (const name of opts.clients) {
      const topic = `${prefix}${name}`;
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
      log(`${name}: ${opts.duration} s × 3 phases on ${topic}`);
      try {
        results[name] = await runClient(name, topic, opts);
      } catch (e) {
        log(`${name}: FAILED: ${e.message}`);
        results[name] = { error: e.message.slice(0, 600) };
      }
    }
  } finally {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    log(`deleted topics ${topics.join(', ') || '(none)'}`);
    await admin.disconnect();
  }
  report(opts, results, broker);
  if (opts.clients.some((c) => results[c].error)) process.exitCode = 1;
};

await main();
