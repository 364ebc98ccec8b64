import { join } from 'node:path';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { analystTables, analystViews, stateTables } from '@placebo/domain';
import { createDuckDbQueryEngine } from '../duckdb/duckDbQueryEngine.js';
import type { Infrastructure } from '../infrastructure.js';
import { createLocalLakeStore } from '../local/localLakeStore.js';
import { createSqliteRateLimiters } from '../rateLimit/rateLimiters.js';
import { openSqlite } from './sqlite.js';
import { createSqliteEventLog } from './sqliteEventLog.js';
import { threadWriter } from './sqliteWriter.js';
import { createSqliteOffsetStore } from './sqliteOffsetStore.js';
import { createSqliteAccountStore, createSqliteSessionStore, createSqliteSnapshotStore } from './sqliteStores.js';

/**
 * Everything on local disk under `dataDir`: `placebo.db` (log, snapshots, accounts, sessions, offsets), `limits.db`
 * (rate-limit counts) and `lake/`.
 */
export const openEmbedded = (options: { readonly dataDir: string }): Infrastructure => {
  const path = join(options.dataDir, 'placebo.db');
  const db = openSqlite({ path });
  const log = createSqliteEventLog({ db, writer: threadWriter(path) });
  const lake = createLocalLakeStore({ root: join(options.dataDir, 'lake') });
  const query = createDuckDbQueryEngine({ root: lake.root, tables: analystTables, views: analystViews, stateTables });
  const ping = db.prepare('select 1');
  const rateLimits = createSqliteRateLimiters({ path: join(options.dataDir, 'limits.db') });
  const ready = async (): Promise<boolean> => {
    try {
      ping.get();
      return true;
    } catch {
      return false;
    }
  };
  return {
    log,
    snapshots: createSqliteSnapshotStore({ db }),
    accounts: createSqliteAccountStore({ db }),
    sessions: createSqliteSessionStore({ db }),
    offsets: createSqliteOffsetStore({ db }),
    lake,
    query,
    registry: { register: () => TE.right(undefined) },
    rateLimits,
    ready,
    health: async () => [{ service: 'sqlite', ok: await ready() }],
    close: async () => {
      // Appends already queued commit before the file closes.
      await log.close();
      query.close();
      await rateLimits.close();
      db.close();
    },
  };
};
