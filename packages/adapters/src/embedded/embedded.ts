import { join } from 'node:path';
import type * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { AccountStore, EventLog, LakeStore, LogSource, OffsetStore, PortError, QueryEngine, SessionStore, SnapshotStore, TableRegistry } from '@placebo/domain';
import { analystTables, analystViews, stateTables } from '@placebo/domain';
import type { IndexRepair } from '../cluster/indexGuard.js';
import { createDuckDbQueryEngine } from '../duckdb/duckDbQueryEngine.js';
import { createLocalLakeStore } from '../local/localLakeStore.js';
import { createSqliteRateLimiters, type RateLimiters } from '../rateLimit/rateLimiters.js';
import { openSqlite } from './sqlite.js';
import { createSqliteEventLog } from './sqliteEventLog.js';
import { threadWriter } from './sqliteWriter.js';
import { createSqliteAccountStore, createSqliteOffsetStore, createSqliteSessionStore, createSqliteSnapshotStore } from './sqliteStores.js';

export interface LogIndex {
  readonly indexed: () => Promise<boolean>;
  readonly markIndexed: () => Promise<void>;
  /** Puts back into Redis' index the newest records of Kafka that Redis lost (a crash with AOF synced every second). */
  readonly verifyIndex: (progress?: (done: number, total: number) => void) => Promise<IndexRepair>;
  /** Players whose snapshot may have been behind their log for `olderThanMs` (a write cut off by a crash). */
  readonly pending: (olderThanMs: number, max: number) => TaskEither<PortError, ReadonlyArray<string>>;
  /** Produces and closes the player's write intent if its writer is gone. */
  readonly completeIntent: (playerId: string) => Promise<E.Either<PortError, void>>;
}

export interface Infrastructure {
  readonly log: EventLog & LogSource;
  readonly snapshots: SnapshotStore;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly offsets: OffsetStore;
  readonly lake: LakeStore;
  readonly query: QueryEngine;
  /** Makes new lake partitions queryable (Presto's metastore; nothing to do for DuckDB, which globs the folders). */
  readonly registry: TableRegistry;
  /**
   * Cluster mode: Redis' index of the log (player heads, tails, intents). A process must not write when `indexed()`
   * is false (Redis lost its keys; `placebo replay` rebuilds them and calls `markIndexed`).
   */
  readonly logIndex?: LogIndex;
  /** Request counts for the API's rate limits, shared by the processes of a deployment. */
  readonly rateLimits: RateLimiters;
  /** True when the stores answer (for /readyz). */
  readonly ready: () => Promise<boolean>;
  readonly close: () => Promise<void>;
}

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
    ready: async () => {
      try {
        ping.get();
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      // Appends already queued commit before the file closes.
      await log.close();
      query.close();
      await rateLimits.close();
      db.close();
    },
  };
};
