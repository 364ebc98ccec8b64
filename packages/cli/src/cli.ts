import * as E from 'fp-ts/lib/Either.js';
import { analystTables, stateTables } from '@placebo/domain';
import { createDuckDbParquetDecoder, createLogger, loadConfig, openCluster, openEmbedded, type ClusterRole, type Config, type Infrastructure, type Logger } from '@placebo/adapters';
import { startApi } from '@placebo/app-api';
import { compact, createLakeSink, exportState, parquetEncoderFor, playerAt, replayLog, SinkFailure, type Sink } from '@placebo/app-sink';
import { demoEnv } from './demo.js';
import { createProgress } from './progress.js';
import { simulate, simulateUsage } from './simulate/simulate.js';
import { runReport } from './report/report.js';
import { formatTable } from './table.js';
import { forkApiWorkers, isApiWorker } from './workers.js';

const usage = `usage: placebo <command>
  start                 API and sink in one process (embedded mode)
  api                   the HTTP API only
  sink                  the sink only (log -> Parquet lake)
  sink --catch-up       commit everything in the log, then exit
  query [--json] "<SQL>"  run SQL on the lake and print a table (--json: one JSON object {columns, rows})
  replay [--verify]     rebuild every snapshot from the log (--verify: compare only, change nothing)
  report [--out report.html] [--queries queries/]  answer every queries/*.sql question; write one HTML file with charts
  replay --player ID [--at TIME]   print a player's state as it was at TIME (ISO-8601; default now)
  export-state          write the snapshots' current state as the tables players, player_items, player_orgs
  compact [--older-than-days N]  merge the small files of the dates at least N days old (default 1), one per source partition
${simulateUsage}
Settings come from PLACEBO_* environment variables (see the README).`;

/** The value after a flag (`--player abc`), or null. */
const option = (args: ReadonlyArray<string>, flag: string): string | null => {
  const i = args.indexOf(flag);
  return i >= 0 && i + 1 < args.length ? (args[i + 1] ?? null) : null;
};

const waitForSignal = (): Promise<string> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

