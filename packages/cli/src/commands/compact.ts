import * as E from 'fp-ts/lib/Either.js';
import { analystTables } from '@placebo/domain';
import { createDuckDbParquetDecoder } from '@placebo/adapters';
import { compact as compactLake, parquetEncoderFor } from '@placebo/app-sink';
import { stringOption, type Command } from './command.js';
import { withInfra } from './infra.js';

export const compact: Command = {
  name: 'compact',
  usage: '  compact [--older-than-days N]  merge the small files of the dates at least N days old (default 1), one per source partition',
  options: { 'older-than-days': { type: 'string' } },
  run: ({ values, config, logger }) => {
    const given = stringOption(values, 'older-than-days') ?? '1';
    const days = Number(given);
    if (!/^\d+$/.test(given.trim())) {
      process.stderr.write('compact: --older-than-days takes a whole number of days, 0 or more\n');
      return Promise.resolve(2);
    }
    return withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) => {
      const encoder = parquetEncoderFor(config);
      const decoder = createDuckDbParquetDecoder();
      try {
        const r = await compactLake({
          lake: infra.lake,
          registry: infra.registry,
          encoder,
          decoder,
          tables: analystTables,
          olderThanDays: days,
          now: Date.now,
          logger,
        });
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
  },
};
