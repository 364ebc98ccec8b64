import { analystTables } from '@placebo/domain';
import { createParquetEncoder, type Config, type Infrastructure, type Logger } from '@placebo/adapters';
import { createSink, type Sink } from './sink.js';

/** Composition root of the sink: the analyst tables from the log into the lake. */
export const createLakeSink = (config: Config, infra: Infrastructure, logger: Logger): Sink =>
  createSink({
    source: infra.log,
    offsets: infra.offsets,
    lake: infra.lake,
    encoder: createParquetEncoder(),
    tables: analystTables,
    consumer: 'placebo-sink',
    flushRows: config.PLACEBO_SINK_FLUSH_ROWS,
    flushMs: config.PLACEBO_SINK_FLUSH_MS,
    logger: logger.child({ component: 'sink' }),
  });