/** Opens the mode's adapters for one command and closes them after it. */
const withInfra = async (config: Config, role: ClusterRole, logger: Logger, f: (infra: Infrastructure) => Promise<number>): Promise<number> => {
  let infra: Infrastructure;
  try {
    infra = config.PLACEBO_MODE === 'cluster' ? await openCluster(config, role, logger) : openEmbedded({ dataDir: config.PLACEBO_DATA_DIR });
  } catch (e) {
    logger.error('cannot open the infrastructure', { mode: config.PLACEBO_MODE, error: e instanceof Error ? e.message : String(e) });
    process.stderr.write(`placebo: cannot reach the ${config.PLACEBO_MODE} infrastructure: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  try {
    return await f(infra);
  } finally {
    await infra.close();
  }
};

/**
 * In cluster mode Redis indexes the log (player heads, tails, intents). Writing with an index that lost its keys would
 * reuse player versions, so the API refuses to start until `placebo replay` rebuilt it.
 */
const checkIndex = async (infra: Infrastructure): Promise<boolean> => {
  const index = infra.logIndex;
  if (index === undefined) return true;
  if (!(await index.indexed())) {
    process.stderr.write('placebo: Redis no longer indexes the Kafka log (its keys were lost); run `placebo replay` before starting the API\n');
    return false;
  }
  await index.markIndexed();
  return true;
};

/**
 * Runs the sink and starts it again (from its committed files and offsets, so nothing is lost or doubled) after a
 * failure that may pass — Kafka, HDFS or Presto unreachable for a while. A failure that will not pass ends it.
 */
const superviseSink = (make: () => Sink, logger: Logger): { readonly done: Promise<void>; readonly stop: () => Promise<void> } => {
  let current: Sink | null = null;
  let stopping = false;
  const done = (async () => {
    for (let delay = 500; !stopping; delay = Math.min(delay * 2, 10_000)) {
      current = make();
      try {
        await current.start();
        return;
      } catch (e) {
        if (stopping || !(e instanceof SinkFailure && e.error.retriable)) throw e;
        logger.warn('sink interrupted; starting again from its committed position', { error: e.message, retry_in_ms: delay });
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  })();
  return {
    done,
    stop: async () => {
      stopping = true;
      await current?.stop();
    },
  };
};

const serve = async (config: Config, logger: Logger, withApi: boolean, sinkWanted: boolean): Promise<number> => {
  // A forked API worker serves HTTP only: the sink stays in the process that forked it.
  const withSink = sinkWanted && !isApiWorker();
  const code = await withInfra(config, { name: withSink ? 'sink' : 'api' }, logger, async (infra) => {
    if (withApi && !(await checkIndex(infra))) return 1;
    const pool = withApi && config.PLACEBO_API_WORKERS > 1 && !isApiWorker() ? forkApiWorkers(config.PLACEBO_API_WORKERS, logger) : null;
    if (pool !== null) {
      try {
        await pool.listening;
      } catch (e) {
        logger.error('api workers did not start', { error: e instanceof Error ? e.message : String(e) });
        await pool.stop();
        return 1;
      }
      logger.info('api workers listening', { workers: config.PLACEBO_API_WORKERS, port: config.PLACEBO_PORT });
    }
    const api = withApi && pool === null ? await startApi(config, infra, logger) : null;
    const sink = withSink ? superviseSink(() => createLakeSink(config, infra, logger), logger) : null;
    const sinkRun = sink?.done;
    if (api !== null) {
      logger.info('api listening', { url: api.url, mode: config.PLACEBO_MODE, data_dir: config.PLACEBO_DATA_DIR });
      process.stdout.write(`Placebo API listening on ${api.url}\n`);
    }
    const failed = sinkRun?.then(
      () => 'stopped',
      (e: unknown) => {
        logger.error('sink failed', { error: e instanceof Error ? e.message : String(e) });
        return 'sink failed';
      },
    );
    const why = await Promise.race([waitForSignal(), ...(failed ? [failed] : []), ...(pool ? [pool.lost.then(() => 'api worker lost')] : [])]);
    logger.info('shutting down', { reason: why });
    await pool?.stop();
    await api?.close();
    await sink?.stop().catch(() => undefined);
    return why === 'sink failed' || why === 'api worker lost' ? 1 : 0;
  });
  // A worker's channel to its primary would keep it alive after it stopped serving.
  if (isApiWorker()) process.disconnect?.();
  return code;
};

export const main = async (argv: ReadonlyArray<string>, env: Readonly<Record<string, string | undefined>>): Promise<number> => {
  const [command, ...rest] = argv;
  const decoded = loadConfig(command === 'start' ? demoEnv(env) : env);
  if (E.isLeft(decoded)) {
    for (const p of decoded.left) process.stderr.write(`configuration: ${p.path}: ${p.message}\n`);
    return 2;
  }
  const config = decoded.right;
  const logger = createLogger({ level: config.PLACEBO_LOG_LEVEL, fields: { command } });
  switch (command) {
    case 'start':
      return serve(config, logger, true, true);
    case 'api':
      return serve(config, logger, true, false);
    case 'sink':
      if (rest.includes('--catch-up')) {
        return withInfra(config, { name: 'sink' }, logger, async (infra) => {
          const progress = createProgress('sink catch-up', 'records');
          const stats = await createLakeSink(config, infra, logger).drain(progress.update);
          progress.done(stats.records, stats.records);
          process.stdout.write(`${JSON.stringify(stats)}\n`);
          return 0;
        });
      }
      return serve(config, logger, false, true);
    case 'query': {
      const asJson = rest.includes('--json');
      const sql = rest
        .filter((a) => a !== '--json')
        .join(' ')
        .trim();
      if (sql === '') {
        process.stderr.write('query: give the SQL as an argument, e.g. placebo query "select count(*) from all_events"\n');
        return 2;
      }
      return withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) => {
        const result = await infra.query.query(sql)();
        if (E.isLeft(result)) {
          process.stderr.write(`query failed: ${result.left.message}\n`);
          return 1;
        }
        process.stdout.write(asJson ? `${JSON.stringify(result.right)}\n` : `${formatTable(result.right.columns, result.right.rows)}\n`);
        return 0;
      });
    }
    case 'report':
      return withInfra(config, { name: 'query', readTopics: [] }, logger, (infra) => runReport(rest, infra.query, config.PLACEBO_MODE));
    case 'replay': {
      const player = option(rest, '--player');
      if (player !== null) {
        const at = option(rest, '--at') ?? new Date().toISOString();
        return withInfra(config, { name: 'replay', readTopics: ['all_events'] }, logger, async (infra) => {
          const progress = createProgress(`replay --player ${player}`, 'records');
          const found = await playerAt({ source: infra.log, playerId: player, at, progress: progress.update });
          progress.done(found.scanned, found.scanned);
          if (found.last === null) {
            process.stderr.write(`player ${player} had no event by ${at}\n`);
            return 1;
          }
          process.stdout.write(`${JSON.stringify({ at, as_of_event: { player_version: found.last.player_version, occurred_at: found.last.occurred_at, event_type: found.last.event_type }, state: found.state }, null, 2)}\n`);
          return 0;
        });
      }
      const verify = rest.includes('--verify');
      return withInfra(config, { name: 'replay', readTopics: ['all_events'] }, logger, async (infra) => {
        const progress = createProgress(verify ? 'replay --verify' : 'replay', 'events');
        const report = await replayLog({ source: infra.log, snapshots: infra.snapshots, verify, progress: progress.update });
        progress.done(report.events, report.events);
        if (!verify) await infra.logIndex?.markIndexed();
        const rate = Math.round(report.events / Math.max(report.seconds, 0.001));
        const summary = { ...report, events_per_second: rate, differing: report.differing.length, missing: report.missing.length, orphans: report.orphans.length };
        process.stdout.write(`${JSON.stringify(summary)}\n`);
        if (!verify) return 0;
        const bad = report.differing.length + report.missing.length + report.orphans.length;
        process.stdout.write(bad === 0 ? `all ${report.players} snapshots equal the replayed log\n` : `${bad} snapshots differ from the log: ${[...report.differing, ...report.missing, ...report.orphans].slice(0, 20).join(', ')}\n`);
        return bad === 0 ? 0 : 1;
      });
    }
    case 'export-state':
      return withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) => {
        const progress = createProgress('export-state', 'players');
        const encoder = parquetEncoderFor(config);
        try {
          const r = await exportState({ snapshots: infra.snapshots, lake: infra.lake, registry: infra.registry, encoder, tables: stateTables, now: Date.now, progress: (n) => progress.update(n, 0) });
          if (E.isLeft(r)) {
            process.stderr.write(`export-state failed: ${r.left.message}\n`);
            return 1;
          }
          progress.done(r.right.players, r.right.players);
          process.stdout.write(`${JSON.stringify(r.right)}\n`);
          return 0;
        } finally {
          encoder.close();
        }
      });
    case 'compact': {
      const days = Number(option(rest, '--older-than-days') ?? '1');
      if (!Number.isInteger(days) || days < 0) {
        process.stderr.write('compact: --older-than-days takes a whole number of days, 0 or more\n');
        return 2;
      }
      return withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) => {
        const encoder = parquetEncoderFor(config);
        const decoder = createDuckDbParquetDecoder();
        try {
          const r = await compact({ lake: infra.lake, registry: infra.registry, encoder, decoder, tables: analystTables, olderThanDays: days, now: Date.now, logger });
          if (E.isLeft(r)) {
            process.stderr.write(`compact failed: ${r.left.message}\n`);
            return 1;
          }
          process.stdout.write(`${JSON.stringify(r.right)}\n`);
          return 0;
        } finally {
          decoder.close();
          encoder.close();
        }
      });
    }
    case 'simulate':
      return simulate(rest, config, logger);
    default:
      process.stderr.write(`${usage}\n`);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
};
