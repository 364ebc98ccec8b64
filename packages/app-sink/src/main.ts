import { analystTables, type RowFileEncoder } from '@placebo/domain';
import { createDuckDbParquetEncoder, createParquetEncoder, type Config, type Infrastructure, type Logger } from '@placebo/adapters';
import { createSink, type Sink } from './sink.js';

/** The Parquet writer named by PLACEBO_PARQUET_ENCODER. */
export const parquetEncoderFor = (config: Pick<Config, 'PLACEBO_PARQUET_ENCODER'>): RowFileEncoder =>
  config.PLACEBO_PARQUET_ENCODER === 'parquetjs' ? createParquetEncoder() : createDuckDbParquetEncoder();

/** Composition root of the sink: the analyst tables from the log into the lake. */
export const createLakeSink = (config: Config, infra: Infrastructure, logger: Logger): Sink =>
  createSink({
    source: infra.log,
    offsets: infra.offsets,
    lake: infra.lake,
    encoder: parquetEncoderFor(config),
    registry: infra.registry,
    tables: analystTables,
    consumer: 'placebo-sink',
    flushRows: config.PLACEBO_SINK_FLUSH_ROWS,
    flushMs: config.PLACEBO_SINK_FLUSH_MS,
    flushBytes: config.PLACEBO_SINK_FLUSH_BYTES,
    logger: logger.child({ component: 'sink' }),
  });
