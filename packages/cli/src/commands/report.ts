import { emptyLakeHint, lakeIsEmpty } from '../lakeEmpty.js';
import { writeReport } from '../report/report.js';
import { stringOption, type Command } from './command.js';
import { withInfra } from './infra.js';

export const report: Command = {
  name: 'report',
  usage: '  report [--out report.html] [--queries queries/]  answer every queries/*.sql question; write one HTML file with charts',
  options: { out: { type: 'string' }, queries: { type: 'string' } },
  run: ({ values, config, logger }) =>
    withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) => {
      if (await lakeIsEmpty(infra.query)) {
        process.stderr.write(`report: nothing to chart: ${emptyLakeHint(config)}\n`);
        return 1;
      }
      const options = { out: stringOption(values, 'out') ?? 'report.html', queries: stringOption(values, 'queries') ?? 'queries' };
      return writeReport(options, infra.query, config.PLACEBO_MODE);
    }),
};
