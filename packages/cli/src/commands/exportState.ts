import * as E from 'fp-ts/lib/Either.js';
import { stateTables } from '@placebo/domain';
import { exportState as exportSnapshots, parquetEncoderFor } from '@placebo/app-sink';
import { createProgress } from '../progress.js';
import type { Command } from './command.js';
import { withInfra } from './infra.js';

export const exportState: Command = {
  name: 'export-state',
  usage: "  export-state          write the snapshots' current state as the tables players, player_items, player_orgs",
  options: {},
  run: ({ config, logger }) =>
    withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) => {
      const progress = createProgress('export-state', 'players');
      const encoder = parquetEncoderFor(config);
      try {
        const r = await exportSnapshots({
          snapshots: infra.snapshots,
          lake: infra.lake,
          registry: infra.registry,
          encoder,
          tables: stateTables,
          now: Date.now,
          progress: (n) => progress.update(n, 0),
        });
        if (E.isLeft(r)) {
          process.stderr.write(`export-state failed: ${r.left.message}\n`);
          return 1;
        }
        progress.done(r.right.players, r.right.players);
        process.stdout.write(`${JSON.stringify(r.right)}\n`);
        return 0;
      } finally {
        encoder.close();
      }
    }),
};
