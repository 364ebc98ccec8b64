import { createMetrics, instrumentInfrastructure, type Config, type Infrastructure, type Logger, type Metrics } from '@placebo/adapters';
import { startApi } from '@placebo/app-api';
import { createLakeSink, registerSinkMetrics, SinkFailure, type Sink } from '@placebo/app-sink';
import { serveMetrics } from './metricsServer.js';
import { forkApiWorkers, isApiWorker, type ApiWorkers } from '../workers.js';
import type { CommandContext } from './command.js';
import { withInfra } from './infra.js';

const waitForSignal = (): Promise<string> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

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
  // Redis may have come back from a crash without its newest writes: Kafka has them, and they go back first.
  const repair = await index.verifyIndex();
  if (repair.players > 0) {
    process.stderr.write(`placebo: Redis had lost ${repair.events} events of ${repair.players} players that Kafka holds; they are indexed again\n`);
  }
  await index.markIndexed();
  return true;
};

interface SupervisedSink {
  readonly done: Promise<void>;
  readonly stop: () => Promise<void>;
}

/**
 * Runs the sink and starts it again (from its committed files and offsets, so nothing is lost or doubled) after a
 * failure that may pass — Kafka, HDFS or Presto unreachable for a while. A failure that will not pass ends it.
 */
const superviseSink = (make: () => Sink, logger: Logger): SupervisedSink & { readonly current: () => Sink | null } => {
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
    current: () => current,
    stop: async () => {
      stopping = true;
      await current?.stop();
    },
  };
};

/** Forks the API workers and waits until every one listens; 'failed' when one exits first. */
const startWorkers = async (config: Config, logger: Logger): Promise<ApiWorkers | 'failed'> => {
  const pool = forkApiWorkers(config.PLACEBO_API_WORKERS, logger);
  try {
    await pool.listening;
  } catch (e) {
    logger.error('api workers did not start', { error: e instanceof Error ? e.message : String(e) });
    await pool.stop();
    return 'failed';
  }
  logger.info('api workers listening', { workers: config.PLACEBO_API_WORKERS, port: config.PLACEBO_PORT });
  return pool;
};

/** What ends a serving process: a signal, the sink failing for good, or an API worker lost. */
const stopReason = (sink: SupervisedSink | null, pool: ApiWorkers | null, logger: Logger): Promise<string> => {
  const failed = sink?.done.then(
    () => 'stopped',
    (e: unknown) => {
      logger.error('sink failed', { error: e instanceof Error ? e.message : String(e) });
      return 'sink failed';
    },
  );
  return Promise.race([waitForSignal(), ...(failed ? [failed] : []), ...(pool ? [pool.lost.then(() => 'api worker lost')] : [])]);
};

interface Serving {
  readonly pool: ApiWorkers | null;
  readonly api: { readonly close: () => Promise<void> } | null;
  readonly sink: SupervisedSink | null;
  readonly metricsServer: { readonly close: () => Promise<void> } | null;
}

const shutDown = async ({ pool, api, sink, metricsServer }: Serving, why: string, logger: Logger): Promise<number> => {
  logger.info('shutting down', { reason: why });
  await pool?.stop();
  await api?.close();
  await sink?.stop().catch(() => undefined);
  await metricsServer?.close();
  return why === 'sink failed' || why === 'api worker lost' ? 1 : 0;
};

/** A sink without the API in its process serves its metrics on a port of its own, when one is set. */
const sinkMetricsServer = async (config: Config, metrics: Metrics, logger: Logger): Promise<{ readonly close: () => Promise<void> } | null> => {
  if (config.PLACEBO_SINK_METRICS_PORT === 0) return null;
  const served = await serveMetrics(metrics, config.PLACEBO_HOST, config.PLACEBO_SINK_METRICS_PORT);
  logger.info('sink metrics served', { url: served.url });
  return served;
};

/** Serves the API, the sink or both until a signal (or a failure that does not pass) ends the process. */
export const serve = async ({ config, logger }: CommandContext, withApi: boolean, sinkWanted: boolean): Promise<number> => {
  // A forked API worker serves HTTP only: the sink stays in the process that forked it.
  const withSink = sinkWanted && !isApiWorker();
  try {
    return await withInfra(config, { name: withSink ? 'sink' : 'api' }, logger, async (opened) => {
      if (withApi && !(await checkIndex(opened))) return 1;
      const pool = withApi && config.PLACEBO_API_WORKERS > 1 && !isApiWorker() ? await startWorkers(config, logger) : null;
      if (pool === 'failed') return 1;
      // One registry for the process: the API's /metrics shows the sink's too when both run here.
      const metrics = createMetrics();
      const infra = instrumentInfrastructure(opened, metrics);
      // The sink starts after the API: the console's operator view asks for it when it is asked.
      let sink: (SupervisedSink & { readonly current: () => Sink | null }) | null = null;
      const api = withApi && pool === null ? await startApi(config, infra, logger, metrics, { sink: () => sink?.current() ?? null }) : null;
      sink = withSink ? superviseSink(() => createLakeSink(config, infra, logger), logger) : null;
      if (sink !== null) registerSinkMetrics(metrics, sink.current, opened.log);
      const metricsServer = api === null && sink !== null ? await sinkMetricsServer(config, metrics, logger) : null;
      if (api !== null) {
        logger.info('api listening', { url: api.url, mode: config.PLACEBO_MODE, data_dir: config.PLACEBO_DATA_DIR });
        process.stdout.write(`Placebo API listening on ${api.url}\n`);
      }
      return shutDown({ pool, api, sink, metricsServer }, await stopReason(sink, pool, logger), logger);
    });
  } finally {
    // A worker's channel to its primary would keep it alive after it stopped serving, or failed to start.
    if (isApiWorker()) process.disconnect?.();
  }
};
