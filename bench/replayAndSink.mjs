// Embedded replay and sink throughput: fills a fresh log with realistic events, then times `replay` (log -> snapshots),
// Parquet encoding of the same rows with parquetjs-lite and with DuckDB, and the whole sink (log -> committed Parquet)
// with each encoder, picked by PLACEBO_PARQUET_ENCODER as in production. Encoding and sink runs each happen in a
// child process of their own, so each peak RSS (getrusage's maxrss) is that run's alone. Prints markdown tables.
// Usage: npm run build && node bench/replayAndSink.mjs [events=200000]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalogue, analystTables, createDecider, envelop, initialState } from '@placebo/domain';
import { createDuckDbParquetEncoder, createLogger, createParquetEncoder, loadConfig, openEmbedded, openReplaySide } from '@placebo/adapters';
import { createLakeSink, createSink, replayLog } from '@placebo/app-sink';

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const reply = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);

/** Rows of each analyst table in turn, projected from the log in read batches, handed over `fileRows` at a time. */
const eachFile = async (infra, fileRows, take) => {
  for (const t of analystTables) {
    let rows = [];
    for (let next = 0; ;) {
      const records = (await infra.log.read('all_events', 0, next, 5000)()).right;
      if (records.length === 0) break;
      next = records[records.length - 1].offset + 1;
      for (const r of records) {
        const row = t.project(r.event);
        if (row !== null) rows.push(row);
        if (rows.length === fileRows) {
          await take(t, rows);
          rows = [];
        }
      }
    }
    if (rows.length > 0) await take(t, rows);
  }
};

/** Child: encodes every row of the log (files of `fileRows`) and reports encoding time and this process's peak RSS. */
const encodeChild = async (dir, name, fileRows) => {
  const infra = openEmbedded({ dataDir: dir });
  const encoder = name === 'duckdb' ? createDuckDbParquetEncoder() : name === 'parquetjs' ? createParquetEncoder() : null;
  let rows = 0;
  let bytes = 0;
  let ms = 0;
  await eachFile(infra, fileRows, async (t, batch) => {
    rows += batch.length;
    if (encoder === null) return;
    const t0 = performance.now();
    const out = await encoder.encode(t.columns, batch)();
    ms += performance.now() - t0;
    if (out._tag === 'Left') throw new Error(out.left.message);
    bytes += out.right.length;
  });
  encoder?.close?.();
  await infra.close();
  reply({ rows, bytes, seconds: ms / 1000, peakMb: peakMb() });
};

/**
 * Child: the production sink (createLakeSink, settings from the environment) drains a copy of the log; with `rows`,
 * the same sink fed DuckDB's encoder without `encodeRecords`, so rows are projected in JavaScript (for comparison).
 */
const sinkChild = async (dir, rows) => {
  const config = loadConfig({ ...process.env, PLACEBO_DATA_DIR: dir });
  if (config._tag === 'Left') throw new Error(JSON.stringify(config.left));
  const infra = openEmbedded({ dataDir: dir });
  const logger = createLogger({ level: 'error' });
  const duckdb = rows ? createDuckDbParquetEncoder() : null;
  const sink =
    duckdb === null
      ? createLakeSink(config.right, infra, logger)
      : createSink({
          source: infra.log,
          offsets: infra.offsets,
          lake: infra.lake,
          encoder: { extension: duckdb.extension, encode: duckdb.encode },
          registry: infra.registry,
          tables: analystTables,
          consumer: 'placebo-sink',
          flushRows: config.right.PLACEBO_SINK_FLUSH_ROWS,
          flushMs: config.right.PLACEBO_SINK_FLUSH_MS,
          flushBytes: config.right.PLACEBO_SINK_FLUSH_BYTES,
          logger,
        });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const stats = await sink.drain();
  const cpu = process.cpuUsage(cpu0);
  duckdb?.close();
  const seconds = (performance.now() - t0) / 1000;
  await infra.close();
  reply({ ...stats, seconds, cpuUs: cpu.user + cpu.system, peakMb: peakMb() });
};

