import { analystTables, type RowFileEncoder } from '@placebo/domain';
import { createDuckDbParquetEncoder, createParquetEncoder, type Config, type Infrastructure, type Logger } from '@placebo/adapters';
import { createSink, type Sink } from './sink.js';

/** The Parquet writer named by PLACEBO_PARQUET_ENCODER. */
export const parquetEncoderFor = (config: Pick<Config, 'PLACEBO_PARQUET_ENCODER'>): RowFileEncoder & { readonly close: () => void } =>
  config.PLACEBO_PARQUET_ENCODER === 'parquetjs' ? { ...createParquetEncoder(), close: () => undefined } : createDuckDbParquetEncoder();

/** Composition root of the sink: the analyst tables from the log into the lake. */
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
    logger: logger.child({ component: 'sink' }),
  });
  // DuckDB's encoder holds an in-process database (a few hundred MB once warm): a run that ends, stopped or failed,
  // lets it go, so a supervisor that creates a new sink after each failure does not pile them up.
  return {
    ...sink,
    drain: (progress) => sink.drain(progress).finally(encoder.close),
    start: () => sink.start().finally(encoder.close),
  };
};
