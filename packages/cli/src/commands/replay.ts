import { replayLog } from '@placebo/app-sink';
import { createProgress } from '../progress.js';
import type { Command } from './command.js';
import { withInfra } from './infra.js';

export const replay: Command = {
  name: 'replay',
  usage: '  replay [--verify]     rebuild every snapshot from the log (--verify: compare only, change nothing)',
  options: { verify: { type: 'boolean' } },
  accepts: (values) => values.player === undefined,
  run: ({ values, config, logger }) => {
    const verify = values.verify === true;
    return withInfra(config, { name: 'replay', readTopics: ['all_events'] }, logger, async (infra) => {
      const progress = createProgress(verify ? 'replay --verify' : 'replay', 'events');
      const report = await replayLog({ source: infra.log, snapshots: infra.snapshots, verify, progress: progress.update });
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
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      if (!verify) return 0;
      const bad = report.differing.length + report.missing.length + report.orphans.length;
      process.stdout.write(
        bad === 0
          ? `all ${report.players} snapshots equal the replayed log\n`
          : `${bad} snapshots differ from the log: ${[...report.differing, ...report.missing, ...report.orphans].slice(0, 20).join(', ')}\n`,
      );
      return bad === 0 ? 0 : 1;
    });
  },
};
