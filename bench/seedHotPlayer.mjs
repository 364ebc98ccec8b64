// Seed 001's load, side by side: Apache Bench sends `ab -n N -c 50 -H "Host: user1.comcast.com" …/purchase_a_sword`
// (one Host, so one player taking every request) to (1) the seed's own Flask app, which logs each event to Kafka with
// kafka-python, (2) `placebo api` embedded and (3) `placebo api` in cluster mode, both with the seed routes on, and
// (koa) a bare Koa + @koa/router route answering the same text with no work behind it: the ceiling of this machine.
// The Flask app is read out of the seed report at run time and written to a temporary folder, with two changes:
// the bootstrap server (the local broker instead of kafka:29092) and its topic name (`events` under a prefix unique
// to the run, created beforehand and deleted afterwards). It runs under `flask run`, as the report ran it.
// Prints a markdown table on stdout; progress goes to stderr. Exits 1 when a mode fails (a server that cannot start,
// ab that cannot run).
//
// Usage: npx tsc -b && node bench/seedHotPlayer.mjs [--requests 20000] [--concurrency 50] [--modes koa,flask,embedded,cluster]
//          [--seed /work/shared/seeds/001_dc01ac245bd9abfb.txt] [--python /usr/bin/python3] [--keep]
// Needs ab (apache2-utils) and, for the Flask app, python3-flask and python3-kafka; cluster mode needs the local stack.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkNotEmbedded, cleanupCluster, clusterPrefixes } from './lib/clusterRun.mjs';
import { benchMain, serveBareKoa } from './lib/bareKoa.mjs';
import { listOption, log, parseOptions } from './lib/options.mjs';
import { cpuSeconds, freePort, rssSampler, startChild } from './lib/servers.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const placeboBin = join(root, 'packages/cli/bin/placebo.js');
const host = 'user1.comcast.com';
const path = '/purchase_a_sword';
const brokers = (process.env.PLACEBO_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

const parseArgs = (argv) => {
  const { o, int } = parseOptions(
    argv,
    {
      requests: '20000',
      concurrency: '50',
      modes: 'koa,flask,embedded,cluster',
      seed: '/work/shared/seeds/001_dc01ac245bd9abfb.txt',
      python: '/usr/bin/python3',
    },
    ['keep', 'serve-koa'],
  );
  return {
    ...o,
    modes: listOption('modes', o.modes, ['koa', 'flask', 'embedded', 'cluster']),
    requests: int('requests', 1),
    concurrency: int('concurrency', 1),
  };
};

/** The seed report's game_api.py: the fenced block that starts with its shebang and builds a KafkaProducer. */
const seedApp = (seedFile, topic) => {
  const blocks = readFileSync(seedFile, 'utf8')
    .split('```')
    .filter((_, i) => i % 2 === 1);
  const app = blocks.find((b) => b.includes('from flask import Flask') && b.includes('KafkaProducer(') && b.includes('/purchase_a_sword'));
  if (app === undefined) throw new Error(`flask: no Flask app with a KafkaProducer and /purchase_a_sword in ${seedFile}`);
  const patched = app
    .replace(/bootstrap_servers='kafka:29092'/, `bootstrap_servers='${brokers.join(',')}'`)
    .replaceAll("log_to_kafka('events'", `log_to_kafka('${topic}'`);
  if (!patched.includes(brokers[0]) || patched.includes("'events'"))
    throw new Error('flask: the seed app no longer has the expected bootstrap server and topic');
  return patched.replace(/^\n/, '');
};

const kafkaAdmin = async () => {
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({ clientId: 'bench-seed', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  return admin;
};

/** Records in every topic under `prefix` (sum of high watermarks). */
const recordsUnder = async (prefix) => {
  const admin = await kafkaAdmin();
  try {
    let n = 0;
    for (const t of (await admin.listTopics()).filter((x) => x.startsWith(prefix))) {
      for (const p of await admin.fetchTopicOffsets(t)) n += Number(p.high);
    }
    return n;
  } finally {
    await admin.disconnect();
  }
};

/** Runs ab and reads its summary: req/s, failed, non-2xx, the 50 % and 99 % lines (ms). */
const ab = async (url, requests, concurrency) => {
  const args = ['-q', '-n', String(requests), '-c', String(concurrency), '-H', `Host: ${host}`, `${url}${path}`];
  let stdout;
  try {
    ({ stdout } = await run('ab', args, { maxBuffer: 4 << 20, timeout: 900_000 }));
  } catch (e) {
    throw new Error(`ab ${args.join(' ')} failed: ${(e.stderr || e.message).trim().split('\n').slice(-3).join(' — ')}`);
  }
  const num = (re, fallback) => {
    const m = re.exec(stdout);
    if (m === null && fallback === undefined) throw new Error(`ab: no ${re} in its output:\n${stdout}`);
    return m === null ? fallback : Number(m[1]);
  };
  return {
    rps: num(/Requests per second:\s+([\d.]+)/),
    complete: num(/Complete requests:\s+(\d+)/),
    failed: num(/Failed requests:\s+(\d+)/),
    non2xx: num(/Non-2xx responses:\s+(\d+)/, 0),
    p50: num(/^\s+50%\s+(\d+)/m),
    p99: num(/^\s+99%\s+(\d+)/m),
    max: num(/^\s+100%\s+(\d+)/m),
  };
};

const startFlask = async (opts, dir, topic) => {
  const admin = await kafkaAdmin();
  try {
    // The seed's broker had one partition per topic by default; creating it here keeps auto-creation out of it.
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
  } finally {
    await admin.disconnect();
  }
  const file = join(dir, 'game_api.py');
  writeFileSync(file, seedApp(opts.seed, topic));
  const port = await freePort();
  return startChild(
    'flask',
    ['-m', 'flask', 'run', '--host', '127.0.0.1', '--port', String(port)],
    { FLASK_APP: file, PYTHONDONTWRITEBYTECODE: '1' },
    {
      command: opts.python,
      cwd: dir,
      ready: /Running on (http:\/\/\S+)/,
    },
  );
};

/** Seed 001's player starts with the catalogue's host wealth; raised so that every purchase of the run can succeed. */
const richCatalogue = (dir) => {
  const catalogue = JSON.parse(readFileSync(join(root, 'config/catalogue.json'), 'utf8'));
  catalogue.limits.host_starting_wealth = catalogue.limits.max_wealth;
  const file = join(dir, 'catalogue.json');
  writeFileSync(file, JSON.stringify(catalogue));
  return file;
};

/** The ceiling: Koa and @koa/router answering the seed route's text, with nothing behind it. */
const serveKoa = () =>
  serveBareKoa((router) =>
    router.get(path, (ctx) => {
      ctx.type = 'text/plain';
      ctx.body = 'Sword Purchased!\n';
    }),
  );

const runMode = async (mode, opts, runId) => {
  const dir = mkdtempSync(join(tmpdir(), `placebo-seed-${mode}-`));
  const { redisPrefix, topicPrefix } = clusterPrefixes(runId);
  const flaskTopic = `bench-seed-${runId}.events`;
  log(`${mode}: starting`);
  let server;
  let rss;
  try {
    if (mode === 'koa') {
      server = await startChild('koa', [fileURLToPath(import.meta.url), '--serve-koa'], {});
    } else if (mode === 'flask') {
      server = await startFlask(opts, dir, flaskTopic);
    } else {
      server = await startChild(mode, [placeboBin, 'api'], {
        PLACEBO_MODE: mode,
        PLACEBO_DATA_DIR: join(dir, 'data'),
        PLACEBO_HOST: '127.0.0.1',
        PLACEBO_PORT: '0',
        PLACEBO_SEED_ROUTES: 'true',
        PLACEBO_LOG_LEVEL: 'warn',
        PLACEBO_CATALOGUE: richCatalogue(dir),
        // Apache Bench from one address: the per-address budgets would measure the limit, not the API.
        PLACEBO_RATE_IP_PER_MIN: '0',
        PLACEBO_RATE_AUTH_IP_PER_MIN: '0',
        ...(mode === 'cluster' ? { PLACEBO_REDIS_PREFIX: redisPrefix, PLACEBO_TOPIC_PREFIX: topicPrefix } : {}),
      });
      if (mode === 'cluster') checkNotEmbedded(join(dir, 'data'));
    }
    rss = rssSampler(server.child.pid);
    const warm = await ab(server.url, Math.min(500, opts.requests), Math.min(opts.concurrency, 10));
    if (warm.non2xx > 0 || warm.failed > 0)
      throw new Error(`${mode}: warm-up had ${warm.non2xx} non-2xx and ${warm.failed} failed requests. Server output:\n${server.output().slice(-1500)}`);
    log(`${mode}: ab -n ${opts.requests} -c ${opts.concurrency} -H "Host: ${host}" ${server.url}${path}`);
    rss.reset();
    const cpu0 = cpuSeconds(server.child.pid);
    const result = await ab(server.url, opts.requests, opts.concurrency);
    result.cpuPerRequest = ((cpuSeconds(server.child.pid) - cpu0) / result.complete) * 1e6;
    result.peakRss = rss.peak();
    if (mode === 'flask' || mode === 'cluster') result.records = await recordsUnder(mode === 'flask' ? flaskTopic : topicPrefix);
    return result;
  } finally {
    rss?.stop();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (!opts.keep) {
      if (mode === 'cluster') await cleanupCluster(redisPrefix, topicPrefix).catch((e) => log(`cluster: cleanup failed: ${e.message}`));
      if (mode === 'flask') {
        await kafkaAdmin()
          .then(async (admin) => {
            const topics = (await admin.listTopics()).filter((t) => t === flaskTopic);
            if (topics.length > 0) await admin.deleteTopics({ topics });
            log(`flask: deleted topic ${topics.join(', ') || '(none)'}`);
            await admin.disconnect();
          })
          .catch((e) => log(`flask: cleanup failed: ${e.message}`));
      }
    }
  }
};

const report = (opts, results) => {
  const cols = opts.modes;
  const title = { koa: 'bare Koa route (ceiling)', flask: 'seed Flask + kafka-python', embedded: 'Placebo embedded', cluster: 'Placebo cluster' };
  const cell = (m, f) => (results[m].error ? 'failed' : f(results[m]));
  const flask = results.flask && !results.flask.error ? results.flask : undefined;
  const koa = results.koa && !results.koa.error ? results.koa : undefined;
  const row = (name, f) => `| ${name} | ${cols.map((m) => cell(m, f)).join(' | ')} |`;
  const lines = [
    `## Seed 001's hot player: ab -n ${opts.requests} -c ${opts.concurrency} -H "Host: ${host}" GET ${path}`,
    '',
    `| | ${cols.map((m) => title[m]).join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    row('req/s', (r) => r.rps.toFixed(0)),
    row('ratio to Flask (req/s)', (r) => (flask ? (r.rps / flask.rps).toFixed(2) : '–')),
    row('ratio to bare Koa (req/s)', (r) => (koa ? (r.rps / koa.rps).toFixed(2) : '–')),
    row('p50 (ms)', (r) => String(r.p50)),
    row('p99 (ms)', (r) => String(r.p99)),
    row('max (ms)', (r) => String(r.max)),
    row('ratio to Flask (p99)', (r) => (flask ? (r.p99 / Math.max(1, flask.p99)).toFixed(2) : '–')),
    row('complete requests', (r) => String(r.complete)),
    row('failed requests', (r) => String(r.failed)),
    row('non-2xx', (r) => String(r.non2xx)),
    row("Kafka records in the run's topics", (r) => (r.records === undefined ? '–' : String(r.records))),
    row('server CPU per request (µs)', (r) => r.cpuPerRequest.toFixed(0)),
    row('server peak RSS (MB)', (r) => (r.peakRss / 2 ** 20).toFixed(0)),
  ];
  for (const m of cols.filter((c) => results[c].error)) lines.push('', `**${m} failed:** ${results[m].error}`);
  lines.push(
    '',
    `Node ${process.version}, ${availableParallelism()} CPUs, ab (no keep-alive, as the seed ran it) on the same machine, after a ` +
      `warm-up of ${Math.min(500, opts.requests)} requests. Flask: the seed's game_api.py under \`flask run\` (threaded), kafka-python ` +
      'with its defaults (acks=1, the handler does not wait for the send); its topic has 1 partition. Placebo: `placebo api` with ' +
      "PLACEBO_SEED_ROUTES=true, PLACEBO_LOG_LEVEL=warn and host_starting_wealth raised to max_wealth (the catalogue's 100,000 " +
      'would buy 128 swords, then 402); it answers after the purchase is written (a SQLite commit embedded; Kafka acks=all and Redis in cluster mode). ' +
      "Kafka records: every record in the run's topics after the load, warm-up included (Placebo cluster: each purchase in buy_events and all_events, plus the registration). " +
      "Percentiles are ab's, whole milliseconds.",
  );
  process.stdout.write(`${lines.join('\n')}\n`);
};

await benchMain({ parseArgs, serveKoa, runMode, report });
