import { availableParallelism } from 'node:os';
import { openReplaySide, type Config } from '@placebo/adapters';
import { replayLog, type ReplayReport } from '@placebo/app-sink';
import { createProgress } from '../progress.js';
import { option, type Command } from './command.js';
import { withInfra } from './infra.js';

/** One reader per core; in cluster mode at most one per partition (more would each decode a partition's records). */
export const defaultReplayWorkers = (config: Config, cores = availableParallelism()): number =>
  config.PLACEBO_MODE === 'cluster' ? Math.max(1, Math.min(cores, config.PLACEBO_KAFKA_PARTITIONS)) : Math.max(1, cores);

/** `--workers N` (1 to 64), the default when absent, or null when it is not a number in range. */
const workersOf = (args: ReadonlyArray<string>, config: Config): number | null => {
  const given = option(args, '--workers');
  if (given === null) return args.includes('--workers') ? null : defaultReplayWorkers(config);
  const n = Number(given);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : null;
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
  usage: [
    '  replay [--verify] [--workers N]  rebuild every snapshot from the log (--verify: compare only, change nothing)',
    '                        --workers: threads folding the log, each its own partitions or share of players',
    '                        (default: one per core; cluster: at most PLACEBO_KAFKA_PARTITIONS)',
  ].join('\n'),
  accepts: (args) => option(args, '--player') === null,
  run: ({ args, config, logger }) => {
    const verify = args.includes('--verify');
    const workers = workersOf(args, config);
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
