import { join } from 'node:path';
import type { AccountStore, EventLog, LakeStore, LogSource, OffsetStore, QueryEngine, SessionStore, SnapshotStore } from '@placebo/domain';
import { analystTables, analystViews } from '@placebo/domain';
import { createDuckDbQueryEngine } from '../duckdb/duckDbQueryEngine.js';
import { createLocalLakeStore } from '../local/localLakeStore.js';
import { openSqlite } from './sqlite.js';
import { createSqliteEventLog } from './sqliteEventLog.js';
import { createSqliteAccountStore, createSqliteOffsetStore, createSqliteSessionStore, createSqliteSnapshotStore } from './sqliteStores.js';

export interface Infrastructure {
  readonly log: EventLog & LogSource;
  readonly snapshots: SnapshotStore;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly offsets: OffsetStore;
  readonly lake: LakeStore;
  readonly query: QueryEngine;
  /** True when the stores answer (for /readyz). */
  readonly ready: () => Promise<boolean>;
  readonly close: () => Promise<void>;
}

/** Everything on local disk under `dataDir`: `placebo.db` (log, snapshots, accounts, sessions, offsets) and `lake/`. */
export const openEmbedded = (options: { readonly dataDir: string }): Infrastructure => {
  const db = openSqlite({ path: join(options.dataDir, 'placebo.db') });
  const lake = createLocalLakeStore({ root: join(options.dataDir, 'lake') });
  const query = createDuckDbQueryEngine({ root: lake.root, tables: analystTables, views: analystViews });
  const ping = db.prepare('select 1');
  return {
    log: createSqliteEventLog({ db }),
    snapshots: createSqliteSnapshotStore({ db }),
    accounts: createSqliteAccountStore({ db }),
    sessions: createSqliteSessionStore({ db }),
    offsets: createSqliteOffsetStore({ db }),
    lake,
    query,
    ready: async () => {
      try {
        ping.get();
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      // Let appends queued for this tick commit before the file closes.
      await new Promise((r) => setImmediate(r));
      query.close();
      db.close();
    },
  };
};
