import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig, openEmbedded, openReplaySide } from '@placebo/adapters';
import { replayWorkersSuite } from '@placebo/testkit/sink';

replayWorkersSuite(
  'embedded: one partition, split by player',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placebo-replay-'));
    const config = loadConfig({ PLACEBO_DATA_DIR: dir });
    if (config._tag === 'Left') throw new Error(JSON.stringify(config.left));
    const infra = openEmbedded({ dataDir: dir });
    const side = await openReplaySide(config.right, createLogger({ level: 'error' }));
    return {
      config: config.right,
      log: infra.log,
      source: side.source,
      snapshots: infra.snapshots,
      close: async () => {
        await side.close();
        await infra.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  [2, 3],
);
