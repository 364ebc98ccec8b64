import { analystTables, stateTables, type RowFileEncoder } from '@placebo/domain';
import { createDuckDbParquetEncoder, createParquetEncoder, type Config, type Infrastructure, type Logger } from '@placebo/adapters';
import * as E from 'fp-ts/lib/Either.js';
import { createSink, type Sink } from './sink/sink.js';
import { exportState } from './stateExport.js';

/** The Parquet writer named by PLACEBO_PARQUET_ENCODER. */
export const parquetEncoderFor = (config: Pick<Config, 'PLACEBO_PARQUET_ENCODER'>): RowFileEncoder & { readonly close: () => void } =>
  config.PLACEBO_PARQUET_ENCODER === 'parquetjs' ? { ...createParquetEncoder(), close: () => undefined } : createDuckDbParquetEncoder();

/** Exports the player state every `everyMs` while the sink runs; a failed export is logged and tried at the next tick. */
const scheduleStateExports = (everyMs: number, infra: Infrastructure, encoder: RowFileEncoder, logger: Logger): { readonly stop: () => Promise<void> } => {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= exportState({ snapshots: infra.snapshots, lake: infra.lake, registry: infra.registry, encoder, tables: stateTables, now: Date.now })
      .then((r) => (E.isLeft(r) ? logger.warn('state export failed', { error: r.left.message }) : logger.info('state exported', { ...r.right })))
      .finally(() => (running = null));
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};

/** Composition root of the sink: the analyst tables from the log into the lake, and the player state on a timer. */
export const createLakeSink = (config: Config, infra: Infrastructure, logger: Logger): Sink => {
  const encoder = parquetEncoderFor(config);
  const sink = createSink({
    source: infra.log,
    offsets: infra.offsets,
    lake: infra.lake,
    encoder,
    registry: infra.registry,
    tables: analystTables,
    consumer: 'placebo-sink',
    flushRows: config.PLACEBO_SINK_FLUSH_ROWS,
    flushMs: config.PLACEBO_SINK_FLUSH_MS,
    flushBytes: config.PLACEBO_SINK_FLUSH_BYTES,
    leaseMs: config.PLACEBO_SINK_LEASE_MS,
    logger: logger.child({ component: 'sink' }),
  });
  // DuckDB's encoder holds an in-process database (a few hundred MB once warm): a run that ends, stopped or failed,
  // lets it go, so a supervisor that creates a new sink after each failure does not pile them up.
  return {
    ...sink,
    drain: (progress) => sink.drain(progress).finally(encoder.close),
    start: () => {
      const exports =
        config.PLACEBO_STATE_EXPORT_MS > 0
          ? scheduleStateExports(config.PLACEBO_STATE_EXPORT_MS, infra, encoder, logger.child({ component: 'state-export' }))
          : null;
      return sink.start().finally(async () => {
        await exports?.stop();
        encoder.close();
      });
    },
  };
};
