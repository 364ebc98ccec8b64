import type * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type {
  AccountStore,
  EventLog,
  LakeStore,
  LogSource,
  OffsetStore,
  PortError,
  QueryEngine,
  SessionStore,
  SnapshotStore,
  TableRegistry,
} from '@placebo/domain';
import type { IndexRepair } from './cluster/indexGuard.js';
import type { RateLimiters } from './rateLimit/rateLimiters.js';

/** Whether one backing service answers. */
export interface ServiceHealth {
  readonly service: string;
  readonly ok: boolean;
}

/** Cluster mode's index of the log in Redis, as the API and replay check and repair it. */
export interface LogIndex {
  readonly indexed: () => Promise<boolean>;
  readonly markIndexed: () => Promise<void>;
  /** Puts back into Redis' index the newest records of Kafka that Redis lost (a crash with AOF synced every second). */
  readonly verifyIndex: (progress?: (done: number, total: number) => void) => Promise<IndexRepair>;
  /** Players whose snapshot may have been behind their log for `olderThanMs` (a write cut off by a crash). */
  readonly pending: (olderThanMs: number, max: number) => TaskEither<PortError, ReadonlyArray<string>>;
  /** Produces and closes the player's write intent if its writer is gone. */
  readonly completeIntent: (playerId: string) => Promise<E.Either<PortError, void>>;
  /** The player listed by the last `pending` is settled (intent closed, snapshot refreshed): it leaves the list. */
  readonly settled: (playerId: string) => Promise<void>;
}

/**
 * What every mode opens: the stores, the log, the lake and the engine over it. `openEmbedded` (embedded/) and
 * `openCluster` (cluster/) each return one; the apps take it without knowing which.
 */
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
  /** The same probes, one answer per backing service, for the operator's view. */
  readonly health: () => Promise<ReadonlyArray<ServiceHealth>>;
  readonly close: () => Promise<void>;
}
