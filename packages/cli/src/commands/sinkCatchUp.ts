import { createLakeSink } from '@placebo/app-sink';
import { createProgress } from '../progress.js';
import type { Command } from './command.js';
import { withInfra } from './infra.js';

export const sinkCatchUp: Command = {
  name: 'sink',
  usage: '  sink --catch-up       commit everything in the log, then exit',
  options: { 'catch-up': { type: 'boolean' } },
  accepts: (values) => values['catch-up'] === true,
  run: ({ config, logger }) =>
    withInfra(config, { name: 'sink' }, logger, async (infra) => {
      const progress = createProgress('sink catch-up', 'records');
      const stats = await createLakeSink(config, infra, logger).drain(progress.update);
      progress.done(stats.records, stats.records);
      process.stdout.write(`${JSON.stringify(stats)}\n`);
      return 0;
    }),
};
