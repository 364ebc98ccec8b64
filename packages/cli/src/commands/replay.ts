import { openReplaySide } from '@placebo/adapters';
import { replayLog, type ReplayReport } from '@placebo/app-sink';
import { createProgress } from '../progress.js';
import { stringOption, type Command } from './command.js';
import { withInfra } from './infra.js';

/**
 * `--workers N` (1 to 64), 1 when absent, or null when it is not a whole number in range. One thread by default: on
 * the 2-core box of bench/README.md two threads folded slower than one (their start-up cost and no idle core).
 */
const workersOf = (given: string | null): number | null => {
  if (given === null) return 1;
  const n = Number(given);
  return /^\d+$/.test(given) && n >= 1 && n <= 64 ? n : null;
};

const printVerdict = (report: ReplayReport): number => {
  const bad = [...report.differing, ...report.missing, ...report.orphans];
  process.stdout.write(
    bad.length === 0
      ? `all ${report.players} snapshots equal the replayed log\n`
      : `${bad.length} snapshots differ from the log: ${bad.slice(0, 20).join(', ')}\n`,
  );
  return bad.length === 0 ? 0 : 1;
};

export const replay: Command = {
  name: 'replay',
  usage: '  replay [--verify] [--workers N]  rebuild every snapshot from the log (--verify: compare only, change nothing)',
  help: [
    '  --verify      compare every snapshot with the fold of the log; exit 1 on any difference',
    '  --workers N   threads folding the log, each its own partitions or share of players (1 to 64, default 1;',
    '                more help only where cores are idle: bench/README.md)',
  ].join('\n'),
  options: { verify: { type: 'boolean' }, workers: { type: 'string' } },
  accepts: (values) => values.player === undefined,
  run: ({ values, config, logger }) => {
    const verify = values.verify === true;
    const workers = workersOf(stringOption(values, 'workers'));
    if (workers === null) {
      process.stderr.write('placebo replay: --workers takes a whole number from 1 to 64\n');
      return Promise.resolve(2);
    }
    return withInfra(config, { name: 'replay', readTopics: ['all_events'] }, logger, async (infra) => {
      const progress = createProgress(verify ? 'replay --verify' : 'replay', 'events');
      const side = await openReplaySide(config, logger);
      let report: ReplayReport;
      try {
        report = await replayLog({
          source: side.source,
          snapshots: infra.snapshots,
          verify,
          workers: { count: workers, config },
          progress: progress.update,
          onWorker: (worker, r) => logger.info('replay worker folded its part', { worker, units: r.units, events: r.events, seconds: r.seconds }),
        });
      } finally {
        await side.close();
      }
      progress.done(report.events, report.events);
      if (!verify) await infra.logIndex?.markIndexed();
      const rate = Math.round(report.events / Math.max(report.seconds, 0.001));
      const summary = {
        ...report,
        events_per_second: rate,
        differing: report.differing.length,
        missing: report.missing.length,
        orphans: report.orphans.length,
      };
      logger.info('replay done', summary);
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      return verify ? printVerdict(report) : 0;
    });
  },
};