const [mode, ...args] = process.argv.slice(2);
if (mode === '--encode') await encodeChild(args[0], args[1], Number(args[2]));
else if (mode === '--sink') await sinkChild(args[0], args[1] === 'rows');
else await parent(Number(mode ?? 200_000));

async function parent(total) {
  const catalogue = Catalogue.decode(JSON.parse(readFileSync('config/catalogue.json', 'utf8'))).right;
  const decider = createDecider(catalogue);
  const dir = mkdtempSync(join(tmpdir(), 'placebo-bench-'));
  const infra = openEmbedded({ dataDir: dir });
  let t0 = performance.now();
  const events = await fillLog(infra, decider, total);
  const fill = (performance.now() - t0) / 1000;

  const replays = await timeReplays(dir, [1, 2]);
  const replay = replays[0].report;
  await infra.close();

  const child = (args, env = {}) => {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`child ${args.join(' ')} exited with ${r.status}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  /** A copy of the filled log with no lake and no committed offsets, so every sink run starts from the same backlog. */
  const copyOfLog = () => {
    const copy = mkdtempSync(join(tmpdir(), 'placebo-bench-sink-'));
    for (const f of ['placebo.db', 'placebo.db-wal', 'placebo.db-shm']) if (existsSync(join(dir, f))) copyFileSync(join(dir, f), join(copy, f));
    return copy;
  };
  const fileRows = 50_000;
  const encodes = [
    ['read + project only (baseline)', 'none'],
    ['parquetjs-lite', 'parquetjs'],
    ['DuckDB (appender + COPY)', 'duckdb'],
  ].map(([label, name]) => ({ label, ...child(['--encode', dir, name, String(fileRows)]) }));

  // duckdb-rows: DuckDB's encoder fed rows projected in JavaScript; duckdb: rows projected in SQL by DuckDB.
  const sinks = [
    ['parquetjs', 64 * 2 ** 20],
    ['duckdb-rows', 64 * 2 ** 20],
    ['duckdb', 64 * 2 ** 20],
    ['duckdb', 16 * 2 ** 20],
    ['duckdb', 2_000_000_000],
  ].map(([encoder, flushBytes]) => {
    const copy = copyOfLog();
    const rows = encoder === 'duckdb-rows';
    try {
      return {
        encoder,
        flushBytes,
        ...child(['--sink', copy, ...(rows ? ['rows'] : [])], {
          PLACEBO_PARQUET_ENCODER: rows ? 'duckdb' : encoder,
          PLACEBO_SINK_FLUSH_BYTES: String(flushBytes),
          PLACEBO_SINK_FLUSH_ROWS: '100000',
        }),
      };
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
  rmSync(dir, { recursive: true, force: true });

  printReport({ events, players: replay.players, fill, replays, fileRows, encodes, sinks });
}

/** Replays the log in this thread, then in worker threads (`--workers`); each run replaces every snapshot. */
async function timeReplays(dir, counts) {
  const config = loadConfig({ PLACEBO_DATA_DIR: dir, PLACEBO_LOG_LEVEL: 'error' }).right;
  const runs = [];
  for (const workers of counts) {
    const side = await openReplaySide(config, createLogger({ level: 'error' }));
    const t0 = performance.now();
    const report = await replayLog({ source: side.source, snapshots: side.snapshots, verify: false, workers: { count: workers, config } });
    runs.push({ workers, report, seconds: (performance.now() - t0) / 1000 });
    await side.close();
  }
  return runs;
}

/** Decides about `total` events, 100 per player, and appends each player's in one write; answers how many events. */
async function fillLog(infra, decider, total) {
  const perPlayer = 100;
  const request = { host: 'bench.local', user_agent: 'bench', accept: '*/*' };
  const kinds = ['sword', 'knife', 'potion', 'arrow', 'spell'];
  let seq = 0;

  const appends = [];
  for (let p = 0; p * perPlayer < total; p++) {
    const id = `bench-${p}`;
    let state = initialState(id);
    const events = [];
    const cmds = [{ type: 'RegisterPlayer', name: id, wealth: 1_000_000, origin: 'seed' }];
    for (let i = 1; i < perPlayer; i++) {
      cmds.push(
        i % 7 === 0
          ? { type: 'Fight', enemy: 'goblin', roll: (i % 10) / 10 }
          : { type: 'BuyItem', kind: kinds[i % kinds.length], item_type: null, quantity: 1, offer_id: null, client_cost: null },
      );
    }
    for (const c of cmds) {
      const d = decider.decide(c, state);
      const next = envelop(
        state,
        d.right,
        { command_id: `c${seq}`, request, occurred_at: new Date(Date.UTC(2026, 10, 23) + seq).toISOString() },
        () => `e${++seq}`,
      );
      state = next.state;
      events.push(...next.stored);
    }
    appends.push(infra.log.append(id, 0, events)());
  }
  await Promise.all(appends);
  return seq;
}

/** The three tables: filling and replaying the log, encoding Parquet, and the sink. */
function printReport({ events, players, fill, replays, fileRows, encodes, sinks }) {
  const mb = (n) => `${n} MB`;
  const int = (n) => Math.round(n).toLocaleString('en-US');
  console.log(`${int(events)} events, ${players} players; node ${process.version}, ${cpus().length} cores\n`);
  console.log('| step | count | seconds | per second |\n|---|---:|---:|---:|');
  console.log(`| fill log (decide + append, group commit) | ${int(events)} | ${fill.toFixed(2)} | ${int(events / fill)} |`);
  for (const r of replays) {
    const who = r.workers === 1 ? 'this thread' : `${r.workers} worker threads`;
    console.log(`| replay: log -> snapshots, ${who} | ${int(r.report.events)} | ${r.seconds.toFixed(2)} | ${int(r.report.events / r.seconds)} |`);
  }

  console.log(
    `\nParquet encoding of the same rows (4 analyst tables, files of up to ${int(fileRows)} rows, one file's rows in memory at a time; seconds spent in encode only):\n`,
  );
  console.log('| encoder | rows | MB written | seconds | rows/s | peak RSS |\n|---|---:|---:|---:|---:|---:|');
  for (const e of encodes) {
    const timed = e.bytes > 0;
    console.log(
      `| ${e.label} | ${int(e.rows)} | ${timed ? (e.bytes / 2 ** 20).toFixed(1) : '–'} | ${timed ? e.seconds.toFixed(2) : '–'} | ${timed ? int(e.rows / e.seconds) : '–'} | ${mb(e.peakMb)} |`,
    );
  }

  console.log(`\nSink: log -> committed Parquet, a backlog of ${int(events)} events (createLakeSink, flush rows 100,000):\n`);
  console.log(
    '| encoder (rows projected) | PLACEBO_SINK_FLUSH_BYTES | records | rows | files | seconds | records/s | rows/s | CPU per record (all threads) | peak RSS |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const how = { parquetjs: 'parquetjs (JavaScript)', 'duckdb-rows': 'duckdb (JavaScript)', duckdb: 'duckdb (SQL in DuckDB)' };
  for (const s of sinks) {
    const bound = s.flushBytes >= 2_000_000_000 ? 'none (2e9)' : `${s.flushBytes / 2 ** 20} MiB`;
    console.log(
      `| ${how[s.encoder]} | ${bound} | ${int(s.records)} | ${int(s.rows)} | ${int(s.files)} | ${s.seconds.toFixed(2)} | ${int(s.records / s.seconds)} | ${int(s.rows / s.seconds)} | ${(s.cpuUs / s.records).toFixed(1)} µs | ${mb(s.peakMb)} |`,
    );
  }
}
