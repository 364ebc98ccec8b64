import { writeReport, type ReportOptions } from '../report/report.js';
import type { Command } from './command.js';
import { withInfra } from './infra.js';

const usage = 'usage: placebo report [--out report.html] [--queries queries/]';

/** Flags and their values, in pairs; null when one is unknown or lacks its value. */
const parse = (args: ReadonlyArray<string>): ReportOptions | null => {
  const options: Record<string, string> = { '--out': 'report.html', '--queries': 'queries' };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i]!, args[i + 1]];
    if (!(flag in options) || value === undefined) return null;
    options[flag] = value;
  }
  return { out: options['--out']!, queries: options['--queries']! };
};

export const report: Command = {
  name: 'report',
  usage: '  report [--out report.html] [--queries queries/]  answer every queries/*.sql question; write one HTML file with charts',
  run: ({ args, config, logger }) =>
    withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) => {
      const options = parse(args);
      if (options === null) {
        process.stderr.write(`${usage}\n`);
        return 2;
      }
      return writeReport(options, infra.query, config.PLACEBO_MODE);
    }),
};
